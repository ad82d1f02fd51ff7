"""A change spanning several files is all or nothing: killed at every step, or out of disk at every step.

An import over three months and a restore (months written, one deleted, the main file replaced) run
as real CLI commands in a forked child that dies (``os._exit``) just before its Nth rename or write;
the next open must show the data exactly as it was or exactly as the finished command leaves it.
The same import, with the disk full at its Nth write, must leave every data file byte for byte as
it was and say so, or (a failure after the commit point, retried) finish.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import orjson
import pytest

from mkhats.cli import main
from mkhats.domain.models import KpiValue
from mkhats.services.workspace import Workspace
from tests.store import workers
from tests.store.helpers import temp_files

pytestmark = pytest.mark.slow
TODAY = date(2026, 11, 24)
MAX_STEPS = 150


def _seed(db: Path, months: tuple[int, ...], value: float, currency: str = "$") -> None:
    ws = Workspace(db, TODAY)
    with ws.write() as repo:
        repo.set_settings(repo.settings().model_copy(update={"currency": currency}))
        repo.set_values(
            [KpiValue(kpi="content.traffic", day=date(2026, m, d), value=value) for m in months for d in (1, 15)]
        )


def _argv(db: Path, *command: str) -> list[str]:
    return ["--db", str(db), "--today", TODAY.isoformat(), "--lang", "en", *command]


def _data(folder: Path) -> dict[str, bytes]:
    """The bytes of the main file and every month file (no backups, lock or journal)."""
    files = {"mkhats.json": (folder / "mkhats.json").read_bytes()}
    for path in sorted((folder / "mkhats.d").glob("values-*.json")):
        files[f"mkhats.d/{path.name}"] = path.read_bytes()
    return files


def _opened(folder: Path) -> dict[str, object]:
    """The data as the next open finds it (an interrupted commit finished or undone), parsed."""
    with Workspace(folder / "mkhats.json", TODAY).read() as repo:
        repo.all_values()
    state = {name: orjson.loads(raw) for name, raw in _data(folder).items()}
    with Workspace(folder / "mkhats.json", TODAY).write():
        pass  # the next writer removes what a commit killed before its commit point left
    assert temp_files(folder) == [] and not (folder / "mkhats.d" / "journal.json").exists()
    return state


def _killed_run(step: int, argv: list[str]) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        workers.die_at_step(step, argv)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError(f"the child hung at step {step}")
        time.sleep(0.002)


def _kill_at_every_step(tmp_path: Path, base: Path, command: list[str]) -> None:
    old = {name: orjson.loads(raw) for name, raw in _data(base).items()}
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    assert main(_argv(reference / "mkhats.json", *command)) == 0
    new = _opened(reference)
    assert new != old
    outcomes = []
    for step in range(1, MAX_STEPS):
        run = tmp_path / f"step-{step}"
        shutil.copytree(base, run)
        code = _killed_run(step, _argv(run / "mkhats.json", *command))
        if code == workers.FINISHED:
            break
        assert code == workers.KILLED, (step, code)
        state = _opened(run)
        assert state in (old, new), f"killed before step {step}: a mix of old and new files"
        outcomes.append(state == new)
        shutil.rmtree(run)
    else:
        raise AssertionError("the command never finished")
    # Kills landed both before the commit point (nothing) and after it (all, finished on open).
    assert len(outcomes) >= 15 and any(outcomes) and not all(outcomes), outcomes


def test_an_import_over_three_months_killed_at_every_step(tmp_path: Path) -> None:
    base = tmp_path / "base"
    _seed(base / "mkhats.json", (9, 10, 11), 1.0)
    csv = tmp_path / "three-months.csv"
    rows = [f"2026-{m:02d}-{d:02d},content.traffic,{m * 100 + d}," for m in (9, 10, 11) for d in (1, 15, 20)]
    csv.write_text("date,kpi,value,note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    _kill_at_every_step(tmp_path, base, ["import", str(csv)])


def test_a_restore_killed_at_every_step(tmp_path: Path) -> None:
    source = tmp_path / "source"
    _seed(source / "mkhats.json", (8, 9, 10), 3.0, currency="€")
    backup = tmp_path / "backup.json"
    assert main(_argv(source / "mkhats.json", "export", "--format", "json", "--out", str(backup))) == 0
    base = tmp_path / "base"
    _seed(base / "mkhats.json", (9, 10, 11), 1.0)  # November is not in the backup: it goes
    _kill_at_every_step(tmp_path, base, ["restore", str(backup)])


class DiskFull:
    """Makes the Nth call that needs disk space (create, write, fsync, mkdir) fail with ENOSPC."""

    NAMES = ("open", "write", "fsync", "mkdir")

    def __init__(self, step: int) -> None:
        self.step, self.calls, self.fired = step, 0, False
        self.real = {name: getattr(os, name) for name in self.NAMES}

    def _tick(self, where: object) -> None:
        self.calls += 1
        if self.calls == self.step:
            self.fired = True
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(where))

    def open(self, path, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT:
            self._tick(path)
        return self.real["open"](path, flags, mode, dir_fd=dir_fd)

    def write(self, fd, data):  # type: ignore[no-untyped-def]
        self._tick(fd)
        return self.real["write"](fd, data)

    def fsync(self, fd):  # type: ignore[no-untyped-def]
        self._tick(fd)
        return self.real["fsync"](fd)

    def mkdir(self, path, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        self._tick(path)
        return self.real["mkdir"](path, mode, dir_fd=dir_fd)

    @contextmanager
    def installed(self) -> Iterator[DiskFull]:
        for name in self.NAMES:
            setattr(os, name, getattr(self, name))
        try:
            yield self
        finally:
            for name, real in self.real.items():
                setattr(os, name, real)


def test_a_full_disk_at_every_step_of_an_import_changes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "base"
    _seed(base / "mkhats.json", (9, 10, 11), 1.0)
    csv = tmp_path / "three-months.csv"
    rows = [f"2026-{m:02d}-{d:02d},content.traffic,{m * 100 + d}," for m in (9, 10, 11) for d in (1, 15, 20)]
    csv.write_text("date,kpi,value,note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    assert main(_argv(reference / "mkhats.json", "import", str(csv))) == 0
    new = _opened(reference)
    before = _data(base)
    refused = 0
    for step in range(1, MAX_STEPS):
        run = tmp_path / f"step-{step}"
        shutil.copytree(base, run)
        capsys.readouterr()
        with DiskFull(step).installed() as disk:
            code = main(_argv(run / "mkhats.json", "import", str(csv)))
        out, err = capsys.readouterr()
        if not disk.fired:
            assert code == 0
            break
        if code == 0:  # the disk filled after the commit point: the retry finished the commit
            assert _opened(run) == new, step
            continue
        refused += 1
        message = err.strip()
        assert code == 1 and out == "" and "\n" not in message and "Traceback" not in message, (step, err)
        assert "the disk is full" in message, message
        assert "Nothing was changed" in message or "was left as it was" in message, message
        assert _data(run) == before, f"step {step}: {message}"
        assert temp_files(run) == [] and not (run / "mkhats.d" / "journal.json").exists(), step
        shutil.rmtree(run)
    else:
        raise AssertionError("the import never finished")
    assert refused >= 10
