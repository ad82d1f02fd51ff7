"""Which period a checklist item is ticked for in a given week, and how much of it is done.

An item keeps its history as versions under one id (SPEC §1 "Checklist item"): each version shows
in the weeks from ``since`` up to, not including, ``until``. Adding, renaming, re-cadencing or
deleting an item changes the current period on (the week, month or quarter that today's week
ticks for), never a past one; ticks are kept per (id, period), so a renamed item keeps its tick.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import ChecklistItem
from mkhats.domain.models import revised as validated
from mkhats.domain.weeks import add_days, period_key, week_key, week_start

_ORDER = {"weekly": 0, "monthly": 1, "quarterly": 2}


def week_periods(week: str) -> dict[str, str]:
    """The period keys a week's checklist shows: the week, and the month and quarter it belongs to.

    A week belongs to the month of its Thursday, as ISO weeks belong to the year of theirs.
    """
    thursday = add_days(week_start(week), 3)
    return {cadence: period_key(cadence, thursday) for cadence in ("weekly", "monthly", "quarterly")}


def period_first_week(cadence: str, week: str) -> str:
    """The first week of the period an item of ``cadence`` is ticked for in ``week``.

    The week itself for a weekly item; for a monthly (quarterly) one the week holding the first
    Thursday of the month (quarter) of ``week``'s Thursday, as :func:`week_periods` counts.
    """
    if cadence == "weekly":
        return week
    thursday = add_days(week_start(week), 3)
    month = thursday.month if cadence == "monthly" else (thursday.month - 1) // 3 * 3 + 1
    first = date(thursday.year, month, 1)
    return week_key(add_days(first, (3 - first.weekday()) % 7))


def shows(item: ChecklistItem, week: str) -> bool:
    """Whether this version of an item shows in ``week`` (week keys sort as the weeks do)."""
    return (item.since is None or item.since <= week) and (item.until is None or week < item.until)


def current_items(items: Iterable[ChecklistItem], today: date) -> list[ChecklistItem]:
    """The versions that show in today's week: the items as they stand now, one per id."""
    week = week_key(today)
    return [i for i in items if shows(i, week)]


@light_dataclass(frozen=True)
class ChecklistRow:
    """An item as shown for a week: its period and whether it is done."""

    item: ChecklistItem
    period: str
    done: bool


def checklist_rows(
    items: Iterable[ChecklistItem], ticks: set[tuple[str, str]], hat: str, week: str
) -> list[ChecklistRow]:
    """A hat's items for ``week`` as they were then: weekly first, then monthly, then quarterly, in
    their order."""
    periods = week_periods(week)
    chosen = sorted(
        (i for i in items if i.hat == hat and shows(i, week)), key=lambda i: (_ORDER[i.cadence], i.position)
    )
    return [ChecklistRow(i, periods[i.cadence], (i.id, periods[i.cadence]) in ticks) for i in chosen]


def progress(rows: list[ChecklistRow]) -> tuple[int, int]:
    """(done, total)."""
    return sum(r.done for r in rows), len(rows)


# -- changes from the current period on --------------------------------------------------------------


def added(item: ChecklistItem, today: date) -> ChecklistItem:
    """A new item, shown from the first week of its current period (a monthly item added mid-month
    counts in the whole month, as its tick does)."""
    return validated(item, **{"since": period_first_week(item.cadence, week_key(today)), "until": None})


def revised(
    versions: list[ChecklistItem], current: ChecklistItem, today: date, **changes: object
) -> list[ChecklistItem]:
    """Every version of ``current``'s item after changing it (``text``, ``cadence``…) from now on.

    The change starts at the later of the current periods of the old and the new cadence: weekly
    to monthly on a Wednesday keeps the weekly item in the month's past weeks. A version that began
    in that period is replaced; an older one is closed there and a new version follows it.
    """
    week = week_key(today)
    cadence = str(changes.get("cadence", current.cadence))
    start = max(period_first_week(current.cadence, week), period_first_week(cadence, week))
    rest = [v for v in versions if v != current]
    if current.since is not None and current.since >= start:
        return _merged([*rest, validated(current, **changes)])
    closed = validated(current, **{"until": start})
    return _merged([*rest, closed, validated(current, **{**changes, "since": start})])


def retired(versions: list[ChecklistItem], current: ChecklistItem, today: date) -> list[ChecklistItem]:
    """Every version of ``current``'s item after deleting it from its current period on."""
    start = period_first_week(current.cadence, week_key(today))
    rest = [v for v in versions if v != current]
    if current.since is not None and current.since >= start:
        return rest
    return [*rest, validated(current, **{"until": start})]


def _merged(versions: list[ChecklistItem]) -> list[ChecklistItem]:
    """Versions by ``since``, a change undone within its period joined back to the one before."""
    ordered = sorted(versions, key=lambda v: v.since or "")
    out: list[ChecklistItem] = []
    for version in ordered:
        last = out[-1] if out else None
        if (
            last is not None
            and last.until is not None
            and last.until == version.since
            and (last.text, last.key, last.cadence) == (version.text, version.key, version.cadence)
        ):
            out[-1] = validated(last, **{"until": version.until})
        else:
            out.append(version)
    return out
