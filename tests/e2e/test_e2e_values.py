"""``add``, ``report``: values per day, number formats, weekly formula KPIs, ISO week 53."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "typed", ["1234.5", "1 234,5", "1234,5", "1\u00a0234,5"], ids=["dot", "space-comma", "comma", "nbsp-comma"]
)
def test_number_arguments_accept_every_spelling(cli, typed):
    result = cli.ok("add", "performance.spend", typed, "--date", "2026-11-20")
    assert result.out.strip() == "performance.spend = $1,234.5 on 20 Nov 2026."  # every decimal, as read
    assert cli.values() == {("2026-11-20", "performance.spend"): 1234.5}


def test_a_value_for_a_day_replaces_the_earlier_one(cli):
    cli.ok("add", "performance.spend", "100", "--date", "2026-11-20", "--note", "first")
    result = cli.ok("add", "performance.spend", "250", "--date", "20.11.2026", "--note", "corrected")
    assert result.out.strip() == "performance.spend = $250 on 20 Nov 2026."
    assert cli.export_rows() == [
        {"date": "2026-11-20", "kpi": "performance.spend", "value": "250", "note": "corrected", "source": "manual"}
    ]


def test_add_defaults_to_today(cli):
    cli.ok("add", "content.traffic", "42")
    cli.ok("add", "content.traffic", "7", "--today", "2026-11-25")
    assert cli.values() == {("2026-11-24", "content.traffic"): 42, ("2026-11-25", "content.traffic"): 7}


def test_weekly_formula_is_computed_from_the_weeks_sums(cli, row):
    # 2026-W47 is 16–22 Nov. Daily CPAs are 100, 50 and 10 (mean 53.33); the week's is 330 / 8.
    for day, spend, sales in (("2026-11-16", "100", "1"), ("2026-11-17", "200", "4"), ("2026-11-18", "30", "3")):
        cli.ok("add", "performance.spend", spend, "--date", day)
        cli.ok("add", "performance.sales", sales, "--date", day)
    cli.ok("add", "performance.leads", "0", "--date", "2026-11-16")  # CPL = spend / 0: no value, no error

    week = cli.report("--week", "2026-W47")
    assert week.startswith("# Weekly report 2026-W47")
    assert row(week, "Spend, $", "Performance")[2] == "330"
    assert row(week, "Sales", "Performance")[2] == "8"
    cpa = row(week, "CPA, $", "Performance")[2]
    assert cpa == "41.25"
    assert cpa != "53.33"  # never the mean of the daily CPAs
    assert row(week, "CPL, $", "Performance")[2] == "—"
    assert "inf" not in week.lower()

    # This week (W48, the default) has no values; the same figures are its "Prev" column.
    this = cli.report()
    assert this.startswith("# Weekly report 2026-W48")
    assert row(this, "CPA, $", "Performance")[2:4] == ["—", "41.25"]


def test_week_53_of_2026_spans_the_new_year(cli, row):
    for day, spend in (
        ("2026-12-27", "100"),  # Sunday of W52
        ("2026-12-28", "120"),  # Monday of W53
        ("2026-12-31", "130"),
        ("2027-01-01", "150"),
        ("03.01.2027", "170"),  # Sunday of W53
        ("2027-01-04", "1000"),  # Monday of 2027-W01
    ):
        cli.ok("add", "performance.spend", spend, "--date", day)
    week = cli.report("--week", "2026-w53")
    assert week.startswith("# Weekly report 2026-W53")
    assert row(week, "Spend, $", "Performance")[2:4] == ["570", "100"]
    first = cli.report("--week", "2027-W01")
    assert row(first, "Spend, $", "Performance")[2:4] == ["1,000", "570"]
    cli.check("--week", "2026-W53")
    for command in ("report", "check"):
        assert "2027-W53" in cli.refused(command, "--week", "2027-W53")


def test_a_count_is_whole_when_typed_but_an_import_may_bring_fractions(cli):
    said = cli.refused("add", "performance.leads", "1.5", "--date", "2026-11-20")
    assert said == "Leads counts whole things: 1.5 is not a whole number."  # by its title
    assert cli.ok("add", "performance.leads", "2", "--date", "2026-11-20").out.strip()
    # Google Ads attributes conversions fractionally: an export keeps them.
    export = cli.tmp / "google.csv"
    export.write_text(
        "Campaign report\nAll time\nDay,Campaign,Impr.,Cost,Conversions,Currency code\n"
        "2026-11-20,Brand,100,12.50,1.50,USD\n",
        encoding="utf-8",
    )
    cli.ok("import", str(export))
    rows = {(r["kpi"], r["source"]): r["value"] for r in cli.export_rows()}
    assert rows[("performance.leads", "google-ads")] == "1.5" and rows[("performance.leads", "manual")] == "2"
