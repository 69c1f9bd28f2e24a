"""One way out for a plan: every export format, for the CLI and the editor alike.

`render(plan, to)` gives the text of an export (`toml`, `ics`, `md`, `json`);
`export_to_file(plan, to, out, plan_path=..., overwrite=...)` writes it, and refuses
to write over the plan's own file or its backup, whatever the path is called (a
relative path, one with `..`, a symbolic link, a hard link). The formats live in
`planner.export.ics` and `planner.export.markdown`; TOML and JSON come from
`planner.planfile` and the model. This package imports nothing heavy on its own.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.model import Plan
    from planner.report import PlanReport

#: Every export format, by the name `--to` and the editor use.
EXPORT_FORMATS: tuple[str, ...] = ("toml", "ics", "md", "json")


class ExportError(ValueError):
    """An export refused before anything was written, and why.

    `exists` is set when the only reason is that the target exists and was not to be
    replaced (ask, then export again with `overwrite=True`).
    """

    def __init__(self, reason: str, *, exists: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.exists = exists


def render(plan: Plan, to: str, report: PlanReport | None = None, week: int | None = None) -> str:
    """The plan (or its week `week`, 1-based) in an export format: toml, ics, md or json.

    `report` (the plan's findings) is used by Markdown; it is worked out when not given.
    Raises `WeekOutOfRange` for a week the plan does not have.
    """
    if week is not None:
        from planner.export.week import check_week

        check_week(plan, week)
    if to == "toml":
        from planner.export.week import week_plan
        from planner.planfile import canonical_toml

        return canonical_toml(plan if week is None else week_plan(plan, week))
    if to == "json":
        from planner.export.json_export import plan_to_json
        from planner.export.week import week_plan

        return plan_to_json(plan if week is None else week_plan(plan, week))
    if to == "ics":
        from planner.export.ics import plan_to_ics

        return plan_to_ics(plan, week=week)
    if to == "md":
        from planner.export.markdown import plan_to_markdown
        from planner.rules.engine import evaluate

        return plan_to_markdown(plan, report or evaluate(plan), week)
    raise ValueError(f"unknown export format {to!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same inode where both exist (a hard or
    symbolic link), else the same resolved path (`..`, a relative path)."""
    try:
        if os.path.samefile(first, second):
            return True
    except (OSError, ValueError):
        pass  # one of them does not exist (yet), or cannot be looked at
    try:
        return first.resolve() == second.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return os.path.abspath(first) == os.path.abspath(second)


def _protected(plan_path: Path) -> list[tuple[Path, bool]]:
    """The plan's file and its backup (beside the link and beside the file it points
    to, where saves put it), each with whether it is the backup."""
    from planner.planfile import backup_path

    files = [(plan_path, False), (backup_path(plan_path), True)]
    try:
        real = plan_path.resolve()
    except (OSError, RuntimeError):
        return files
    if real != plan_path:
        files += [(real, False), (backup_path(real), True)]
    return files


def refusal(out: Path, plan_path: Path | None) -> str | None:
    """Why an export of the plan at `plan_path` must not be written to `out`, or None.

    An export never goes over the plan itself (it would replace its comments and
    layout) nor over its backup (the previous version a save keeps).
    """
    if plan_path is None:
        return None
    from planner.planfile import escaped

    shown = escaped(str(out))
    for protected, is_backup in _protected(plan_path):
        if not _same_file(out, protected):
            continue
        if is_backup:
            return (
                f"{shown} is the backup of the plan being exported; exporting over it "
                "would lose the plan's previous version. Choose another file."
            )
        return (
            f"{shown} is the plan being exported; exporting over it would replace its "
            "comments and layout. Choose another file."
        )
    return None


def export_to_file(
    plan: Plan,
    to: str,
    out: Path,
    *,
    plan_path: Path | None,
    overwrite: bool,
    report: PlanReport | None = None,
    week: int | None = None,
) -> Path:
    """Write the plan's export in format `to` to `out` (atomically, no backup).

    `plan_path` is the plan's own file (None for a plan without one): `out` is refused
    when it is that file or its backup, by any name. An existing `out` is replaced
    only when `overwrite` is set. Raises ExportError when refused (nothing written),
    SaveError when the write fails (the file on disk is as it was). Returns `out`.
    """
    reason = refusal(out, plan_path)
    if reason is not None:
        raise ExportError(reason)
    if not overwrite and os.path.lexists(out):
        from planner.planfile import escaped

        raise ExportError(f"{escaped(str(out))} exists", exists=True)
    text = render(plan, to, report, week)
    from planner.planfile import write_atomic

    write_atomic(out, text, backup=False)
    return out
