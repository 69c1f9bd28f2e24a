"""PlanEditor: opening, undo and redo, the dirty flag and saving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from planner.editor import UNDO_LIMIT, PlanEditor
from planner.edits import AddSession, DeleteSession, SetDay
from planner.model import Kind, Session
from planner.planfile import PlanDocument, PlanError, backup_path, parse_plan, read_plan
from planner.templates import DEFAULT_TEMPLATE, template_text

WALK = Session(title="Walk", kind=Kind.active_recovery, activity="walk", minutes=30)


@pytest.fixture
def plan_path(write_plan: Callable[..., Path], tmp_path: Path, commented_plan: str) -> Path:
    return write_plan(tmp_path, commented_plan)


def test_open_reads_the_file(plan_path: Path, commented_plan: str) -> None:
    editor = PlanEditor.open(plan_path)
    assert editor.path == plan_path
    assert editor.text == commented_plan
    assert editor.plan == parse_plan(commented_plan)
    assert not editor.dirty
    assert not editor.can_undo
    assert not editor.can_redo


def test_dirty_after_an_edit_and_clean_after_save(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    assert editor.dirty
    assert editor.save() == plan_path
    assert not editor.dirty
    assert plan_path.read_text(encoding="utf-8") == editor.text
    assert read_plan(plan_path) == editor.plan


def test_dirty_follows_undo_and_redo_around_the_save_point(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    editor.apply(AddSession("thu", WALK))
    editor.save()
    assert not editor.dirty
    editor.undo()
    assert editor.dirty  # past the save point
    editor.undo()
    assert editor.dirty
    editor.redo()
    assert editor.dirty
    editor.redo()
    assert not editor.dirty  # back at the save point
    editor.undo()
    editor.undo()
    # all the way back to the first load: the file on disk now differs from that
    assert editor.dirty


def test_undoing_to_the_loaded_text_is_clean(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(DeleteSession("sun", 0))
    assert editor.dirty
    assert editor.undo() == DeleteSession("sun", 0)
    assert not editor.dirty
    assert editor.redo() == DeleteSession("sun", 0)
    assert editor.dirty


def test_a_new_edit_clears_redo(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    editor.undo()
    assert editor.can_redo
    editor.apply(SetDay("sat", 7.0, None, None))
    assert not editor.can_redo
    assert editor.redo() is None
    assert editor.plan.days.thu.sleep_hours is None


def test_undo_and_redo_with_nothing_to_do(plan_path: Path, commented_plan: str) -> None:
    editor = PlanEditor.open(plan_path)
    assert editor.undo() is None
    assert editor.redo() is None
    assert editor.text == commented_plan


def test_undo_keeps_the_last_edits_only(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    extra = 5
    for number in range(UNDO_LIMIT + extra):
        editor.apply(SetDay("thu", None, None, number % 9))
    undone = 0
    while editor.undo() is not None:
        undone += 1
    assert undone == UNDO_LIMIT
    # the state after the edits that fell off the stack
    assert editor.plan.days.thu.protein_meals == (extra - 1) % 9


def test_edits_after_undo_apply_to_the_restored_document(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(DeleteSession("mon", 0))
    editor.undo()
    editor.apply(DeleteSession("mon", 1))
    assert [s.title for s in editor.plan.days.mon.sessions] == ["Squat, Romanian deadlift, lunges"]
    assert editor.plan == parse_plan(editor.text)


def test_save_to_a_new_path_moves_the_plan_there(plan_path: Path, tmp_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    other = tmp_path / "copy.toml"
    assert editor.save(other) == other
    assert editor.path == other
    assert not editor.dirty
    assert other.read_text(encoding="utf-8") == plan_path.read_text(encoding="utf-8")
    assert not backup_path(other).exists()
    editor.apply(SetDay("thu", 6.0, None, None))
    editor.save()
    assert read_plan(other).days.thu.sleep_hours == 6.0
    assert read_plan(plan_path).days.thu.sleep_hours is None


def test_a_plan_from_a_template_has_no_path(tmp_path: Path) -> None:
    editor = PlanEditor.from_template()
    assert editor.path is None
    assert editor.dirty
    assert editor.text == template_text(DEFAULT_TEMPLATE)
    with pytest.raises(ValueError, match="no file yet"):
        editor.save()
    target = tmp_path / "mine.toml"
    assert editor.save(target) == target
    assert not editor.dirty
    assert editor.path == target
    assert read_plan(target) == editor.plan


def test_from_an_unknown_template() -> None:
    from planner.templates import TemplateNotFound

    with pytest.raises(TemplateNotFound):
        PlanEditor.from_template("no-such-template")


def test_open_a_missing_file_starts_an_empty_week(tmp_path: Path) -> None:
    path = tmp_path / "my-new_week.toml"
    editor = PlanEditor.open(path)
    assert not path.exists()
    assert editor.path == path
    assert editor.dirty
    assert editor.plan.plan.name == "My new week"
    assert len(editor.plan.week_list) == 1
    assert all(day.sessions == () for _, day in editor.plan.week_list[0].days.items())
    editor.apply(AddSession("tue", WALK))
    assert editor.save() == path
    assert read_plan(path) == editor.plan
    assert not backup_path(path).exists()


def test_open_a_missing_file_with_an_odd_name(tmp_path: Path) -> None:
    editor = PlanEditor.open(tmp_path / '"\\\x07.toml')
    assert editor.plan.plan.name == "My week"
    editor.save()
    assert read_plan(tmp_path / '"\\\x07.toml') == editor.plan


def test_open_a_broken_file_raises_and_leaves_it_alone(
    write_plan: Callable[..., Path], tmp_path: Path, commented_plan: str
) -> None:
    broken = commented_plan.replace("rpe = 8 ", "rpe = 12").encode("utf-8")
    path = write_plan(tmp_path, broken)
    with pytest.raises(PlanError) as caught:
        PlanEditor.open(path)
    assert caught.value.key == "days.mon.sessions[0].rpe"
    assert str(caught.value).startswith(f"{path}:")
    assert path.read_bytes() == broken
    assert sorted(p.name for p in tmp_path.iterdir()) == ["week.toml"]


def test_open_a_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="is a directory"):
        PlanEditor.open(tmp_path)


def test_a_failed_edit_keeps_undo_and_dirty_as_they_were(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    text = editor.text
    with pytest.raises(PlanError):
        editor.apply(SetDay("thu", 99.0, None, None))
    assert editor.text == text
    assert editor.dirty
    assert editor.undo() == SetDay("thu", 7.0, None, None)
    assert not editor.dirty


def test_the_report_follows_the_plan(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    before = editor.report.metrics.weekly_load
    editor.apply(AddSession("thu", WALK))
    assert editor.report.metrics.weekly_load == before + WALK.load
    editor.undo()
    assert editor.report.metrics.weekly_load == before


def test_editor_on_a_document(commented_plan: str) -> None:
    editor = PlanEditor(PlanDocument.from_text(commented_plan), saved=False)
    assert editor.dirty
    assert editor.path is None
