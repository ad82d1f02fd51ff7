"""Hours per hat in a week (report table, review HOURS group) against budgets and the CMO band."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mkhats.domain.models import Person, WearSpan
from mkhats.domain.workload import hat_hours
from mkhats.present.cmo import hours_lines
from mkhats.present.report import weekly_report
from tests.unit.cmo_snapshot import WEEK, make


def span(hat: str, day: int, start: float, end: float | None, month: int = 11) -> WearSpan:
    def at(hour: float) -> datetime:
        return datetime(2026, month, day, int(hour), round((hour % 1) * 60))

    return WearSpan(hat=hat, person="Me", start=at(start), end=None if end is None else at(end))


SPANS = [
    span("cmo", 23, 9, 11),
    span("cmo", 24, 9, 10.5),  # 3.5 h in W48
    span("crm", 24, 11, 12.25),  # 1.25 h
    span("cmo", 16, 9, 17),  # last week: not counted in W48
]


def spans() -> list[WearSpan]:
    # PM crosses into the week at Monday 00:00: only its 1 h after midnight counts.
    return [*SPANS, WearSpan(hat="pm", person="Me", start=datetime(2026, 11, 22, 23), end=datetime(2026, 11, 23, 1))]


def by_hat(rows) -> dict:
    return {r.hat: r for r in rows}


def test_hours_of_every_enabled_hat_in_tab_order() -> None:
    rows = hat_hours(make(spans=spans()), WEEK)
    assert [r.hat for r in rows] == ["content", "performance", "crm", "pm", "cmo"]
    assert {r.hat: r.hours for r in rows} == {"content": 0.0, "performance": 0.0, "crm": 1.2, "pm": 1.0, "cmo": 3.5}
    assert not any(r.outside for r in rows)  # no budgets; the CMO is worn by staff: no band


def test_budget_and_band() -> None:
    snapshot = make(
        spans=spans(),
        hats={"crm": {"hours_budget": 1.0}, "pm": {"hours_budget": 1.0}},
        persons={"Me": Person(name="Me", kind="owner")},
    )
    rows = by_hat(hat_hours(snapshot, WEEK))
    assert (rows["crm"].budget, rows["crm"].outside) == (1.0, True)  # 1.25 h, shown 1.2 h > 1 h
    assert (rows["pm"].budget, rows["pm"].outside) == (1.0, False)  # exactly the budget is fine
    assert (rows["cmo"].band, rows["cmo"].outside) == ((4.0, 10.0), True)  # 3.5 h < 4 h


def test_a_hat_still_worn_counts_to_the_end_of_the_day_judged() -> None:
    # Today is Wednesday 25 Nov: a span open since Tuesday 22:00 counts 26 h (to Thursday 00:00).
    snapshot = make(wearing=WearSpan(hat="content", person="Me", start=datetime(2026, 11, 24, 22)))
    assert by_hat(hat_hours(snapshot, WEEK))["content"].hours == pytest.approx(26.0)


def test_report_hours_table() -> None:
    snapshot = make(
        date(2026, 12, 1),
        spans=spans(),
        hats={"crm": {"hours_budget": 1.0}},
        persons={"Me": Person(name="Me", kind="owner")},
    )
    report = weekly_report(snapshot)
    part = report[report.index("### Hours worn") : report.index("### Hypotheses")]
    assert part.splitlines()[2:] == [
        "| Hat | Hours | Budget | Note |",
        "|---|---|---|---|",
        "| Content | 0.0 | — | — |",
        "| Performance | 0.0 | — | — |",
        "| CRM | 1.2 | 1.0 | over budget |",  # 1.25 h: half to even
        "| PM | 1.0 | — | — |",
        "| CMO | 3.5 | — | outside 4–10 h |",
        "",
    ]


def test_report_hours_of_a_running_week_tell_only_too_many() -> None:
    # Wednesday: 3.5 h of CMO so far may still reach 4 h; over a budget is already over.
    snapshot = make(
        date(2026, 11, 25),
        spans=spans(),
        hats={"crm": {"hours_budget": 1.0}},
        persons={"Me": Person(name="Me", kind="owner")},
    )
    part = weekly_report(snapshot).split("### Hours worn")[1]
    assert "| CMO | 3.5 | — | — |" in part and "| CRM | 1.2 | 1.0 | over budget |" in part


def test_review_hours_lines_for_the_judged_week() -> None:
    # Today is in W48, so the review judges W47: the 16 Nov CMO span (8 h), PM's hour before Monday
    # 00:00, and CRM for its budget; hats not worn and without a budget are left out.
    snapshot = make(spans=spans(), hats={"crm": {"hours_budget": 2.0}}, persons={"Me": Person(name="Me", kind="owner")})
    assert hours_lines(snapshot) == [
        ("crm", "CRM in 2026-W47: 0.0 h (budget 2.0 h)", ""),
        ("pm", "PM in 2026-W47: 1.0 h", ""),
        ("cmo", "CMO in 2026-W47: 8.0 h (a part-time CMO: 4–10 h)", ""),
    ]
    later = make(date(2026, 11, 30), spans=spans(), persons={"Me": Person(name="Me", kind="external")})
    assert ("cmo", "CMO in 2026-W48: 3.5 h (a part-time CMO: 4–10 h)", "dark_orange") in hours_lines(later)
