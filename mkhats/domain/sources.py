"""A day's value from its sources (SPEC §1): what the user typed and what each import brought.

A KPI's value for a day is the sum of its sources' values; a KPI aggregated by ``last``, ``mean``,
``min`` or ``max`` (a rate, a balance) takes one source only, since adding two readings of one level
would double it: the user's own (``manual``) when there is one, else the first source by name, so
the same data always gives the same number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from mkhats.domain.models import Kpi, KpiValue

MANUAL = "manual"
"""The source of what the user types (``add``, the app's forms, a plain ``date,kpi,value`` file)."""


def day_value(aggregate: str, by_source: Mapping[str, float]) -> float:
    """One day's value of a KPI from ``{source: value}`` (not empty)."""
    if aggregate == "sum" or len(by_source) == 1:
        return sum(by_source.values()) if len(by_source) > 1 else next(iter(by_source.values()))
    if MANUAL in by_source:
        return by_source[MANUAL]
    return by_source[min(by_source)]


def add_daily(
    daily: dict[str, dict[date, float]],
    values: Sequence[KpiValue],
    kpis: Mapping[str, Kpi],
    first: date | None = None,
    last: date | None = None,
    split: dict[tuple[str, date], dict[str, float]] | None = None,
) -> dict[str, dict[date, float]]:
    """Put ``values`` (from ``first`` to ``last`` when given) into ``daily`` as ``{kpi: {day: value}}``.

    Values of one source only, as most files hold, go straight in; only a (KPI, day) that has two
    sources is combined, so the common case costs what it did before sources existed (SPEC §6).
    ``split`` receives ``{(kpi, day): {source: value}}`` of every (KPI, day) an import fed.
    """
    shared: dict[tuple[str, date], dict[str, float]] = {}
    for v in values:
        if (first is not None and v.day < first) or (last is not None and v.day > last):
            continue
        series = daily.setdefault(v.kpi, {})
        key = (v.kpi, v.day)
        if key in shared:
            shared[key][v.source] = v.value
        elif v.source == MANUAL and v.day not in series:
            series[v.day] = v.value
        else:
            shared[key] = {v.source: v.value}
    if shared:
        _combine(daily, values, shared, kpis, first, last)
        if split is not None:
            split.update(shared)
    return daily


def _combine(
    daily: dict[str, dict[date, float]],
    values: Sequence[KpiValue],
    shared: dict[tuple[str, date], dict[str, float]],
    kpis: Mapping[str, Kpi],
    first: date | None,
    last: date | None,
) -> None:
    """Fold the manual values that went straight in into the (KPI, day)s other sources share."""
    for v in values:
        key = (v.kpi, v.day)
        if (
            v.source == MANUAL
            and key in shared
            and (first is None or v.day >= first)
            and (last is None or v.day <= last)
        ):
            shared[key][MANUAL] = v.value
    for (kpi, day), by_source in shared.items():
        known = kpis.get(kpi)
        daily[kpi][day] = day_value(known.aggregate if known is not None else "sum", by_source)


def sources_by_day(values: Iterable[KpiValue], kpi: str) -> dict[date, dict[str, float]]:
    """``{day: {source: value}}`` of one KPI, sources in name order (manual first)."""
    out: dict[date, dict[str, float]] = {}
    for v in sorted(values, key=lambda v: (v.source != MANUAL, v.source)):
        if v.kpi == kpi:
            out.setdefault(v.day, {})[v.source] = v.value
    return out


def source_totals(
    kpi: str,
    days: Iterable[date],
    daily: Mapping[str, Mapping[date, float]],
    split: Mapping[tuple[str, date], Mapping[str, float]],
) -> dict[str, float]:
    """A summed KPI's total over ``days`` per source; empty when no import fed it on those days
    (the user's own values are then the whole of it and need no breakdown)."""
    series = daily.get(kpi, {})
    totals: dict[str, float] = {}
    imported = False
    for day in days:
        by_source = split.get((kpi, day))
        if by_source is None:
            if day in series:
                totals[MANUAL] = totals.get(MANUAL, 0.0) + series[day]
            continue
        imported = True
        for name, value in by_source.items():
            totals[name] = totals.get(name, 0.0) + value
    return dict(sorted(totals.items(), key=lambda item: (item[0] != MANUAL, item[0]))) if imported else {}
