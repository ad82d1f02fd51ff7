"""``Workspace``: one data file and "today", the transactions and reads every use case runs in.

A write is one locked transaction that re-reads what another process changed; a read is a view of
the file as it is. ``snapshot`` gathers what the rules judge a week on, reusing records already
validated until the data changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkhats.domain.models import Kpi, Settings, day_start
from mkhats.domain.weeks import add_days, add_months, months_between, shift_week, week_key
from mkhats.errors import StoreError
from mkhats.present.labels import currency_sign
from mkhats.store import Database
from mkhats.store.repo import Repo

if TYPE_CHECKING:
    from mkhats.domain.hypotheses import Hypothesis
    from mkhats.domain.snapshot import Snapshot


class Workspace:
    """One data file and the day the user is living in."""

    def __init__(self, path: Path, today: date) -> None:
        self.path = Path(path)
        self.today = today
        # Every file a transaction writes is checked by the models that read it (SPEC §5).
        self.db = Database(self.path, check=self._check_write)
        self._memo: dict[object, Any] = {}  # records, by what they were read for (see ``snapshot``)
        self.version = 0
        """Goes up whenever the data may have changed (a write here, a change on disk)."""
        self.now: datetime | None = None
        """This instant, when a command knows it: hats still worn count up to it in snapshots."""

    def _forget(self) -> None:
        self._memo.clear()
        self.version += 1

    def fresh_version(self) -> int:
        """The data version, after noticing a change made by another process."""
        if self.db.changed():
            self._forget()
        return self.version

    @contextmanager
    def write(self) -> Iterator[Repo]:
        """A transaction: locked, re-read if another process changed the file, saved at the end."""
        self._forget()
        try:
            with self.db.transaction(self.today) as tx:
                repo = Repo(tx, self._where)
                if not repo.is_seeded():
                    repo.seed_defaults()
                    # Money keeps the sign it was entered in, whatever language reads it later;
                    # rituals and cadences count from the day the file was made (SPEC §1).
                    repo.set_settings(Settings(currency=currency_sign(None), created=self.today))
                yield repo
        finally:
            self._forget()

    @contextmanager
    def read(self) -> Iterator[Repo]:
        """A read-only view; a missing file is first created with the defaults (SPEC §4)."""
        if not self.db.exists():
            with self.write():
                pass
        if self._memo and self.db.changed():
            self._forget()  # the read below re-reads what changed: what was derived from it goes too
        with self.db.read() as view:
            yield Repo(view, self._where)

    def stored_language(self) -> str | None:
        """The language saved in the settings; None when none is, or when the file cannot be read
        (the command that follows reports it; ``restore`` must stay possible). A missing file
        holds none and is not made here: the app makes it itself, for the first run's setup."""
        if not self.db.exists():
            return None
        try:
            with self.read() as repo:
                return repo.settings().lang
        except StoreError:
            return None

    def _where(self, table: str) -> tuple[str, str | None]:
        """The file holding ``table`` (``values 2026-11`` is a month file) and the newest backup
        that loads, its records included."""
        from mkhats.store.validate import check_set

        parts = table.split()
        path = self.db.layout.month_path(parts[1]) if len(parts) > 1 else self.db.layout.main
        backup = self.db.newest_backup(lambda found: check_set(found.main, found.months, lambda _t: ("?", None)))
        return str(path), str(backup) if backup else None

    def _check_write(self, month: str | None, data: dict[str, Any], tables: list[str]) -> None:
        """Refuse to write a file holding a record the next open would refuse (new or already there)."""
        from mkhats.store.validate import check_file

        check_file(month, data, tables, self._where)

    def this_week(self) -> str:
        """The ISO week of today."""
        return week_key(self.today)

    def snapshot(self, week: str | None = None, weeks: int | None = None) -> Snapshot:
        """Everything the rules need to judge ``week`` (default: this week)."""
        from mkhats.domain.snapshot import Snapshot, window  # not needed by ``add`` (SPEC §6)

        week = week or self.this_week()
        first, last = window(week) if weeks is None else window(week, weeks)
        # Records read and validated once are reused until a write here or a change on disk: a week
        # switch in the app then costs a dict merge, not a re-validation of 13 weeks of values.
        if self._memo and self.db.changed():
            self._forget()
        weeks_shown = (week, shift_week(week, -1))
        with self.read() as repo:
            main = self._memo.get("main")
            if main is None:
                main = self._memo["main"] = _main_records(repo)
            # Only the logs shown are validated: five years hold ~1,300 of them (≈ 4 ms).
            logs = self._memo.get(("logs", weeks_shown))
            if logs is None:
                logs = self._memo[("logs", weeks_shown)] = repo.logs(weeks_shown)
            sources: dict[tuple[str, date], dict[str, float]] = {}
            daily = self._daily(repo, first, last, main["kpis"], sources)
            spans = []
            since = add_days(first, -1)
            begin, end = day_start(since), day_start(add_days(last, 1))  # local dates, as instants
            for month in months_between(since, last):
                key = ("spans", month)
                month_spans = self._memo.get(key)
                if month_spans is None:
                    month_spans = self._memo[key] = repo.spans(*_month_bounds(month))
                spans += [s for s in month_spans if begin <= s.start < end]
            history = self._history(repo, main, week, first)
        return Snapshot(
            today=self.today,
            week=week,
            daily=daily,
            sources=sources,
            first_day=first,
            last_day=last,
            spans=spans,
            now=self.now,
            history=history,
            logs=dict(logs),
            **main,
        )

    def _history(self, repo: Repo, main: dict[str, Any], week: str, first: date) -> dict[str, dict[date, float]]:
        """Values before ``first`` that the baselines of the hypotheses still of interest need, and
        the first weeks of the quarter whose goals the review judges (a 14-week quarter starts
        before a 13-week window)."""
        hypotheses: list[Hypothesis] = main["hypotheses"]
        starts = []
        if hypotheses:
            from mkhats.domain.hypotheses import earliest_day

            starts.append(earliest_day(hypotheses, first))
        if main["goals"]:
            from mkhats.domain.goals import first_day_needed

            starts.append(first_day_needed(main["goals"], week))
        since = min((day for day in starts if day is not None), default=None)
        if since is None or since >= first:
            return {}
        return self._daily(repo, since, add_days(first, -1), main["kpis"])

    def _daily(
        self,
        repo: Repo,
        first: date,
        last: date,
        kpis: dict[str, Kpi],
        split: dict[tuple[str, date], dict[str, float]] | None = None,
    ) -> dict[str, dict[date, float]]:
        """``{kpi: {day: value}}`` from ``first`` to ``last``, sources combined, each month
        validated once (memo)."""
        from mkhats.domain.sources import add_daily

        daily: dict[str, dict[date, float]] = {}
        for month in months_between(first, last):
            values = self._memo.get(("values", month))
            if values is None:
                values = self._memo[("values", month)] = repo.values(*_month_bounds(month))
            add_daily(daily, values, kpis, first, last, split)
        return daily


def _month_bounds(month: str) -> tuple[date, date]:
    year, number = int(month[:4]), int(month[5:])
    first = date(year, number, 1)
    return first, add_days(add_months(first, 1), -1)


def _main_records(repo: Repo) -> dict[str, Any]:
    """The main file's records a snapshot needs (logs apart), validated once."""
    money = repo.money()
    return {
        "settings": repo.settings(),
        "persons": repo.persons(),
        "hats": repo.hats(),
        "kpis": repo.kpis(),
        "checklist": repo.checklist(),
        "ticks": repo.ticks(),
        "conflicts": repo.conflicts(),
        "checks": repo.checks(),
        "decisions": repo.decisions(),
        "reviews": repo.reviews(),
        "sessions": repo.sessions(),
        "hypotheses": repo.hypotheses(),
        "wearing": repo.wearing(),
        "plans": money.plans(),
        "goals": money.goals(),
        "budget_decisions": money.budget_decisions(),
    }
