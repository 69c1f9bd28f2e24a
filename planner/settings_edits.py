"""Edits of the plan as a whole: its settings (`[plan]`, `[defaults]`, `[rules]`) and
the findings accepted on purpose (`[[accepted]]`), applied in place to the document.

The edits are part of `planner.edits.Edit` and are applied by `planner.edits.apply_edit`.
Keys whose value does not change are left exactly as written, comments included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planner.block_edits import delete_element, insert_table_after, last_table_key
from planner.catalogue import RENAMED_RULES, RENAMED_THRESHOLDS, RULES_BY_ID, THRESHOLDS
from planner.model import DAY_KEYS, MAX_WEEKS, Plan

if TYPE_CHECKING:
    import tomlkit


@dataclass(frozen=True, slots=True)
class SetPlanSettings:
    """Set the plan's `[plan]`, `[defaults]` and `[rules]` values in one edit.

    None (and "" for the description) removes a key. `start` is written `week_start`
    in a format 1 file and `start` in format 2. `thresholds` maps threshold keys to a
    value, or to None to drop the plan's override; keys it leaves out stay as they are.
    `disabled` lists the rules switched off; empty removes the key.
    """

    name: str
    description: str
    level: str
    start: dt.date | None
    body_mass_kg: float | None
    repeats: bool | None
    sleep_hours: float | None
    bedtime: str | None
    protein_meals: int | None
    thresholds: dict[str, float | None] = field(hash=False)
    disabled: tuple[str, ...]

    def describe(self, weeks: int = 1) -> str:
        """What the edit does, for undo labels and notifications."""
        return "change the plan settings"


@dataclass(frozen=True, slots=True)
class AcceptFinding:
    """Accept a finding on purpose: a new `[[accepted]]` entry at the end of the file.

    `week` is the 1-based week number, as the file and findings write it (None: every
    week); `days` the finding's days (None: any days).
    """

    rule: str
    week: int | None
    days: tuple[str, ...] | None
    reason: str

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        where = f" in week {self.week}" if self.week is not None and weeks > 1 else ""
        return f"accept {self.rule}{where}"


@dataclass(frozen=True, slots=True)
class RemoveAcceptance:
    """Take back an accepted finding: remove the `index`-th (0-based) `[[accepted]]`."""

    index: int

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"take back accepted finding {self.index + 1}"


SettingsEdit = SetPlanSettings | AcceptFinding | RemoveAcceptance


def apply_settings_edit(
    document: tomlkit.TOMLDocument, plan: Plan, edit: SettingsEdit
) -> tomlkit.TOMLDocument:
    """Apply a settings or acceptance edit to the document in place and return it."""
    from planner.edits import EditError

    if isinstance(edit, SetPlanSettings):
        _set_plan_settings(document, plan, edit)
    elif isinstance(edit, AcceptFinding):
        _accept(document, edit)
    else:
        if not 0 <= edit.index < len(plan.accepted):
            raise EditError(f"the plan has no accepted finding {edit.index + 1}")
        delete_element(document, "accepted", edit.index)
    return document


def _write_keys(table: Any, changes: list[tuple[str, Any]]) -> None:
    """Set (or, for None, remove) keys of a table, in the style of what they replace."""
    from planner.edits import _set_key, _styled
    from planner.planfile import to_toml_value

    for key, value in changes:
        new = None if value is None else _styled(table.get(key), to_toml_value(value))
        _set_key(table, key, new)


def _set_plan_settings(document: tomlkit.TOMLDocument, plan: Plan, edit: SetPlanSettings) -> None:
    import tomlkit

    from planner.edits import EditError

    info = plan.plan
    start_key = "week_start" if plan.format == 1 else "start"
    wanted: list[tuple[str, Any, Any]] = [
        ("name", edit.name, info.name),
        ("description", edit.description or None, info.description or None),
        ("level", edit.level, info.level),
        (start_key, edit.start, plan.start),
        ("body_mass_kg", edit.body_mass_kg, info.body_mass_kg),
        ("repeats", edit.repeats, info.repeats),
    ]
    changes = [(key, new) for key, new, old in wanted if new != old]
    if changes:
        plan_table = document.get("plan")
        if plan_table is None:
            raise EditError("the file has no [plan] table")
        _write_keys(plan_table, changes)
    defaults = plan.defaults
    wanted = [
        ("sleep_hours", edit.sleep_hours, defaults.sleep_hours),
        ("bedtime", edit.bedtime, defaults.bedtime),
        ("protein_meals", edit.protein_meals, defaults.protein_meals),
    ]
    changes = [(key, new) for key, new, old in wanted if new != old]
    if changes:
        if "defaults" not in document:
            anchor = "plan" if "plan" in document else last_table_key(document)
            table = tomlkit.table()
            if anchor is None:
                document.append("defaults", table)
            else:
                insert_table_after(document, anchor, "defaults", table)
        _write_keys(document["defaults"], changes)
    changes = []
    for key, value in edit.thresholds.items():
        if key not in THRESHOLDS:
            raise EditError(f"unknown threshold {key!r}")
        if value == getattr(plan.rules, key):
            continue
        if value is not None and THRESHOLDS[key].integer and float(value).is_integer():
            value = int(value)
        changes.append((_written_threshold(document, key), value))
    if set(edit.disabled) != set(plan.rules.disabled):
        changes.append(("disabled", list(edit.disabled) or None))
    if any(value is not None for _, value in changes) and "rules" not in document:
        anchor = last_table_key(document, before="accepted")
        if anchor is None:
            document.append("rules", tomlkit.table())
        else:
            insert_table_after(document, anchor, "rules", tomlkit.table())
    if changes and "rules" in document:
        _write_keys(document["rules"], changes)


def _written_threshold(document: tomlkit.TOMLDocument, key: str) -> str:
    """The key a threshold has in the file: its version 1 name where the file uses it."""
    rules: Any = document.get("rules")
    if rules is not None and key not in rules:
        for old, new in RENAMED_THRESHOLDS.items():
            if new == key and old in rules:
                return old
    return key


def _accept(document: tomlkit.TOMLDocument, edit: AcceptFinding) -> None:
    import tomlkit
    from tomlkit.items import AoT, Array

    from planner.edits import (
        EditError,
        _attach_tail,
        _insert_into_aot,
        _make_room_after,
        _tail_owner,
    )
    from planner.planfile import toml_table

    if edit.rule not in RULES_BY_ID and edit.rule not in RENAMED_RULES:
        raise EditError(f"unknown rule id {edit.rule!r}")
    if edit.week is not None and not 1 <= edit.week <= MAX_WEEKS:
        raise EditError(f"week {edit.week} is not a week of a plan (1 to {MAX_WEEKS})")
    if edit.days is not None and any(day not in DAY_KEYS for day in edit.days):
        raise EditError(f"unknown day in {', '.join(edit.days)}; days are {', '.join(DAY_KEYS)}")
    values: dict[str, Any] = {"rule": edit.rule}
    if edit.week is not None:
        values["week"] = edit.week
    if edit.days is not None:
        values["days"] = list(edit.days)
    values["reason"] = edit.reason
    table = toml_table(values)
    accepted = document.get("accepted")
    if isinstance(accepted, AoT) and len(accepted) > 0:
        rest, blank = _make_room_after(_tail_owner(accepted[-1]))
        _insert_into_aot(accepted, len(accepted), table, "" if blank else "\n")
        _attach_tail(table, rest)
    elif isinstance(accepted, Array):
        inline = tomlkit.inline_table()
        inline.update(values)
        accepted.append(inline)
    elif accepted is not None:
        raise EditError("the file's accepted findings are not [[accepted]] tables")
    else:
        entries = tomlkit.aot()
        entries.append(table)
        anchor = last_table_key(document)
        if anchor is None:
            document.append("accepted", entries)
        else:
            insert_table_after(document, anchor, "accepted", entries)
