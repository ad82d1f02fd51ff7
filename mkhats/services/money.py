"""Use cases of the CMO's money (SPEC §10): set and show the media plan, set and show quarterly goals.

Numbers are read as the current language writes them (SPEC §4); money is in the data file's
currency. Each change is one transaction; a refusal writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
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
from mkhats.errors import InputError, MkhatsError
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


# -- the plan editor (the CMO tab's ``p``) ------------------------------------------------------------

PLAN_FIELDS = ("budget", "leads", "tolerance")
"""The figures of a month's plan, in the editor's order."""

PlanCell = tuple[str, str, str]
"""A figure of the plan editor: (hat, month, field)."""


@light_dataclass(frozen=True)
class PlanSheet:
    """What the plan editor shows for a quarter: the channel hats × the quarter's months, as stored."""

    quarter: str
    months: list[str]
    hats: list[Hat]
    """The enabled channel hats, in tab order."""
    plans: dict[tuple[str, str], BudgetPlan]
    """The stored plans by (hat, month)."""
    currency: str | None
    default_tolerance: float


def plan_sheet(ws: Workspace, quarter: str) -> PlanSheet:
    """The media plan of ``quarter`` (``YYYY-Qn``) for the plan editor.

    Raises:
        InputError: a malformed quarter.
    """
    from mkhats.domain.media_plan import DEFAULT_TOLERANCE
    from mkhats.domain.weeks import quarter_months

    key = parse_quarter(quarter)
    months = quarter_months(key)
    with ws.read() as repo:
        hats = sorted((h for h in repo.hats().values() if h.channel and h.enabled), key=lambda h: h.position)
        plans = {(p.hat, p.month): p for p in repo.money().plans() if p.month in months}
        currency = repo.settings().currency
    return PlanSheet(key, months, hats, plans, currency, DEFAULT_TOLERANCE)


def _field_names() -> dict[str, str]:
    return {field: t(f"plan_editor.field.{field}") for field in PLAN_FIELDS}


def plan_cell(field: str, text: str | None) -> float | None:
    """The figure a cell of the plan editor holds (the number as the UI language writes it, and
    what a plan takes); None for an empty cell.

    Raises:
        InputError: not a number, or out of a plan's range; the message names the figure.
    """
    from mkhats.domain.media_plan import DEFAULT_TOLERANCE, check_plan_numbers

    if text is None or not text.strip():
        return None
    names = _field_names()
    number = parse_number(text, names[field], lang=current_language())
    figures: dict[str, float | None] = {"budget": None, "leads": None, "tolerance": DEFAULT_TOLERANCE}
    figures[field] = number
    check_plan_numbers(figures["budget"], figures["leads"], figures["tolerance"] or 0.0, names)
    return number


class PlanErrors(InputError):
    """Figures of the plan editor that cannot be saved, each with its reason. Nothing was written."""

    def __init__(self, errors: Mapping[PlanCell, MkhatsError]) -> None:
        super().__init__("plan_editor.invalid", n=len(errors), count=len(errors))
        self.errors = dict(errors)


def set_plans(ws: Workspace, changes: Mapping[tuple[str, str], Mapping[str, str | None]]) -> list[PlanSet]:
    """Store the plans of several channels and months at once, all or none.

    ``changes`` gives, for each (hat, month) edited, the texts of its figures as they now stand
    (``budget``, ``leads``, ``tolerance``; None or "" for an empty one): the month's plan becomes
    exactly that, an empty tolerance being the default. A month needs a budget once it has any
    figure, and a stored plan's budget cannot be emptied (0 plans no spend).

    Raises:
        PlanErrors: every figure that cannot be stored, with its reason; nothing was written.
        InputError: an unknown or non-channel hat, a malformed month.
    """
    from mkhats.domain.media_plan import DEFAULT_TOLERANCE, BudgetPlan, spend_kpi

    errors: dict[PlanCell, MkhatsError] = {}
    figures: dict[tuple[str, str], dict[str, float | None]] = {}
    for (hat, month), texts in changes.items():
        parse_month(month)
        numbers: dict[str, float | None] = {}
        for field in PLAN_FIELDS:
            try:
                numbers[field] = plan_cell(field, texts.get(field))
            except InputError as error:
                errors[(hat, month, field)] = error
        figures[(hat, month)] = numbers
    with ws.write() as repo:
        hats = repo.hats()
        stored = {(p.hat, p.month) for p in repo.money().plans()}
        for (hat, month), numbers in figures.items():
            found = _hat(repo, hat)
            if not found.channel:
                channels = ", ".join(h.key for h in hats.values() if h.channel)
                raise InputError("plan.not_channel", hat=found.key, channels=channels)
            if (hat, month, "budget") in errors or numbers.get("budget") is not None:
                continue
            if (hat, month) in stored:
                errors[(hat, month, "budget")] = InputError("plan_editor.keep_budget")
            elif any(numbers.get(f) is not None for f in PLAN_FIELDS) or any(
                (hat, month, f) in errors for f in PLAN_FIELDS
            ):
                errors[(hat, month, "budget")] = InputError("plan_editor.need_budget")
        if errors:
            raise PlanErrors(errors)
        done = []
        kpis, currency = repo.kpis(), repo.settings().currency
        for (hat, month), numbers in sorted(figures.items()):
            budget = numbers.get("budget")
            if budget is None:
                continue  # a month left empty, as it was
            tolerance = numbers.get("tolerance")
            plan = BudgetPlan(
                hat=hat,
                month=month,
                budget=budget,
                leads=numbers.get("leads"),
                tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance,
            )
            repo.money().upsert_plan(plan)
            done.append(PlanSet(plan, hats[hat], currency, spend_kpi(hat, kpis) is not None))
        return done


@light_dataclass(frozen=True)
class GoalPreview:
    """What a goal would give, before it is set: the KPI and the weekly target."""

    kpi: Kpi
    spread: Spread
    hats: dict[str, Hat]
    currency: str | None


def preview_goal(ws: Workspace, kpi: str, quarter: str, value: str) -> GoalPreview:
    """The weekly target ``value`` as ``kpi``'s goal for ``quarter`` would give; writes nothing.

    Raises:
        InputError: an unknown KPI, a malformed quarter or number, a figure out of range.
    """
    from mkhats.domain.goals import check_goal, spread

    key = parse_quarter(quarter)
    number = parse_number(value, t("forms.value.value"), lang=current_language())
    with ws.read() as repo:
        found = find_kpi(repo.kpis(), kpi)
        hats, currency = repo.hats(), repo.settings().currency
    check_goal(found, number)
    return GoalPreview(found, spread(found, number, key), hats, currency)
