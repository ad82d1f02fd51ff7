"""The sidecar lock: a writer waits for it, then gives up with one clear sentence."""

from __future__ import annotations

import time
from pathlib import Path

import filelock
import pytest

from mkhats.i18n import set_language
from mkhats.store import Database, LockTimeoutError, StoreIOError
from tests.store.helpers import TODAY, picture, seed


def test_a_held_lock_times_out_with_a_clear_message(db_path: Path) -> None:
    set_language("en")
    seed(Database(db_path))
    before = picture(db_path.parent)
    db = Database(db_path, lock_timeout=0.2)
    holder = filelock.FileLock(str(db_path.parent / "mkhats.json.lock"))
    with holder:
        started = time.monotonic()
        with pytest.raises(LockTimeoutError) as caught, db.transaction(TODAY) as tx:
            tx.main("settings").insert({"x": 1})
        waited = time.monotonic() - started
        with pytest.raises(LockTimeoutError):
            db.backup_now("restore")
    assert 0.2 <= waited < 2
    assert "Another mkhats is writing" in str(caught.value) and str(db_path) in str(caught.value)
    assert caught.value.exit_code == 1
    assert picture(db_path.parent) == before
    with db.transaction(TODAY) as tx:  # free again
        tx.main("settings").insert({"x": 1})


def test_readers_do_not_need_the_lock(db_path: Path) -> None:
    seed(Database(db_path))
    with filelock.FileLock(str(db_path.parent / "mkhats.json.lock")):
        with Database(db_path, lock_timeout=0.1).read() as view:
            assert len(view.main("settings")) == 1


def test_a_lock_that_cannot_be_created_is_a_store_error(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    set_language("en")
    real_open = os.open

    def read_only(path, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        if os.fspath(path).endswith(".lock"):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(StoreIOError, match="read-only"), Database(db_path, lock_timeout=0.5).transaction(TODAY):
        pass
