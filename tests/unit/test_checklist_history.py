"""A checklist keeps its history (SPEC §1 "Checklist item"): adding, renaming, re-cadencing or
deleting an item changes the current period on; a past week, month or quarter keeps its items,
their texts and its done/total."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.domain.checklist import (
    added,
    checklist_rows,
    current_items,
    period_first_week,
    progress,
    retired,
    revised,
)
from mkhats.domain.models import ChecklistItem

WED_JUL_15 = date(2026, 7, 15)  # 2026-W29; July's first week is W27 (29 Jun – 5 Jul, Thursday 2 Jul)


def item(id_: str, cadence: str = "weekly", position: int = 0) -> ChecklistItem:
    return ChecklistItem(id=id_, hat="cmo", cadence=cadence, position=position, text=id_)


def edit(items: list[ChecklistItem], id_: str, today: date, **changes: object) -> list[ChecklistItem]:
    """``items`` after item ``id_`` changes on ``today``, as the service does it."""
    versions = [i for i in items if i.id == id_]
    (current,) = [i for i in current_items(versions, today)]
    return [i for i in items if i.id != id_] + revised(versions, current, today, **changes)


def delete(items: list[ChecklistItem], id_: str, today: date) -> list[ChecklistItem]:
    versions = [i for i in items if i.id == id_]
    (current,) = [i for i in current_items(versions, today)]
    return [i for i in items if i.id != id_] + retired(versions, current, today)


def shown(items: list[ChecklistItem], week: str, ticks: set | None = None) -> list[tuple[str, str, str]]:
    """(id, text, period) of each row the week shows."""
    return [(r.item.id, r.item.text, r.period) for r in checklist_rows(items, ticks or set(), "cmo", week)]


@pytest.mark.parametrize(
    ("cadence", "week", "first"),
    [
        ("weekly", "2026-W29", "2026-W29"),
        ("monthly", "2026-W29", "2026-W27"),  # July: the week of Thursday 2 July
        ("monthly", "2026-W27", "2026-W27"),
        ("monthly", "2026-W31", "2026-W27"),  # 27 Jul – 2 Aug, Thursday 30 Jul: still July
        ("monthly", "2026-W32", "2026-W32"),  # August starts with the week of Thursday 6 Aug
        ("quarterly", "2026-W39", "2026-W27"),  # Q3
        ("quarterly", "2026-W40", "2026-W40"),  # 28 Sep – 4 Oct, Thursday 1 Oct: Q4
        ("monthly", "2026-W53", "2026-W49"),  # 28 Dec 2026 – 3 Jan 2027 belongs to December
        ("quarterly", "2026-W53", "2026-W40"),
        ("monthly", "2027-W01", "2027-W01"),
        ("quarterly", "2027-W01", "2027-W01"),
        ("monthly", "2026-W01", "2026-W01"),  # 29 Dec 2025 – 4 Jan 2026, Thursday 1 Jan
    ],
)
def test_period_first_week(cadence: str, week: str, first: str) -> None:
    assert period_first_week(cadence, week) == first


def test_items_of_an_old_file_show_in_every_week() -> None:
    items = [item("w"), item("m", "monthly"), item("q", "quarterly")]
    for week in ("2020-W53", "2026-W01", "2026-W29", "2031-W10"):
        assert [row[0] for row in shown(items, week)] == ["w", "m", "q"]
    assert current_items(items, WED_JUL_15) == items


# -- weekly ----------------------------------------------------------------------------------------


def test_weekly_rename_keeps_last_week_and_the_tick_of_this_week() -> None:
    items = edit([item("w")], "w", WED_JUL_15, text="renamed")
    ticks = {("w", "2026-W28"), ("w", "2026-W29")}
    assert shown(items, "2026-W28", ticks) == [("w", "w", "2026-W28")]
    assert shown(items, "2026-W29", ticks) == [("w", "renamed", "2026-W29")]
    assert shown(items, "2026-W40") == [("w", "renamed", "2026-W40")]
    assert progress(checklist_rows(items, ticks, "cmo", "2026-W29")) == (1, 1)  # the tick survives
    assert [(i.since, i.until) for i in items] == [(None, "2026-W29"), ("2026-W29", None)]


def test_weekly_add_and_delete_change_this_week_on() -> None:
    new = added(item("n", position=1), WED_JUL_15)
    items = [item("w"), new]
    assert new.since == "2026-W29"
    assert [row[0] for row in shown(items, "2026-W28")] == ["w"]
    assert [row[0] for row in shown(items, "2026-W29")] == ["w", "n"]
    items = delete(items, "w", WED_JUL_15)
    assert [row[0] for row in shown(items, "2026-W28")] == ["w"]
    assert [row[0] for row in shown(items, "2026-W29")] == ["n"]
    assert delete(items, "n", WED_JUL_15) == [i for i in items if i.id == "w"]  # added this week: gone


def test_a_version_begun_this_period_is_replaced_and_an_undone_rename_joins_back() -> None:
    items = edit([item("w")], "w", WED_JUL_15, text="one")
    items = edit(items, "w", WED_JUL_15, text="two")
    assert [(i.text, i.since, i.until) for i in items] == [("w", None, "2026-W29"), ("two", "2026-W29", None)]
    items = edit(items, "w", WED_JUL_15, text="w")
    assert items == [item("w")]


def test_past_done_total_stays_after_every_kind_of_change() -> None:
    items = [item("a"), item("b", position=1), item("m", "monthly")]
    ticks = {("a", "2026-W28"), ("m", "2026-06")}
    before = progress(checklist_rows(items, ticks, "cmo", "2026-W26"))  # 22–28 June
    items = edit(items, "a", WED_JUL_15, text="A")
    items = delete(items, "b", WED_JUL_15)
    items = delete(items, "m", WED_JUL_15)
    items.append(added(item("c", "monthly", 2), WED_JUL_15))
    assert progress(checklist_rows(items, ticks, "cmo", "2026-W26")) == before == (1, 3)
    assert progress(checklist_rows(items, ticks, "cmo", "2026-W28")) == (1, 3)  # a, b and the new c of July
    assert [row[1] for row in shown(items, "2026-W29")] == ["A", "c"]


# -- monthly and quarterly: the whole current period changes, the one before does not -----------------


def test_monthly_rename_changes_the_whole_month_not_june() -> None:
    items = edit([item("m", "monthly")], "m", WED_JUL_15, text="renamed")
    assert shown(items, "2026-W26") == [("m", "m", "2026-06")]
    for week in ("2026-W27", "2026-W29", "2026-W31", "2026-W32"):
        assert shown(items, week)[0][1] == "renamed"


def test_monthly_add_counts_in_the_month_from_its_first_week() -> None:
    new = added(item("m", "monthly"), WED_JUL_15)
    assert new.since == "2026-W27"
    assert shown([new], "2026-W26") == []
    assert shown([new], "2026-W27") == [("m", "m", "2026-07")]


def test_monthly_delete_leaves_june_and_removes_july() -> None:
    items = delete([item("m", "monthly")], "m", WED_JUL_15)
    assert shown(items, "2026-W26") == [("m", "m", "2026-06")]
    assert shown(items, "2026-W27") == []
    assert current_items(items, WED_JUL_15) == []


def test_rename_across_a_month_boundary() -> None:
    """On Monday 3 August the week is W32, August's first: July keeps the old text."""
    items = edit([item("m", "monthly")], "m", date(2026, 8, 3), text="renamed")
    assert shown(items, "2026-W31") == [("m", "m", "2026-07")]
    assert shown(items, "2026-W32") == [("m", "renamed", "2026-08")]


