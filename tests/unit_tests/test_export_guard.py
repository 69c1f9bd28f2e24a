"""planner.export: one entry point for every format, and never over the plan or its backup."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.export import EXPORT_FORMATS, ExportError, export_to_file, refusal, render
from planner.planfile import SaveError, backup_path, parse_plan, read_plan


@pytest.fixture
def plan_file(write_plan: Callable[..., Path], tmp_path: Path, commented_plan: str) -> Path:
    return write_plan(tmp_path, commented_plan)


def test_render_gives_every_format(plan_file: Path) -> None:
    plan = read_plan(plan_file)
    assert render(plan, "toml").startswith("format = 1\n")
    assert parse_plan(render(plan, "toml")) == plan
    assert json.loads(render(plan, "json"))["plan"]["name"] == plan.plan.name
    assert render(plan, "ics").startswith("BEGIN:VCALENDAR")
    assert render(plan, "md").startswith(f"# {plan.plan.name}")
    assert set(EXPORT_FORMATS) == {"toml", "ics", "md", "json"}
    with pytest.raises(ValueError, match="unknown export format"):
        render(plan, "pdf")


def other_names(plan_file: Path) -> dict[str, Path]:
    """Every other way to name the plan's file or its backup."""
    folder = plan_file.parent
    backup = backup_path(plan_file)
    (folder / "sub").mkdir(exist_ok=True)
    names = {
        "itself": plan_file,
        "relative": Path(os.path.relpath(plan_file)),
        "dotdot": folder / "sub" / ".." / plan_file.name,
        "symlink": folder / "link.toml",
        "hard link": folder / "hard.toml",
        "backup": backup,
        "backup not there yet": backup,
        "symlink to the backup": folder / "bak-link.toml",
    }
    names["symlink"].symlink_to(plan_file)
    os.link(plan_file, names["hard link"])
    names["symlink to the backup"].symlink_to(backup)
    return names


@pytest.mark.parametrize(
    "name",
    [
        "itself",
        "relative",
        "dotdot",
        "symlink",
        "hard link",
        "backup",
        "backup not there yet",
        "symlink to the backup",
    ],
)
@pytest.mark.parametrize("overwrite", [False, True])
def test_never_over_the_plan_or_its_backup(plan_file: Path, name: str, overwrite: bool) -> None:
    names = other_names(plan_file)
    if name != "backup not there yet":
        backup_path(plan_file).write_text("# previous\n", encoding="utf-8")
    before = {path.name: path.read_bytes() for path in plan_file.parent.iterdir() if path.is_file()}
    out = names[name]
    assert refusal(out, plan_file) is not None
    with pytest.raises(ExportError) as caught:
        export_to_file(read_plan(plan_file), "md", out, plan_path=plan_file, overwrite=overwrite)
    assert not caught.value.exists
    assert "\n" not in caught.value.reason
    after = {path.name: path.read_bytes() for path in plan_file.parent.iterdir() if path.is_file()}
    assert after == before


def test_a_plan_opened_through_a_link_guards_the_file_it_links_to(
    plan_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "elsewhere" / "linked.toml"
    link.parent.mkdir()
    link.symlink_to(plan_file)
    for out in (plan_file, backup_path(plan_file), link, backup_path(link)):
        assert refusal(out, link) is not None, out


def test_a_plan_with_a_relative_path_is_guarded_from_another_name(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plan_file.parent)
    assert refusal(plan_file, Path(plan_file.name)) is not None
    assert refusal(Path("./sub/../" + plan_file.name), Path(plan_file.name)) is not None


def test_other_files_are_fine(plan_file: Path, tmp_path: Path) -> None:
    plan = read_plan(plan_file)
    out = tmp_path / "week.md"
    assert refusal(out, plan_file) is None
    assert export_to_file(plan, "md", out, plan_path=plan_file, overwrite=False) == out
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert not backup_path(out).exists()
    assert refusal(plan_file, None) is None  # a plan without a file guards nothing


def test_an_existing_file_needs_overwrite(plan_file: Path, tmp_path: Path) -> None:
    plan = read_plan(plan_file)
    out = tmp_path / "week.ics"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        export_to_file(plan, "ics", out, plan_path=plan_file, overwrite=False)
    assert caught.value.exists
    assert out.read_text(encoding="utf-8") == "old"
    export_to_file(plan, "ics", out, plan_path=plan_file, overwrite=True)
    assert out.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_symlink_loop_is_a_save_error(plan_file: Path, tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    assert refusal(loop, plan_file) is None
    with pytest.raises(SaveError, match="loops back on itself"):
        export_to_file(read_plan(plan_file), "md", loop, plan_path=plan_file, overwrite=True)


def test_a_plan_whose_path_is_a_symlink_loop_guards_that_path(tmp_path: Path) -> None:
    from planner.planfile import parse_plan

    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    plan = parse_plan('format = 1\n[plan]\nname = "W"\n')
    assert refusal(loop, loop) is not None
    with pytest.raises(ExportError):
        export_to_file(plan, "toml", loop, plan_path=loop, overwrite=True)
