"""PlanEditor and the file on disk: changes made elsewhere are never silently replaced,
and a save keeps the file's bytes (byte order mark, line endings) as they were."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from planner.editor import PlanEditor
from planner.edits import AddSession, SetDay
from planner.model import Kind, Session
from planner.planfile import FileChangedOnDisk, PlanError, SaveError, backup_path, read_plan

WALK = Session(title="Walk", kind=Kind.active_recovery, activity="walk", minutes=30)
ELSEWHERE = b'format = 1\n\n[plan]\nname = "Changed elsewhere"\n'


@pytest.fixture
def plan_path(write_plan: Callable[..., Path], tmp_path: Path, commented_plan: str) -> Path:
    return write_plan(tmp_path, commented_plan)


# --- changes on disk -------------------------------------------------------------------------


def test_a_file_changed_on_disk_is_not_overwritten(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    plan_path.write_bytes(ELSEWHERE)
    with pytest.raises(FileChangedOnDisk) as caught:
        editor.save()
    assert caught.value.path == plan_path
    assert caught.value.deleted is False
    assert "changed on disk" in str(caught.value)
    assert isinstance(caught.value, SaveError)
    assert plan_path.read_bytes() == ELSEWHERE
    assert not backup_path(plan_path).exists()
    assert editor.dirty


def test_a_change_with_the_same_size_and_time_is_noticed(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    info = plan_path.stat()
    data = plan_path.read_bytes()
    plan_path.write_bytes(data.replace(b"Squat day", b"Squat DAY"))
    os.utime(plan_path, ns=(info.st_atime_ns, info.st_mtime_ns))
    with pytest.raises(FileChangedOnDisk):
        editor.save()


def test_a_deleted_file_is_not_silently_recreated(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    plan_path.unlink()
    with pytest.raises(FileChangedOnDisk) as caught:
        editor.save()
    assert caught.value.deleted is True
    assert "was deleted" in str(caught.value)
    assert not plan_path.exists()


def test_overwrite_writes_anyway(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    plan_path.write_bytes(ELSEWHERE)
    assert editor.save(overwrite=True) == plan_path
    assert plan_path.read_text(encoding="utf-8") == editor.text
    assert backup_path(plan_path).read_bytes() == ELSEWHERE
    assert not editor.dirty
    editor.apply(SetDay("sat", 7.0, None, None))
    editor.save()  # our own save is the new state on disk: no complaint


def test_a_file_touched_but_not_changed_saves(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    os.utime(plan_path, (1, 1))
    editor.apply(SetDay("thu", 7.0, None, None))
    editor.save()
    assert read_plan(plan_path) == editor.plan


def test_a_second_editor_saving_first_makes_the_first_ask(plan_path: Path) -> None:
    first = PlanEditor.open(plan_path)
    second = PlanEditor.open(plan_path)
    second.apply(AddSession("thu", WALK))
    second.save()
    first.apply(SetDay("sat", 6.0, None, None))
    with pytest.raises(FileChangedOnDisk):
        first.save()
    assert read_plan(plan_path) == second.plan
    second.apply(SetDay("sun", 6.0, None, None))
    second.save()  # the second editor's own saves never trip it


def test_a_new_file_made_by_someone_else_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    editor = PlanEditor.open(path)
    path.write_bytes(ELSEWHERE)
    with pytest.raises(FileChangedOnDisk) as caught:
        editor.save()
    assert caught.value.deleted is False
    assert path.read_bytes() == ELSEWHERE


def test_save_as_elsewhere_does_not_check_and_then_follows_the_new_file(
    plan_path: Path, tmp_path: Path
) -> None:
    editor = PlanEditor.open(plan_path)
    plan_path.write_bytes(ELSEWHERE)
    other = tmp_path / "other.toml"
    assert editor.save(other) == other
    assert editor.path == other
    assert plan_path.read_bytes() == ELSEWHERE
    other.write_bytes(ELSEWHERE)
    with pytest.raises(FileChangedOnDisk):
        editor.save()


def test_save_as_to_the_same_file_by_another_name_checks(plan_path: Path, tmp_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    plan_path.write_bytes(ELSEWHERE)
    link = tmp_path / "link.toml"
    link.symlink_to(plan_path)
    with pytest.raises(FileChangedOnDisk):
        editor.save(link)


def test_a_folder_in_the_way_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    editor = PlanEditor.open(path)
    path.mkdir()
    with pytest.raises(SaveError) as caught:
        editor.save()
    assert not isinstance(caught.value, FileChangedOnDisk)


def test_a_symlink_loop_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "loop.toml"
    path.symlink_to(path)
    editor = PlanEditor.open(path)  # a loop does not "exist": an empty week
    editor.apply(SetDay("mon", 7.0, None, None))
    with pytest.raises(SaveError) as caught:
        editor.save()
    assert "\n" not in str(caught.value)
    assert editor.dirty


# --- reload ---------------------------------------------------------------------------------


def test_reload_drops_the_edits_and_reads_the_file(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    plan_path.write_bytes(ELSEWHERE)
    editor.reload()
    assert editor.plan.plan.name == "Changed elsewhere"
    assert editor.text == ELSEWHERE.decode()
    assert not editor.dirty
    assert not editor.can_undo
    assert not editor.can_redo
    editor.apply(SetDay("thu", 7.0, None, None))
    editor.save()  # the reloaded file is the new state on disk
    assert read_plan(plan_path) == editor.plan


def test_reload_of_a_broken_file_keeps_the_editor_as_it_was(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    editor.apply(SetDay("thu", 7.0, None, None))
    text, plan = editor.text, editor.plan
    plan_path.write_bytes(b"format = 1\n[plan]\nname = 3\n")
    with pytest.raises(PlanError) as caught:
        editor.reload()
    assert caught.value.line == 3
    assert (editor.text, editor.plan) == (text, plan)
    assert editor.dirty and editor.can_undo


def test_reload_of_a_deleted_file_says_so(plan_path: Path) -> None:
    editor = PlanEditor.open(plan_path)
    plan_path.unlink()
    with pytest.raises(PlanError, match="no such file"):
        editor.reload()


# --- not modified until changed --------------------------------------------------------------


def test_a_missing_file_opened_and_untouched_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    editor = PlanEditor.open(path)
    assert not editor.dirty
    editor.apply(SetDay("mon", 7.0, None, None))
    assert editor.dirty
    editor.undo()
    assert not editor.dirty
    assert editor.save() == path  # the first save still creates it
    assert read_plan(path) == editor.plan


def test_a_new_plan_from_a_template_is_still_unsaved() -> None:
    assert PlanEditor.from_template().dirty


# --- bytes ------------------------------------------------------------------------------------


def test_a_byte_order_mark_is_kept(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    data = b'\xef\xbb\xbfformat = 1\n\n[plan]\nname = "BOM"\n'
    path = write_plan(tmp_path, data)
    editor = PlanEditor.open(path)
    editor.save()
    assert path.read_bytes() == data
    editor.apply(SetDay("mon", 7.0, None, None))
    editor.save()
    assert path.read_bytes().startswith(b"\xef\xbb\xbfformat = 1\n")
    assert read_plan(path) == editor.plan


def test_crlf_is_kept_on_the_lines_an_edit_adds(
    write_plan: Callable[..., Path], tmp_path: Path, commented_plan: str
) -> None:
    data = commented_plan.replace("\n", "\r\n").encode()
    path = write_plan(tmp_path, data)
    editor = PlanEditor.open(path)
    editor.save()
    assert path.read_bytes() == data
    editor.apply(SetDay("thu", 7.0, "22:00", 3, "rest"))
    editor.apply(AddSession("sat", WALK))
    editor.save()
    saved = path.read_bytes()
    assert b"\n" not in saved.replace(b"\r\n", b"")
    assert read_plan(path) == editor.plan


def test_mixed_line_ends_are_kept_byte_for_byte_without_an_edit(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    data = b'# mixed\r\nformat = 1\n\r\n[plan]\r\nname = "Mixed"\nlevel = "beginner"'
    path = write_plan(tmp_path, data)
    editor = PlanEditor.open(path)
    editor.save()
    assert path.read_bytes() == data
