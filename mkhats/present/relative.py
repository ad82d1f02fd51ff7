"""How long ago, or how much longer, in the user's language: ``3 days ago``, «ещё 2 недели».

pendulum's CLDR words (``diff_for_humans``'s formatter) against the ``now`` the caller passes: the
app's clock or frozen today, never the wall clock read here. This module is the app's: importing
pendulum costs ≈ 10 ms, which the command line does not pay (SPEC §6; a test checks no CLI path
imports it). A language pendulum does not have (the tests' pseudo-locale) uses the locale
registered under its name, else English.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pendulum
from pendulum.helpers import format_diff
from pendulum.locales.locale import Locale

from mkhats.domain.models import ExternalCheck
from mkhats.domain.snapshot import Snapshot
from mkhats.i18n import current_language, t
from mkhats.present.dates import format_day
from mkhats.present.labels import pair_name, person_name


def _locale(lang: str) -> str:
    try:
        Locale.load(lang)
    except ValueError:
        return "en"
    return lang


def _instant(moment: date | datetime) -> pendulum.DateTime:
    """A pendulum instant: a naive datetime is UTC, a date is its midnight (dates compare as days)."""
    if isinstance(moment, datetime):
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
        return pendulum.instance(aware)
    return pendulum.datetime(moment.year, moment.month, moment.day)


def relative_time(then: date | datetime, now: date | datetime, lang: str | None = None) -> str:
    """``3 days ago``, ``in 2 days``, «3 дня назад», «через 2 дня»; ``today`` for the same day.

    Dates are days apart (a check on 29 Nov read on 2 Dec is ``3 days ago``, whatever the hour);
    datetimes are as exact as pendulum words them (``2 hours ago``).
    """
    lang = lang or current_language()
    if not isinstance(then, datetime) and not isinstance(now, datetime) and then == now:
        return t("time.today", lang=lang)
    if isinstance(then, datetime) != isinstance(now, datetime):  # a day against an instant: as days
        then, now = _day(then), _day(now)
        if then == now:
            return t("time.today", lang=lang)
    diff = _instant(then).diff(_instant(now))  # ``invert`` when ``then`` is after ``now``
    return format_diff(diff, is_now=True, absolute=False, locale=_locale(lang))


def time_left(until: date | datetime, now: date | datetime, lang: str | None = None) -> str:
    """How long ``until`` is away, unsigned: ``2 weeks``, «2 недели» (for «ещё 2 недели»)."""
    lang = lang or current_language()
    diff = _instant(until).diff(_instant(now))
    return format_diff(diff, is_now=True, absolute=True, locale=_locale(lang))


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def checked_text(hats: tuple[str, str], snapshot: Snapshot, check: ExternalCheck, valid_until: date) -> str:
    """A conflict's valid check with its age and what is left of it, against the snapshot's today:
    ``Performance × CMO: checked by Anna on 21 Nov 2026 (3 days ago), valid until 27 Nov 2026 (3 days left).``"""
    today = snapshot.today
    words = {
        "pair": pair_name(hats, snapshot.hats),
        "by": person_name(check.by),
        "day": format_day(check.day),
        "ago": relative_time(check.day, today),
        "until": format_day(valid_until),
    }
    if valid_until <= today:  # its last day: nothing "left" to count
        return t("review.checked_expires_today", **words)
    # ``valid_until`` is the last valid day: what is left counts it (through 16 Dec, on 3 Dec: 2 weeks).
    return t("review.checked_when", left=time_left(valid_until + timedelta(days=1), today), **words)


def file_age(modified: float, now: datetime, lang: str | None = None) -> str:
    """How old a file is (its POSIX time) against the app's clock: ``just now``, ``2 hours ago``.

    A file written in the last minute, or after ``now`` (another clock: a copy, a frozen test
    clock), is ``just now``. A naive ``now`` is local time, as the app's clock gives it.
    """
    when = datetime.fromtimestamp(modified, UTC)
    now = now.astimezone(UTC)
    if (now - when).total_seconds() < 60:
        return t("time.just_now", lang=lang)
    return relative_time(when, now, lang)
