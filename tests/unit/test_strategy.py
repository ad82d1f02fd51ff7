"""The monthly strategy session: when it is due (CADENCE), recording it, and the report's lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.models import StrategySession
from mkhats.domain.review import review
from mkhats.domain.strategy import missed_session, past_sessions
from mkhats.errors import InputError
from mkhats.present.report import weekly_report
from mkhats.present.review_text import check_line
from mkhats.services.strategy import parse_month, record_session, sessions
from mkhats.services.workspace import Workspace
from tests.unit.cmo_snapshot import WED, make

DEC_1 = date(2026, 12, 1)

OCT_12, NOV_3 = date(2026, 10, 12), date(2026, 11, 3)
OCTOBER = {"cmo.revenue": {OCT_12: 1000.0}}


def session(month: str, **verdicts: str) -> StrategySession:
    return StrategySession(month=month, day=NOV_3, verdicts=verdicts or {"performance": "test"})


def due(snapshot) -> list:
    return [i for i in review(snapshot) if i.key == "review.strategy_due"]


# ---------------------------------------------------------------- when it is due


def test_last_month_with_data_and_no_session_is_due() -> None:
    snapshot = make(daily=OCTOBER)
    assert missed_session(snapshot) == "2026-10"
    [item] = due(snapshot)
    assert (item.category, item.severity, item.hat, item.params) == ("CADENCE", "low", "cmo", {"month": "2026-10"})
    assert check_line(item, snapshot) == (
        "CADENCE No strategy session recorded for October 2026: decide which channels to scale, test or cut."
    )


def test_a_session_for_last_month_clears_it() -> None:
    assert due(make(daily=OCTOBER, sessions=[session("2026-10")])) == []


def test_this_months_session_does_not_stand_for_last_months() -> None:
    assert missed_session(make(daily=OCTOBER, sessions=[session("2026-11")])) == "2026-10"


def test_a_new_install_is_not_told_about_a_month_without_data() -> None:
    # Values only this month: the data began in November, October needs no session.
    assert missed_session(make(daily={"cmo.revenue": {NOV_3: 10.0}})) is None
    assert missed_session(make()) is None


def test_this_month_is_not_due_while_it_runs() -> None:
    november = {"cmo.revenue": {NOV_3: 10.0}}
    assert (
        missed_session(make(daily={**november, **{"content.leads": {OCT_12: 1.0}}}, sessions=[session("2026-10")]))
        is None
    )


@pytest.mark.parametrize(
    ("today", "week", "values_day", "month"),
    [
        (date(2027, 1, 5), "2027-W01", date(2026, 12, 10), "2026-12"),  # across the new year
        (date(2026, 12, 1), "2026-W49", date(2026, 11, 10), "2026-11"),  # the first day of a month
        (date(2026, 11, 30), "2026-W49", date(2026, 10, 10), "2026-10"),  # the last day: still October's
        # A past week is judged on its Sunday (18 Oct 2026): September's session was due then.
        (WED, "2026-W42", date(2026, 9, 10), "2026-09"),
    ],
)
def test_the_month_judged(today, week, values_day, month) -> None:
    assert missed_session(make(today, week, daily={"cmo.revenue": {values_day: 1.0}})) == month


def test_past_sessions_latest_first() -> None:
    assert [s.month for s in past_sessions([session("2026-09"), session("2026-11"), session("2026-10")])] == [
        "2026-11",
        "2026-10",
        "2026-09",
    ]


# ---------------------------------------------------------------- the report


def test_report_lists_the_months_verdicts_and_notes() -> None:
    s = StrategySession(
        month="2026-11",
        day=NOV_3,
        verdicts={"performance": "cut", "content": "scale"},
        notes="Paid does not pay back;\nmore case studies.",
    )
    report = weekly_report(make(DEC_1, sessions=[s]))  # November has ended: its session is shown
    part = report[report.index("### Strategy session · November 2026") : report.index("### Hours worn")]
    assert part.splitlines()[2:] == [
        "Held on 3 Nov 2026.",
        "",
        "- Content: scale",
        "- Performance: cut",
        "- CRM: —",
        "- Notes: Paid does not pay back; more case studies.",
        "",
    ]


def test_report_without_a_session() -> None:
    assert "- No strategy session recorded for November 2026 yet." in weekly_report(make(DEC_1))


def test_report_shows_the_last_finished_month_while_the_month_runs() -> None:
    s = StrategySession(month="2026-10", day=NOV_3, verdicts={"performance": "cut"})
    report = weekly_report(make(WED, sessions=[s]))  # 25 Nov: November still runs
    assert "### Strategy session · October 2026" in report and "- Performance: cut" in report


# ---------------------------------------------------------------- recording it


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A file made on 1 Oct 2026 (so October's session can be due), opened on 24 Nov 2026."""
    with Workspace(tmp_path / "mkhats.json", date(2026, 10, 1)).write():
        pass
    return Workspace(tmp_path / "mkhats.json", date(2026, 11, 24))


@pytest.mark.parametrize(("text", "month"), [("2026-11", "2026-11"), (" 2026-1 ", "2026-01"), ("11.2026", "2026-11")])
def test_parse_month(text, month) -> None:
    assert parse_month(text) == month


@pytest.mark.parametrize("text", ["", "2026-13", "2026-00", "nov", "2026/11", "13.2026"])
def test_parse_month_refuses(text) -> None:
    with pytest.raises(InputError) as error:
        parse_month(text)
    assert error.value.key == "strategy.month_format"


def test_record_replace_and_list_sessions(ws: Workspace) -> None:
    stored = record_session(ws, "2026-11", {"performance": "scale", "content": None, "crm": ""}, "  Go  ")
    assert (stored.month, stored.day, stored.verdicts, stored.notes) == (
        "2026-11",
        date(2026, 11, 24),
        {"performance": "scale"},
        "Go",
    )
    record_session(ws, "2026-10", {"crm": "cut"})
    record_session(ws, "2026-11", {"performance": "cut"})  # the month's session is replaced
    assert [(s.month, s.verdicts) for s in sessions(ws)] == [
        ("2026-11", {"performance": "cut"}),
        ("2026-10", {"crm": "cut"}),
    ]


@pytest.mark.parametrize(
    ("month", "verdicts", "key"),
    [
        ("2026-12", {"performance": "scale"}, "strategy.month_future"),
        ("2026-13", {"performance": "scale"}, "strategy.month_format"),
        ("2026-11", {}, "strategy.no_verdict"),
        ("2026-11", {"performance": None}, "strategy.no_verdict"),
        ("2026-11", {"performance": "grow"}, "strategy.verdict_unknown"),
        ("2026-11", {"cmo": "scale"}, "strategy.not_channel"),
        ("2026-11", {"tv": "scale"}, "strategy.not_channel"),
    ],
)
def test_record_refuses_and_writes_nothing(ws: Workspace, month, verdicts, key) -> None:
    with pytest.raises(InputError) as error:
        record_session(ws, month, verdicts)
    assert error.value.key == key
    assert sessions(ws) == []


def test_record_refuses_long_notes(ws: Workspace) -> None:
    with pytest.raises(InputError) as error:
        record_session(ws, "2026-11", {"crm": "test"}, "x" * 4001)
    assert error.value.key == "strategy.too_long"


def test_the_warning_goes_once_the_session_is_recorded(ws: Workspace) -> None:
    from mkhats.services.values import add_value

    add_value(ws, "cmo.revenue", 1000, OCT_12)
    assert due(ws.snapshot("2026-W48"))
    record_session(ws, "2026-10", {"performance": "test"})
    assert due(ws.snapshot("2026-W48")) == []
