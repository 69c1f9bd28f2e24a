"""The import picker, the export dialog and the confirm dialog, through a small host app.

The screens are pushed by a host app of this module (not the editor), so these tests
and their snapshots do not depend on the main screen.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static

from planner.editor import PlanEditor
from planner.edits import AddSession
from planner.model import Kind, Plan, Session
from planner.planfile import PlanDocument, SaveError, parse_plan
from planner.rules.engine import evaluate
from planner.templates import list_templates, template_text
from planner.ui.screens.confirm import ConfirmScreen
from planner.ui.screens.export_plan import (
    FORMATS_BY_KEY,
    ExportScreen,
    default_export_path,
    file_slug,
)
from planner.ui.screens.import_plan import ImportChoice, ImportScreen, complete_path

SIZE = (120, 36)
SMALL = (80, 24)

# A known week: heavy Mon/Wed/Fri, easy days between, a moderate run on Saturday.
WEEK = """\
# A week for the import and export tests.
format = 1

[plan]
name = "Export week"
week_start = 2026-11-30

[defaults]
sleep_hours = 8.0
bedtime = "22:30"
protein_meals = 4

[days.mon]
[[days.mon.sessions]]
title = "Squat, lunges"
kind = "heavy"
activity = "strength"
focus = ["legs"]
minutes = 70
start = "17:30"
carbs_after = true

[days.tue]
[[days.tue.sessions]]
title = "Brisk walk"
kind = "active_recovery"
activity = "walk"
minutes = 40

[days.wed]
[[days.wed.sessions]]
title = "Bench | rows [bold]x[/]"
kind = "heavy"
activity = "strength"
focus = ["chest", "back"]
minutes = 65
start = "18:00"

[days.fri]
[[days.fri.sessions]]
title = "Deadlift"
kind = "heavy"
activity = "strength"
focus = ["back", "legs"]
minutes = 70
start = "17:00"
[[days.fri.sessions]]
title = "Core"
kind = "light"
activity = "mobility"
focus = ["core"]
minutes = 15

[days.sat]
[[days.sat.sessions]]
title = "Long run"
kind = "moderate"
activity = "run"
minutes = 60
"""

# Line 9 holds the bad value.
BROKEN = """\
format = 1

[plan]
name = "Broken week"

