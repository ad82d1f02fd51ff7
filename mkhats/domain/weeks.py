"""ISO weeks, months and quarters: keys, days and arithmetic, never the clock.

Weeks are keyed by ``date.isocalendar()`` (``strftime("%Y-W%V")`` mixes the calendar year with
the ISO week and gets year boundaries wrong). The arithmetic is the standard library's, checked
against pendulum's in the tests: importing pendulum cost every command ≈ 10 ms (SPEC §6).
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from mkhats.errors import InputError

# re.ASCII: ``\d`` alone also takes full-width and other scripts' digits, which ``int()`` reads, so
# ``2026-W０1`` would pass as a week and be stored and printed as typed.
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$", re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.ASCII)

MIN_DAY = date(1970, 1, 1)
MAX_DAY = date(2100, 12, 31)
"""Every date mkhats accepts, typed, imported or restored, lies in MIN_DAY..MAX_DAY (SPEC §5): far
from the ends of ``date``, so the arithmetic around a date (windows, next weeks) never overflows."""


def week_key(day: date) -> str:
    """The ISO week key of ``day``, e.g. ``2026-W48``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week number of 28 December is the year's last week."""
    return date(year, 12, 28).isocalendar()[1]


def week_start(key: str) -> date:
    """The Monday of week ``key``; raises ``InputError`` for a malformed or non-existent week."""
    match = _WEEK.match(key or "")
    if not match:
        raise InputError("error.week_format", value=key)
    year, week = int(match.group(1)), int(match.group(2))
    if year < 1 or not 1 <= week <= weeks_in_year(year):
        raise InputError("error.week_missing", value=key)
    return date.fromisocalendar(year, week, 1)


def parse_week(text: str) -> str:
    """A week typed by the user (``2026-w48``) as its key; its year must lie in 1970–2100."""
    key = (text or "").strip().upper()
    match = _WEEK.match(key)
    if match and not MIN_DAY.year <= int(match.group(1)) <= MAX_DAY.year:
        raise InputError("error.week_range", value=key, first=MIN_DAY.year, last=MAX_DAY.year)
    week_start(key)
    return key


def week_days(key: str) -> list[date]:
    """The seven days of week ``key``, Monday first."""
    start = week_start(key)
    return [start + timedelta(days=i) for i in range(7)]


def shift_week(key: str, weeks: int) -> str:
    """The key of the week ``weeks`` after (or before, if negative) ``key``."""
    return week_key(week_start(key) + timedelta(weeks=weeks))


def last_weeks(key: str, count: int) -> list[str]:
    """``count`` week keys ending with ``key``, oldest first."""
    return [shift_week(key, -i) for i in range(count - 1, -1, -1)]


def add_days(day: date, days: int) -> date:
    """``day`` plus ``days`` calendar days."""
    return day + timedelta(days=days)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day (31 Jan + 1 = 28 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def month_key(day: date) -> str:
    """``2026-11``."""
    return f"{day.year}-{day.month:02d}"


def quarter_key(day: date) -> str:
    """``2026-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def parse_month(text: str) -> str:
    """A month typed as ``YYYY-MM`` (``2026-12``) as its key; its year must lie in 1970–2100."""
    key = (text or "").strip()
    match = _MONTH.match(key)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InputError("error.month_format", value=key)
    if not MIN_DAY.year <= int(match.group(1)) <= MAX_DAY.year:
        raise InputError("error.period_range", value=key, first=MIN_DAY.year, last=MAX_DAY.year)
    return key


def parse_quarter(text: str) -> str:
    """A quarter typed as ``YYYY-Qn`` (``2026-q4`` too) as its key; its year must lie in 1970–2100."""
    key = (text or "").strip().upper()
    match = _QUARTER.match(key)
    if not match:
        raise InputError("error.quarter_format", value=key)
    if not MIN_DAY.year <= int(match.group(1)) <= MAX_DAY.year:
        raise InputError("error.period_range", value=key, first=MIN_DAY.year, last=MAX_DAY.year)
    return key


def quarter_months(quarter: str) -> list[str]:
    """The three month keys of ``2026-Q4``: ``2026-10``, ``2026-11``, ``2026-12``."""
    year, first = quarter[:4], (int(quarter[-1]) - 1) * 3 + 1
    return [f"{year}-{month:02d}" for month in range(first, first + 3)]


def month_quarter(month: str) -> str:
    """The quarter of month ``YYYY-MM``: ``2026-12`` → ``2026-Q4``."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def week_quarter(week: str) -> str:
    """The quarter a week belongs to: the quarter of its Thursday (as ISO weeks belong to the year
    of theirs, and as a quarterly checklist item counts them)."""
    return quarter_key(week_start(week) + timedelta(days=3))


def quarter_weeks(quarter: str) -> list[str]:
    """The ISO weeks of ``quarter``, oldest first: those whose Thursday falls in it.

    A week that straddles two quarters belongs to the one holding its Thursday (four of its seven
    days), so every week belongs to exactly one quarter and a year's quarters add up to its 52 or 53
    weeks. A quarter has as many weeks as Thursdays: 13 mostly, 14 when a 92-day quarter (July or
    October) starts on a Thursday (2026-Q4: 2026-W40, Thursday 1 October, to 2026-W53, Thursday 31
    December), 12 when a 90-day first quarter starts on a Friday (2027-Q1: 2027-W01 to 2027-W12).
    """
    first = date(int(quarter[:4]), (int(quarter[-1]) - 1) * 3 + 1, 1)
    end = add_months(first, 3)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    weeks = []
    while thursday < end:
        weeks.append(week_key(thursday))
        thursday += timedelta(weeks=1)
    return weeks


def period_key(cadence: str, day: date) -> str:
    """The period a checklist item of ``cadence`` is ticked for on ``day``."""
    if cadence == "monthly":
        return month_key(day)
    if cadence == "quarterly":
        return quarter_key(day)
    return week_key(day)


def months_between(first: date, last: date) -> list[str]:
    """Month keys from ``first``'s month to ``last``'s month inclusive."""
    keys, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        keys.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def parse_day(text: str) -> date:
    """A date typed as ``YYYY-MM-DD`` or ``DD.MM.YYYY``, within 1970–2100; raises ``InputError``."""
    text = (text or "").strip()
    day = None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            day = date.fromisoformat(text)
        else:
            match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text, re.ASCII)
            if match:
                day = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        pass
    if day is None:
        raise InputError("error.date_format", value=text)
    check_day(day, text)
    return day


def check_day(day: date, text: str | None = None) -> date:
    """``day`` if it lies in 1970–2100; else ``InputError`` quoting ``text`` (or the date)."""
    if not MIN_DAY <= day <= MAX_DAY:
        raise InputError("error.date_range", value=text or day.isoformat(), first=MIN_DAY, last=MAX_DAY)
    return day
