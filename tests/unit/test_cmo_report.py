"""The report's CMO summary: money KPIs against last week and against the 4-week average."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.i18n import set_language
from mkhats.present.cmo_report import average_before, change
from mkhats.present.report import weekly_report
from tests.unit.cmo_snapshot import make

NB = "\u00a0"
# Mondays of W44 … W48: one day of values per week.
W44, W45, W46, W47, W48 = (
    date(2026, 10, 26),
    date(2026, 11, 2),
    date(2026, 11, 9),
    date(2026, 11, 16),
    date(2026, 11, 23),
)
DAILY = {
    "cmo.revenue": {W44: 1000, W45: 2000, W46: 3000, W47: 2000, W48: 4000},
    "cmo.marketing_spend": {W44: 500, W45: 500, W46: 1000, W47: 1000, W48: 1000},
    "cmo.new_customers": {W45: 5, W46: 10, W47: 10, W48: 8},
}


def row(report: str, title: str) -> list[str]:
    summary = report[report.index("## CMO summary") : report.index("### Channel map")]
    for line in summary.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if cells[0] == title:
            return cells
    raise AssertionError(title)


@pytest.mark.parametrize(
    ("reference", "value", "expected"),
    [(2000, 4000, 100.0), (4000, 1000, -75.0), (0, 5, None), (None, 5, None), (5, None, None)],
)
def test_change(reference, value, expected) -> None:
    assert change(reference, value) == (pytest.approx(expected) if expected is not None else None)


def test_average_of_the_four_weeks_before() -> None:
    averages = average_before(make(daily=DAILY), ("cmo.revenue", "cmo.romi", "cmo.cac", "cmo.ltv_cac"))
    assert averages["cmo.revenue"] == pytest.approx(2000.0)  # (1000 + 2000 + 3000 + 2000) / 4
    # ROMI per week: 100, 300, 200, 100 → 175 (the mean of the weekly values, as the CADENCE shift rule)
    assert averages["cmo.romi"] == pytest.approx(175.0)
    # CAC per week: W44 has no customers (no CAC), then 100, 100, 100 → 100 over the weeks that have one
    assert averages["cmo.cac"] == pytest.approx(100.0)
    assert averages["cmo.ltv_cac"] is None  # no LTV entered: no week has a value


def test_summary_rows_against_last_week_and_the_average() -> None:
    report = weekly_report(make(daily=DAILY, kpis={"cmo.romi": {"target": 250}}))
    assert "| KPI | Week 3/7 d | Prev | vs prev | 4-wk avg | vs avg | Status |" in report
    # The week runs (3 of 7 days): a summed KPI is compared on pace, never its days so far
    # against full weeks. Revenue 4000 so far → 9,333 against 2000 last week and on average
    # (+366.7 %); no target, so the status column shows the pace.
    assert row(report, "Revenue") == [
        "Revenue",
        "$4,000",
        "$2,000",
        f"+366.7{NB}%",
        "$2,000",
        f"+366.7{NB}%",
        "→ 9,333",
    ]
    # Spend (less is better) 1000 so far → 2,334 (rounded up) against 1000 and 750.
    assert row(report, "Marketing spend") == [
        "Marketing spend",
        "$1,000",
        "$1,000",
        f"+133.4{NB}%",
        "$750",
        f"+211.2{NB}%",
        "→ 2,334",
    ]
    # ROMI (4000 − 1000) / 1000 = 300 % against 100 % (+200 %) and 175 % (+71.4 %); target 250: on track.
    assert row(report, "ROMI") == [
        "ROMI",
        f"300.0{NB}%",
        f"100.0{NB}%",
        f"+200.0{NB}%",
        f"175.0{NB}%",
        f"+71.4{NB}%",
        f"✓ on track +20{NB}% so far",
    ]
    # CAC 1000 / 8 = 125 against 100 (+25 %) and 100 (+25 %).
    assert row(report, "CAC") == ["CAC", "$125", "$100", f"+25.0{NB}%", "$100", f"+25.0{NB}%", "—"]
    assert row(report, "LTV:CAC") == ["LTV:CAC", "—", "—", "—", "—", "—", "—"]


def test_a_retired_summary_kpi_is_left_out() -> None:
    report = weekly_report(make(daily=DAILY, kpis={"cmo.ltv_cac": {"retired": True}}))
    with pytest.raises(AssertionError):
        row(report, "LTV:CAC")


def test_summary_in_russian() -> None:
    set_language("ru")
    report = weekly_report(make(daily=DAILY))
    assert "| KPI | Неделя 3/7 дн. | Пред. | к пред. | Средн. 4 нед. | к средн. | Статус |" in report
    assert "### Стратсессия · октябрь 2026" in report and "### Часы по шляпам" in report
