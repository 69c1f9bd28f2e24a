"""The keys of `planner check --format json`, in cli.md's order (version 2).

Written once here for the unit tests of the renderers and the CLI's functional tests.
"""

from __future__ import annotations

FILE_KEYS = [
    "file",
    "valid",
    "error",
    "errors",
    "risk",
    "recovery",
    "metrics",
    "weeks",
    "findings",
]
METRIC_KEYS = [
    "daily_load",
    "weekly_load",
    "planned_load",
    "done_load",
    "compliance_pct",
    "heavy_sessions",
    "easy_days",
    "rest_days",
    "monotony",
    "strain",
    "acwr",
    "load_change_pct",
    "sleep_debt_hours",
]
WEEK_KEYS = ["week", "label", "type", "start", "risk", "recovery", "metrics"]
FINDING_KEYS = ["rule", "severity", "week", "days", "message", "advice", "accepted", "reason"]