def test_rename_on_a_saturday_whose_week_still_ticks_july() -> None:
    """Saturday 1 August is in W31 (Thursday 30 July), which ticks July: July is the current month."""
    items = edit([item("m", "monthly")], "m", date(2026, 8, 1), text="renamed")
    assert shown(items, "2026-W26")[0][1] == "m"
    assert shown(items, "2026-W27")[0][1] == "renamed"
    assert shown(items, "2026-W31") == [("m", "renamed", "2026-07")]


def test_quarterly_rename_across_a_quarter_boundary() -> None:
    q = item("q", "quarterly")
    in_q3 = edit([q], "q", WED_JUL_15, text="Q3 text")
    assert shown(in_q3, "2026-W26") == [("q", "q", "2026-Q2")]
    assert shown(in_q3, "2026-W27") == [("q", "Q3 text", "2026-Q3")]
    in_q4 = edit(in_q3, "q", date(2026, 9, 30), text="Q4 text")  # Wednesday of W40, Q4's first week
    assert [shown(in_q4, w)[0][1] for w in ("2026-W26", "2026-W27", "2026-W39", "2026-W40")] == [
        "q",
        "Q3 text",
        "Q3 text",
        "Q4 text",
    ]


def test_quarterly_delete_keeps_the_quarter_before() -> None:
    items = delete([item("q", "quarterly")], "q", date(2026, 11, 24))
    assert shown(items, "2026-W39") == [("q", "q", "2026-Q3")]
    assert shown(items, "2026-W40") == []


