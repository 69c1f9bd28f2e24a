"""Input rules: values in a plan that contradict each other, such as RPE against kind."""

from __future__ import annotations

from planner.catalogue import KIND_WORDS
from planner.model import DAY_NAMES, Kind
from planner.report import Finding, Metrics, Severity
from planner.rules.context import WeekView

#: The planned RPE range (CR-10) each kind of session fits, both ends included.
RPE_RANGE: dict[Kind, tuple[int, int]] = {
    Kind.heavy: (6, 10),
    Kind.moderate: (3, 6),
    Kind.light: (1, 4),
    Kind.active_recovery: (1, 3),
}


#: Every (kind, planned RPE) pair that disagrees, for a quick look-up.
_MISMATCHES: frozenset[tuple[Kind, int]] = frozenset(
    (kind, rpe)
    for kind, (low, high) in RPE_RANGE.items()
    for rpe in range(1, 11)
    if not low <= rpe <= high
)


def _range_words(kind: Kind) -> str:
    low, high = RPE_RANGE[kind]
    if high == 10:
        return f"RPE {low} or more"
    if low == 1:
        return f"RPE {high} or less"
    return f"RPE {low} to {high}"


def intensity_mismatch(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The planned RPE, as written, disagrees with the kind on the CR-10 anchors: heavy
    under 6, moderate outside 3-6, light over 4, active recovery over 3. Sessions
    without a written RPE take their kind's default and never disagree; a skipped
    session's plan is still the plan's own input. Source: Foster 2001 CR-10. Evidence:
    heuristic."""
    findings = []
    for day in view.days:
        for session in day.sessions:
            rpe = session.rpe
            if rpe is None:
                continue
            kind = session.kind
            if (kind, rpe) not in _MISMATCHES:
                continue
            words = KIND_WORDS[kind]
            findings.append(
                Finding(
                    rule="intensity-mismatch",
                    severity=Severity.info,
                    week=view.number,
                    days=(day.key,),
                    message=f'"{session.title}" on {DAY_NAMES[day.key]} is {words} but '
                    f"planned at RPE {rpe}; {words} means {_range_words(kind)}.",
                    advice="Change the kind or the RPE in the session form so they agree "
                    "(CR-10: heavy 6 or more, moderate 3 to 6, light 4 or less, active "
                    "recovery 3 or less). The other rules judge the week by kind and by "
                    "load, so a mismatch skews them: an RPE 8 session marked moderate "
                    "never counts as heavy. The anchors follow Foster's session-RPE "
                    "scale (2001); where one kind ends and the next begins is a rule of "
                    "thumb.",
                )
            )
    return findings
