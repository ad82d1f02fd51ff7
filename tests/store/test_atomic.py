"""Injected OS failures at each step of a save: the old file stays, no temporary file is left."""

from __future__ import annotations

import errno
import os
import posix
from pathlib import Path

import pytest

from mkhats.i18n import set_language
from mkhats.store import Database, StoreIOError, write_atomic
from tests.store.helpers import TODAY, picture, seed, temp_files

STEPS = ["open", "write", "fsync", "replace", "dir_fsync"]
ERRORS = {
    errno.ENOSPC: "the disk is full",
    errno.EIO: os.strerror(errno.EIO),
    errno.EACCES: "permission denied",
}


class Injector:
    """Makes one OS call fail for the temporary file of one target file (or its folder)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, code: int, target: Path) -> None:
        self.step, self.code, self.target = step, code, target
        self.fds: dict[int, str] = {}
        self.fired = 0
        self.real_open = posix.open
        self.real_write = posix.write
        self.real_fsync = posix.fsync
        self.real_replace = posix.replace
        for name in ("open", "write", "fsync", "replace"):
            monkeypatch.setattr(os, name, getattr(self, name))

    def _is_temp(self, path: str) -> bool:
        return os.path.basename(path).startswith(f".{self.target.name}.tmp")

    def _fail(self, path: str) -> None:
        self.fired += 1
        raise OSError(self.code, os.strerror(self.code), path)

    def open(self, path, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        path = os.fspath(path)
        if self.step == "open" and self._is_temp(path):
            self._fail(path)
        fd = self.real_open(path, flags, mode, dir_fd=dir_fd)
        self.fds[fd] = path
        return fd

    def write(self, fd, data):  # type: ignore[no-untyped-def]
        if self.step == "write" and self._is_temp(self.fds.get(fd, "")):
            self._fail(self.fds[fd])
        return self.real_write(fd, data)

    def fsync(self, fd):  # type: ignore[no-untyped-def]
        path = self.fds.get(fd, "")
        if self.step == "fsync" and self._is_temp(path):
            self._fail(path)
        if self.step == "dir_fsync" and path == str(self.target.parent):
            self._fail(path)
        return self.real_fsync(fd)

    def replace(self, src, dst, **kwargs):  # type: ignore[no-untyped-def]
        if self.step == "replace" and self._is_temp(os.fspath(src)):
            self._fail(os.fspath(src))
        return self.real_replace(src, dst, **kwargs)


@pytest.mark.parametrize("code", list(ERRORS))
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("target", ["main", "month"])
def test_a_failed_save_keeps_the_old_file(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, target: str
) -> None:
    seed(db)
    seed(db)  # today's daily backup now exists: the next save writes only the target
    target_path = db_path if target == "main" else db_path.parent / "mkhats.d" / "values-2026-11.json"
    before = picture(db_path.parent)
    injector = Injector(monkeypatch, step, code, target_path)
    with pytest.raises(StoreIOError) as caught, db.transaction(TODAY) as tx:
        if target == "main":
            tx.main("settings").update({"currency": "€"})
        else:
            tx.month("2026-11", "values").insert({"kpi": "new"})
    monkeypatch.undo()
    assert injector.fired == 1
    assert picture(db_path.parent) == before
    assert temp_files(db_path.parent) == []
    message = str(caught.value)
    assert target_path.name in message and ERRORS[code] in message, message
    assert caught.value.exit_code == 1
    # The failed edit was forgotten, and the database still works: retrying succeeds.
    with db.transaction(TODAY) as tx:
        assert [doc["currency"] for doc in tx.main("settings")] == ["$", "$"]
        assert len(tx.month("2026-11", "values")) == 2
        tx.month("2026-11", "values").insert({"kpi": "retry"})
    with Database(db_path).read() as view:
        assert len(view.month("2026-11", "values")) == 3


@pytest.mark.parametrize("step", STEPS)
def test_write_atomic_on_a_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    target = tmp_path / "new.json"
    Injector(monkeypatch, step, errno.ENOSPC, target)
    with pytest.raises(StoreIOError, match="disk is full"):
        write_atomic(target, b"{}")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_write_atomic_writes_everything_even_in_short_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    target = tmp_path / "f.json"
    payload = b'{"a": "' + b"x" * 1000 + b'"}'
    write_atomic(target, payload)
    assert target.read_bytes() == payload


def test_a_read_refused_by_the_os_is_a_store_error(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db)
    real_open = os.open

    def refuse(path, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(db_path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(StoreIOError, match="Could not read .*mkhats.json: permission denied"):
        with Database(db_path).read() as view:
            view.main("settings").all()


def test_a_folder_in_place_of_the_file_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "mkhats.json").mkdir()
    with pytest.raises(StoreIOError, match="Could not read"), Database(tmp_path / "mkhats.json").read() as view:
        view.main("settings").all()


def test_read_only_and_russian_messages(tmp_path: Path) -> None:
    error = StoreIOError.from_os(tmp_path / "x.json", OSError(errno.EROFS, "Read-only file system"), writing=True)
    assert "read-only" in str(error)
    set_language("ru")
    try:
        assert str(error).startswith("Не удалось сохранить") and "только для чтения" in str(error)
    finally:
        set_language("en")


@pytest.mark.parametrize("command", [["report"], ["export"], ["export", "--format", "json"]])
def test_a_full_disk_leaves_no_empty_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    from mkhats.cli import main

    argv = ["--db", str(tmp_path / "data" / "mkhats.json"), "--today", "2026-11-24", "--lang", "en"]
    assert main([*argv, "kpi", "list"]) == 0
    old, new = tmp_path / "last-week.txt", tmp_path / "new.txt"
    old.write_text("last week", encoding="utf-8")
    for out in (old, new):
        capsys.readouterr()
        Injector(monkeypatch, "write", errno.ENOSPC, out)
        code = main([*argv, *command, "--out", str(out)])
        monkeypatch.undo()
        assert code == 1
        message = capsys.readouterr().err.strip()
        assert str(out) in message and "the disk is full" in message and "\n" not in message, message
    assert old.read_text(encoding="utf-8") == "last week"
    assert sorted(os.listdir(tmp_path)) == ["data", "last-week.txt"]
