"""The editor's main screen: start-up, moving around, every editing key, undo and redo."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from ui_helpers import (
    SIZE,
    badge_style,
    day,
    find_on_screen,
    flagged_days,
    header_text,
    main_screen,
    notifications,
    recovery_badge,
    risk_badge,
    screen_text,
    titles,
    week_app,
)

from planner.model import Kind, Session
from planner.ui.messages import Selection


async def test_start_selects_mondays_first_session_and_shows_the_plan(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.week_index == 0
        assert screen.week.selection == Selection("mon", 0)
        assert screen.week.has_focus
        header = header_text(app)
        assert "Test week" in header
        assert "week.toml" in header
        assert "●" not in header
        # Both words, as badges coloured by their value.
        assert risk_badge(app) == "overload moderate"
        assert badge_style(app, "risk-badge") == "bold $text-warning on $warning-muted"
        assert recovery_badge(app) == "recovery good"
        assert badge_style(app, "recovery-badge") == "bold $text-success on $success-muted"
        assert app.editor.report.risk.value == "moderate"
        assert app.editor.report.recovery.value == "good"
        # A one-week plan: no block strip; the header gives the week's dates.
        assert not screen.strip.display
        assert "30 Nov-6 Dec" in header
        # Findings: most severe first; the day heading shows the date.
        assert screen.findings.findings[0].rule == "muscle-recovery"
        assert screen.findings.border_title == f"Findings ({len(app.editor.report.findings)})"
        shown = screen_text(app)
        assert "Mon 30 Nov" in shown
        assert "Squat, lunges" in shown


async def test_start_on_a_monday_without_sessions_selects_monday(tmp_path: Path) -> None:
    from ui_helpers import WEEK

    start = WEEK.index("[[days.mon.sessions]]")
    text = WEEK[:start] + WEEK[WEEK.index("[days.tue]") :]
    app = week_app(tmp_path, text)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert day(app.editor.plan, "mon").sessions == ()
        assert main_screen(app).week.selection == Selection("mon", None)


async def test_arrows_and_hjkl_move_between_days_and_sessions(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = main_screen(app).week
        await pilot.press("right")
        assert week.selection == Selection("tue", 0)
        await pilot.press("l", "l", "l")
        assert week.selection == Selection("fri", 0)
        await pilot.press("down")
        assert week.selection == Selection("fri", 1)
        await pilot.press("j")  # the last session: stays
        assert week.selection == Selection("fri", 1)
        await pilot.press("k")
        assert week.selection == Selection("fri", 0)
        await pilot.press("up")  # above the first session: the day itself
        assert week.selection == Selection("fri", None)
        await pilot.press("down")
        assert week.selection == Selection("fri", 0)
        await pilot.press("down", "left")  # row 1 on Thursday clamps to its only session
        assert week.selection == Selection("thu", 0)
        await pilot.press("h", "h", "h", "h")  # stops at Monday
        assert week.selection == Selection("mon", 0)
        await pilot.press("right", "right", "right", "right", "right", "right", "right")
        assert week.selection == Selection("sun", None)
        assert week.selected_session is None


async def test_selected_days_findings_come_first(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("right", "right", "right", "right", "right")  # Saturday
        # The concurrent-interference info (Fri, Sat) comes before the warning (Wed, Fri).
        assert screen.findings.findings[0].rule == "concurrent-interference"
        assert "sat" in screen.findings.findings[0].days
        of_sat = [f for f in screen.findings.findings if "sat" in f.days]
        assert screen.findings.findings[: len(of_sat)] == of_sat
        assert "Sat first" in str(screen.findings.border_subtitle)


async def test_add_session_with_the_form(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "right", "right")  # Sunday
        await pilot.press("a")
        assert app.screen.__class__.__name__ == "SessionForm"
        await pilot.press(*"Easy swim")
        app.screen.query_one("#kind").value = Kind.active_recovery  # type: ignore[attr-defined]
        await pilot.click("#minutes")
        await pilot.press("3", "0", "enter")
        await pilot.pause()
        sunday = day(app.editor.plan, "sun")
        assert [s.title for s in sunday.sessions] == ["Easy swim"]
        assert sunday.sessions[0].kind is Kind.active_recovery
        assert sunday.sessions[0].minutes == 30
        screen = main_screen(app)
        assert screen.week.selection == Selection("sun", 0)
        assert screen.week.selected_session == sunday.sessions[0]
        assert "●" in header_text(app)  # the unsaved-changes mark
        assert app.editor.dirty
        assert "Easy swim" in screen_text(app)
        assert "Easy swim" in app.editor.text


async def test_enter_and_e_edit_the_selected_session(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert app.screen.__class__.__name__ == "SessionForm"
        minutes = app.screen.query_one("#minutes")
        minutes.value = "90"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert day(app.editor.plan, "mon").sessions[0].minutes == 90
        await pilot.press("e")
        assert app.screen.__class__.__name__ == "SessionForm"
        title = app.screen.query_one("#title")
        title.value = "Front squat"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert day(app.editor.plan, "mon").sessions[0].title == "Front squat"
        assert day(app.editor.plan, "mon").sessions[0].minutes == 90
        assert "Front squat" in screen_text(app)


async def test_escape_closes_the_form_without_changes(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.editor.text
        await pilot.press("e", "x", "y", "escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert app.editor.text == before
        assert not app.editor.dirty
        assert not app.editor.can_undo


async def test_delete_undo_redo(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        original = app.editor.text
        await pilot.press("right", "right", "right", "right")  # Friday, Deadlift
        await pilot.press("d")
        await pilot.pause()
        assert titles(app.editor.plan, "fri") == ["Core"]
        assert screen.week.selection == Selection("fri", 0)
        assert any("Deleted 'Deadlift'" in text for text in notifications(app))
        await pilot.press("delete")
        await pilot.pause()
        assert day(app.editor.plan, "fri").sessions == ()
        assert screen.week.selection == Selection("fri", None)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert titles(app.editor.plan, "fri") == ["Core"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert titles(app.editor.plan, "fri") == ["Deadlift", "Core"]
        assert screen.week.selection == Selection("fri", 0)
        assert app.editor.text == original
        assert not app.editor.dirty
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert titles(app.editor.plan, "fri") == ["Core"]
        assert app.editor.dirty


async def test_deleting_a_heavy_session_changes_the_overload_badge_at_once(
    tmp_path: Path,
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert risk_badge(app) == "overload moderate"
        await pilot.press("right", "right", "d")  # Wednesday's heavy session
        await pilot.pause()
        assert app.editor.report.risk.value == "low"
        assert risk_badge(app) == "overload low"
        assert badge_style(app, "risk-badge") == "bold $text-success on $success-muted"
        assert "overload low" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert risk_badge(app) == "overload moderate"
        assert badge_style(app, "risk-badge") == "bold $text-warning on $warning-muted"


async def test_shift_arrows_move_the_session_and_keep_it_selected(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("shift+right")
        await pilot.pause()
        plan = app.editor.plan
        assert day(plan, "mon").sessions == ()
        assert titles(plan, "tue") == ["Brisk walk", "Squat, lunges"]
        assert screen.week.selection == Selection("tue", 1)
        assert screen.week.selected_session == day(plan, "tue").sessions[1]
        await pilot.press("shift+left")
        await pilot.pause()
        assert titles(app.editor.plan, "mon") == ["Squat, lunges"]
        assert screen.week.selection == Selection("mon", 0)
        text = app.editor.text
        await pilot.press("shift+left")  # Monday is the first day: nothing moves
        await pilot.pause()
        assert app.editor.text == text
        assert any("first day" in text for text in notifications(app))


async def test_copy_then_paste_into_another_day(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("v")  # nothing copied yet: nothing happens
        await pilot.pause()
        assert titles(app.editor.plan, "mon") == ["Squat, lunges"]
        assert not app.editor.can_undo
        await pilot.press("c")
        await pilot.press("right", "right", "right", "right", "right", "right", "v")
        await pilot.pause()
        sunday = day(app.editor.plan, "sun").sessions
        assert [s.title for s in sunday] == ["Squat, lunges"]
        assert sunday[0] == day(app.editor.plan, "mon").sessions[0]
        assert main_screen(app).week.selection == Selection("sun", 0)


async def test_paste_into_a_full_day_says_why_and_changes_nothing(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")
        for _ in range(7):
            await pilot.press("v")
        await pilot.pause()
        assert len(day(app.editor.plan, "mon").sessions) == 8
        before = app.editor.text
        await pilot.press("v")
        await pilot.pause()
        assert app.editor.text == before
        assert any("8 sessions" in text for text in notifications(app))


async def test_f_focuses_findings_and_a_finding_highlights_its_days(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("f")
        assert screen.findings.has_focus
        finding = screen.findings.current
        assert finding is not None and finding.rule == "muscle-recovery"
        assert flagged_days(app) == {"wed", "fri"}
        detail = screen.detail.query_one(".finding-text", Static)
        text = str(detail.content)
        assert finding.advice in text
        assert finding.info.source in text
        assert finding.info.evidence.value in text
        assert "Raises the overload risk." in text
        await pilot.press("down")
        second = screen.findings.current
        assert second is not None and second != finding
        assert second.rule == "concurrent-interference"
        assert flagged_days(app) == set(second.days)
        await pilot.press("enter")  # go to the finding's first day
        await pilot.pause()
        assert screen.week.has_focus
        assert screen.week.selection.day == second.days[0]
        await pilot.press("f", "escape")
        assert screen.week.has_focus


async def test_markup_in_a_title_shows_as_typed(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e")
        title = app.screen.query_one("#title")
        title.value = "[bold]x[/bold]"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert day(app.editor.plan, "mon").sessions[0].title == "[bold]x[/bold]"
        assert "[bold]x[/bold]" in screen_text(app)
        # A copy notification names it literally too.
        await pilot.press("c")
        await pilot.pause()
        assert any("'[bold]x[/bold]'" in text for text in notifications(app))


async def test_mouse_selects_sessions_days_and_findings(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.click(offset=find_on_screen(app, "Core"))
        await pilot.pause()
        assert screen.week.selection == Selection("fri", 1)
        await pilot.click(offset=find_on_screen(app, "Sun 6 Dec"))
        await pilot.pause()
        assert screen.week.selection == Selection("sun", None)
        await pilot.click("#findings", offset=(3, 1))
        assert screen.findings.has_focus
        assert screen.findings.current is not None


async def test_help_lists_keys_day_types_and_rules(tmp_path: Path) -> None:
    from planner.catalogue import CATALOGUE

    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        from planner.ui.screens.help import HelpBody, help_text

        body = app.screen.query_one("#help-text", HelpBody)
        text = help_text(body.plan).plain
        # On screen, a long key line wraps under its description, not the key column.
        shown = body.render().plain.splitlines()
        wrapped = [line for line in shown if line.startswith(" " * 14) and line.strip()]
        assert wrapped, "some key lines wrap at this width"
        assert all(not line.startswith(" " * 14 + " ") for line in wrapped[:3])
        for rule in CATALOGUE:
            assert rule.title in text
            assert rule.source in text
            for threshold in rule.thresholds:
                assert threshold.key in text
        for words in ("shift+left", "ctrl+z", "recovery day", "rest day", "ctrl+p"):
            assert words in text
        # The week, log, settings and accept keys of version 2.
        for key in ("[", "]", "W", "m", "s", "A"):
            assert f"\n{key} " in text
        assert "bracket" not in text  # keys by their symbol, not Textual's name
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)


async def test_command_palette_runs_an_action(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Delete the session")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert day(app.editor.plan, "mon").sessions == ()


async def test_day_form_sets_sleep_and_the_findings_follow(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert app.screen.__class__.__name__ == "DayForm"
        await pilot.press("6", "tab", *"00:30", "tab", "2", "tab", *"Early start", "enter")
        await pilot.pause()
        monday = day(app.editor.plan, "mon")
        assert monday.sleep_hours == 6
        assert monday.bedtime == "00:30"
        assert monday.protein_meals == 2
        assert monday.note == "Early start"  # tab selects the field, typing replaces it
        rules = {f.rule for f in app.editor.report.findings}
        assert {"short-sleep", "irregular-sleep", "protein-spread"} <= rules
        # Three recovery rules: recovery poor, and a moderate week on poor recovery is high.
        assert recovery_badge(app) == "recovery poor"
        assert risk_badge(app) == "overload high"
        assert "sleep 6h" in screen_text(app)


async def test_new_week_shows_not_planned_and_rest_day_guidance(tmp_path: Path) -> None:
    from planner.ui.app import make_app
    from planner.ui.widgets.week_grid import REST_GUIDANCE

    app = make_app(tmp_path / "fresh.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        # Each unplanned value says so, in the words that fit the column.
        assert "not planned" in shown
        assert "no sleep" in shown or "sleep not planned" in shown
        assert any(" ".join(guidance.split()[:2]) in shown for guidance in REST_GUIDANCE)
        assert risk_badge(app) == "overload low"
        assert recovery_badge(app) == "recovery good"


async def test_a_session_stays_the_session_it_was(tmp_path: Path) -> None:
    """Editing without changes applies nothing (no undo step, not dirty)."""
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "enter")
        await pilot.pause()
        assert not app.editor.can_undo
        assert not app.editor.dirty
        assert isinstance(day(app.editor.plan, "mon").sessions[0], Session)


async def test_every_action_is_a_command_in_the_palette(tmp_path: Path) -> None:
    from planner.templates import list_templates
    from planner.ui.commands import COMMANDS, PlannerCommands

    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c", "d")  # something to paste and to undo
        await pilot.pause()
        provider = PlannerCommands(main_screen(app))
        titles_shown = [str(hit.text) async for hit in provider.discover()]
        expected = [command.title for command in COMMANDS if command.palette]
        actions = [title for title in titles_shown if not title.startswith("Import template: ")]
        assert sorted(actions) == sorted(t for t in expected if t != "Redo")
        for title in ("Plan settings", "Log the session", "Weeks: add, copy, delete, label"):
            assert title in actions
        # Every bundled template by name, as "Import template: <title>".
        templates = sorted(t for t in titles_shown if t.startswith("Import template: "))
        assert templates == sorted(f"Import template: {t.title}" for t in list_templates())
        assert "Import template: Upper/lower 4x, heavy and moderate days alternating" in templates
        system = [command.title for command in app.get_system_commands(app.screen)]
        assert "Quit" not in system  # the editor's own Quit asks about changes


def test_the_theme_follows_the_terminal() -> None:
    from planner.ui.app import terminal_theme

    assert terminal_theme({}) == "textual-dark"
    assert terminal_theme({"COLORFGBG": "0;15"}) == "textual-light"
    assert terminal_theme({"COLORFGBG": "15;default;0"}) == "textual-dark"
    assert terminal_theme({"PLANNER_THEME": "nord", "COLORFGBG": "0;15"}) == "nord"
