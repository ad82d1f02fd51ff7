"""Checklists reset by period (SPEC §1 Checklist item): which period a week shows, order, progress."""

from __future__ import annotations

import pytest

from mkhats.domain.checklist import ChecklistRow, checklist_rows, progress, week_periods
from mkhats.domain.defaults import default_checklist
from mkhats.domain.models import ChecklistItem


@pytest.mark.parametrize(
    ("week", "month", "quarter"),
    [
        ("2026-W48", "2026-11", "2026-Q4"),
        ("2026-W53", "2026-12", "2026-Q4"),  # 28 Dec 2026 – 3 Jan 2027, Thursday 31 Dec
        ("2026-W44", "2026-10", "2026-Q4"),  # 26 Oct – 1 Nov, Thursday 29 Oct
        ("2026-W40", "2026-10", "2026-Q4"),  # 28 Sep – 4 Oct, Thursday 1 Oct: a new quarter
        ("2026-W39", "2026-09", "2026-Q3"),  # 21–27 Sep
        ("2026-W01", "2026-01", "2026-Q1"),  # 29 Dec 2025 – 4 Jan 2026, Thursday 1 Jan
        ("2025-W01", "2025-01", "2025-Q1"),  # 30 Dec 2024 – 5 Jan 2025
        ("2020-W53", "2020-12", "2020-Q4"),  # 28 Dec 2020 – 3 Jan 2021
        ("2027-W05", "2027-02", "2027-Q1"),  # 1–7 Feb 2027
        ("2027-W09", "2027-03", "2027-Q1"),  # 1–7 Mar 2027
        ("2026-W09", "2026-02", "2026-Q1"),  # 23 Feb – 1 Mar 2026, Thursday 26 Feb
    ],
)
def test_week_periods_follow_the_thursday(week: str, month: str, quarter: str) -> None:
    assert week_periods(week) == {"weekly": week, "monthly": month, "quarterly": quarter}


def item(id_: str, cadence: str = "weekly", position: int = 0, hat: str = "cmo") -> ChecklistItem:
    return ChecklistItem(id=id_, hat=hat, cadence=cadence, position=position, text=id_)


ITEMS = [
    item("q1", "quarterly", 0),
    item("m2", "monthly", 5),
    item("w2", "weekly", 2),
    item("m1", "monthly", 1),
    item("w1", "weekly", 1),
    item("other", "weekly", 0, hat="crm"),
]


def test_rows_are_weekly_then_monthly_then_quarterly_in_position_order() -> None:
    rows = checklist_rows(ITEMS, set(), "cmo", "2026-W48")
    assert [r.item.id for r in rows] == ["w1", "w2", "m1", "m2", "q1"]
    assert [r.period for r in rows] == ["2026-W48", "2026-W48", "2026-11", "2026-11", "2026-Q4"]
    assert not any(r.done for r in rows)


def test_rows_only_of_the_hat() -> None:
    assert [r.item.id for r in checklist_rows(ITEMS, set(), "crm", "2026-W48")] == ["other"]
    assert checklist_rows(ITEMS, set(), "pm", "2026-W48") == []


TICKS = {
    ("w1", "2026-W48"),
    ("w2", "2026-W47"),  # last week's tick: not done this week
    ("m1", "2026-11"),
    ("m2", "2026-10"),
    ("q1", "2026-Q4"),
    ("other", "2026-W48"),
}


@pytest.mark.parametrize(
    ("week", "done"),
    [
        ("2026-W48", {"w1", "m1", "q1"}),
        ("2026-W47", {"w2", "m1", "q1"}),  # same month and quarter
        ("2026-W49", {"q1"}),  # 30 Nov – 6 Dec: Thursday 3 Dec, so December: m1 resets
        ("2026-W50", {"q1"}),
        ("2026-W44", {"m2", "q1"}),  # 26 Oct – 1 Nov belongs to October
        ("2027-W01", set()),  # a new quarter and month: everything reset by itself
    ],
)
def test_done_state_is_per_period(week: str, done: set[str]) -> None:
    rows = checklist_rows(ITEMS, TICKS, "cmo", week)
    assert {r.item.id for r in rows if r.done} == done
    assert progress(rows) == (len(done), 5)


def test_progress() -> None:
    assert progress([]) == (0, 0)
    rows = [ChecklistRow(item("a"), "2026-W48", True), ChecklistRow(item("b"), "2026-W48", False)]
    assert progress(rows) == (1, 2)


def test_default_cmo_checklist_for_a_week() -> None:
    rows = checklist_rows(default_checklist(), {("cmo-strategy", "2026-11")}, "cmo", "2026-W48")
    cadences = [r.item.cadence for r in rows]
    assert cadences == sorted(cadences, key=["weekly", "monthly", "quarterly"].index)
    assert cadences.count("monthly") == 1 and cadences.count("quarterly") == 2
    assert progress(rows) == (1, 8)
