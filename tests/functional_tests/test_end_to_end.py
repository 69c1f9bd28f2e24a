"""End to end: the real `planner` program in a pseudo-terminal, driven by its keys."""

from __future__ import annotations

import re
from pathlib import Path

from terminal import Terminal

from planner.planfile import parse_plan
from planner.templates import template_text

COMMENTED_WEEK = (Path(__file__).parent / "commented_week.toml").read_text(encoding="utf-8")


def risk_shown(screen: str) -> str | None:
    """The risk word in the header, as a person reads it."""
    header = screen.splitlines()[0].lower()
    match = re.search(r"\b(low|moderate|high)\b", header)
    return match[1] if match else None


def test_edit_move_save_undo_quit(tmp_path: Path) -> None:
    plan_file = tmp_path / "week.toml"
    plan_file.write_text(COMMENTED_WEEK, encoding="utf-8")
    terminal = Terminal.planner("edit", str(plan_file), cwd=tmp_path)
    try:
        screen = terminal.wait_for("End to end week")
        assert risk_shown(screen) == "low"

        # Monday's squat is selected on start; move it to Tuesday, next to Wednesday's bench.
        terminal.press("shift+right")
        terminal.wait_for(lambda s: risk_shown(s) == "moderate")
        terminal.wait_for(lambda s: "no easier day" in s.lower())

        terminal.press("ctrl+s")
        terminal.wait_for(lambda s: "saved" in s.lower())
        saved = plan_file.read_text(encoding="utf-8")
        plan = parse_plan(saved)
        assert [s.title for s in plan.days.tue.sessions] == ["Brisk walk", "Squat"]
        assert plan.days.mon.sessions == ()
        # Comments elsewhere in the file survive the save, and so does the moved one.
        for comment in (
            "# A three-day strength week",
            "# shown in the header",
            "# Wednesday: push",
            "# Friday: pull",
            "# the main lift",
        ):
            assert comment in saved
        assert (tmp_path / "week.toml.bak").read_text(encoding="utf-8") == COMMENTED_WEEK

        terminal.press("ctrl+z")
        terminal.wait_for(lambda s: risk_shown(s) == "low")

        # Unsaved again (the undo), so quitting asks; discard leaves the saved file.
        terminal.press("ctrl+q")
        terminal.wait_for(lambda s: "discard" in s.lower())
        terminal.press("d")
        assert terminal.wait_exit() == 0
        assert plan_file.read_text(encoding="utf-8") == saved
    finally:
        terminal.close()


def test_import_template_and_export_toml(tmp_path: Path) -> None:
    terminal = Terminal.planner("edit", str(tmp_path / "new-week.toml"), cwd=tmp_path)
    try:
        terminal.wait_for("New week")
        terminal.press("i")
        terminal.wait_for(lambda s: "upper-lower-4" in s.lower() or "upper/lower" in s.lower())
        # Walk down to the deload week (second in the list), see its preview, import it.
        terminal.press("down")
        terminal.wait_for(lambda s: "Deload week" in s)
        terminal.press("enter")
        screen = terminal.wait_for(lambda s: "Deload week" in s.splitlines()[0])
        assert "modified" in screen.splitlines()[0]

        terminal.press("x")
        terminal.wait_for(lambda s: "export" in s.lower())
        terminal.press("enter")
        terminal.wait_for(lambda s: "exported" in s.lower())
        exported = sorted(tmp_path.glob("*.toml"))
        exported = [p for p in exported if p.name != "new-week.toml"]
        assert exported, "the export wrote no TOML file"
        plan = parse_plan(exported[0].read_text(encoding="utf-8"))
        template = parse_plan(template_text("deload-week"))
        assert plan == template

        terminal.press("ctrl+q")
        terminal.wait_for(lambda s: "discard" in s.lower())
        terminal.press("d")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
