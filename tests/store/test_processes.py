"""Real processes: parallel writers lose nothing; SIGKILL at any instant leaves valid files."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from mkhats.store import Database
from mkhats.store.schema import decode

WORKERS = Path(__file__).with_name("workers.py")
pytestmark = pytest.mark.slow


def _spawn(*args: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WORKERS), *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_parallel_writers_lose_nothing(db_path: Path) -> None:
    processes, transactions = 4, 100
    children = [_spawn("insert", db_path, worker, transactions) for worker in range(processes)]
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode()
    with Database(db_path).read() as view:
        docs = view.month("2026-11", "values").all()
    assert sorted((doc["worker"], doc["i"]) for doc in docs) == [
        (w, i) for w in range(processes) for i in range(transactions)
    ]
    assert len({doc.doc_id for doc in docs}) == processes * transactions


class _Lines:
    """Lines a child prints, read with a deadline (a hung child fails the test instead of hanging it)."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        self.child, self.buffer, self.lines = child, b"", []

    def wait_for(self, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        assert self.child.stdout is not None
        fd = self.child.stdout.fileno()
        while len(self.lines) < count:
            left = deadline - time.monotonic()
            assert left > 0, (
                f"child printed {self.lines[-3:]}; stderr: {self.child.stderr and self.child.stderr.read()}"
            )
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                self.drain(fd)

    def drain(self, fd: int) -> None:
        chunk = os.read(fd, 65536)
        assert chunk or self.child.poll() is None, "child exited"
        self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        self.lines.extend(line.decode() for line in complete)


def _check_files(folder: Path) -> set[int]:
    """Every file of the set parses and has its shape; returns the document numbers present."""
    numbers: set[int] = set()
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if name.startswith(".") or name.endswith(".lock"):
                continue  # temporary files are removed by the next transaction
            data = orjson.loads((Path(root) / name).read_bytes())
            if name == "journal.json":
                continue  # a commit killed after its commit point: the next open finishes it
            if Path(root).name == "backups":
                assert data["mkhats_backup"] == 1
                continue
            decode((Path(root) / name).read_bytes())
            for doc in data.get("values", {}).values():
                numbers.add(doc["i"])
    return numbers


def test_sigkill_at_random_moments_leaves_valid_files_and_keeps_commits(db_path: Path) -> None:
    rng = random.Random(1234)
    committed: set[int] = set()
    start = 0
    for round_ in range(20):
        child = _spawn("loop", db_path, start, round_)
        lines = _Lines(child)
        lines.wait_for(2)  # "ready" and a first commit: the child is in its write loop
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert child.stdout is not None
        while True:  # collect whatever it printed before dying
            rest = child.stdout.read()
            if not rest:
                break
            lines.buffer += rest
        lines.lines.extend(line.decode() for line in lines.buffer.split(b"\n") if line)
        committed.update(int(line) for line in lines.lines if line.isdigit())
        present = _check_files(db_path.parent)
        assert committed <= present, sorted(committed - present)
        start = max(present) + 1
    with Database(db_path).read() as view:
        last = view.main("counter").all()[0]["i"]
    assert last >= max(committed)
    assert len(list((db_path.parent / "backups").glob("mkhats-2026-*.json"))) == 14
