"""The import picker's preview of a block says which week each finding belongs to."""

from __future__ import annotations

from planner.report import Finding, Severity
from planner.ui.screens.import_plan import finding_note


def finding(week: int | None, days: tuple[str, ...]) -> Finding:
    return Finding("back-to-back-heavy", Severity.warning, week, days, "Two heavy days.", "Rest.")


def test_a_blocks_findings_name_their_week() -> None:
    assert "week 3: Mon Tue" in finding_note(finding(3, ("mon", "tue")), weeks=4).plain
    assert "week 2" in finding_note(finding(2, ()), weeks=4).plain
    assert "the week" not in finding_note(finding(2, ()), weeks=4).plain


def test_a_one_week_plans_findings_need_no_week_number() -> None:
    note = finding_note(finding(1, ("mon", "tue")), weeks=1).plain
    assert "week" not in note.split("\n")[0]
    assert "Mon Tue" in note
