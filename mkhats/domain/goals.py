"""The owner's quarterly goals (SPEC §10): a figure for a KPI over a quarter, the weekly target that
follows from it, and whether the weeks so far leave it within reach.

A quarter's weeks are the ISO weeks whose Thursday falls in it (:func:`~mkhats.domain.weeks.quarter_weeks`),
as a quarterly checklist item counts them: 13 mostly, 14 when a 92-day quarter starts on a Thursday,
12 when a 90-day first quarter starts on a Friday. A week that straddles two quarters counts, whole, in
the one holding four of its days, so each week counts once, and a goal is measured over the same
weeks its weekly targets are set for (its value is the KPI over those weeks, not over the calendar
quarter's days: up to three days either end differ).

A summed KPI's goal is spread evenly over the quarter's weeks; any other KPI (a formula, a mean, a
last value) is a rate, and its weekly target is the goal itself. The weekly target is rounded to the
digits the tables show, towards the goal's side (up for a KPI where more is better, down where less
is), so that meeting every week's target meets the goal.

**Out of reach** (the review's ``GOAL`` warning) is judged on the weeks that are over, once at
least :data:`MIN_WEEKS` of them are: for a summed KPI, when what is left to reach the goal, per week
left, is more than :data:`REACH` times the average week so far (where more is better), or less than
the average week over :data:`REACH` (a ceiling, where less is better: the weeks left would have to
cost under half of what they have). Twice the average leaves room for a ramp-up (a new channel, a
season), and three weeks keep one slow first week from calling a quarter lost. A rate KPI's value
so far says nothing sure about the weeks left, so it is judged when the quarter is over: a goal
missed then is flagged in the week that follows (as the review flags last week's targets).
"""

# No ``from __future__ import annotations``: pydantic reads the annotations (as in ``models``).
import math
from collections.abc import Collection, Mapping
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from mkhats.domain.kpi_names import named
from mkhats.domain.kpis import LIMIT, NON_NEGATIVE_UNITS, Daily, meets, period_value
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Kpi, KpiKey, Model
from mkhats.domain.numbers import plain_number
from mkhats.domain.running import shown_decimals, summed
from mkhats.domain.weeks import quarter_weeks, shift_week, week_days, week_quarter, week_start
from mkhats.errors import InputError

MIN_WEEKS = 3
"""Weeks of the quarter that must be over before a goal is called out of reach."""
REACH = 2.0
"""How many times the average week so far the weeks left may need before a goal is out of reach."""

QuarterKey = Annotated[str, StringConstraints(pattern=r"^(?:19[7-9]\d|20\d\d|2100)-Q[1-4]$")]


class Goal(Model):
    """The owner's goal for a KPI over a quarter."""

    kpi: KpiKey
    quarter: QuarterKey
    value: Annotated[float, Field(ge=-LIMIT, le=LIMIT)]


GoalState = Literal["not_started", "on_course", "behind", "out_of_reach", "met", "missed"]
"""``behind``: the weeks left need more than the average so far (a rate: it misses so far), not yet
out of reach."""


@light_dataclass(frozen=True)
class Spread:
    """The weekly targets a goal gives: the same for each of the quarter's weeks."""

    weeks: list[str]
    weekly: float
    summed: bool
    """The goal is spread over the weeks (a summed KPI); else each week's target is the goal."""


def check_goal(kpi: Kpi, value: float) -> None:
    """A goal is compared with the KPI's values: never below zero for a count, money, hours or days
    KPI, and within a quadrillion (as values and targets are).

    Raises:
        InputError: ``goal.negative`` or ``goal.too_large``.
    """
    if kpi.unit in NON_NEGATIVE_UNITS and value < 0:
        raise InputError("goal.negative", kpi=named(kpi), value=plain_number(value))
    if abs(value) > LIMIT:
        raise InputError("goal.too_large", kpi=named(kpi), value=plain_number(value))


def weekly_target(kpi: Kpi, goal: float, weeks: int) -> float:
    """The weekly target of ``goal`` over ``weeks`` weeks, rounded to the digits shown, towards the goal."""
    if not summed(kpi):
        return goal
    share = goal / weeks
    scale = 10.0 ** shown_decimals(kpi.unit, share)
    scaled = share * scale
    near = round(scaled)
    if math.isclose(scaled, near, rel_tol=1e-9, abs_tol=1e-9):  # 700.0000001: float noise, not a step
        return near / scale
    return (math.ceil(scaled) if kpi.direction == "up" else math.floor(scaled)) / scale


