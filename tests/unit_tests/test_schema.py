"""The JSON Schema of the plan format is committed as docs/plan.schema.json; it must not
drift from the model."""

from __future__ import annotations

import json
from pathlib import Path

from planner.model import Plan

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "plan.schema.json"


def test_the_committed_schema_is_the_models() -> None:
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed == Plan.model_json_schema(), (
        "docs/plan.schema.json no longer matches the plan model: run "
        "`planner schema > docs/plan.schema.json` and review the diff"
    )


def test_the_committed_schema_is_what_editors_need() -> None:
    """Editors validate TOML against it: an object, strict about unknown keys."""
    committed = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert committed["type"] == "object"
    assert set(committed["required"]) == {"format", "plan"}
    assert committed.get("additionalProperties") is False
    assert SCHEMA.read_text(encoding="utf-8").endswith("}\n")
