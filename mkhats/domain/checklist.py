"""Which period a checklist item is ticked for in a given week, and how much of it is done."""

from __future__ import annotations

from collections.abc import Iterable

from mkhats.domain.models import ChecklistItem
from mkhats.domain.record import record
from mkhats.domain.weeks import add_days, period_key, week_start


def week_periods(week: str) -> dict[str, str]:
    """The period keys a week's checklist shows: the week, and the month and quarter it belongs to.

    A week belongs to the month of its Thursday, as ISO weeks belong to the year of theirs.
    """
    thursday = add_days(week_start(week), 3)
    return {cadence: period_key(cadence, thursday) for cadence in ("weekly", "monthly", "quarterly")}


@record(frozen=True)
class ChecklistRow:
    """An item as shown for a week: its period and whether it is done."""

    item: ChecklistItem
    period: str
    done: bool


def checklist_rows(items: Iterable[ChecklistItem], ticks: set[tuple[str, str]], hat: str, week: str) -> list[ChecklistRow]:
    """A hat's items for ``week``: weekly first, then monthly, then quarterly, in their order."""
    periods = week_periods(week)
    order = {"weekly": 0, "monthly": 1, "quarterly": 2}
    chosen = sorted((i for i in items if i.hat == hat), key=lambda i: (order[i.cadence], i.position))
    return [ChecklistRow(i, periods[i.cadence], (i.id, periods[i.cadence]) in ticks) for i in chosen]


def progress(rows: list[ChecklistRow]) -> tuple[int, int]:
    """(done, total)."""
    return sum(r.done for r in rows), len(rows)
