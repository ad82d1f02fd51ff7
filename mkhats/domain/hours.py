"""Time worn per hat: weekly hours from the wear spans, and the fractional CMO's 4–10 h band.

Spans are aware instants; a week runs from Monday 00:00 to the next Monday 00:00 in the machine's
local zone, so hours are instants subtracted (a change of zone never adds or removes any).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from mkhats.domain.models import WearSpan, day_start, utc_instant
from mkhats.domain.weeks import add_days, week_start

CMO_BAND = (4.0, 10.0)
"""A part-time CMO (an owner or an outside person) should give the role 4 to 10 hours a week."""


def week_hours(spans: Iterable[WearSpan], week: str, now: datetime | None = None) -> dict[str, float]:
    """Hours per hat within ``week`` (Monday 00:00 to the next Monday), a span cut at its edges.

    An open span (no end) counts up to ``now`` when ``now`` is given, else not at all. A naive
    ``now`` is local time.
    """
    start = day_start(week_start(week))
    end = day_start(add_days(week_start(week), 7))
    if now is not None:
        now = utc_instant(now)
    hours: dict[str, float] = {}
    for span in spans:
        stop = span.end or now
        if stop is None:
            continue
        overlap = (min(stop, end) - max(span.start, start)).total_seconds()
        if overlap > 0:
            hours[span.hat] = hours.get(span.hat, 0.0) + overlap / 3600
    return hours
