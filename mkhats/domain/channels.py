"""The CMO's channel map: each channel hat's leads, spend and revenue, CPL, ROMI and shares.

Figures come from the hat's KPIs named ``leads``, ``spend`` and ``revenue`` where it has them; a
channel without one says so (None), never a made-up zero. With a media plan (SPEC §10), each
channel's row also holds its plan against its fact over the period: budget, pace, planned CPL.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import TYPE_CHECKING

from mkhats.domain.kpis import period_values
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.sources import MANUAL, source_totals

if TYPE_CHECKING:
    from mkhats.domain.media_plan import BudgetPlan, Pace


@light_dataclass(frozen=True)
class ChannelRow:
    """One channel's numbers for a period."""

    hat: str
    wearer: str | None
    leads: float | None
    spend: float | None
    revenue: float | None
    cpl: float | None
    romi: float | None
    lead_share: float | None
    revenue_share: float | None
    verdict: str | None
    source: str | None = None
    """Set on a channel's breakdown row: that source's part of its leads and spend (SPEC §9)."""
    plan: Pace | None = None
    """The channel's plan against its spend over the period, when a plan covers any of its days."""


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b not in (None, 0) else None


def _percent(part: float | None, total: float) -> float | None:
    share = _ratio(part, total)
    return None if share is None else share * 100


def channel_map(
    snapshot: Snapshot, days: Collection[date], month: str, period: Sequence[date] | None = None
) -> list[ChannelRow]:
    """The channel map over ``days``, with ``month``'s strategy verdicts.

    ``period``: the days whose budget the plan shows (a whole month while ``days`` stop at today);
    ``days`` by default. The pace is judged on ``days`` up to the snapshot's today.
    """
    values = period_values(snapshot.kpis, snapshot.daily, days)
    plans = _plans(snapshot)
    session = next((s for s in snapshot.sessions if s.month == month), None)
    rows = []
    for hat in snapshot.enabled_hats:
        if not hat.channel:
            continue

        def get(name: str, hat_key: str = hat.key) -> float | None:
            kpi = snapshot.kpis.get(f"{hat_key}.{name}")
            return values.get(kpi.key) if kpi is not None and not kpi.retired else None

        leads, spend, revenue = get("leads"), get("spend"), get("revenue")
        romi = _ratio(None if revenue is None or spend is None else revenue - spend, spend)
        breakdown = _by_source(snapshot, hat.key, days)
        rows.append(
            ChannelRow(
                hat.key,
                hat.wearer,
                leads,
                spend,
                revenue,
                _ratio(spend, leads),
                None if romi is None else romi * 100,
                None,
                None,
                session.verdicts.get(hat.key) if session else None,
                plan=_pace(snapshot, plans, hat.key, days, period),
            )
        )
        rows += breakdown
    channels = [r for r in rows if r.source is None]
    total_leads = sum(r.leads for r in channels if r.leads is not None)
    total_revenue = sum(r.revenue for r in channels if r.revenue is not None)
    return [
        r
        if r.source is not None
        else ChannelRow(
            **{
                **r.__dict__,
                "lead_share": _percent(r.leads, total_leads),
                "revenue_share": _percent(r.revenue, total_revenue),
            }
        )
        for r in rows
    ]


def _plans(snapshot: Snapshot) -> dict[tuple[str, str], BudgetPlan]:
    if not snapshot.plans:
        return {}
    from mkhats.domain.media_plan import plans_by_key  # built only for files with a plan

    return plans_by_key(snapshot.plans)


def _pace(
    snapshot: Snapshot,
    plans: dict[tuple[str, str], BudgetPlan],
    hat: str,
    days: Collection[date],
    period: Sequence[date] | None,
) -> Pace | None:
    if not plans:
        return None
    from mkhats.domain.media_plan import plan_pace

    whole = sorted(days) if period is None else period
    return plan_pace(plans, hat, whole, days, snapshot.kpis, snapshot.daily, snapshot.today)


def _by_source(snapshot: Snapshot, hat: str, days: Collection[date]) -> list[ChannelRow]:
    """A channel's leads and spend per source, when an import fed them on ``days`` (Direct and VK
    in one performance hat); none when the user's own values are all there is."""
    if not snapshot.sources:
        return []
    parts: dict[str, dict[str, float]] = {}
    for name in ("leads", "spend"):
        kpi = snapshot.kpis.get(f"{hat}.{name}")
        if kpi is None or kpi.retired or kpi.aggregate != "sum":
            continue
        for source, total in source_totals(kpi.key, days, snapshot.daily, snapshot.sources).items():
            parts.setdefault(source, {})[name] = total
    if len(parts) < 2 and all(source == MANUAL for source in parts):
        return []
    rows = []
    for source, found in parts.items():
        leads, spend = found.get("leads"), found.get("spend")
        rows.append(ChannelRow(hat, None, leads, spend, None, _ratio(spend, leads), None, None, None, None, source))
    return rows
