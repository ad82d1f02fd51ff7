"""Child processes for the multi-process store tests (run as a script, not collected by pytest).

``workers.py insert DB WORKER COUNT``: COUNT transactions each inserting one document.
``workers.py loop DB START DAY``: insert documents START, START+1… forever, printing each number
once its transaction has committed (the parent kills it with SIGKILL at a random moment).

:func:`die_at_step` runs in a forked child: it runs a CLI command and ends the process with
``os._exit`` just before its Nth rename or write (nothing in mkhats knows: the ``os`` functions the
store calls are wrapped in the child only).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from tinydb import Query

from mkhats.store import Database


def month_of(number: int) -> str:
    """Spread the loop's documents over three months."""
    return f"2026-{number % 3 + 1:02d}"


def insert(path: str, worker: int, count: int) -> None:
    db = Database(Path(path), lock_timeout=60)
    for i in range(count):
        with db.transaction(date(2026, 11, 24)) as tx:
            tx.month("2026-11", "values").insert({"worker": worker, "i": i})


def loop(path: str, start: int, day: int) -> None:
    db = Database(Path(path), lock_timeout=60)
    today = date(2026, 1, 1) + timedelta(days=day)
    number = start
    print("ready", flush=True)
    while True:
        with db.transaction(today) as tx:
            tx.month(month_of(number), "values").insert({"i": number, "pad": "x" * (number % 50)})
            tx.main("counter").upsert({"name": "last", "i": number}, Query().name == "last")
        print(number, flush=True)
        number += 1


STEPS = ("write", "fsync", "replace", "rename", "unlink", "link", "mkdir")
"""The calls that change what is on disk (a kill lands just before one of them)."""
KILLED, FINISHED = 86, 100


def die_at_step(step: int, argv: Sequence[str]) -> None:
    """In a forked child: run ``mkhats argv``; ``os._exit(KILLED)`` just before change number ``step``,
    or ``os._exit(FINISHED + exit code)`` when the command ends first. Never returns."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        count = 0

        def wrap(real):  # type: ignore[no-untyped-def]
            def call(*args, **kwargs):  # type: ignore[no-untyped-def]
                nonlocal count
                count += 1
                if count == step:
                    os._exit(KILLED)
                return real(*args, **kwargs)

            return call

        for name in STEPS:
            setattr(os, name, wrap(getattr(os, name)))
        from mkhats.cli import main

        code = main(list(argv))
        os._exit(FINISHED + code)
    finally:
        os._exit(99)  # an exception: the parent sees neither code


if __name__ == "__main__":
    if sys.argv[1] == "insert":
        insert(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        loop(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
