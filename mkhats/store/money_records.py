"""The media plan and the quarterly goals in the main file (SPEC §10): typed reads and upserts.

A base of :class:`~mkhats.store.repo.Repo`. Their tables (``plans``, ``goals``) are new in the
main file and need no migration: a file without them reads as holding none, and their models are
imported only for a file that holds some (the quick commands pay for neither).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from tinydb import Query

if TYPE_CHECKING:
    from mkhats.domain.goals import Goal
    from mkhats.domain.media_plan import BudgetPlan

Q = Query()


class MoneyRecords:
    """Plans and goals; ``_h`` is the view or transaction, ``_valid`` and ``_dump`` the repository's."""

    _h: Any

    def _valid(self, model: Any, docs: Iterable[dict[str, Any]], table: str) -> list[Any]:
        raise NotImplementedError  # the repository's

    def _dump_one(self, record: BaseModel) -> dict[str, Any]:
        raise NotImplementedError  # the repository's

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
        self._h.main("plans").upsert(self._dump_one(plan), (Q.hat == plan.hat) & (Q.month == plan.month))

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
        self._h.main("goals").upsert(self._dump_one(goal), (Q.kpi == goal.kpi) & (Q.quarter == goal.quarter))
