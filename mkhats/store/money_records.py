"""The media plan and the quarterly goals in the main file (SPEC §10): typed reads and upserts.

Reached through :meth:`Repo.money <mkhats.store.repo.Repo.money>`, so a command that never asks
for them (``add``) never loads this module. Their tables (``plans``, ``goals``) are new in the main
file and need no migration: a file without them reads as holding none, and their models are
imported only for a file that holds some.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from tinydb import Query

from mkhats.store.repo import _dump

if TYPE_CHECKING:
    from mkhats.domain.goals import Goal
    from mkhats.domain.media_plan import BudgetDecision, BudgetPlan

Q = Query()
Valid = Callable[[Any, Iterable[dict[str, Any]], str], list[Any]]
"""The repository's ``_valid(model, docs, table)``: records, or a StoreError naming the bad one."""


class MoneyRecords:
    """Plans and goals over one view or transaction (``handle``), validated as the repository does."""

    def __init__(self, handle: Any, valid: Valid) -> None:
        self._h = handle
        self._valid = valid

    def plans(self) -> list[BudgetPlan]:
        """Every month's plan of every channel hat, by month then hat."""
        docs = self._h.docs("plans")
        if not docs:
            return []
        from mkhats.domain.media_plan import BudgetPlan

        found: list[BudgetPlan] = self._valid(BudgetPlan, docs, "plans")
        return sorted(found, key=lambda p: (p.month, p.hat))

    def upsert_plan(self, plan: BudgetPlan) -> None:
        """Add or replace the plan of a hat for a month."""
        self._h.main("plans").upsert(_dump(plan), (Q.hat == plan.hat) & (Q.month == plan.month))

    def goals(self) -> list[Goal]:
        """Every quarterly goal, by quarter then KPI."""
        docs = self._h.docs("goals")
        if not docs:
            return []
        from mkhats.domain.goals import Goal

        found: list[Goal] = self._valid(Goal, docs, "goals")
        return sorted(found, key=lambda g: (g.quarter, g.kpi))

    def upsert_goal(self, goal: Goal) -> None:
        """Add or replace the goal of a KPI for a quarter."""
        self._h.main("goals").upsert(_dump(goal), (Q.kpi == goal.kpi) & (Q.quarter == goal.quarter))

    def budget_decisions(self) -> list[BudgetDecision]:
        """Every decision on a channel off its budget's pace, in the order recorded."""
        docs = self._h.docs("budget_decisions")
        if not docs:
            return []
        from mkhats.domain.media_plan import BudgetDecision

        found: list[BudgetDecision] = self._valid(BudgetDecision, docs, "budget_decisions")
        return found

    def add_budget_decision(self, decision: BudgetDecision) -> None:
        """Record a decision on a channel's pace in a month (the latest one counts)."""
        self._h.main("budget_decisions").insert(_dump(decision))
