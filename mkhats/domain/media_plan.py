"""The media plan and its pacing (SPEC §10): what a channel may spend in a month, and how it spends it.

A plan is per channel hat per month: a budget, the leads it should buy (hence a planned CPL) if the
user says, and a tolerance in % (default 10). Pacing compares the channel's spend so far in the
month with budget × elapsed days / days in the month; outside the tolerance either way the channel
is off pace: over (spending faster than the plan) or under (the plan is not being bought).

Spend is the channel hat's KPI named ``spend`` (as the channel map reads it); a hat without one is
planned but never paced. Which days have elapsed: the days of the month up to the day judged, the
day judged itself only once it is over or already holds a spend value. Ad accounts report a day
the next morning, so Tuesday morning is judged on Monday's close, and the 1st of a month with
nothing in yet is not judged at all instead of raising a −100 % alarm every first morning.

Edges are exact: the budget, the spend and the tolerance are compared as the exact fractions of
the numbers typed (``Fraction("0.1")`` is 1/10), so spending exactly 110 % of pace with a 10 %
tolerance is on pace, and a cent more is not.
"""

# No ``from __future__ import annotations``: pydantic reads the annotations (as in ``models``).
from calendar import monthrange
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from mkhats.domain.kpis import LIMIT, Daily, daily_values, period_value
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Day, HatKey, Kpi, Model, ShortText
from mkhats.domain.numbers import plain_number
from mkhats.domain.weeks import month_key
from mkhats.errors import InputError

DEFAULT_TOLERANCE = 10.0
"""The tolerance of a plan that names none, in % either way (SPEC §10)."""

PlanMonth = Annotated[str, StringConstraints(pattern=r"^(?:19[7-9]\d|20\d\d|2100)-(?:0[1-9]|1[0-2])$")]
Amount = Annotated[float, Field(ge=0, le=LIMIT)]


class BudgetPlan(Model):
    """A channel hat's media plan for one month."""

    hat: HatKey
    month: PlanMonth
    budget: Amount
    """What the channel may spend in the month, in the data file's currency."""
    leads: Amount | None = None
    """The leads the budget should buy (planned CPL = budget / leads); None: not planned."""
    tolerance: Annotated[float, Field(ge=0, le=100)] = DEFAULT_TOLERANCE
    """How far from pace, in % either way, the spend may stray before it is a warning."""


BudgetDecisionKind = Literal["cut", "keep", "rebalance"]
BUDGET_DECISIONS: tuple[str, ...] = ("cut", "keep", "rebalance")


class BudgetDecision(Model):
    """What the user decided about a channel off its budget's pace in a month (a ``BUDGET`` warning):
    cut the spend, keep it as it runs (with a reason), or rebalance the plan between channels.

    Like a decided stop alert, a decided month's warning leaves the review: the decision is the answer.
    """

    hat: HatKey
    month: PlanMonth
    decision: BudgetDecisionKind
    reason: ShortText = ""
    day: Day


def budget_decision(decisions: Collection[BudgetDecision], hat: str, month: str) -> BudgetDecision | None:
    """The latest decision on ``hat``'s pace in ``month``; None while it is undecided."""
    found = [d for d in decisions if d.hat == hat and d.month == month]
    return sorted(found, key=lambda d: d.day)[-1] if found else None  # stable: the last one recorded


PaceState = Literal["on", "over", "under"]
Plans = Mapping[tuple[str, str], BudgetPlan]
"""Plans by (hat, month)."""


@light_dataclass(frozen=True)
class Pace:
    """A channel's plan against its fact over a period (a month, or a week's share of its months)."""

    hat: str
    budget: float
    """The budget of the whole period (a week gets its days' share of their months' budgets)."""
    leads: float | None
    """The leads planned over the whole period, when every planned day's month names them."""
    spend: float | None
    """Spend over the days counted; None when the hat has no ``spend`` KPI."""
    expected: float
    """What the plan allows by the last day counted: Σ budget / days in month over the days counted."""
    elapsed: int
    """Days counted (planned days up to the day judged, see the module's docstring)."""
    days: int
    """Planned days in the period."""
    last: date | None
    """The last day counted; None when none is yet."""
    tolerance: float
    deviation: float | None = None
    """Spend against pace in signed %: ``+11`` is 11 % over; None when nothing is expected yet."""
    state: PaceState | None = None
    """None when it is not judged: no spend KPI, or no day counted yet."""

    @property
    def planned_cpl(self) -> float | None:
        """The budget over the planned leads; None without leads (or with none planned)."""
        return self.budget / self.leads if self.leads else None

    @property
    def off(self) -> bool:
        """Outside the tolerance, either way."""
        return self.state in ("over", "under")


def check_plan_numbers(
    budget: float | None, leads: float | None, tolerance: float, names: Mapping[str, str] | None = None
) -> None:
    """The figures of a plan as typed: a budget and leads from 0 to a quadrillion, a tolerance of 0–100 %.

    ``names`` says how the errors name each figure (``budget``, ``leads``, ``tolerance``): the
    command line's options by default, a grid's row names in the app.

    Raises:
        InputError: ``plan.negative`` (naming the figure), ``plan.too_large``, ``plan.tolerance``.
    """
    named = {"budget": "--budget", "leads": "--leads", "tolerance": "--tolerance", **(names or {})}
    for field, value in (("budget", budget), ("leads", leads)):
        if value is not None and value < 0:
            raise InputError("plan.negative", option=named[field], value=plain_number(value))
        if value is not None and value > LIMIT:
            raise InputError("plan.too_large", option=named[field], value=plain_number(value))
    if not 0 <= tolerance <= 100:
        raise InputError("plan.tolerance", option=named["tolerance"], value=plain_number(tolerance))


