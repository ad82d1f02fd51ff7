"""The running week end to end (SPEC §1 "Running period"): ``report`` and ``check`` judge a summed
KPI on pace, show how far the week has run, and agree with each other on every day."""

from __future__ import annotations

import pytest

WEDNESDAY = "2026-11-25"  # 2026-W48, 3 of 7 days


def _traffic(cli, per_day: list[str]) -> None:
    cli.ok("kpi", "set", "content.traffic", "--target", "4500")
    for day, value in zip(("2026-11-23", "2026-11-24", "2026-11-25"), per_day, strict=False):
        cli.ok("add", "content.traffic", value, "--date", day, MKHATS_TODAY=WEDNESDAY)


def test_report_shows_the_run_and_judges_on_pace(cli, row):
    _traffic(cli, ["700", "786", "800"])  # 2,286 so far: 5,334 projected against 4,500
    report = cli.ok("report", MKHATS_TODAY=WEDNESDAY).out
    assert "| KPI | Target | Week 3/7 d | Prev | Status |" in report
    assert row(report, "Traffic", "Content") == ["Traffic", "4,500", "2,286", "—", "✓ on track +19\u00a0% → 5,334"]
    assert [line for line in cli.check(MKHATS_TODAY=WEDNESDAY).starting("TARGET") if "Traffic" in line] == []


def test_check_agrees_when_off_pace(cli, row):
    _traffic(cli, ["300", "300", "400"])  # 1,000 so far: 2,333 projected
    report = cli.ok("report", MKHATS_TODAY=WEDNESDAY).out
    assert row(report, "Traffic", "Content")[-1] == "✗ off track −48\u00a0% → 2,333"
    assert cli.check(MKHATS_TODAY=WEDNESDAY).starting("TARGET") == [
        "TARGET Content Traffic in 2026-W48 (3/7 d): 1,000 so far, on course for 2,333 against a target of"
        " 4,500 (−48\u00a0%)."
    ]


@pytest.mark.parametrize("today", ["2026-11-23", "2026-11-26", "2026-11-29", "2026-11-30", "2026-12-07"])
def test_report_and_check_agree_on_every_day(cli, row, today):
    cli.ok("kpi", "set", "performance.cpa", "--target", "120")
    cli.ok("kpi", "set", "performance.leads", "--target", "60")
    for day, spend, leads, sales in (("2026-11-23", "400", "9", "2"), ("2026-11-24", "500", "8", "1")):
        cli.ok("add", "performance.spend", spend, "--date", day, MKHATS_TODAY=today)
        cli.ok("add", "performance.leads", leads, "--date", day, MKHATS_TODAY=today)
        cli.ok("add", "performance.sales", sales, "--date", day, MKHATS_TODAY=today)
    report = cli.ok("report", "--week", "2026-W48", MKHATS_TODAY=today).out
    off = {
        line.split(" in ")[0].removeprefix("TARGET Performance ")
        for line in cli.check("--week", "2026-W48", MKHATS_TODAY=today).starting("TARGET Performance")
    }
    for title, name in (("CPA, $", "CPA"), ("Leads", "Leads")):
        assert row(report, title, "Performance")[-1].startswith("✗") == (name in off), (today, title)
