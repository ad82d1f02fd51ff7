"""KPI values for a period: aggregates, formulas on period values, status and deviation (SPEC §1).

A measured KPI's period value is its aggregate over the period's days that have a value. A formula
KPI is evaluated on the *period values* of its operands, so the weekly CPA is Σspend / Σsales of
the week, never the mean of the daily CPAs. Nothing here reads the clock or the store: callers
pass the daily values (``{kpi_key: {day: value}}``) and the days.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from mkhats.domain.formula import evaluate_formula, formula_refs, parse_formula
from mkhats.domain.kpi_names import named
from mkhats.domain.models import Kpi
from mkhats.domain.numbers import plain_number
from mkhats.domain.weeks import week_days
from mkhats.errors import InputError

Daily = Mapping[str, Mapping[date, float]]
Status = Literal["on", "off"]

LIMIT = 1e15
"""The largest magnitude of a value, target or threshold: a quadrillion in any currency (a figure
beyond it is a typo, and would print as a 300-digit cell)."""


@dataclass(frozen=True)
class KpiChange:
    """What ``kpi set`` is asked to change, as typed; None leaves a field as it is."""

    target: str | None = None
    stop: str | None = None
    guard: str | None = None
    action: str | None = None


# Units that count or measure something that cannot go below zero.
NON_NEGATIVE_UNITS = frozenset({"count", "money", "hours", "days"})

# A formula such as spend / leads can land a hair off a round target (1200.0000000000002): such a
# value meets the target rather than missing it by float noise.
_REL_TOL = 1e-9


def meets(value: float, op: str, threshold: float) -> bool:
    """Whether ``value op threshold`` holds, with values within float noise counted as equal.

    Args:
        value: The value to judge.
        op: One of ``>``, ``>=``, ``<``, ``<=``.
        threshold: What the value is compared with.
    """
    equal = math.isclose(value, threshold, rel_tol=_REL_TOL, abs_tol=1e-12)
    if op == ">":
        return value > threshold and not equal
    if op == ">=":
        return value >= threshold or equal
    if op == "<":
        return value < threshold and not equal
    if op == "<=":
        return value <= threshold or equal
    raise ValueError(f"unknown operator {op!r}")


def aggregate(kind: str, values: Sequence[tuple[date, float]]) -> float | None:
    """Aggregate a KPI's daily values over a period.

    Args:
        kind: ``sum``, ``mean``, ``last`` (the value of the latest day), ``min`` or ``max``.
        values: ``(day, value)`` pairs in any order.

    Returns:
        The aggregate, or ``None`` when there are no values (or the sum would overflow).
    """
    if not values:
        return None
    numbers = [value for _, value in values]
    if kind == "last":
        return max(values, key=lambda pair: pair[0])[1]
    if kind == "min":
        return min(numbers)
    if kind == "max":
        return max(numbers)
    if kind not in ("sum", "mean"):
        raise ValueError(f"unknown aggregate {kind!r}")
    try:
        # fsum: a week of 0.1-steps should add up the way a person expects.
        total = math.fsum(numbers)
    except OverflowError:
        return None
    result = total if kind == "sum" else total / len(numbers)
    return result if math.isfinite(result) else None


class _Period:
    """Values of every KPI over one period, computed on demand and memoised."""

    def __init__(self, kpis: Mapping[str, Kpi], daily: Daily, days: Collection[date]) -> None:
        self.kpis = kpis
        self.daily = daily
        self.days = days if isinstance(days, (set, frozenset)) else set(days)
        self.memo: dict[str, float | None] = {}
        self.active: set[str] = set()

    def measured(self, key: str, kind: str) -> float | None:
        series = self.daily.get(key)
        if not series:
            return None
        # Walk whichever side is smaller: a week against years of values, or the reverse.
        if len(self.days) <= len(series):
            pairs = [(day, series[day]) for day in self.days if day in series]
        else:
            pairs = [(day, value) for day, value in series.items() if day in self.days]
        return aggregate(kind, pairs)

    def value(self, key: str) -> float | None:
        if key in self.memo:
            return self.memo[key]
        kpi = self.kpis.get(key)
        if kpi is None or key in self.active:
            # Unknown KPI, or a cycle that slipped past check_formulas: no value, no recursion.
            return None
        if kpi.formula is None:
            result = self.measured(key, kpi.aggregate)
        else:
            self.active.add(key)
            try:
                parsed = parse_formula(kpi.formula)
                operands = {ref: self.value(ref) for ref in formula_refs(parsed, kpi.hat)}
                result = evaluate_formula(parsed, kpi.hat, operands)
            except InputError:
                # A formula is checked when saved; one that is broken on disk shows as "no value".
                result = None
            finally:
                self.active.discard(key)
        self.memo[key] = result
        return result


def period_values(kpis: Mapping[str, Kpi], daily: Daily, days: Collection[date]) -> dict[str, float | None]:
    """Every KPI's value for the period made of ``days``.

    Args:
        kpis: Every KPI by full key.
        daily: Measured values by KPI key and day (days outside ``days`` are ignored).
        days: The days of the period (a week, a month, one day…).

    Returns:
        ``{kpi_key: value}`` for every KPI in ``kpis``; ``None`` means no value.
    """
    period = _Period(kpis, daily, days)
    return {key: period.value(key) for key in kpis}


def period_value(key: str, kpis: Mapping[str, Kpi], daily: Daily, days: Collection[date]) -> float | None:
    """One KPI's value for the period made of ``days`` (computing only what it depends on)."""
    return _Period(kpis, daily, days).value(key)