def month_length(month: str) -> int:
    """Days in month ``YYYY-MM``."""
    return monthrange(int(month[:4]), int(month[5:7]))[1]


def plans_by_key(plans: Collection[BudgetPlan]) -> dict[tuple[str, str], BudgetPlan]:
    """``{(hat, month): plan}``."""
    return {(p.hat, p.month): p for p in plans}


def _exact(value: float) -> Fraction:
    """The number as it was typed: ``Fraction(repr(0.1))`` is 1/10, ``Fraction(0.1)`` is not."""
    return Fraction(repr(float(value)))


def judge_pace(spend: float, expected: Fraction | float, tolerance: float) -> tuple[PaceState, float | None]:
    """Whether ``spend`` is on pace against ``expected`` within ``tolerance`` %, and the deviation.

    Exactly at the tolerance is on pace. Nothing expected (a budget of 0): any spend is over.

    Returns:
        The state and the signed deviation in % (None when nothing is expected).
    """
    fact = _exact(spend)
    plan = expected if isinstance(expected, Fraction) else _exact(expected)
    if plan == 0:
        return ("over" if fact > 0 else "on"), None
    share = _exact(tolerance) / 100
    deviation = float((fact - plan) / plan * 100)
    if fact > plan * (1 + share):
        return "over", deviation
    if fact < plan * (1 - share):
        return "under", deviation
    return "on", deviation


def counts(day: date, today: date, spend: Mapping[date, float]) -> bool:
    """Whether ``day`` has elapsed for pacing: it is over, or it is today and its spend is in."""
    return day < today or (day == today and day in spend)


def spend_kpi(hat: str, kpis: Mapping[str, Kpi]) -> Kpi | None:
    """The hat's ``spend`` KPI, unless it has none or it is retired."""
    kpi = kpis.get(f"{hat}.spend")
    return kpi if kpi is not None and not kpi.retired else None


def plan_pace(
    plans: Plans,
    hat: str,
    period: Sequence[date],
    days: Collection[date],
    kpis: Mapping[str, Kpi],
    daily: Daily,
    today: date,
) -> Pace | None:
    """The hat's plan against its spend over ``period``, judged on the days of ``days`` that count.

    Args:
        plans: Every plan by (hat, month).
        hat: The channel hat.
        period: Every day whose budget is shown (a whole week, a whole month).
        days: The days whose spend is judged (the period's, or those loaded), up to today.
        kpis: Every KPI (the hat's ``spend`` among them).
        daily: The daily values.
        today: The day the pace is judged on: days after it never count, it counts once its spend is in.

    Returns:
        The pace, or None when no day of ``period`` has a plan.
    """
    planned = [(day, plans[(hat, month_key(day))]) for day in period if (hat, month_key(day)) in plans]
    if not planned:
        return None
    kpi = spend_kpi(hat, kpis)
    series = daily_values(kpi.key, kpis, daily, [today]) if kpi is not None else {}
    wanted = set(days)
    counted = [(day, plan) for day, plan in planned if day in wanted and counts(day, today, series)]
    budget = sum((_exact(plan.budget) / month_length(plan.month) for _, plan in planned), Fraction(0))
    leads = None
    if all(plan.leads is not None for _, plan in planned):
        leads = float(sum((_exact(plan.leads or 0) / month_length(plan.month) for _, plan in planned), Fraction(0)))
    expected = sum((_exact(plan.budget) / month_length(plan.month) for _, plan in counted), Fraction(0))
    last = counted[-1][0] if counted else None
    tolerance = (counted[-1] if counted else planned[-1])[1].tolerance
    pace = Pace(hat, float(budget), leads, None, float(expected), len(counted), len(planned), last, tolerance)
    if kpi is None:
        return pace
    spend = period_value(kpi.key, kpis, daily, [day for day, _ in counted]) or 0.0
    if not counted:
        return Pace(**{**pace.__dict__, "spend": spend})
    state, deviation = judge_pace(spend, expected, tolerance)
    return Pace(**{**pace.__dict__, "spend": spend, "deviation": deviation, "state": state})


def month_paces(
    plans: Plans, hats: Sequence[str], day: date, kpis: Mapping[str, Kpi], daily: Daily, today: date
) -> list[Pace]:
    """Each of ``hats``' pace in the month of ``day``, judged up to ``day`` (a plan's month so far).

    ``today`` decides whether ``day`` itself counts (see :func:`counts`); a day before today always does.
    """
    month = month_key(day)
    first = day.replace(day=1)
    period = [first.replace(day=n) for n in range(1, month_length(month) + 1)]
    so_far = [d for d in period if d <= day]
    paces = []
    for hat in hats:
        if (hat, month) in plans:
            pace = plan_pace(plans, hat, period, so_far, kpis, daily, today)
            if pace is not None:
                paces.append(pace)
    return paces
