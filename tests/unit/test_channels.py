"""The CMO's channel map: leads, spend, revenue, CPL, ROMI, shares and verdicts, week and month."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.domain.channels import channel_map
from mkhats.domain.models import StrategySession
from mkhats.domain.strategy import month_days, view_days, views, week_month
from mkhats.domain.weeks import week_days
from mkhats.i18n import set_language
from mkhats.present.cmo import channel_view
from tests.unit.cmo_snapshot import WEEK, make

MON, TUE = date(2026, 11, 23), date(2026, 11, 24)
NOV_2, OCT_30 = date(2026, 11, 2), date(2026, 10, 30)
DEC_1 = date(2026, 12, 1)
NB = "\u00a0"

DAILY = {
    "performance.spend": {MON: 3000, TUE: 1000, NOV_2: 2000, OCT_30: 500},
    "performance.leads": {MON: 30, TUE: 10, NOV_2: 10, OCT_30: 5},
    "performance.revenue": {MON: 8000, TUE: 4000, NOV_2: 1000},
    "content.leads": {MON: 60, NOV_2: 40},
    "crm.revenue": {TUE: 4000, NOV_2: 3000},
}


def rows(snapshot, days) -> dict:
    return {r.hat: r for r in channel_map(snapshot, days, "2026-11")}


def test_week_numbers_cpl_romi_and_shares() -> None:
    by_hat = rows(make(daily=DAILY), week_days(WEEK))
    perf = by_hat["performance"]
    # spend 4000, leads 40, revenue 12000 → CPL 100, ROMI (12000 − 4000) / 4000 · 100 = 200 %
    assert (perf.leads, perf.spend, perf.revenue) == (40, 4000, 12000)
    assert perf.cpl == pytest.approx(100.0) and perf.romi == pytest.approx(200.0)
    # leads 40 of 100 (content 60); revenue 12000 of 16000 (CRM 4000)
    assert perf.lead_share == pytest.approx(40.0) and perf.revenue_share == pytest.approx(75.0)
    content, crm = by_hat["content"], by_hat["crm"]
    assert (content.leads, content.lead_share, content.spend, content.cpl, content.romi) == (
        60,
        pytest.approx(60.0),
        None,
        None,
        None,
    )
    assert (crm.leads, crm.revenue_share, crm.lead_share) == (None, pytest.approx(25.0), None)


def test_a_channel_without_data_shows_no_numbers_never_zero() -> None:
    by_hat = rows(make(hats={"pr": {"enabled": True, "wearer": "Me"}}, daily=DAILY), week_days(WEEK))
    pr = by_hat["pr"]
    assert (pr.leads, pr.spend, pr.revenue, pr.cpl, pr.romi, pr.lead_share, pr.revenue_share, pr.verdict) == (None,) * 8
    view = channel_view(make(hats={"pr": {"enabled": True, "wearer": "Me"}}, daily=DAILY))
    pr_line = next(line for line in view.lines if line.hat == "pr")
    assert pr_line.cells == ["PR", "Me", "—", "—", "—", "—", "—", "—", "—", "—"]


def test_a_retired_kpi_does_not_count() -> None:
    snapshot = make(daily=DAILY, kpis={"performance.revenue": {"retired": True}})
    perf = rows(snapshot, week_days(WEEK))["performance"]
    assert (perf.revenue, perf.romi, perf.revenue_share) == (None, None, None)
    assert rows(snapshot, week_days(WEEK))["crm"].revenue_share == pytest.approx(100.0)


def test_zero_spend_or_leads_give_no_ratio() -> None:
    daily = {"performance.spend": {MON: 0}, "performance.leads": {MON: 0}, "performance.revenue": {MON: 100}}
    perf = rows(make(daily=daily), week_days(WEEK))["performance"]
    assert (perf.cpl, perf.romi, perf.lead_share) == (None, None, None)


def test_only_channel_hats_and_the_months_verdicts() -> None:
    session = StrategySession(month="2026-11", day=NOV_2, verdicts={"performance": "cut", "content": "scale"})
    old = StrategySession(month="2026-10", day=OCT_30, verdicts={"performance": "scale"})
    by_hat = rows(make(daily=DAILY, sessions=[old, session]), week_days(WEEK))
    assert list(by_hat) == ["content", "performance", "crm"]
    assert (by_hat["performance"].verdict, by_hat["content"].verdict, by_hat["crm"].verdict) == ("cut", "scale", None)


def test_the_month_view_adds_up_the_month_of_the_week() -> None:
    snapshot = make(DEC_1, daily=DAILY)  # November has ended
    assert week_month(WEEK) == "2026-11" and week_month("2026-W44") == "2026-10"  # 26 Oct–1 Nov: Thursday 29 Oct
    days = view_days(snapshot, "month")
    assert (days[0], days[-1], len(days)) == (date(2026, 11, 1), date(2026, 11, 29), 29)  # up to the week's Sunday
    perf = rows(snapshot, days)["performance"]
    # November: spend 6000, leads 50, revenue 13000 (the 30 Oct values are October's)
    assert (perf.spend, perf.leads, perf.revenue) == (6000, 50, 13000)
    assert perf.cpl == pytest.approx(120.0) and perf.romi == pytest.approx(700 / 6)
    assert len(month_days("2028-02")) == 29 and len(month_days("2026-12")) == 31


def test_while_the_month_runs_the_month_view_is_the_last_finished_one() -> None:
    snapshot = make(daily=DAILY)  # Wednesday 25 Nov
    assert views(snapshot) == ("week", "month", "running")
    days = view_days(snapshot, "month")
    assert (days[0], days[-1]) == (date(2026, 10, 1), date(2026, 10, 31))
    running = view_days(snapshot, "running")
    assert (running[0], running[-1]) == (date(2026, 11, 1), date(2026, 11, 25))  # so far: up to today
    title = channel_view(snapshot, "running").title
    assert title == "Channel map · November 2026 so far (1–25 Nov 2026)"
    assert channel_view(snapshot, "month").title == "Channel map · October 2026 (1–31 Oct 2026)"
    assert views(make(DEC_1, daily=DAILY)) == ("week", "month")


def test_a_channel_kpi_computed_by_formula_counts_on_period_sums() -> None:
    kpis = {"content.leads": {"formula": "traffic * 2 / 100"}}
    snapshot = make(kpis=kpis, daily={"content.traffic": {MON: 1000, TUE: 500}})
    assert rows(snapshot, week_days(WEEK))["content"].leads == pytest.approx(30.0)  # 1500 · 2 / 100


def test_channel_view_text_and_titles() -> None:
    snapshot = make(
        DEC_1, daily=DAILY, sessions=[StrategySession(month="2026-11", day=NOV_2, verdicts={"crm": "test"})]
    )
    week = channel_view(snapshot, "week")
    assert week.title == "Channel map · 2026-W48"
    assert week.header[0] == "Channel" and week.header[-1] == "Verdict"
    perf = next(line for line in week.lines if line.hat == "performance")
    assert perf.cells == [
        "Performance",
        "Me",
        "40",
        "$4,000",
        "$12,000",
        "$100",
        f"200.0{NB}%",
        f"40.0{NB}%",
        f"75.0{NB}%",
        "—",
    ]
    assert next(line for line in week.lines if line.hat == "crm").cells[-1] == "test"
    month = channel_view(snapshot, "month")
    assert month.title == "Channel map · November 2026 (1–29 Nov 2026)"
    assert next(line for line in month.lines if line.hat == "performance").cells[3] == "$6,000"


def test_channel_view_in_russian() -> None:
    set_language("ru")
    view = channel_view(make(DEC_1, daily=DAILY), "month")
    assert view.title == "Карта каналов · ноябрь 2026 (1–29 нояб. 2026)"
