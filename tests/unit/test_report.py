"""The weekly Markdown report (SPEC §4 ``report``) on a hand-built snapshot."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.domain.channels import channel_map
from mkhats.domain.defaults import (
    default_checklist,
    default_conflicts,
    default_hats,
    default_kpis,
    default_person,
)
from mkhats.domain.models import (
    AlertDecision,
    ExternalCheck,
    Settings,
    StopRule,
    StrategySession,
    WeeklyLog,
)
from mkhats.domain.snapshot import Snapshot, window
from mkhats.domain.weeks import week_days
from mkhats.i18n import set_language
from mkhats.present.report import weekly_report

WEEK = "2026-W48"  # 23–29 Nov 2026
MON, TUE = date(2026, 11, 23), date(2026, 11, 24)
PREV_MON = date(2026, 11, 16)
TODAY = date(2026, 11, 30)  # the week is over
NB = "\u00a0"


DAILY = {
    # Weekly CPA = Σspend / Σsales = 5000 / 4 = 1250 (the mean of daily CPAs would be 1833.33).
    "performance.spend": {MON: 3000, TUE: 2000, PREV_MON: 1000},
    "performance.sales": {MON: 1, TUE: 3, PREV_MON: 1},
    "performance.leads": {MON: 10, TUE: 10},
    "performance.revenue": {MON: 6000, TUE: 9000},
    "content.leads": {MON: 30},
    "crm.revenue": {TUE: 5000},
    "cmo.revenue": {MON: 20000},
    "cmo.marketing_spend": {MON: 5000},
    "cmo.new_customers": {MON: 4},
}


def make(**fields) -> Snapshot:
    hats = {h.key: h for h in default_hats()}
    hats.update(fields.pop("hats", {}))
    kpis = {k.key: k for k in default_kpis()}
    kpis["performance.cpa"] = kpis["performance.cpa"].model_copy(update={"target": 1000})
    kpis["performance.cpl"] = kpis["performance.cpl"].model_copy(
        update={"stop": StopRule(op=">", threshold=150, days=2, action_key="action.stop_ad_set")}
    )
    first, last = window(WEEK)
    fields.setdefault("conflicts", default_conflicts())
    fields.setdefault("checklist", default_checklist())
    return Snapshot(
        today=TODAY,
        week=WEEK,
        settings=Settings(),
        persons={"Me": default_person()},
        hats=hats,
        kpis=kpis,
        daily=fields.pop("daily", DAILY),
        first_day=first,
        last_day=last,
        **fields,
    )


def section(report: str, title: str) -> str:
    """The text of the ``## title`` or ``### title`` section up to the next heading of any level."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip("#").strip() == title and line.startswith("#"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return "\n".join(lines[start:end])


def row(text: str, first_cell: str) -> list[str]:
    """The cells of the table row whose first cell is ``first_cell``."""
    for line in text.splitlines():
        if line.startswith("| "):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            if cells[0] == first_cell:
                return cells
    raise AssertionError(f"no row {first_cell!r} in:\n{text}")


def test_title_and_one_section_per_enabled_hat_in_order() -> None:
    report = weekly_report(make())
    lines = report.splitlines()
    assert lines[0] == "# Weekly report 2026-W48"
    assert lines[2] == "23–29 Nov 2026 · made on 30 Nov 2026"
    sections = [line[3:] for line in lines if line.startswith("## ")]
    assert sections == ["Content", "Performance", "CRM", "PM", "CMO", "CMO summary"]
    assert "## Analytics" not in report and "## PR" not in report
    assert report.endswith("\n") and not report.endswith("\n\n")


def test_hat_section_log_and_wearer() -> None:
    log = WeeklyLog(
        hat="performance",
        week=WEEK,
        plan="Launch retargeting",
        fact="CPA up",
        conclusion="Creatives tired | rotate",
        action="New creatives\nby Friday",
    )
    perf = section(weekly_report(make(logs={("performance", WEEK): log})), "Performance")
    assert "Worn by Me: owns paid traffic: leads at a CPL the business can afford." in perf
    assert "- **Plan:** Launch retargeting" in perf
    assert "- **Conclusion:** Creatives tired \\| rotate" in perf  # a pipe cannot break the table
    assert "- **Action:** New creatives by Friday" in perf
    content = section(weekly_report(make(logs={("performance", WEEK): log})), "Content")
    assert "- **Plan:** —" in content and "- **Fact:** —" in content


