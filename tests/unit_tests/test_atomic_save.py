"""Saving is atomic: the old file (and its backup) survive any failure, untouched."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from planner.editor import PlanEditor
from planner.planfile import SaveError, backup_path, write_atomic

OLD = 'format = 1\n\n[plan]\nname = "Old week"\n'
NEW = 'format = 1\n\n[plan]\nname = "New week"\n'
OLDER = 'format = 1\n\n[plan]\nname = "Older week"\n'


def listing(folder: Path) -> set[str]:
    return {entry.name for entry in folder.iterdir()}


def test_a_new_file_is_created_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    write_atomic(path, NEW)
    assert path.read_text(encoding="utf-8") == NEW
    assert listing(tmp_path) == {"week.toml"}


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "week.toml", NEW)
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "week.toml").stat().st_mode) == 0o644


def test_the_previous_version_is_kept_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_text(OLD, encoding="utf-8")
    write_atomic(path, NEW)
    assert path.read_text(encoding="utf-8") == NEW
    assert backup_path(path) == tmp_path / "week.toml.bak"
    assert backup_path(path).read_text(encoding="utf-8") == OLD
    write_atomic(path, OLDER)
    assert backup_path(path).read_text(encoding="utf-8") == NEW
    assert listing(tmp_path) == {"week.toml", "week.toml.bak"}


def test_no_backup_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_text(OLD, encoding="utf-8")
    write_atomic(path, NEW, backup=False)
    assert listing(tmp_path) == {"week.toml"}


def test_text_is_written_as_utf8_bytes_exactly(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    text = 'format = 1\r\n[plan]\r\nname = "Läufer 🏃"\r\n'
    write_atomic(path, text)
    assert path.read_bytes() == text.encode("utf-8")


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_text(OLD, encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, NEW)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o600
    path.chmod(0o640)
    write_atomic(path, OLD)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_symlink_stays_a_link_and_its_target_is_saved(tmp_path: Path) -> None:
    real = tmp_path / "plans" / "week.toml"
    real.parent.mkdir()
    real.write_text(OLD, encoding="utf-8")
    link = tmp_path / "week.toml"
    link.symlink_to(real)
    write_atomic(link, NEW)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == NEW
    assert backup_path(real).read_text(encoding="utf-8") == OLD


def test_a_relative_path_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic(Path("week.toml"), NEW)
    assert (tmp_path / "week.toml").read_text(encoding="utf-8") == NEW


# --- failures ------------------------------------------------------------------------------


@pytest.fixture
def saved_twice(tmp_path: Path) -> Path:
    """A plan file with a backup: OLD on disk, OLDER as week.toml.bak."""
    path = tmp_path / "week.toml"
    path.write_text(OLDER, encoding="utf-8")
    write_atomic(path, OLD)
    assert backup_path(path).read_text(encoding="utf-8") == OLDER
    return path


def _no_space(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def assert_untouched(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == OLD
    assert backup_path(path).read_text(encoding="utf-8") == OLDER
    assert listing(path.parent) == {"week.toml", "week.toml.bak"}


def test_a_failing_fsync_leaves_everything_as_it_was(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(SaveError) as caught:
        write_atomic(saved_twice, NEW)
    assert str(caught.value) == (
        f"cannot save {saved_twice}: No space left on device; the file on disk is unchanged"
    )
    assert_untouched(saved_twice)


def test_a_failing_write_leaves_everything_as_it_was(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: int, mode: str) -> None:
            self._stream = real_fdopen(handle, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self._stream.close()

        def write(self, data: bytes) -> int:
            self._stream.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", FullDisk)
    with pytest.raises(SaveError, match="No space left on device"):
        write_atomic(saved_twice, NEW)
    assert_untouched(saved_twice)


def test_a_failing_rename_leaves_everything_as_it_was(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", _no_space)
    with pytest.raises(SaveError, match="No space left on device"):
        write_atomic(saved_twice, NEW)
    assert_untouched(saved_twice)


def test_a_failing_final_rename_leaves_the_backup_as_it_was(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is only turned over once the new version is in place."""
    real_replace = os.replace

    def replace(source: Any, target: Any) -> None:
        if Path(target) == saved_twice:
            _no_space()
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(SaveError, match="No space left on device"):
        write_atomic(saved_twice, NEW)
    assert_untouched(saved_twice)


def test_a_failing_backup_copy_leaves_everything_as_it_was(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where hard links are not allowed the backup is a copy; a failing copy stops the save."""
    monkeypatch.setattr(os, "link", _no_space)
    real_fsync = os.fsync
    calls = []

    def fsync(handle: int) -> None:
        calls.append(handle)
        if len(calls) == 2:  # the first fsync is the new text, the second the backup copy
            _no_space()
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(SaveError, match="No space left on device"):
        write_atomic(saved_twice, NEW)
    assert_untouched(saved_twice)


def test_backup_by_copy_when_links_are_not_allowed(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "link", _no_space)
    write_atomic(saved_twice, NEW)
    assert saved_twice.read_text(encoding="utf-8") == NEW
    assert backup_path(saved_twice).read_text(encoding="utf-8") == OLD
    assert listing(saved_twice.parent) == {"week.toml", "week.toml.bak"}


def test_a_failing_temporary_file_leaves_everything_as_it_was(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*_args: Any, **_kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(SaveError) as caught:
        write_atomic(saved_twice, NEW)
    assert str(caught.value) == (
        f"cannot save {saved_twice}: Permission denied; the file on disk is unchanged"
    )
    assert_untouched(saved_twice)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """The folder made read-only; for root (who ignores permissions) made immutable."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    if shutil.which("chattr") is None:
        pytest.skip("root ignores permissions and chattr is not available")
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("root ignores permissions and this file system has no immutable folders")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_folder(saved_twice: Path) -> None:
    with read_only(saved_twice.parent), pytest.raises(SaveError) as caught:
        write_atomic(saved_twice, NEW)
    message = str(caught.value)
    assert message.startswith(f"cannot save {saved_twice}: ")
    assert message.endswith("; the file on disk is unchanged")
    assert ("Permission denied" in message) or ("Operation not permitted" in message)
    assert_untouched(saved_twice)


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as caught:
        write_atomic(tmp_path / "no" / "such" / "week.toml", NEW)
    assert str(caught.value).startswith(f"cannot save {tmp_path / 'no' / 'such' / 'week.toml'}: ")
    assert "No such file or directory" in str(caught.value)


def test_saving_over_a_directory_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "week.toml").mkdir()
    with pytest.raises(SaveError):
        write_atomic(tmp_path / "week.toml", NEW)
    assert (tmp_path / "week.toml").is_dir()
    assert listing(tmp_path) == {"week.toml"}


