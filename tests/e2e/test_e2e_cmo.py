"""The CMO desk end to end: ``report`` and ``check`` on a real file, after values imported by the CLI
and sessions and hypotheses recorded through the same services the app uses."""

from __future__ import annotations

from datetime import date

from mkhats.services.hypotheses import HypothesisDraft, add_hypothesis, set_verdict
from mkhats.services.strategy import record_session
from mkhats.services.workspace import Workspace

NB = "\u00a0"
TODAY = date(2026, 11, 24)
# One Monday per week, W44 … W48, plus July (before the report's 13 weeks) and October.
ROWS = [
    ("2026-10-26", "cmo.revenue", 1000),
    ("2026-11-02", "cmo.revenue", 2000),
    ("2026-11-09", "cmo.revenue", 3000),
    ("2026-11-16", "cmo.revenue", 2000),
    ("2026-11-23", "cmo.revenue", 4000),
    ("2026-10-26", "cmo.marketing_spend", 500),
    ("2026-11-02", "cmo.marketing_spend", 500),
    ("2026-11-09", "cmo.marketing_spend", 1000),
    ("2026-11-16", "cmo.marketing_spend", 1000),
    ("2026-11-23", "cmo.marketing_spend", 1000),
    ("2026-11-02", "cmo.new_customers", 5),
    ("2026-11-09", "cmo.new_customers", 10),
    ("2026-11-16", "cmo.new_customers", 10),
    ("2026-11-23", "cmo.new_customers", 8),
    ("2026-11-23", "performance.spend", 3000),
    ("2026-11-24", "performance.spend", 1000),
    ("2026-11-23", "performance.leads", 30),
    ("2026-11-24", "performance.leads", 10),
    ("2026-11-23", "performance.revenue", 12000),
    ("2026-11-23", "content.leads", 60),
    ("2026-07-06", "content.leads", 40),
    ("2026-10-05", "content.leads", 60),
]


def _import(cli) -> None:
    csv_file = cli.tmp / "values.csv"
    csv_file.write_text("date,kpi,value\n" + "".join(f"{d},{k},{v}\n" for d, k, v in ROWS), encoding="utf-8")
    cli.ok("import", str(csv_file))


def _ws(cli) -> Workspace:
    return Workspace(cli.db, TODAY)


def _hypothesis(cli, **changes) -> str:
    fields = dict(
        statement="Case studies bring leads",
        kpi="content.leads",
        baseline_first=date(2026, 7, 1),
        baseline_last=date(2026, 7, 31),
        test_first=date(2026, 10, 1),
        test_last=date(2026, 10, 31),
    )
    fields.update(changes)
    return add_hypothesis(_ws(cli), "content", HypothesisDraft(**fields)).id


def test_check_asks_for_last_months_session_and_open_hypotheses(cli):
    cli.ok("kpi", "list", MKHATS_TODAY="2026-10-01")  # a file made on 1 Oct: October's session can be due
    assert not any("No strategy session" in line for line in cli.check().lines)  # a new file: no October data
    _import(cli)
    session_line = "CADENCE No strategy session recorded for October 2026: decide which channels to scale, test or cut."
    assert session_line in cli.check().lines
    record_session(_ws(cli), "2026-10", {"performance": "test", "content": "scale"})
    assert session_line not in cli.check().lines

    hid = _hypothesis(cli)
    hypothesis_line = (
        "CADENCE Content: the test of “Case studies bring leads” (Content Leads, 1–31 Oct 2026) "
        "is over; record its verdict."
    )
    result = cli.check()
    assert hypothesis_line in result.lines and result.code == 1
    _hypothesis(cli, test_first=date(2026, 11, 1), test_last=date(2026, 11, 30))  # still testing: no line
    assert [line for line in cli.check().lines if "the test of" in line] == [hypothesis_line]
    set_verdict(_ws(cli), hid, "confirmed")
    assert not any("the test of" in line for line in cli.check().lines)


