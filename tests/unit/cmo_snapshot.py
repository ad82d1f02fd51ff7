"""A hand-built snapshot of a default install for the CMO desk's unit tests (not a test module)."""

from __future__ import annotations

from datetime import date, timedelta

from mkhats.domain.defaults import default_hats, default_kpis, default_person
from mkhats.domain.models import Settings
from mkhats.domain.snapshot import Snapshot, window

WEEK = "2026-W48"  # Monday 23 Nov – Sunday 29 Nov 2026
WED = date(2026, 11, 25)


def make(
    today: date = WED,
    week: str = WEEK,
    *,
    hats: dict | None = None,
    kpis: dict | None = None,
    daily: dict | None = None,
    weeks: int = 13,
    **fields,
) -> Snapshot:
    """Five default hats worn by "Me"; ``hats``/``kpis`` patch records by key."""
    hat_map = {h.key: h for h in default_hats()}
    for key, update in (hats or {}).items():
        hat_map[key] = hat_map[key].model_copy(update=update)
    kpi_map = {k.key: k for k in default_kpis()}
    for key, update in (kpis or {}).items():
        kpi_map[key] = kpi_map[key].model_copy(update=update)
    first, last = window(week, weeks)
    fields.setdefault("persons", {"Me": default_person()})
    return Snapshot(
        today=today,
        week=week,
        settings=Settings(),
        hats=hat_map,
        kpis=kpi_map,
        daily=daily or {},
        first_day=first,
        last_day=last,
        **fields,
    )


def mondays(first: date, count: int) -> list[date]:
    """``count`` Mondays from ``first`` (a Monday), a week apart."""
    return [first + timedelta(weeks=n) for n in range(count)]
