"""Use cases of the CMO's money (SPEC §10): set and show the media plan, set and show quarterly goals.

Numbers are read as the current language writes them (SPEC §4); money is in the data file's
currency. Each change is one transaction; a refusal writes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Hat, Kpi, revised
from mkhats.domain.numbers import parse_number
from mkhats.domain.weeks import (
    add_days,
    month_quarter,
    parse_month,
    parse_quarter,
    quarter_weeks,
    shift_week,
    week_key,
    week_start,
)
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.services.form_rules import _hat
from mkhats.services.values import find_kpi
from mkhats.services.workspace import Workspace

if TYPE_CHECKING:
    from mkhats.domain.goals import Goal, GoalProgress, Spread
    from mkhats.domain.media_plan import BudgetPlan, Pace


@light_dataclass(frozen=True)
class PlanSet:
    """A month's plan of a channel as ``set_plan`` stored it."""

    plan: BudgetPlan
    hat: Hat
    currency: str | None
    paced: bool
    """The hat has a ``spend`` KPI: its pace can be judged."""


def set_plan(
    ws: Workspace, hat: str, month: str, budget: str, leads: str | None = None, tolerance: str | None = None
) -> PlanSet:
    """Set a channel hat's plan for ``month`` (``YYYY-MM``); leads and tolerance not given keep what
    the month's plan had (a new plan: no leads, the default tolerance).

    Raises:
        InputError: an unknown or non-channel hat, a malformed month or number, a figure out of range.
    """
    from mkhats.domain.media_plan import DEFAULT_TOLERANCE, BudgetPlan, check_plan_numbers, spend_kpi

    lang = current_language()
    key = parse_month(month)
    amount = parse_number(budget, "--budget", lang=lang)
    planned = None if leads is None else parse_number(leads, "--leads", lang=lang)
    share = None if tolerance is None else parse_number(tolerance, "--tolerance", lang=lang)
    check_plan_numbers(amount, planned, DEFAULT_TOLERANCE if share is None else share)
    with ws.write() as repo:
        found = _hat(repo, hat)
        if not found.channel:
            channels = ", ".join(h.key for h in repo.hats().values() if h.channel)
            raise InputError("plan.not_channel", hat=found.key, channels=channels)
        before = next((p for p in repo.money().plans() if p.hat == found.key and p.month == key), None)
        plan = BudgetPlan(
            hat=found.key,
            month=key,
            budget=amount,
            leads=planned if leads is not None else before.leads if before else None,
            tolerance=share if share is not None else before.tolerance if before else DEFAULT_TOLERANCE,
        )
        repo.money().upsert_plan(plan)
        paced = spend_kpi(found.key, repo.kpis()) is not None
        return PlanSet(plan, found, repo.settings().currency, paced)


@light_dataclass(frozen=True)
class PlanRow:
    """One month of one channel's plan, against its spend so far."""

    plan: BudgetPlan
    hat: Hat
    pace: Pace | None


@light_dataclass(frozen=True)
class PlanListing:
    """The media plan by quarter (those asked for), with the hats that cannot be paced."""

    quarters: list[tuple[str, list[PlanRow]]]
    currency: str | None
    unpaced: list[Hat]
    """Planned hats without a ``spend`` KPI: planned, never paced."""


def plan_quarters(ws: Workspace, quarter: str | None = None) -> PlanListing:
    """The media plan of ``quarter`` (``YYYY-Qn``; every quarter that has one by default), each month
    against the spend so far, judged on today as the review judges it."""
    from mkhats.domain.media_plan import plan_pace, plans_by_key, spend_kpi
    from mkhats.domain.strategy import month_days

    asked = parse_quarter(quarter) if quarter is not None else None
    today = ws.today
    with ws.read() as repo:
        plans = [p for p in repo.money().plans() if asked is None or month_quarter(p.month) == asked]
        hats, kpis, currency = repo.hats(), repo.kpis(), repo.settings().currency
        past = [p for p in plans if p.month <= today.isoformat()[:7]]
        first = min((date.fromisoformat(p.month + "-01") for p in past), default=None)
        daily = repo.daily(first, today) if first is not None else {}
    by_key = plans_by_key(plans)
    quarters: dict[str, list[PlanRow]] = {asked: []} if asked else {}
    for plan in plans:
        period = month_days(plan.month)
        pace = plan_pace(by_key, plan.hat, period, [d for d in period if d <= today], kpis, daily, today)
        hat = hats.get(plan.hat) or Hat(key=plan.hat, channel=True)
        quarters.setdefault(month_quarter(plan.month), []).append(PlanRow(plan, hat, pace))
    unpaced = [hats[h] for h in sorted({p.hat for p in plans}) if h in hats and spend_kpi(h, kpis) is None]
    return PlanListing(sorted(quarters.items()), currency, unpaced)