def test_report_cmo_summary_session_hours_and_hypotheses(seeded, row):
    cli = seeded
    _import(cli)
    record_session(_ws(cli), "2026-11", {"performance": "cut", "content": "scale"}, "Paid does not pay back")
    _hypothesis(cli)
    # On 1 Dec November has ended: its session is the one the report shows.
    report = cli.ok("report", "--week", "2026-W48", MKHATS_TODAY="2026-12-01").out

    # Against last week and the average of W44–W47: revenue 4000 vs 2000 (+100 %) and 2000 (+100 %).
    assert row(report, "Revenue", "CMO summary") == [
        "Revenue",
        "$4,000",
        "$2,000",
        f"+100.0{NB}%",
        "$2,000",
        f"+100.0{NB}%",
        "—",
    ]
    # ROMI 300 % vs 100 % and the mean of 100, 300, 200, 100 = 175 %.
    assert row(report, "ROMI", "CMO summary") == [
        "ROMI",
        f"300.0{NB}%",
        f"100.0{NB}%",
        f"+200.0{NB}%",
        f"175.0{NB}%",
        f"+71.4{NB}%",
        "—",
    ]
    # CAC 1000 / 8 = 125 vs 100 and 100 (W44 has no customers: no CAC that week).
    assert row(report, "CAC", "CMO summary")[1:6] == ["$125", "$100", f"+25.0{NB}%", "$100", f"+25.0{NB}%"]

    # Channel map of the week: performance CPL 4000 / 40 = 100, ROMI (12000 − 4000) / 4000 = 200 %,
    # 40 of 100 leads; November's verdicts.
    assert row(report, "Performance", "CMO summary") == [
        "Performance",
        "Me",
        "40",
        "$4,000",
        "$12,000",
        "$100",
        f"200.0{NB}%",
        f"40.0{NB}%",
        f"100.0{NB}%",
        "cut",
    ]
    assert row(report, "Content", "CMO summary") == [
        "Content",
        "Me",
        "60",
        "—",
        "—",
        "—",
        "—",
        f"60.0{NB}%",
        "—",
        "scale",
    ]
    assert row(report, "CRM", "CMO summary")[-1] == "—"

    summary = report[report.index("## CMO summary") :]
    assert "### Strategy session · November 2026\n\nHeld on 24 Nov 2026.\n" in summary
    assert "- Performance: cut" in summary and "- Notes: Paid does not pay back" in summary
    assert "| Hat | Hours | Budget | Note |" in summary and "| CMO | 0.0 | — | — |" in summary
    # The baseline (July) lies before the report's 13 weeks: its values are loaded all the same.
    assert (
        "| Content | Case studies bring leads | Content Leads | 1–31 Jul 2026 | 1–31 Oct 2026 | 40 | 60 | "
        f"+50.0{NB}% | awaiting verdict |"
    ) in summary


def test_report_in_russian(seeded):
    cli = seeded
    _import(cli)
    report = cli.ok("report", "--week", "2026-W48", "--lang", "ru").out
    # 24 Nov: November still runs, so monthly work shows October; the week has run 2 of 7 days.
    assert "### Стратсессия · октябрь 2026" in report
    assert "- Стратсессия за октябрь 2026 ещё не записана." in report
    assert "| KPI | Неделя 2/7 дн. | Пред. | к пред. | Средн. 4 нед. | к средн. | Статус |" in report


def test_a_backup_keeps_sessions_and_hypotheses(seeded):
    cli = seeded
    record_session(_ws(cli), "2026-11", {"crm": "test"})
    _hypothesis(cli)
    backup = cli.tmp / "backup.json"
    cli.ok("export", "--format", "json", "--out", str(backup))
    cli.ok("restore", str(backup))
    with _ws(cli).read() as repo:
        assert [h.statement for h in repo.hypotheses()] == ["Case studies bring leads"]
        assert [s.verdicts for s in repo.sessions()] == [{"crm": "test"}]