def spread(kpi: Kpi, goal: float, quarter: str) -> Spread:
    """The weekly targets that follow from ``goal`` for ``kpi`` over ``quarter`` (``2026-Q4``)."""
    weeks = quarter_weeks(quarter)
    return Spread(weeks, weekly_target(kpi, goal, len(weeks)), summed(kpi))


@light_dataclass(frozen=True)
class GoalProgress:
    """Where a goal stands after the weeks of its quarter that are over."""

    goal: Goal
    kpi: Kpi
    weeks: list[str]
    done: int
    """Weeks of the quarter over by the week judged."""
    value: float | None
    """The KPI over those weeks (a sum, or the rate over their days); None without any value."""
    need: float | None = None
    """A summed KPI's remainder per week left; None for a rate or once the quarter is over."""
    average: float | None = None
    """A summed KPI's average week so far."""
    state: GoalState | None = None
    """None: nothing to judge on (no value in the weeks over)."""

    @property
    def left(self) -> int:
        """Weeks of the quarter still to come (the one running included)."""
        return len(self.weeks) - self.done

    @property
    def flagged(self) -> bool:
        """What the review warns about: out of reach, or missed."""
        return self.state in ("out_of_reach", "missed")


def progress(goal: Goal, kpis: Mapping[str, Kpi], daily: Daily, judged: str) -> GoalProgress:
    """``goal``'s standing after the weeks of its quarter up to ``judged`` (the last week over).

    Args:
        goal: The goal.
        kpis: Every KPI (the goal's, and a formula's operands).
        daily: Daily values covering the quarter's weeks up to ``judged``.
        judged: The last week that is over (the review's judged week).
    """
    kpi = kpis[goal.kpi]
    weeks = quarter_weeks(goal.quarter)
    over = [w for w in weeks if w <= judged]
    base = GoalProgress(goal, kpi, weeks, len(over), None)
    if not over:
        return GoalProgress(**{**base.__dict__, "state": "not_started"})
    up = kpi.direction == "up"
    if not summed(kpi):
        value = period_value(kpi.key, kpis, daily, [d for w in over for d in week_days(w)])
        if value is None:
            return base
        hit = meets(value, ">=" if up else "<=", goal.value)
        if len(over) == len(weeks):
            return GoalProgress(**{**base.__dict__, "value": value, "state": "met" if hit else "missed"})
        return GoalProgress(**{**base.__dict__, "value": value, "state": "on_course" if hit else "behind"})
    sums = [period_value(kpi.key, kpis, daily, week_days(w)) for w in over]
    if all(s is None for s in sums):
        return base
    value = sum(s for s in sums if s is not None)
    average = value / len(over)
    fields = {**base.__dict__, "value": value, "average": average}
    if len(over) == len(weeks):
        hit = meets(value, ">=" if up else "<=", goal.value)
        return GoalProgress(**{**fields, "state": "met" if hit else "missed"})
    need = (goal.value - value) / (len(weeks) - len(over))
    fields["need"] = need
    if up and meets(value, ">=", goal.value):
        state: GoalState = "met"
    elif up:
        state = "on_course" if need <= average else "behind" if need <= REACH * average else "out_of_reach"
    else:
        state = "on_course" if need >= average else "behind" if need >= average / REACH else "out_of_reach"
    if state == "out_of_reach" and len(over) < MIN_WEEKS:
        state = "behind"
    return GoalProgress(**{**fields, "state": state})


def judged_goals(goals: Collection[Goal], judged: str) -> list[Goal]:
    """The goals of the quarter that ``judged`` (the last week over) belongs to."""
    quarter = week_quarter(judged)
    return [g for g in goals if g.quarter == quarter]


def first_day_needed(goals: Collection[Goal], week: str) -> date | None:
    """The first day of the quarter whose goals the review of ``week`` may judge (that of ``week``
    or of the week before, the one judged while ``week`` runs); None when neither has a goal."""
    quarters = {week_quarter(week), week_quarter(shift_week(week, -1))}
    starts = [week_start(quarter_weeks(g.quarter)[0]) for g in goals if g.quarter in quarters]
    return min(starts, default=None)
