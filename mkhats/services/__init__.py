"""Use cases shared by the command line and the app: each opens one short transaction.

``Workspace`` binds a data file and "today"; the modules beside it hold the use cases (values,
setup, review and report, backup, demo). Nothing here renders widgets or parses arguments.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from mkhats.domain.snapshot import Snapshot, window
from mkhats.domain.weeks import add_days, shift_week, week_key
from mkhats.store import Database
from mkhats.store.repo import Repo


def default_db_path() -> Path:
    """``MKHATS_DB``, else the platform's user data folder (``…/mkhats/mkhats.json``)."""
    env = os.environ.get("MKHATS_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("mkhats") / "mkhats.json"


class Workspace:
    """One data file and the day the user is living in."""

    def __init__(self, path: Path, today: date) -> None:
        self.path = Path(path)
        self.today = today
        self.db = Database(self.path)

    @contextmanager
    def write(self) -> Iterator[Repo]:
        """A transaction: locked, re-read if another process changed the file, saved at the end."""
        with self.db.transaction(self.today) as tx:
            repo = Repo(tx)
            if not repo.is_seeded():
                repo.seed_defaults()
            yield repo

    @contextmanager
    def read(self) -> Iterator[Repo]:
        """A read-only view; a missing file is first created with the defaults (SPEC §4)."""
        if not self.db.exists():
            with self.write():
                pass
        with self.db.read() as view:
            yield Repo(view)

    def this_week(self) -> str:
        """The ISO week of today."""
        return week_key(self.today)

    def snapshot(self, week: str | None = None, weeks: int | None = None) -> Snapshot:
        """Everything the rules need to judge ``week`` (default: this week)."""
        week = week or self.this_week()
        first, last = window(week) if weeks is None else window(week, weeks)
        with self.read() as repo:
            return load_snapshot(repo, self.today, week, first, last)


def load_snapshot(repo: Repo, today: date, week: str, first: date, last: date) -> Snapshot:
    """Read a snapshot of ``first``..``last`` (plus the main file) through ``repo``."""
    return Snapshot(
        today=today,
        week=week,
        settings=repo.settings(),
        persons=repo.persons(),
        hats=repo.hats(),
        kpis=repo.kpis(),
        daily=repo.daily(first, last),
        first_day=first,
        last_day=last,
        checklist=repo.checklist(),
        ticks=repo.ticks(),
        logs=repo.logs([week, shift_week(week, -1)]),
        conflicts=repo.conflicts(),
        checks=repo.checks(),
        decisions=repo.decisions(),
        reviews=repo.reviews(),
        sessions=repo.sessions(),
        spans=repo.spans(add_days(first, -1), last),
        wearing=repo.wearing(),
    )
