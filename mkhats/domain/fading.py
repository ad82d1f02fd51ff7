"""Fading KPIs: channel KPIs whose weekly values no longer move with the money (the roles review).

For each KPI of a channel hat, the Pearson correlation of its weekly values with the weekly
revenue (``cmo.revenue``) is taken over the last 13 weeks and over the 13 weeks before. A KPI that
tracked revenue (|r| ≥ 0.5) and no longer does (|r| < 0.3) is *fading*: a candidate to kill or
replace. A window with fewer than 8 weeks holding both values says "not enough data".
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from mkhats.domain.kpis import Daily, period_values
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Hat, Kpi
from mkhats.domain.weeks import add_days, last_weeks, shift_week, week_days, week_start

REVENUE = "cmo.revenue"
WINDOW = 13
"""Weeks in each of the two windows compared."""
MIN_WEEKS = 8
"""Fewer weeks with both values than this in a window: not enough data."""
WAS = 0.5
"""|r| at or above this before …"""
NOW = 0.3
"""… and below this now: fading."""

FadeStatus = Literal["fading", "steady", "no_data"]


@light_dataclass(frozen=True)
class Fade:
    """One channel KPI's correlation with revenue, before and now."""

    kpi: str
    before: float | None
    now: float | None
    weeks_before: int
    weeks_now: int
    status: FadeStatus


def correlation(pairs: list[tuple[float, float]]) -> float | None:
    """Pearson's r of the pairs; None with fewer than two or when either side never changes."""
    if len(pairs) < 2:
        return None
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    try:
        return statistics.correlation(xs, ys)
    except statistics.StatisticsError:
        return None


def _pairs(
    series: Mapping[str, float | None], revenue: Mapping[str, float | None], weeks: Iterable[str]
) -> list[tuple[float, float]]:
    out = []
    for week in weeks:
        x, y = series.get(week), revenue.get(week)
        if x is not None and y is not None:
            out.append((x, y))
    return out


def judge(before: float | None, now: float | None, weeks_before: int, weeks_now: int) -> FadeStatus:
    """``fading`` when |r| fell below 0.3 after being at least 0.5; ``no_data`` when a window is short."""
    if weeks_before < MIN_WEEKS or weeks_now < MIN_WEEKS or before is None or now is None:
        return "no_data"
    return "fading" if abs(before) >= WAS and abs(now) < NOW else "steady"


def channel_kpis(hats: Iterable[Hat], kpis: Mapping[str, Kpi]) -> list[Kpi]:
    """The KPIs that are judged: not retired, of enabled channel hats, in tab then KPI order."""
    order = {h.key: n for n, h in enumerate(sorted(hats, key=lambda h: h.position)) if h.enabled and h.channel}
    found = [k for k in kpis.values() if k.hat in order and not k.retired]
    return sorted(found, key=lambda k: (order[k.hat], k.position))


def fading_kpis(hats: Iterable[Hat], kpis: Mapping[str, Kpi], daily: Daily, week: str) -> list[Fade]:
    """Each channel KPI's correlation with weekly revenue in the 13 weeks to ``week`` and the 13 before.

    Args:
        hats: Every hat (only enabled channel hats count).
        kpis: Every KPI by key.
        daily: Daily values covering the 26 weeks ending with ``week``.
        week: The last week of the recent window (a week that is over, so its sums are whole).
    """
    weeks = last_weeks(week, 2 * WINDOW)
    early, late = weeks[:WINDOW], weeks[WINDOW:]
    judged = channel_kpis(hats, kpis)
    weekly: dict[str, dict[str, float | None]] = {k.key: {} for k in judged}
    revenue: dict[str, float | None] = {}
    for w in weeks:
        values = period_values(kpis, daily, week_days(w))
        revenue[w] = values.get(REVENUE)
        for k in judged:
            weekly[k.key][w] = values.get(k.key)
    out = []
    for k in judged:
        before, now = _pairs(weekly[k.key], revenue, early), _pairs(weekly[k.key], revenue, late)
        r_before, r_now = correlation(before), correlation(now)
        out.append(Fade(k.key, r_before, r_now, len(before), len(now), judge(r_before, r_now, len(before), len(now))))
    return out


def judged_week(week: str, today: date) -> str:
    """The last week that is over by ``today``, up to ``week`` (whole weeks only are correlated)."""
    return week if today > add_days(week_start(week), 6) else shift_week(week, -1)
