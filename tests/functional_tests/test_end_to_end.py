"""End to end: the real `planner` program in a pseudo-terminal, driven by its keys."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from terminal import Terminal

from planner.block_edits import scaled_minutes
from planner.model import Done
from planner.planfile import parse_plan
from planner.rules.engine import evaluate
from planner.templates import template_text

HERE = Path(__file__).parent
COMMENTED_WEEK = (HERE / "commented_week.toml").read_text(encoding="utf-8")
#: A block template of four weeks; the test block of these tests when it is not there.
BLOCK_TEMPLATE = HERE.parents[1] / "plans" / "strength-block-4.toml"
BLOCK = BLOCK_TEMPLATE if BLOCK_TEMPLATE.exists() else HERE / "block_weeks.toml"


def header(screen: str) -> str:
    """The header line, as a person reads it."""
    return screen.splitlines()[0]


def risk_shown(screen: str) -> str | None:
    """The overload word in the header's badge."""
    match = re.search(r"\boverload (low|moderate|high)\b", header(screen))
    return match[1] if match else None


def test_edit_move_save_undo_quit(tmp_path: Path) -> None:
    plan_file = tmp_path / "week.toml"
    plan_file.write_text(COMMENTED_WEEK, encoding="utf-8")
    terminal = Terminal.planner("edit", str(plan_file), cwd=tmp_path)
    try:
        screen = terminal.wait_for("End to end week")
        assert risk_shown(screen) == "low"
        assert "recovery good" in header(screen)

        # Wednesday's bench press moves to Thursday, the day before Friday's rows and
        # chins: both heavy, both load the arms.
        terminal.press("right", "right", "shift+right")
        terminal.wait_for(lambda s: risk_shown(s) == "moderate")
        terminal.wait_for(lambda s: "no easier day" in s.lower())

        terminal.press("ctrl+s")
        terminal.wait_for(lambda s: "saved" in s.lower())
        saved = plan_file.read_text(encoding="utf-8")
        plan = parse_plan(saved)
        days = plan.week_list[0].days
        assert [s.title for s in days["thu"].sessions] == ["Easy spin", "Bench press"]
        assert days["wed"].sessions == ()
        assert plan.format == 1  # one week stays format 1
        # Comments elsewhere in the file survive the save, and so does the moved one's.
        for comment in (
            "# A three-day strength week",
            "# shown in the header",
            "# Monday: legs",
            "# Wednesday: push",
            "# Friday: pull",
            "# the main lift",
            "# the push lift",
            "# chins work the arms too",
        ):
            assert comment in saved, comment
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


def test_block_switch_week_add_a_scaled_week_log_save_and_check(tmp_path: Path) -> None:
    plan_file = tmp_path / "block.toml"
    shutil.copyfile(BLOCK, plan_file)
    original_text = plan_file.read_text(encoding="utf-8")
    original = parse_plan(original_text)
    weeks = len(original.week_list)
    terminal = Terminal.planner("edit", str(plan_file), cwd=tmp_path)
    try:
        terminal.wait_for(lambda s: f"week 1 of {weeks}" in header(s))

        # ] shows week 2.
        terminal.press("]")
        terminal.wait_for(lambda s: f"week 2 of {weeks}" in header(s))

        # W: a copy of week 2 after it, its minutes +5 % (the percentage the menu
        # offers). enter opens the choice, down and enter pick the copy, tab goes to
        # the percentage and enter there does it.
        terminal.press("W")
        terminal.wait_for(f"Week 2 of {weeks}")
        terminal.press("enter")
        terminal.wait_for("Duplicate this week")
        terminal.press("down", "enter")
        terminal.wait_for("Scale %")
        terminal.press("tab", "enter")
        terminal.wait_for(lambda s: f"week 3 of {weeks + 1}" in header(s))

        # m logs the new week's first Monday session as done as planned.
        terminal.press("m")
        terminal.wait_for(lambda s: "done as planned" in s)

        terminal.press("ctrl+s")
        terminal.wait_for(lambda s: "saved" in s.lower())
    finally:
        # Nothing is unsaved now: quitting does not ask.
        terminal.press("ctrl+q")
        status = terminal.wait_exit()
        terminal.close()
    assert status == 0

    saved = plan_file.read_text(encoding="utf-8")
    plan = parse_plan(saved)
    assert len(plan.week_list) == weeks + 1
    # The weeks around the new one are as they were.
    assert plan.week_list[:2] == original.week_list[:2]
    assert plan.week_list[3:] == original.week_list[2:]
    # The new week: week 2's sessions, minutes +5 %, the first of Monday logged.
    new = plan.week_list[2]
    source = [s for _, _, s in original.week_list[1].sessions()]
    copied = [s for _, _, s in new.sessions()]
    assert [s.title for s in copied] == [s.title for s in source]
    assert [s.minutes for s in copied] == [scaled_minutes(s.minutes, 5) for s in source]
    logged = new.days["mon"].sessions[0]
    assert logged.done == Done()
    assert [s.done for s in copied[1:]] == [None] * (len(copied) - 1)
    # The file's comments are all still there.
    for line in original_text.splitlines():
        if line.lstrip().startswith("#"):
            assert line.strip() in saved, line

    # planner check reads the saved file and reports what was done in week 3.
    result = subprocess.run(
        [sys.executable, "-m", "planner", "check", "--format", "json", str(plan_file)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    (checked,) = json.loads(result.stdout)
    assert checked["valid"] is True
    assert checked["metrics"] is None  # several weeks: read them per week
    done_loads = [week["metrics"]["done_load"] for week in checked["weeks"]]
    assert done_loads[2] == logged.minutes * logged.planned_rpe
    report = evaluate(plan)
    assert done_loads == [week.metrics.done_load for week in report.weeks]
    assert checked["weeks"][2]["metrics"]["compliance_pct"] == 100


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
        # The header names the imported plan, marked as changed and not saved yet.
        terminal.wait_for(lambda s: "Deload week" in header(s) and "●" in header(s))

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