def test_save_error_is_an_os_error() -> None:
    assert issubclass(SaveError, OSError)


# --- through the editor ------------------------------------------------------------------------


def test_a_failed_editor_save_keeps_the_plan_dirty(
    saved_twice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.edits import SetDay

    editor = PlanEditor.open(saved_twice)
    editor.apply(SetDay("mon", 8.0, None, None))
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(SaveError):
        editor.save()
    assert editor.dirty
    assert_untouched(saved_twice)
    monkeypatch.undo()
    editor.save()
    assert not editor.dirty
    assert saved_twice.read_text(encoding="utf-8") == editor.text
    assert backup_path(saved_twice).read_text(encoding="utf-8") == OLD


def test_a_file_that_fails_to_load_is_never_written(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    from planner.planfile import PlanError

    broken = b'format = 1\n[plan]\nname = "Broken"\n[days.mon]\nsleep_hours = 99\n# keep me\n'
    path = write_plan(tmp_path, broken)
    with pytest.raises(PlanError) as caught:
        PlanEditor.open(path)
    assert caught.value.line == 5
    assert path.read_bytes() == broken
    assert listing(tmp_path) == {"week.toml"}


# --- symbolic link loops ---------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["self", "pair", "folder"])
def test_a_symlink_loop_is_a_save_error(tmp_path: Path, shape: str) -> None:
    if shape == "self":
        target = tmp_path / "week.toml"
        target.symlink_to(target)
    elif shape == "pair":
        target = tmp_path / "week.toml"
        target.symlink_to(tmp_path / "other.toml")
        (tmp_path / "other.toml").symlink_to(target)
    else:
        (tmp_path / "plans").symlink_to(tmp_path / "plans")
        target = tmp_path / "plans" / "week.toml"
    with pytest.raises(SaveError) as caught:
        write_atomic(target, NEW)
    message = str(caught.value)
    assert message.startswith(f"cannot save {target}: ")
    assert "\n" not in message
    assert ("loops back on itself" in message) or ("symbolic links" in message)


# --- what is written ----------------------------------------------------------------------------


def test_bytes_are_written_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    data = b"\xef\xbb\xbf" + NEW.replace("\n", "\r\n").encode()
    state = write_atomic(path, data)
    assert path.read_bytes() == data
    assert state.size == len(data)
    assert state.exists


# --- leftovers of a save that was killed ----------------------------------------------------------


def test_leftovers_of_a_killed_save_are_removed_on_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_text(OLD, encoding="utf-8")
    ours = [".week.toml.a1b2c3d_.tmp", ".week.toml.bak.zz99zz99.tmp"]
    theirs = [
        ".week.toml.a1b2c3d.tmp",  # seven characters: not tempfile's
        ".week.toml.A1B2C3D4.tmp",  # upper case: not tempfile's
        ".week.toml.a1b2c3d4.tmp.keep",
        "week.toml.a1b2c3d4.tmp",  # no leading dot
        ".other.toml.a1b2c3d4.tmp",
        ".week.toml.bak.a1b2c3d4.tmp.x",
        "notes.txt",
    ]
    for name in ours + theirs:
        (tmp_path / name).write_text("half a save", encoding="utf-8")
    (tmp_path / ".week.toml.folder00.tmp").mkdir()  # a folder is never ours
    write_atomic(path, NEW)
    assert listing(tmp_path) == {
        "week.toml",
        "week.toml.bak",
        ".week.toml.folder00.tmp",
        *theirs,
    }
    assert path.read_text(encoding="utf-8") == NEW


def test_leftovers_behind_a_link_are_removed_beside_the_target(tmp_path: Path) -> None:
    real = tmp_path / "plans" / "week.toml"
    real.parent.mkdir()
    real.write_text(OLD, encoding="utf-8")
    (real.parent / ".week.toml.abcdefgh.tmp").write_text("x", encoding="utf-8")
    link = tmp_path / "linked.toml"
    link.symlink_to(real)
    write_atomic(link, NEW)
    assert listing(real.parent) == {"week.toml", "week.toml.bak"}


def test_a_killed_save_leaves_names_that_the_next_save_removes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real names write_atomic uses, left by a save that died before its rename."""
    path = tmp_path / "week.toml"
    path.write_text(OLD, encoding="utf-8")

    class Killed(BaseException):
        pass

    def killed(*_args: Any, **_kwargs: Any) -> None:
        raise Killed

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "unlink", lambda *_a, **_k: None)  # a kill cleans up nothing
    with pytest.raises(Killed):
        write_atomic(path, NEW)
    monkeypatch.undo()
    left = listing(tmp_path) - {"week.toml"}
    assert left and all(name.startswith(".week.toml.") for name in left)
    write_atomic(path, NEW)
    assert listing(tmp_path) == {"week.toml", "week.toml.bak"}