def test_kpi_table_numbers_and_status() -> None:
    perf = section(weekly_report(make()), "Performance")
    assert "| KPI | Target | Week | Prev | Status |" in perf
    assert row(perf, "CPA, $") == ["CPA, $", "1,000", "1,250", "1,000", "✗ off track +25\u00a0%"]
    assert row(perf, "Spend, $") == ["Spend, $", "—", "5,000", "1,000", "—"]
    assert row(perf, "Sales") == ["Sales", "—", "4", "1", "—"]
    assert row(perf, "CPL, $") == ["CPL, $", "—", "250", "—", "—"]  # no leads last week: no CPL
    assert row(perf, "ROAS, %") == ["ROAS, %", "—", "300.0", "—", "—"]


def test_kpi_status_on_track() -> None:
    daily = {**DAILY, "performance.sales": {MON: 4, TUE: 2, PREV_MON: 1}}  # 5000 / 6 = 833
    perf = section(weekly_report(make(daily=daily)), "Performance")
    assert row(perf, "CPA, $")[2:] == ["833", "1,000", "✓ on track −17\u00a0%"]


def test_checklist_done_over_total_counts_the_weeks_periods() -> None:
    ticks = {
        ("performance-spend_daily", WEEK),
        ("performance-cpa_target", WEEK),
        ("performance-exclusions", "2026-11"),  # monthly item, ticked for November
        ("performance-fatigue", "2026-W47"),  # last week's tick: not this week
        ("cmo-media_plan", "2026-Q4"),
    }
    report = weekly_report(make(ticks=ticks))
    assert "Checklist: 3/8 done." in section(report, "Performance")
    assert "Checklist: 1/8 done." in section(report, "CMO")
    assert "Checklist: 0/8 done." in section(report, "Content")
    assert "Checklist: 0/7 done." in section(report, "PM")


def test_open_alert_under_its_hat_and_in_decisions() -> None:
    report = weekly_report(make())
    perf = section(report, "Performance")
    # CPL 300 on Monday, 200 on Tuesday: both > 150, two days in a row.
    assert "**Open stop-rule alerts**" in perf
    assert "- CPL > 150 for 2 days: 23–24 Nov 2026 ($300, $200) → Stop the ad set" in perf
    assert "Open stop-rule alerts" not in section(report, "Content")
    decisions = section(report, "Decisions")
    assert "- Performance CPL (23–24 Nov 2026): no decision yet." in decisions


def test_decided_alert_is_listed_as_a_decision() -> None:
    decision = AlertDecision(kpi="performance.cpl", first=MON, last=TUE, decision="kept", reason="launch week", day=TUE)
    report = weekly_report(make(decisions=[decision]))
    assert "Open stop-rule alerts" not in report
    decisions = section(report, "Decisions")
    assert "- CPL (23–24 Nov 2026): kept — launch week" in decisions
    assert "no decision yet" not in decisions


def test_no_alerts_and_no_decisions() -> None:
    daily = {k: v for k, v in DAILY.items() if k != "performance.leads"}
    decisions = section(weekly_report(make(daily=daily)), "Decisions")
    assert "- No alerts and no decisions this week." in decisions


def test_decisions_of_other_weeks_are_not_listed() -> None:
    old = AlertDecision(
        kpi="performance.cpl",
        first=date(2026, 11, 2),
        last=date(2026, 11, 4),
        decision="stopped",
        day=date(2026, 11, 4),
    )
    daily = {k: v for k, v in DAILY.items() if k != "performance.leads"}
    decisions = section(weekly_report(make(daily=daily, decisions=[old])), "Decisions")
    assert "stopped" not in decisions


def test_cmo_summary_rows() -> None:
    summary = section(weekly_report(make()), "CMO summary")
    assert "| KPI | Week | Prev | vs prev | 4-wk avg | vs avg | Status |" in summary
    assert row(summary, "Revenue") == ["Revenue", "$20,000", "—", "—", "—", "—", "—"]
    assert row(summary, "Marketing spend") == ["Marketing spend", "$5,000", "—", "—", "—", "—", "—"]
    # (20000 − 5000) / 5000 · 100
    assert row(summary, "ROMI") == ["ROMI", f"300.0{NB}%", "—", "—", "—", "—", "—"]
    assert row(summary, "CAC") == ["CAC", "$1,250", "—", "—", "—", "—", "—"]
    assert row(summary, "LTV:CAC")[1] == "—"  # no LTV entered


