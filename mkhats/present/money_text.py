"""The CMO's money in words (SPEC §10): the plan and its pace, the goals and their weekly targets.

Shared by ``plan``/``goal`` on the command line, the ``BUDGET`` and ``GOAL`` lines of the review and
``check``, and the plan columns of the channel map (the CMO tab and the report), so each says it
the same way. Money is in the data file's currency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mkhats.domain.models import Hat, Kpi
from mkhats.i18n import t
from mkhats.present.cmo_text import format_month
from mkhats.present.labels import (
    format_amount,
    format_exact,
    format_span,
    format_unit,
    format_with_unit,
    hat_name,
    kpi_title,
    signed_deviation,
)

if TYPE_CHECKING:
    from mkhats.domain.goals import Goal, GoalProgress, Spread
    from mkhats.domain.media_plan import BudgetPlan, Pace
    from mkhats.domain.review import ReviewItem
    from mkhats.domain.snapshot import Snapshot

_DASH = "—"


def _size(deviation: float) -> str:
    """``27 %``: a deviation whose direction the words say."""
    return signed_deviation(abs(deviation)).lstrip("+")


def pace_text(pace: Pace | None) -> str:
    """``✓ −3 %`` within the tolerance, ``✗ +24 %`` outside it (signed as arithmetic reads it, as a
    KPI's status is), ``✗ no budget`` for spend against none; ``—`` when not judged (no spend KPI,
    no day counted yet)."""
    if pace is None or pace.state is None:
        return _DASH
    mark = "✓" if pace.state == "on" else "✗"
    if pace.deviation is None:
        return t("plan.pace.no_budget") if pace.state == "over" else mark
    return f"{mark} {signed_deviation(pace.deviation)}"


def tolerance_text(tolerance: float) -> str:
    """``±10 %``."""
    return f"±{format_exact(tolerance)}\u00a0%"


def plan_cells(pace: Pace | None, currency: str | None) -> tuple[str, str, str]:
    """A channel map row's plan cells: budget, pace, planned CPL (``—`` each without a plan)."""
    if pace is None:
        return _DASH, _DASH, _DASH
    return (
        format_unit("money", pace.budget, currency),
        pace_text(pace),
        format_unit("money", pace.planned_cpl, currency),
    )


def plan_header() -> list[str]:
    """The columns of ``plan show``."""
    return [
        t("plan.col.channel"),
        t("plan.col.month"),
        t("plan.col.budget"),
        t("plan.col.leads"),
        t("plan.col.cpl"),
        t("plan.col.spend"),
        t("plan.col.pace"),
        t("plan.col.tolerance"),
    ]


def plan_rows(rows: Iterable[tuple[Hat, BudgetPlan, Pace | None]], currency: str | None) -> list[list[str]]:
    """One row per channel and month: the plan, then the spend so far and the pace."""
    out = []
    for hat, plan, pace in rows:
        cpl = plan.budget / plan.leads if plan.leads else None
        spend = pace.spend if pace is not None and pace.last is not None else None
        out.append(
            [
                hat_name(hat),
                format_month(plan.month),
                format_unit("money", plan.budget, currency),
                format_amount("count", plan.leads),
                format_unit("money", cpl, currency),
                format_unit("money", spend, currency),
                pace_text(pace),
                tolerance_text(plan.tolerance),
            ]
        )
    return out


def plan_set_text(plan: BudgetPlan, hat: Hat, currency: str | None) -> str:
    """``Performance, December 2026: budget $4,300 for 172 leads (CPL $25), tolerance ±10 %.``"""
    params = {
        "hat": hat_name(hat),
        "month": format_month(plan.month),
        "budget": format_unit("money", plan.budget, currency, exact=True),
        "tolerance": format_exact(plan.tolerance),
    }
    if plan.leads:
        cpl = format_unit("money", plan.budget / plan.leads, currency)
        # A fraction takes the form 2 does: "12.5 leads", «12,5 лида».
        count = int(plan.leads) if float(plan.leads).is_integer() else 2
        return t("plan.set_leads", n=count, leads=format_exact(plan.leads), cpl=cpl, **params)
    return t("plan.set", **params)


def budget_sentence(item: ReviewItem, snapshot: Snapshot) -> str:
    """A ``BUDGET`` warning: "Performance has spent $4,560 of $4,300 by 24 Nov 2026: 27 % over pace…"."""
    from mkhats.present.labels import format_day

    pace: Pace = item.params["pace"]
    currency = snapshot.settings.currency
    hat = snapshot.hats.get(pace.hat, pace.hat)
    return t(
        item.key,
        hat=hat_name(hat),
        spend=format_unit("money", pace.spend, currency),
        budget=format_unit("money", pace.budget, currency),
        day=format_day(pace.last) if pace.last is not None else _DASH,
        deviation=_size(pace.deviation or 0),
        expected=format_unit("money", pace.expected, currency),
        tolerance=format_exact(pace.tolerance),
        month=format_month(item.params["month"]),
    )


