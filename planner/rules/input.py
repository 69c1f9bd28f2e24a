"""Input rules: values in a plan that contradict each other, such as RPE against kind."""

from __future__ import annotations

from planner.findings import Finding, Metrics, Severity
from planner.model import DAY_KEYS, DAY_NAMES, DEFAULT_RPE, Kind, Plan

#: The RPE range (CR-10) each kind of session fits, both ends included.
RPE_RANGE: dict[Kind, tuple[int, int]] = {
    Kind.heavy: (6, 10),
    Kind.moderate: (4, 7),
    Kind.light: (1, 5),
    Kind.active_recovery: (1, 3),
}

_KIND_WORDS: dict[Kind, str] = {
    Kind.heavy: "heavy",
    Kind.moderate: "moderate",
    Kind.light: "light",
    Kind.active_recovery: "active recovery",
}


def _range_words(kind: Kind) -> str:
    low, high = RPE_RANGE[kind]
    if high == 10:
        return f"RPE {low} or more"
    if low == 1:
        return f"RPE {high} or less"
    return f"RPE {low} to {high}"


def intensity_mismatch(plan: Plan, metrics: Metrics) -> list[Finding]:
    """The RPE disagrees with the kind: heavy under 6, moderate outside 4-7, light over 5,
    active_recovery over 3. Source: Foster 2001 CR-10 anchors (heuristic)."""
    findings = []
    for key in DAY_KEYS:
        for session in getattr(plan.days, key).sessions:
            kind = session.kind
            rpe = session.rpe if session.rpe is not None else DEFAULT_RPE[kind]
            low, high = RPE_RANGE[kind]
            if low <= rpe <= high:
                continue
            findings.append(
                Finding(
                    rule="intensity-mismatch",
                    severity=Severity.info,
                    days=(key,),
                    message=f'"{session.title}" on {DAY_NAMES[key]} is {_KIND_WORDS[kind]} '
                    f"but has RPE {rpe}; {_KIND_WORDS[kind]} means {_range_words(kind)}.",
                    advice="Change the kind or the RPE so they agree: heavy is RPE 6 or more, "
                    "moderate 4 to 7, light 5 or less, active recovery 3 or less. The other "
                    "rules judge the week by kind and load, so a mismatch skews them.",
                )
            )
    return findings
