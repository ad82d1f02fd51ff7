"""The one rule that judges a period against a KPI's target, whether it is over or still running.

SPEC §1 "Status" and "Running period": a period that contains today is *running*. A summed KPI is
then judged on pace — its value so far, projected over the whole period (``value × days /
elapsed``, today counted as elapsed), against the target; any other KPI (a ratio, a mean, a last
value) is judged as it stands and marked partial. A finished period is judged on its value.

The verdict is drawn from the digits a reader sees: the judged figure and the target are first
rounded the way the tables print them, so ``1,000 | 1,000 | ✗`` cannot happen. The deviation is
signed as arithmetic reads it (``−49 %`` below the target, ``+82 %`` above); whether that is good
is the status, which follows the KPI's direction.

Every screen, the report and ``check`` call :func:`judge` (through :func:`period_verdicts`), so
they cannot disagree about a KPI on a given day.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from datetime import date
from typing import Literal

from mkhats.domain.kpis import Daily, Status, meets, period_values
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Kpi
from mkhats.domain.weeks import add_days, week_days, week_start

Basis = Literal["final", "pace", "partial", "ahead"]
"""``final``: a finished period; ``pace``: a running summed KPI; ``partial``: any other running KPI;
``ahead``: a period that has not started (its values, if any, are shown but not judged)."""


@light_dataclass(frozen=True)
class Progress:
    """How far a period has run on a given day."""

    elapsed: int
    """Days of the period up to and including today (0 before it starts, ``days`` once it ended)."""
    days: int

    running: bool
    """Today lies within the period."""

    @property
    def started(self) -> bool:
        """Today is on or after the period's first day."""
        return self.elapsed > 0


def progress(first: date, last: date, today: date) -> Progress:
    """How far the period ``first``..``last`` has run on ``today`` (today counts as elapsed)."""
    days = (last - first).days + 1
    elapsed = max(0, min(days, (today - first).days + 1))
    return Progress(elapsed, days, first <= today <= last)


def week_progress(week: str, today: date) -> Progress:
    """How far ISO week ``week`` has run on ``today``."""
    monday = week_start(week)
    return progress(monday, add_days(monday, 6), today)


def summed(kpi: Kpi) -> bool:
    """Whether the KPI adds its days up (and so is judged on pace while its period runs)."""
    return kpi.formula is None and kpi.aggregate == "sum"


def shown_decimals(unit: str, value: float) -> int:
    """How many decimals the tables print for ``value`` of ``unit`` (the digits a verdict uses)."""
    if unit == "money":
        return 0 if abs(value) >= 100 else 2
    if unit in ("percent", "hours"):
        return 1
    if unit == "ratio":
        return 2
    return 0 if float(value).is_integer() else 1


def as_shown(unit: str, value: float) -> float:
    """``value`` rounded to the digits the tables print for ``unit``."""
    if not math.isfinite(value):
        return value
    return round(value, shown_decimals(unit, value))


@light_dataclass(frozen=True)
class Verdict:
    """A KPI's value for a period and how it stands against the target."""

    value: float | None
    """The period value as it stands (so far, while the period runs)."""
    basis: Basis
    elapsed: int
    days: int
    projection: float | None = None
    """The value projected over the whole period (``pace`` only)."""
    status: Status | None = None
    """``on``/``off`` against the target (on pace while ``pace``); None without a target or value."""
    deviation: float | None = None
    """Signed percent of the judged figure from the target: ``−49`` below, ``+82`` above."""

    @property
    def partial(self) -> bool:
        """The period is still running."""
        return self.basis in ("pace", "partial")

    @property
    def judged(self) -> float | None:
        """The figure the verdict is drawn on: the projection on pace, else the value."""
        return self.projection if self.basis == "pace" else self.value


def judge(kpi: Kpi, value: float | None, run: Progress) -> Verdict:
    """Judge ``value`` of ``kpi`` for a period that has run as ``run`` says.

    Args:
        kpi: The KPI (unit, direction, aggregate, target).
        value: Its value for the period so far (None: no value).
        run: How far the period has run on the day judged.

    Returns:
        The verdict; a period not yet started is shown as it stands and has no status.
    """
    if not run.started:
        return Verdict(value, "ahead", 0, run.days)
    if not run.running:
        basis: Basis = "final"
    else:
        basis = "pace" if summed(kpi) else "partial"
    if value is None or not math.isfinite(value):
        return Verdict(value, basis, run.elapsed, run.days)
    projection = None
    if basis == "pace":
        projection = _cautious(kpi, value * run.days / run.elapsed)
    judged = projection if projection is not None else as_shown(kpi.unit, value)
    if kpi.target is None or not math.isfinite(judged):
        return Verdict(value, basis, run.elapsed, run.days, projection)
    target = as_shown(kpi.unit, kpi.target)
    state: Status = "on" if meets(judged, ">=" if kpi.direction == "up" else "<=", target) else "off"
    gap = None
    if target != 0:
        gap = (judged - target) / abs(target) * 100
        gap = gap if math.isfinite(gap) else None
    return Verdict(value, basis, run.elapsed, run.days, projection, state, gap)


def _cautious(kpi: Kpi, projection: float) -> float:
    """A projection rounded to the digits shown, towards "off track".

    The verdict is drawn from the digits shown (``→ 4`` beside a target of 4 is on track); rounding
    a projection of 3.43 leads up to 3 would call on pace what the pace rule (3 so far < 4 × 6/7)
    calls behind, so it is rounded down for a KPI where more is better, up where less is.
    """
    if not math.isfinite(projection):
        return projection
    if kpi.unit == "count":
        decimals = 0  # 135 leads expected, not 135.3
    else:
        decimals = shown_decimals(kpi.unit, projection)
    scale = 10.0**decimals
    rounded = projection * scale
    # Float noise (3.0000000001 × 10) must not push a round figure to the next step.
    near = round(rounded)
    if math.isclose(rounded, near, rel_tol=1e-9, abs_tol=1e-9):
        return near / scale
    return (math.floor(rounded) if kpi.direction == "up" else math.ceil(rounded)) / scale


def counted_days(days: Collection[date], run: Progress) -> list[date]:
    """The days of a period that count on the day judged: up to today while it runs.

    A value typed or imported for a day still to come is not "so far" (it would be projected).
    """
    ordered = sorted(days)
    return ordered[: run.elapsed] if run.running else ordered


def period_verdicts(
    kpis: Mapping[str, Kpi],
    daily: Daily,
    days: Collection[date],
    run: Progress,
    only: Collection[str] | None = None,
) -> dict[str, Verdict]:
    """Every KPI's verdict (or only those of ``only``) for the period made of ``days``.

    While the period runs, only its days up to today count (:func:`counted_days`).
    """
    values = period_values(kpis, daily, counted_days(days, run))
    keys = kpis.keys() if only is None else only
    return {key: judge(kpis[key], values.get(key), run) for key in keys if key in kpis}


def week_verdicts(kpis: Mapping[str, Kpi], daily: Daily, week: str, today: date) -> dict[str, Verdict]:
    """Every KPI's verdict for ISO week ``week`` as it stands on ``today``."""
    return period_verdicts(kpis, daily, week_days(week), week_progress(week, today))


def spark_value(kpi: Kpi, verdict: Verdict) -> float | None:
    """The value a 13-week sparkline draws for a week: the projection of a running summed KPI.

    A running week drawn with its value so far would look like a crash every Monday.
    """
    return verdict.projection if verdict.basis == "pace" else verdict.value
