"""The monthly strategy session (SPEC §1): which month a week belongs to, its days, whether it is due.

A week belongs to the month of its Thursday (as its checklist does). Monthly work — the session,
the channel map by month, the report's month parts — opens on the last *finished* month until the
running month ends (a session on 2 December is about November); the running month, so far, is one
key away. The session of a month that has ended is due, but only when that month holds data (a
brand-new install is not told about last month).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mkhats.domain.checklist import week_periods
from mkhats.domain.models import StrategySession
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.weeks import add_days, add_months, month_key, week_days, week_start

VIEWS = ("week", "month", "running")
"""The channel map's views: the week, the month of monthly work, the running month so far."""


def month_bounds(month: str) -> tuple[date, date]:
    """First and last day of month ``YYYY-MM``."""
    first = date(int(month[:4]), int(month[5:7]), 1)
    return first, add_days(add_months(first, 1), -1)


def month_days(month: str) -> list[date]:
    """Every day of month ``YYYY-MM``."""
    first, last = month_bounds(month)
    return [add_days(first, n) for n in range((last - first).days + 1)]


def week_month(week: str) -> str:
    """The month a week belongs to: the month of its Thursday."""
    return week_periods(week)["monthly"]


def last_finished_month(today: date) -> str:
    """The month before today's."""
    return month_key(add_months(today.replace(day=1), -1))


def work_month(week: str, today: date) -> str:
    """The month monthly work opens on for ``week``: its month once it has ended, else the last one
    that has."""
    return min(week_month(week), last_finished_month(today))


def running_month(week: str, today: date) -> str | None:
    """Today's month when the week has days in it (it is then one key away), else None.

    Week 2026-W49 (30 Nov – 6 Dec) belongs to December, but on 30 Nov the month running is November.
    """
    month = month_key(today)
    return month if any(month_key(day) == month for day in week_days(week)) else None


def views(snapshot: Snapshot) -> tuple[str, ...]:
    """The channel map's views for the snapshot's week: the running month only while it runs."""
    if running_month(snapshot.week, snapshot.today) is None:
        return ("week", "month")
    return VIEWS


def view_month(snapshot: Snapshot, view: str) -> str:
    """The month a view adds up (``week``: the month of monthly work, for its verdicts)."""
    if view == "running":
        return running_month(snapshot.week, snapshot.today) or week_month(snapshot.week)
    return work_month(snapshot.week, snapshot.today)


def view_days(snapshot: Snapshot, view: str) -> list[date]:
    """The days the channel map adds up: the week's; the work month's; the running month's so far."""
    if view == "week":
        return week_days(snapshot.week)
    return loaded_month_days(snapshot, view_month(snapshot, view))


def loaded_month_days(snapshot: Snapshot, month: str) -> list[date]:
    """The days of ``month`` that count: within the data loaded, up to today."""
    last = min(snapshot.last_day, snapshot.today)
    return [d for d in month_days(month) if snapshot.first_day <= d <= last]


def session_of(sessions: Iterable[StrategySession], month: str) -> StrategySession | None:
    """The session held for ``month``, if any."""
    return next((s for s in sessions if s.month == month), None)


def has_values(snapshot: Snapshot, first: date, last: date) -> bool:
    """Whether any KPI has a value on a day from ``first`` to ``last``."""
    return any(first <= day <= last for series in snapshot.daily.values() for day in series)


def missed_session(snapshot: Snapshot) -> str | None:
    """The month that ended last before the day judged, when it has data and no session.

    The day judged is today, or the chosen week's Sunday when that week is past. A month that
    ended before the data file was made has no session due.
    """
    judged = min(snapshot.today, add_days(week_start(snapshot.week), 6))
    month = month_key(add_months(judged.replace(day=1), -1))
    if session_of(snapshot.sessions, month) is not None:
        return None
    first, last = month_bounds(month)
    created = snapshot.settings.created
    if created is not None and last < created:
        return None
    return month if has_values(snapshot, first, last) else None


def past_sessions(sessions: Iterable[StrategySession]) -> list[StrategySession]:
    """Every session, the latest month first."""
    return sorted(sessions, key=lambda s: s.month, reverse=True)