def daily_values(key: str, kpis: Mapping[str, Kpi], daily: Daily, days: Collection[date]) -> dict[date, float]:
    """A KPI's value on each day of ``days`` that has one.

    Args:
        key: The KPI's full key.
        kpis: Every KPI by full key (a formula needs its operands).
        daily: Measured values by KPI key and day.
        days: The days to look at.

    Returns:
        ``{day: value}`` in the order of ``days``; a formula is evaluated on each day as a one-day
        period, and days giving no value are left out.
    """
    kpi = kpis.get(key)
    if kpi is None:
        return {}
    if kpi.formula is None:
        series = daily.get(key, {})
        return {day: series[day] for day in days if day in series}
    result: dict[date, float] = {}
    for day in days:
        value = _Period(kpis, daily, (day,)).value(key)
        if value is not None:
            result[day] = value
    return result


def weekly_values(kpis: Mapping[str, Kpi], daily: Daily, weeks: Sequence[str]) -> dict[str, dict[str, float | None]]:
    """Every KPI's value for each ISO week of ``weeks``.

    Args:
        kpis: Every KPI by full key.
        daily: Measured values by KPI key and day.
        weeks: Week keys such as ``2026-W48``.

    Returns:
        ``{kpi_key: {week_key: value}}``, weeks in the order given.
    """
    result: dict[str, dict[str, float | None]] = {key: {} for key in kpis}
    for week in weeks:
        for key, value in period_values(kpis, daily, week_days(week)).items():
            result[key][week] = value
    return result


def validate_value(kpi: Kpi, value: float) -> None:
    """Check a value typed or imported for one day of a KPI.

    Args:
        kpi: The KPI the value is for.
        value: The value.

    Raises:
        InputError: ``kpi.is_formula`` (a formula KPI is computed, not entered),
            ``kpi.not_finite``, or ``kpi.negative`` for a count, money, hours or days below zero.
    """
    if kpi.formula is not None:
        raise InputError("kpi.is_formula", kpi=named(kpi), formula=kpi.formula)
    if not math.isfinite(value):
        raise InputError("kpi.not_finite", kpi=named(kpi), value=value)
    if kpi.unit in NON_NEGATIVE_UNITS and value < 0:
        raise InputError("kpi.negative", kpi=named(kpi), value=plain_number(value))
    if abs(value) > LIMIT:
        raise InputError("kpi.too_large", kpi=named(kpi), value=plain_number(value))


def validate_typed(kpi: Kpi, value: float) -> None:
    """``validate_value`` for a number a person typed: a count is also whole (1.5 leads is a slip
    of the keyboard). Imports keep fractions: ad platforms attribute conversions fractionally.

    Raises:
        InputError: as ``validate_value``, or ``kpi.not_whole``.
    """
    validate_value(kpi, value)
    if kpi.unit == "count" and not float(value).is_integer():
        raise InputError("kpi.not_whole", kpi=named(kpi), value=plain_number(value))