@light_dataclass(frozen=True)
class GoalSet:
    """A goal as ``set_goal`` stored it, the weekly targets it gives, and whether they were accepted."""

    goal: Goal
    kpi: Kpi
    """The KPI as stored after the change (its new target when accepted)."""
    spread: Spread
    previous: float | None
    """The KPI's weekly target before."""
    accepted: bool
    hats: dict[str, Hat]
    currency: str | None


def set_goal(ws: Workspace, kpi: str, quarter: str, value: str, accept: bool = False) -> GoalSet:
    """Set the goal of ``kpi`` for ``quarter``; with ``accept``, its weekly target becomes the one
    the goal gives (one number per KPI: the spread is even, so every week of the quarter has it).

    Raises:
        InputError: an unknown KPI, a malformed quarter or number, a figure out of range.
    """
    from mkhats.domain.goals import Goal, check_goal, spread
    from mkhats.domain.targets import validate_target

    key = parse_quarter(quarter)
    number = parse_number(value, t("forms.value.value"), lang=current_language())
    with ws.write() as repo:
        found = find_kpi(repo.kpis(), kpi)
        check_goal(found, number)
        goal = Goal(kpi=found.key, quarter=key, value=number)
        weekly = spread(found, number, key)
        repo.money().upsert_goal(goal)
        stored = found
        if accept:
            validate_target(found, weekly.weekly)
            stored = revised(found, target=weekly.weekly)
            repo.upsert_kpi(stored)
        return GoalSet(goal, stored, weekly, found.target, accept, repo.hats(), repo.settings().currency)


@light_dataclass(frozen=True)
class GoalRow:
    """A goal, the weekly target it gives, and where it stands."""

    goal: Goal
    kpi: Kpi
    spread: Spread
    progress: GoalProgress


@light_dataclass(frozen=True)
class GoalListing:
    """The goals by quarter (those asked for), judged after the last week that is over."""

    quarters: list[tuple[str, list[GoalRow]]]
    judged: str
    """The last week over: the goals stand as the weeks up to it leave them."""
    hats: dict[str, Hat]
    currency: str | None


def goal_quarters(ws: Workspace, quarter: str | None = None) -> GoalListing:
    """The goals of ``quarter`` (``YYYY-Qn``; every quarter that has one by default), each judged
    after the last week over, as the review judges them."""
    from mkhats.domain.goals import progress, spread

    asked = parse_quarter(quarter) if quarter is not None else None
    judged = shift_week(week_key(ws.today), -1)
    with ws.read() as repo:
        kpis, hats, currency = repo.kpis(), repo.hats(), repo.settings().currency
        goals = [g for g in repo.money().goals() if (asked is None or g.quarter == asked) and g.kpi in kpis]
        starts = [week_start(quarter_weeks(g.quarter)[0]) for g in goals]
        first = min(starts, default=None)
        last = add_days(week_start(judged), 6)
        daily = repo.daily(first, last) if first is not None and first <= last else {}
    quarters: dict[str, list[GoalRow]] = {asked: []} if asked else {}
    for goal in goals:
        kpi = kpis[goal.kpi]
        row = GoalRow(goal, kpi, spread(kpi, goal.value, goal.quarter), progress(goal, kpis, daily, judged))
        quarters.setdefault(goal.quarter, []).append(row)
    return GoalListing(sorted(quarters.items()), judged, hats, currency)
