"""Accepting a finding (A): a reason asked, `[[accepted]]` written, the finding last and
dimmed with its reason, neither word worse; A again takes it back; undo of each."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_helpers import (
    SIZE,
    block_app,
    main_screen,
    notifications,
    recovery_badge,
    risk_badge,
    static_text,
    static_text_of,
)

from planner.model import Accepted
from planner.planfile import parse_plan
from planner.report import Finding
from planner.ui.app import PlannerApp
from planner.ui.screens.accept_dialog import AcceptDialog
from planner.ui.widgets.findings import finding_prompt

REASON = "Hills on Thursday are my club run; my coach planned it."


async def week_3_findings(pilot: Pilot[object]) -> None:
    """Show week 3 (its back-to-back warning) and focus its findings."""
    await pilot.press("right_square_bracket", "right_square_bracket", "f")
    await pilot.pause()


def shown(app: PlannerApp) -> list[Finding]:
    return main_screen(app).findings.findings


async def accept_first(app: PlannerApp, pilot: Pilot[object], reason: str = REASON) -> None:
    await week_3_findings(pilot)
    current = main_screen(app).findings.current
    assert current is not None and current.rule == "back-to-back-heavy"
    await pilot.press("A")
    await pilot.pause()
    assert isinstance(app.screen, AcceptDialog)
    await pilot.press(*reason, "enter")
    await pilot.pause()


async def test_a_accepts_a_finding_with_a_reason_and_undo_takes_it_out(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        original = app.editor.text
        await week_3_findings(pilot)
        assert risk_badge(app) == "overload moderate"
        recovery = recovery_badge(app)
        finding = main_screen(app).findings.current
        assert finding is not None
        assert (finding.rule, finding.week, finding.days) == (
            "back-to-back-heavy",
            3,
            ("wed", "thu"),
        )
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AcceptDialog)
        # The dialog names the finding it accepts.
        text = " ".join(static_text_of(w) for w in dialog.query(".field-hint").results(Static))
        assert "back-to-back-heavy" in text and "week 3" in text and finding.message in text
        await pilot.press(*REASON, "enter")
        await pilot.pause()
        assert app.screen is main_screen(app)
        # Written to [[accepted]] with the rule, week, days and reason.
        plan = app.editor.plan
        assert plan.accepted == (
            Accepted(rule="back-to-back-heavy", week=3, days=("wed", "thu"), reason=REASON),
        )
        assert "[[accepted]]" in app.editor.text
        assert parse_plan(app.editor.text) == plan
        # The finding moves to the end of the list, accepted, dimmed, with its reason.
        findings = shown(app)
        last = findings[-1]
        assert (last.rule, last.accepted, last.reason) == ("back-to-back-heavy", True, REASON)
        assert all(not f.accepted for f in findings[:-1])
        options = main_screen(app).findings
        shown_last = options.get_option_at_index(options.option_count - 1).prompt
        assert f"(accepted: {REASON})" in str(getattr(shown_last, "plain", shown_last))
        line = finding_prompt(last)
        assert f"(accepted: {REASON})" in line.plain
        assert any("$text-muted" in str(span.style) for span in line.spans)
        # Neither word gets worse; here the only warning is gone, so overload is low.
        assert risk_badge(app) == "overload low"
        assert recovery_badge(app) == recovery
        assert app.editor.report.weeks[2].risk.value == "low"
        assert any("Accepted" in text for text in notifications(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert risk_badge(app) == "overload moderate"
        assert not any(f.accepted for f in shown(app))


async def test_a_on_an_accepted_finding_takes_it_back(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await accept_first(app, pilot)
        accepted_text = app.editor.text
        findings = main_screen(app).findings
        findings.focus()
        await pilot.press("end")
        await pilot.pause()
        current = findings.current
        assert current is not None and current.accepted
        await pilot.press("A")
        await pilot.pause()
        # No dialog: the acceptance goes, and the finding counts again.
        assert app.screen is main_screen(app)
        assert app.editor.plan.accepted == ()
        assert "[[accepted]]" not in app.editor.text
        assert risk_badge(app) == "overload moderate"
        assert not any(f.accepted for f in shown(app))
        assert any("no longer accepted" in text for text in notifications(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == accepted_text


async def test_a_reason_is_required_and_escape_accepts_nothing(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await week_3_findings(pilot)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AcceptDialog)
        assert static_text(app, "#reason-error").startswith("required")
        app.screen.query_one("#reason", Input).value = "fine\x1b[2J"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AcceptDialog)
        assert static_text(app, "#reason-error") == (
            "Reason: must not contain control characters (found U+001B ESCAPE)"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert app.editor.text == original
        assert not app.editor.can_undo


async def test_a_without_a_highlighted_finding_says_how(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        # Week 1 has no findings: nothing to accept.
        assert main_screen(app).findings.current is None
        await pilot.press("A")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert any("No finding highlighted" in text for text in notifications(app))
        assert not app.editor.can_undo
