"""Everything the rules need to judge one week, read once from the store.

Services fill a ``Snapshot`` (settings, people, hats, KPIs, the daily values of a window of weeks,
logs, checks, decisions…) and hand it to the pure review and report functions.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from typing import TYPE_CHECKING

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import (
    AlertDecision,
    ChecklistItem,
    ConflictRule,
    ExternalCheck,
    Hat,
    Kpi,
    Person,
    RolesReview,
    Settings,
    StrategySession,
    WearSpan,
    WeeklyLog,
)
from mkhats.domain.weeks import add_days, last_weeks, week_start

if TYPE_CHECKING:
    from mkhats.domain.goals import Goal
    from mkhats.domain.hypotheses import Hypothesis
    from mkhats.domain.media_plan import BudgetDecision, BudgetPlan

WINDOW_WEEKS = 13
"""The main screen, the review and the report look at the 13 weeks ending with the chosen week."""


def window(week: str, weeks: int = WINDOW_WEEKS) -> tuple[date, date]:
    """First and last day of the ``weeks`` weeks ending with ``week``."""
    first = week_start(last_weeks(week, weeks)[0])
    return first, add_days(week_start(week), 6)


@light_dataclass
class Snapshot:
    """The data of one week's view: a window of daily values plus the whole main file."""

    today: date
    week: str
    settings: Settings
    persons: dict[str, Person]
    hats: dict[str, Hat]
    kpis: dict[str, Kpi]
    daily: dict[str, dict[date, float]]
    first_day: date
    last_day: date
    checklist: list[ChecklistItem] = field(default_factory=list)
    ticks: set[tuple[str, str]] = field(default_factory=set)
    logs: dict[tuple[str, str], WeeklyLog] = field(default_factory=dict)
    conflicts: list[ConflictRule] = field(default_factory=list)
    checks: list[ExternalCheck] = field(default_factory=list)
    decisions: list[AlertDecision] = field(default_factory=list)
    reviews: list[RolesReview] = field(default_factory=list)
    sessions: list[StrategySession] = field(default_factory=list)
    spans: list[WearSpan] = field(default_factory=list)
    wearing: WearSpan | None = None
    now: datetime | None = None
    """This instant, when the caller knows it (a command): a hat still worn counts up to it, not to
    the end of the day."""
    hypotheses: list[Hypothesis] = field(default_factory=list)
    sources: dict[tuple[str, date], dict[str, float]] = field(default_factory=dict)
    """``{(kpi, day): {source: value}}`` of the window's days an import fed (the channel map's
    breakdown by source); days of the user's own values alone are not here."""
    history: dict[str, dict[date, float]] = field(default_factory=dict)
    """Daily values before ``first_day`` that the hypotheses' baselines and the quarter of the goals
    judged need (nothing else uses them)."""
    plans: list[BudgetPlan] = field(default_factory=list)
    """The media plan: a budget per channel hat per month (SPEC §10)."""
    goals: list[Goal] = field(default_factory=list)
    """The owner's quarterly goals (SPEC §10)."""
    budget_decisions: list[BudgetDecision] = field(default_factory=list)
    """What was decided about channels off their budget's pace, by month (cut, keep, rebalance)."""

    @property
    def enabled_hats(self) -> list[Hat]:
        """Enabled hats in tab order."""
        return sorted((h for h in self.hats.values() if h.enabled), key=lambda h: h.position)

    def hat_kpis(self, hat: str) -> list[Kpi]:
        """The hat's KPIs that are not retired, in their order."""
        return sorted(
            (k for k in self.kpis.values() if k.hat == hat and not k.retired),
            key=lambda k: k.position,
        )
