"""A plan as the JSON of its model (`planner export --to json`), `done` and `extra` included.

Keys with no value (`null`) are left out, so the JSON reads like the TOML it came from
and `Plan.model_validate_json` gives the same plan back; every other field is written,
defaults included, so a script needs no knowledge of the defaults.
"""

from __future__ import annotations

from planner.model import Plan


def plan_to_json(plan: Plan) -> str:
    """The plan as indented JSON, ending in a newline."""
    return plan.model_dump_json(indent=2, exclude_none=True) + "\n"