# -- ISO week 53 ---------------------------------------------------------------------------------


SAT_JAN_2_2027 = date(2027, 1, 2)  # in 2026-W53 (28 Dec – 3 Jan), which ticks December and Q4


@pytest.mark.parametrize(
    ("cadence", "old", "new"),
    [
        ("weekly", "2026-W52", "2026-W53"),
        ("monthly", "2026-W48", "2026-W49"),
        ("quarterly", "2026-W39", "2026-W40"),
    ],
)
def test_rename_in_week_53(cadence: str, old: str, new: str) -> None:
    items = edit([item("x", cadence)], "x", SAT_JAN_2_2027, text="renamed")
    assert shown(items, old)[0][1] == "x"
    for week in (new, "2026-W53", "2027-W01"):
        assert shown(items, week)[0][1] == "renamed"


def test_add_in_week_53() -> None:
    assert added(item("w"), SAT_JAN_2_2027).since == "2026-W53"
    assert added(item("m", "monthly"), SAT_JAN_2_2027).since == "2026-W49"
    assert added(item("q", "quarterly"), SAT_JAN_2_2027).since == "2026-W40"


# -- a change of cadence ---------------------------------------------------------------------------


def test_weekly_to_monthly_keeps_the_past_weeks_of_the_month_weekly() -> None:
    items = edit([item("x")], "x", WED_JUL_15, cadence="monthly")
    assert shown(items, "2026-W28") == [("x", "x", "2026-W28")]
    assert shown(items, "2026-W29") == [("x", "x", "2026-07")]
    assert shown(items, "2026-W32") == [("x", "x", "2026-08")]
    for week in ("2026-W26", "2026-W27", "2026-W28", "2026-W29", "2026-W31"):
        assert len(shown(items, week)) == 1  # never twice, never missing


def test_monthly_to_weekly_keeps_the_month_in_its_past_weeks() -> None:
    items = edit([item("x", "monthly")], "x", WED_JUL_15, cadence="weekly", text="weekly now")
    assert shown(items, "2026-W27") == [("x", "x", "2026-07")]
    assert shown(items, "2026-W28") == [("x", "x", "2026-07")]
    assert shown(items, "2026-W29") == [("x", "weekly now", "2026-W29")]


def test_monthly_to_quarterly_at_a_month_boundary() -> None:
    items = edit([item("x", "monthly")], "x", date(2026, 8, 12), cadence="quarterly")  # W33, August
    assert shown(items, "2026-W31") == [("x", "x", "2026-07")]
    assert shown(items, "2026-W32") == [("x", "x", "2026-Q3")]
    assert shown(items, "2026-W40") == [("x", "x", "2026-Q4")]


def test_an_item_added_and_recadenced_in_the_same_week_is_one_version() -> None:
    new = added(item("x"), WED_JUL_15)
    items = edit([new], "x", WED_JUL_15, cadence="monthly")
    assert len(items) == 1 and (items[0].cadence, items[0].since) == ("monthly", "2026-W29")
