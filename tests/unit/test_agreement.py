"""``report``, ``check`` and the app's view model agree on every KPI's status (SPEC §1 "Running
period": one rule), for random daily values and a random "today" before, within or after the week."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkhats.domain.review import review
from mkhats.domain.weeks import add_days, week_start
from mkhats.present.labels import kpi_title, unit_suffix
from mkhats.present.report import weekly_report
from mkhats.present.views import hat_view
from tests.unit.test_review import make

WEEK = "2026-W48"
MONDAY = week_start(WEEK)
TARGETS = {
    "content.traffic": 4500,
    "content.leads": 110,
    "content.conversion": 2.5,
    "performance.spend": 1400,
    "performance.leads": 60,
    "performance.cpl": 25,
    "performance.sales": 10,
    "performance.cpa": 120,
    "performance.roas": 300,
    "cmo.revenue": 9000,
    "cmo.cac": 90,
    "pm.cycle_days": 4,
}
MEASURED = [
    "content.traffic",
    "content.leads",
    "performance.spend",
    "performance.leads",
    "performance.sales",
    "performance.revenue",
    "cmo.revenue",
    "cmo.marketing_spend",
    "cmo.new_customers",
    "pm.cycle_days",
]


values = st.one_of(
    st.none(), st.integers(0, 2000).map(float), st.floats(0, 2000, allow_nan=False).map(lambda v: round(v, 2))
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, dict]:
    today = add_days(MONDAY, draw(st.integers(-3, 10)))
    daily: dict[str, dict[date, float]] = {}
    for key in MEASURED:
        for offset in range(-7, 7):
            value = draw(values)
            if value is not None:
                daily.setdefault(key, {})[add_days(MONDAY, offset)] = value
    # Values are never entered for days after today.
    daily = {k: {d: v for d, v in s.items() if d <= today} for k, s in daily.items()}
    return today, daily


def _report_statuses(report: str, hat_titles: dict[str, str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    section = ""
    for line in report.splitlines():
        if line.startswith("## "):
            section = line[3:]
        cells = [c.strip() for c in line.strip("|").split("|")] if line.startswith("| ") else []
        key = hat_titles.get((section, cells[0])) if cells else None  # type: ignore[call-overload]
        if key is not None:
            status = cells[-1]
            found[key] = "on" if status.startswith("✓") else "off" if status.startswith("✗") else None
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_report_check_and_app_agree(case: tuple[date, dict]) -> None:
    today, daily = case
    snapshot = make(today, WEEK, kpis={k: {"target": v} for k, v in TARGETS.items()}, daily=daily)
    # The app: each hat's KPI table.
    app: dict[str, str | None] = {}
    titles: dict[tuple[str, str], str] = {}
    for hat in snapshot.enabled_hats:
        view = hat_view(snapshot, hat.key)
        for row in view.kpis:
            app[row.key] = row.status
            kpi = snapshot.kpis[row.key]
            suffix = unit_suffix(kpi, snapshot.settings.currency)
            titles[(view.name, f"{kpi_title(kpi)}, {suffix}" if suffix else kpi_title(kpi))] = row.key
    # check: the TARGET lines.
    off_in_check = {item.kpi for item in review(snapshot) if item.category == "TARGET" and item.week == WEEK}
    # report: the status column of each hat's KPI table.
    report = _report_statuses(weekly_report(snapshot), titles)
    assert {k for k, s in app.items() if s == "off"} == off_in_check
    for key, state in app.items():
        assert report.get(key, "missing") == state, key
