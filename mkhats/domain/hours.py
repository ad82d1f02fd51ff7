"""Time worn per hat: weekly hours from the wear spans, and the fractional CMO's 4–10 h band."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time

from mkhats.domain.models import WearSpan
from mkhats.domain.weeks import add_days, week_start

CMO_BAND = (4.0, 10.0)
"""A part-time CMO (an owner or an outside person) should give the role 4 to 10 hours a week."""


def week_hours(spans: Iterable[WearSpan], week: str, now: datetime | None = None) -> dict[str, float]:
    """Hours per hat within ``week`` (Monday 00:00 to the next Monday), a span cut at its edges.

    An open span (no end) counts up to ``now`` when ``now`` is given, else not at all.
    """
    start = datetime.combine(week_start(week), time())
    end = datetime.combine(add_days(week_start(week), 7), time())
    hours: dict[str, float] = {}
    for span in spans:
        stop = span.end or now
        if stop is None:
            continue
        overlap = (min(stop, end) - max(span.start, start)).total_seconds()
        if overlap > 0:
            hours[span.hat] = hours.get(span.hat, 0.0) + overlap / 3600
    return hours