def test_channel_map_numbers() -> None:
    # On 30 Nov November still runs: the verdicts shown are October's, the last finished month's.
    snapshot = make(
        sessions=[
            StrategySession(month="2026-10", day=date(2026, 11, 2), verdicts={"performance": "scale", "crm": "test"})
        ]
    )
    cmap = section(weekly_report(snapshot), "Channel map")
    assert (
        "| Channel | Worn by | Leads | Spend | Revenue | CPL | ROMI | Leads share | Revenue share | Verdict |" in cmap
    )
    # performance: 20 leads, spend 5000, revenue 15000 → CPL 250, ROMI 200 %; 40 % of leads, 75 % of revenue
    assert row(cmap, "Performance") == [
        "Performance",
        "Me",
        "20",
        "$5,000",
        "$15,000",
        "$250",
        f"200.0{NB}%",
        f"40.0{NB}%",
        f"75.0{NB}%",
        "scale",
    ]
    # content has no spend or revenue KPI: a dash, never a zero
    assert row(cmap, "Content") == ["Content", "Me", "30", "—", "—", "—", "—", f"60.0{NB}%", "—", "—"]
    assert row(cmap, "CRM") == ["CRM", "Me", "—", "—", "$5,000", "—", "—", "—", f"25.0{NB}%", "test"]
    assert "| PM |" not in cmap and "| CMO |" not in cmap  # process hats are not channels


def test_channel_map_shares_sum_to_100() -> None:
    snapshot = make()
    rows = channel_map(snapshot, week_days(WEEK), "2026-11")
    assert sum(r.lead_share for r in rows if r.lead_share is not None) == pytest.approx(100)
    assert sum(r.revenue_share for r in rows if r.revenue_share is not None) == pytest.approx(100)
    perf = next(r for r in rows if r.hat == "performance")
    assert perf.cpl == pytest.approx(5000 / 20)
    assert perf.romi == pytest.approx((15000 - 5000) / 5000 * 100)


def test_channel_with_a_spend_kpi_but_no_values_shows_dashes() -> None:
    hats = {h.key: h for h in default_hats()}
    snapshot = make(hats={"pr": hats["pr"].model_copy(update={"enabled": True, "wearer": "Me"})})
    cmap = section(weekly_report(snapshot), "Channel map")
    assert row(cmap, "PR") == ["PR", "Me", "—", "—", "—", "—", "—", "—", "—", "—"]
    rows = channel_map(snapshot, week_days(WEEK), "2026-11")
    pr = next(r for r in rows if r.hat == "pr")
    assert (pr.leads, pr.spend, pr.cpl, pr.romi, pr.lead_share) == (None, None, None, None, None)


def test_zero_spend_gives_no_romi() -> None:
    daily = {**DAILY, "performance.spend": {MON: 0}}
    cmap = section(weekly_report(make(daily=daily)), "Channel map")
    perf = row(cmap, "Performance")
    assert perf[3] == "$0.00" and perf[5] == "$0.00" and perf[6] == "—"


def test_conflicts_with_and_without_checks() -> None:
    check = ExternalCheck(hats=("performance", "cmo"), by="Anna", day=date(2026, 11, 27))
    conflicts = section(weekly_report(make(checks=[check])), "Conflicts and checks")
    lines = [line for line in conflicts.splitlines() if line.startswith("- ")]
    assert lines[0] == "- Performance × CMO: checked by Anna on 27 Nov 2026, valid until 3 Dec 2026."
    assert lines[1].startswith("- Content × Performance: both hats are worn by Me, no valid check (")
    assert [line.split(":")[0] for line in lines] == [
        "- Performance × CMO",
        "- Content × Performance",
        "- CRM × CMO",
        "- PM × CMO",
    ]


def test_no_active_conflicts() -> None:
    hats = {h.key: h for h in default_hats()}
    patched = {
        k: hats[k].model_copy(update={"wearer": name})
        for k, name in (("content", "A"), ("performance", "B"), ("crm", "C"), ("pm", "D"), ("cmo", "E"))
    }
    conflicts = section(weekly_report(make(hats=patched)), "Conflicts and checks")
    assert "- No active conflicts: no one wears two conflicting hats." in conflicts


def test_report_in_russian_uses_russian_money() -> None:
    set_language("ru")
    report = weekly_report(make())
    assert report.startswith("# ")
    assert f"20{NB}000{NB}₽" in report
    assert "$" not in report