[days.mon]
[[days.mon.sessions]]
title = "Squat"
rpe = 12
kind = "heavy"
minutes = 60
"""

TEMPLATES = list_templates()


class Host(App[None]):
    """Pushes one screen and records what it dismisses with."""

    def __init__(self, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their results reach the screen."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text_of(app: App[Any], selector: str) -> str:
    """The plain text a Static on the current screen shows."""
    content = app.screen.query_one(selector, Static).content
    return content.plain if isinstance(content, Content) else str(content)


def preview_text(app: App[Any]) -> str:
    """Everything the import preview shows (visible parts only)."""
    parts = []
    for widget in app.screen.query("#import-preview Static").results(Static):
        if widget.display and not widget.has_class("-hidden"):
            content = widget.content
            parts.append(content.plain if isinstance(content, Content) else str(content))
    return "\n".join(parts)


def week_plan() -> Plan:
    return parse_plan(WEEK, "week.toml")


def edited_editor() -> PlanEditor:
    """A new plan with one edit applied, as the editor would hold it."""
    editor = PlanEditor(PlanDocument.from_text(WEEK, None), saved=False)
    session = Session(title="Easy swim", kind=Kind.active_recovery, minutes=30)
    editor.apply(AddSession("thu", session))
    return editor


# --- import ---------------------------------------------------------------------------


def test_there_are_templates_to_import() -> None:
    assert len(TEMPLATES) >= 3


async def test_the_picker_lists_every_template_with_its_numbers() -> None:
    app = Host(ImportScreen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        options = app.screen.query_one("#import-templates", OptionList)
        assert options.option_count == len(TEMPLATES)
        for index, template in enumerate(TEMPLATES):
            expected = parse_plan(template_text(template.name), template.name)
            report = evaluate(expected)
            # The row says weeks, heavy sessions, easy days, load (of week 1) and risk.
            row = options.get_option_at_index(index).prompt
            row_text = row.plain if isinstance(row, Content) else str(row)
            first = report.weeks[0].metrics
            assert row_text.split()[:5] == [
                template.name,
                str(len(expected.week_list)),
                str(first.heavy_sessions),
                str(first.easy_days),
                f"{first.weekly_load:,}",
            ]
            assert row_text.rstrip().endswith(report.risk.value)


#: Through the picker, preview and confirm: a week with many findings, a clean week,
#: a block and a logged block (every template's row is checked above).
PICKED = ("overloaded-week", "beginner-full-body", "runner-10k-8", "logged-block-example")


@pytest.mark.parametrize("name", PICKED)
async def test_import_each_template_through_the_picker(name: str) -> None:
    index = [template.name for template in TEMPLATES].index(name)
    template = TEMPLATES[index]
    expected = parse_plan(template_text(template.name), template.name)
    report = evaluate(expected)
    app = Host(ImportScreen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        options = screen.query_one("#import-templates", OptionList)
        assert options.has_focus
        assert options.option_count == len(TEMPLATES)
        for _ in range(index):
            await pilot.press("down")
        await pilot.pause()
        preview = preview_text(app)
        assert template.title in preview
        # Both words of version 2, as the editor's header shows them.
        assert f"overload {report.risk.value}" in preview
        assert f"recovery {report.recovery.value}" in preview
        assert f"weekly load {report.weeks[0].metrics.weekly_load:,}" in preview
        if len(expected.week_list) > 1:
            assert f"{len(expected.week_list)} weeks (week 1 shown)" in preview
        for finding in report.findings:
            assert finding.rule in preview
        assert app.results == []  # nothing changes before the choice is confirmed
        await pilot.press("enter")
        await pilot.pause()
    assert len(app.results) == 1
    choice = app.results[0]
    assert isinstance(choice, ImportChoice)
    assert choice.label == f"template {template.title}"
    assert parse_plan(choice.text, template.name) == expected


async def test_import_starts_on_the_template_it_is_asked_for() -> None:
    last = TEMPLATES[-1]
    app = Host(lambda: ImportScreen(initial=last.name))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (
            app.screen.query_one("#import-templates", OptionList).highlighted == len(TEMPLATES) - 1
        )
        assert last.title in preview_text(app)


async def test_import_a_broken_file_shows_its_error_with_its_line_and_changes_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "broken.toml").write_text(BROKEN, encoding="utf-8")
    app = Host(lambda: ImportScreen(base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        path_input = app.screen.query_one("#import-path", Input)
        assert path_input.has_focus
        await pilot.press(*"broken.toml")
        await pilot.press("enter")
        await settle(pilot)
        error = text_of(app, "#import-preview-error")
        assert error.startswith("broken.toml:9: days.mon.sessions[0].rpe:")
        assert "between 1 and 10" in error
        assert app.screen.query_one("#import-preview-error").styles.color is not None
        assert app.screen.query_one("#import-button", Button).disabled
        # Enter again reads the file again and still cannot import it.
        await pilot.press("enter")
        await settle(pilot)
        await pilot.click("#import-button")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        assert app.results == []
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_import_preview_shows_a_nasty_key_escaped_and_never_as_markup(
    tmp_path: Path,
) -> None:
    nasty = '"[bold]x[/] \\u001b]0;title\\u0007\\u001b[2J" = 1\n'
    (tmp_path / "nasty.toml").write_text(
        'format = 1\n[plan]\nname = "N"\n' + nasty, encoding="utf-8"
    )
    app = Host(lambda: ImportScreen(base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#import-path", Input).focus()
        await pilot.press(*"nasty.toml", "enter")
        await settle(pilot)
        error = text_of(app, "#import-preview-error")
        assert error.startswith("nasty.toml:4: plan.[bold]x[/] \\x1b]0;title\\x07\\x1b[2J: ")
        assert "\x1b" not in error and "\x07" not in error and "\n" not in error


async def test_import_a_missing_file_says_so(tmp_path: Path) -> None:
    app = Host(lambda: ImportScreen(base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#import-path", Input).focus()
        await pilot.press(*"nothere.toml", "enter")
        await settle(pilot)
        assert text_of(app, "#import-preview-error") == "nothere.toml: no such file"
        await pilot.press("enter")
        await settle(pilot)
        assert app.results == []


async def test_import_a_plan_file_by_path_previews_then_imports(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "week.toml").write_text(WEEK, encoding="utf-8")
    (tmp_path / "plans" / "notes.txt").write_text("not a plan", encoding="utf-8")
    app = Host(lambda: ImportScreen(base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "p")
        await settle(pilot)
        path_input = app.screen.query_one("#import-path", Input)
        await pilot.press("tab")  # accepts the completion "plans/"
        assert path_input.value == "plans/"
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("right")  # right accepts it too
        assert path_input.value == "plans/week.toml"
        await pilot.press("enter")  # shows the file
        await settle(pilot)
        preview = preview_text(app)
        assert "plans/week.toml" in preview
        assert "Export week" in preview
        assert "[bold]x[/]" in preview  # titles show as typed, not as markup
        assert app.results == []
        await pilot.press("enter")  # imports it
        await pilot.pause()
    assert app.results == [ImportChoice(WEEK, "plans/week.toml")]


async def test_escape_cancels_the_import() -> None:
    app = Host(ImportScreen)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "escape")
        await pilot.pause()
    assert app.results == [None]


def test_path_completion_offers_folders_and_plan_files(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "week.toml").write_text("", encoding="utf-8")
    (tmp_path / "plans" / "week.txt").write_text("", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    assert complete_path("pl", tmp_path) == "plans/"
    assert complete_path("plans", tmp_path) == "plans/"
    assert complete_path("plans/", tmp_path) == "plans/week.toml"
    assert complete_path("plans/week.t", tmp_path) == "plans/week.toml"
    assert complete_path("plans/week.toml", tmp_path) is None
    assert complete_path("plans/x", tmp_path) is None
    assert complete_path("", tmp_path) is None
    assert complete_path(".h", tmp_path) == ".hidden/"
    assert complete_path("nowhere/x", tmp_path) is None
    assert complete_path(f"{tmp_path}/pl", Path("/")) == f"{tmp_path}/plans/"
    assert complete_path("plans/w", tmp_path, (".txt",)) == "plans/week.txt"


# --- export ---------------------------------------------------------------------------


def test_default_export_paths_go_beside_the_plan(tmp_path: Path) -> None:
    plan_path = tmp_path / "week.toml"
    toml, ics, md = (FORMATS_BY_KEY[key] for key in ("toml", "ics", "md"))
    assert default_export_path(toml, "Export week", plan_path, tmp_path) == (
        tmp_path / "week-export.toml"
    )
    assert default_export_path(ics, "Export week", plan_path, Path("/")) == tmp_path / "week.ics"
    assert default_export_path(md, "Export week", Path("week.toml"), tmp_path) == (
        tmp_path / "week.md"
    )
    assert default_export_path(ics, "Strength 3x + recovery!", None, tmp_path) == (
        tmp_path / "strength-3x-recovery.ics"
    )


async def export_through_dialog(
    tmp_path: Path, downs: int, make: Callable[[], ExportScreen]
) -> tuple[Host, Path]:
    """Open the dialog, pick the format `downs` below TOML, press enter; the written path."""
    app = Host(make)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(downs):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
    assert len(app.results) == 1
    result = app.results[0]
    assert isinstance(result, Path)
    return app, result


async def test_export_toml_of_an_edited_plan_reimports_equal(tmp_path: Path) -> None:
    editor = edited_editor()
    _, path = await export_through_dialog(
        tmp_path, 0, lambda: ExportScreen.for_editor(editor, base=tmp_path)
    )
    assert path == tmp_path / "export-week.toml"
    reimported = parse_plan(path.read_text(encoding="utf-8"), str(path))
    assert reimported == editor.plan
    assert reimported.week_list[0].days["thu"].sessions[0].title == "Easy swim"
    assert not (tmp_path / "export-week.toml.bak").exists()


async def test_export_icalendar_has_one_event_per_session(tmp_path: Path) -> None:
    import icalendar

    plan = week_plan()
    _, path = await export_through_dialog(
        tmp_path,
        1,
        lambda: ExportScreen(plan, plan_path=tmp_path / "week.toml", base=tmp_path),
    )
    assert path == tmp_path / "week.ics"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    sessions = [entry for week in plan.week_list for entry in week.sessions()]
    assert len(events) == len(sessions) == 6
    summaries = " ".join(str(event.get("SUMMARY")) for event in events)
    for _, _, session in sessions:
        assert session.title in summaries


async def test_export_markdown_holds_the_week_table_and_the_findings(tmp_path: Path) -> None:
    plan = week_plan()
    report = evaluate(plan)
    assert report.findings
    _, path = await export_through_dialog(
        tmp_path,
        2,
        lambda: ExportScreen(plan, report=report, plan_path=tmp_path / "week.toml", base=tmp_path),
    )
    assert path == tmp_path / "week.md"
    text = path.read_text(encoding="utf-8")
    table = [line for line in text.splitlines() if line.startswith("|")]
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert any(line.startswith(f"| {day} |") for line in table), day
    assert "Squat, lunges" in text
    for finding in report.findings:
        assert f"`{finding.rule}`" in text
        assert finding.message in text.replace("\\", "")  # Markdown escapes | [ ]


async def test_the_default_path_follows_the_format_until_one_is_typed(tmp_path: Path) -> None:
    plan = week_plan()
    app = Host(lambda: ExportScreen(plan, plan_path=tmp_path / "week.toml", base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == "week-export.toml"
        assert text_of(app, "#export-where") == f"writes {tmp_path / 'week-export.toml'}"
        await pilot.press("down")
        assert path_input.value == "week.ics"
        await pilot.press("down")
        assert path_input.value == "week.md"
        path_input.focus()
        await pilot.press("ctrl+u", *"out/mine.md")
        assert path_input.value == "out/mine.md"
        assert text_of(app, "#export-where") == "folder out does not exist"
        assert app.screen.query_one("#export-button", Button).disabled
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == []
        (tmp_path / "out").mkdir()
        await pilot.press("backspace", "d")
        app.screen.query_one("#export-formats", OptionList).focus()
        await pilot.press("up")
        assert path_input.value == "out/mine.md"  # the typed path stays
        await pilot.press("enter")
        await settle(pilot)
    assert app.results == [tmp_path / "out" / "mine.md"]
    # The format chosen last (iCalendar) is what was written.
    assert (tmp_path / "out" / "mine.md").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


async def test_export_asks_before_overwriting(tmp_path: Path) -> None:
    plan = week_plan()
    target = tmp_path / "week.ics"
    target.write_text("old calendar", encoding="utf-8")
    app = Host(lambda: ExportScreen(plan, plan_path=tmp_path / "week.toml", base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")
        assert "exists" in text_of(app, "#export-where")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert text_of(app, "#confirm-message") == "Overwrite week.ics?"
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "old calendar"
        assert app.results == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
    assert app.results == [target]
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


async def test_a_failed_export_says_why_and_stays_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, text: str, *, backup: bool = True) -> None:
        raise SaveError(f"cannot save {path}: Permission denied; the file on disk is unchanged")

    monkeypatch.setattr("planner.planfile.write_atomic", refuse)
    plan = week_plan()
    app = Host(lambda: ExportScreen(plan, plan_path=tmp_path / "week.toml", base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "Permission denied" in text_of(app, "#export-error")
        assert app.screen.query_one("#export-error").display
        assert not app.screen.query_one("#export-button", Button).disabled
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert not (tmp_path / "week-export.toml").exists()


@pytest.mark.parametrize(
    "typed", ["week.toml", "week.toml.bak", "sub/../week.toml", "link.toml", "hard.toml"]
)
async def test_export_refuses_the_plans_own_file_and_its_backup(tmp_path: Path, typed: str) -> None:
    """Never "Overwrite?" then writes: the dialog says no and writes nothing."""
    plan_file = tmp_path / "week.toml"
    plan_file.write_text(WEEK, encoding="utf-8")
    (tmp_path / "week.toml.bak").write_text("# previous\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.toml").symlink_to(plan_file)
    (tmp_path / "hard.toml").hardlink_to(plan_file)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    plan = week_plan()
    app = Host(lambda: ExportScreen(plan, plan_path=Path("week.toml"), base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        path_input.focus()
        await pilot.press("ctrl+u", *typed)
        await pilot.pause()
        where = text_of(app, "#export-where")
        assert " is the " in where and "plan being exported" in where
        assert app.screen.query_one("#export-button", Button).disabled
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)  # no "Overwrite?" question
        assert "plan being exported" in text_of(app, "#export-error")
        await pilot.click("#export-button")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
    assert app.results == []
    after = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    assert after == before


async def test_an_export_target_that_appears_while_writing_is_asked_about(
    tmp_path: Path,
) -> None:
    """The dialog looked before; the export itself refuses to replace without a yes."""
    target = tmp_path / "week-export.toml"
    plan = week_plan()
    app = Host(lambda: ExportScreen(plan, plan_path=tmp_path / "week.toml", base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        target.write_text("someone else's", encoding="utf-8")  # after the dialog looked
        screen._write(target, overwrite=False)  # as action_export does for a new file
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert target.read_text(encoding="utf-8") == "someone else's"
        await pilot.press("y")
        await settle(pilot)
    assert app.results == [target]
    assert parse_plan(target.read_text(encoding="utf-8")) == plan


async def test_escape_cancels_the_export(tmp_path: Path) -> None:
    plan = week_plan()
    app = Host(lambda: ExportScreen(plan, base=tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "escape")
        await pilot.pause()
    assert app.results == [None]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("keys", "answer"), [("y", True), ("n", False), ("escape", False), ("enter", True)]
)
async def test_confirm_answers_by_key(keys: str, answer: bool) -> None:
    app = Host(lambda: ConfirmScreen("Overwrite week.ics?"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(keys)
        await pilot.pause()
    assert app.results == [answer]


# --- snapshots --------------------------------------------------------------------------

#: A fixed folder, so the export dialog's "writes ..." line is the same on every machine.
SNAPSHOT_BASE = Path("/tmp/planner-export-snapshot")


async def _templates_loaded(pilot: Pilot[Any]) -> None:
    await settle(pilot)


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x36"])
def test_snapshot_import_picker(snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(Host(ImportScreen), terminal_size=size, run_before=_templates_loaded)


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x36"])
def test_snapshot_import_picker_broken_file(
    snap_compare: Any, size: tuple[int, int], tmp_path: Path
) -> None:
    (tmp_path / "broken.toml").write_text(BROKEN, encoding="utf-8")

    async def type_broken_path(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("tab", *"broken.toml", "enter")
        await settle(pilot)
        pilot.app.screen.query_one("#import-path", Input).cursor_blink = False

    assert snap_compare(
        Host(lambda: ImportScreen(base=tmp_path)),
        terminal_size=size,
        run_before=type_broken_path,
    )


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x36"])
def test_snapshot_export_dialog(snap_compare: Any, size: tuple[int, int]) -> None:
    shutil.rmtree(SNAPSHOT_BASE, ignore_errors=True)
    SNAPSHOT_BASE.mkdir(parents=True)
    plan = week_plan()

    async def choose_icalendar(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()

    try:
        assert snap_compare(
            Host(
                lambda: ExportScreen(
                    plan, plan_path=SNAPSHOT_BASE / "week.toml", base=SNAPSHOT_BASE
                )
            ),
            terminal_size=size,
            run_before=choose_icalendar,
        )
    finally:
        shutil.rmtree(SNAPSHOT_BASE, ignore_errors=True)


# --- on the editor app --------------------------------------------------------------


async def test_the_screens_on_the_editor_app_import_as_one_undoable_edit(tmp_path: Path) -> None:
    from planner.edits import ReplacePlan
    from planner.ui.app import make_app

    editor = PlanEditor(PlanDocument.from_text(WEEK, None), saved=False)
    app = make_app(editor=editor)
    name = TEMPLATES[-1].name
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chosen: list[ImportChoice | None] = []
        app.push_screen(ImportScreen(initial=name, base=tmp_path), chosen.append)
        await settle(pilot)
        # The editor's stylesheet leaves the picker's layout alone.
        preview = app.screen.query_one("#import-preview")
        assert preview.region.width > 50
        assert preview.region.height > 20
        await pilot.press("enter")
        await pilot.pause()
        choice = chosen[0]
        assert choice is not None
        editor.apply(ReplacePlan(choice.text, choice.label))
        assert editor.plan == parse_plan(template_text(name), name)
        assert editor.dirty
        written: list[Path | None] = []
        app.push_screen(ExportScreen.for_editor(editor, base=tmp_path), written.append)
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        exported = tmp_path / f"{file_slug(editor.plan.plan.name)}.toml"
        assert written == [exported]
        assert parse_plan(exported.read_text(encoding="utf-8")) == editor.plan
    editor.undo()
    assert editor.plan == parse_plan(WEEK)