def kpi_label(kpi: Kpi, hats: Mapping[str, Hat]) -> str:
    """``CMO Revenue``: the hat and the KPI's title."""
    return f"{hat_name(hats.get(kpi.hat, kpi.hat))} {kpi_title(kpi)}"


def goal_sentence(item: ReviewItem, snapshot: Snapshot) -> str:
    """A ``GOAL`` warning: the goal out of reach (what the weeks left would need), or missed."""
    found: GoalProgress = item.params["progress"]
    kpi, goal, currency = found.kpi, found.goal, snapshot.settings.currency
    params: dict[str, Any] = {
        "kpi": kpi_label(kpi, snapshot.hats),
        "quarter": goal.quarter,
        "value": format_with_unit(kpi, found.value, currency),
        "goal": format_with_unit(kpi, goal.value, currency),
        "direction": t(f"direction.{kpi.direction}"),
        "done": found.done,
        "weeks": len(found.weeks),
    }
    if item.key == "review.goal_missed":
        return t(item.key, **params)
    need = found.need or 0.0
    if kpi.direction == "down" and need < 0:
        return t("review.goal_past", **params)
    key = "review.goal_out_of_reach" if kpi.direction == "up" else "review.goal_out_of_reach_down"
    return t(
        key,
        n=found.left,
        left=found.left,
        need=format_with_unit(kpi, need, currency),
        average=format_with_unit(kpi, found.average, currency),
        **params,
    )


def goal_set_lines(
    goal: Goal,
    kpi: Kpi,
    spread: Spread,
    previous: float | None,
    accepted: bool,
    hats: Mapping[str, Hat],
    currency: str | None,
) -> list[str]:
    """What ``goal set`` prints: the goal, the weekly target it gives, and whether it is the KPI's now."""
    label = kpi_label(kpi, hats)
    weekly = format_with_unit(kpi, spread.weekly, currency)
    lines = [
        t(
            "goal.set",
            kpi=label,
            quarter=goal.quarter,
            value=format_with_unit(kpi, goal.value, currency, exact=True),
            direction=t(f"direction.{kpi.direction}"),
        ),
        spread_line(kpi, spread, currency),
    ]
    before = format_with_unit(kpi, previous, currency)
    key = "goal.accepted" if accepted else "goal.to_accept"
    lines.append(t(key, kpi=label, weekly=weekly, previous=before))
    return lines


def spread_line(kpi: Kpi, spread: Spread, currency: str | None) -> str:
    """The weekly target a goal gives: spread over the quarter's weeks, or the goal itself (a rate)."""
    weekly = format_with_unit(kpi, spread.weekly, currency)
    return t("goal.spread", n=len(spread.weeks), weekly=weekly) if spread.summed else t("goal.rate", weekly=weekly)


def goal_week_rows(kpi: Kpi, spread: Spread, currency: str | None) -> list[list[str]]:
    """A summed goal's weekly targets, one row per week of its quarter with its dates and the total
    the weeks so far add up to (the last row reaches the goal); none for a rate."""
    from mkhats.domain.weeks import week_days

    if not spread.summed:
        return []
    rows = [[t("goal.col.week"), t("goal.col.days"), t("goal.col.target"), t("goal.col.total")]]
    for n, week in enumerate(spread.weeks, start=1):
        days = week_days(week)
        rows.append(
            [
                week,
                format_span(days[0], days[-1]),
                format_with_unit(kpi, spread.weekly, currency),
                format_with_unit(kpi, spread.weekly * n, currency),
            ]
        )
    return rows


def goal_rows(
    rows: Iterable[tuple[Spread, GoalProgress]], hats: Mapping[str, Hat], currency: str | None
) -> list[list[str]]:
    """``goal show``'s table: the goal, its weekly target, the KPI's target now, where it stands."""
    out = [
        [
            t("goal.col.kpi"),
            t("goal.col.goal"),
            t("goal.col.weekly"),
            t("goal.col.target_now"),
            t("goal.col.so_far"),
            t("goal.col.weeks"),
            t("goal.col.need"),
            t("goal.col.state"),
        ]
    ]
    for spread, found in rows:
        kpi = found.kpi
        out.append(
            [
                kpi_label(kpi, hats),
                format_with_unit(kpi, found.goal.value, currency),
                format_with_unit(kpi, spread.weekly, currency),
                format_with_unit(kpi, kpi.target, currency),
                format_with_unit(kpi, found.value, currency),
                f"{found.done}/{len(found.weeks)}",
                format_with_unit(kpi, found.need if found.state != "met" else None, currency),
                t(f"goal.state.{found.state}") if found.state else _DASH,
            ]
        )
    return out
