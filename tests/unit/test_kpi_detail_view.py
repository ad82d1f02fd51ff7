"""The KPI detail's view model: the rule form's change set, chart ticks, errors, the view itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.kpis import KpiChange
from mkhats.errors import InputError
from mkhats.present.kpi_chart import nice_ticks
from mkhats.present.kpi_detail import RuleForm, detail_view, error_text, rule_change
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)
BEFORE = RuleForm(target="120", condition="> 160 for 3 days", guard="spend >= 150", action="Stop the campaign")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (BEFORE, None),
        (RuleForm("120 ", " > 160 for 3 days", "spend >= 150", "Stop the campaign"), None),
        (RuleForm("", "> 160 for 3 days", "spend >= 150", "Stop the campaign"), KpiChange(target="")),
        (RuleForm("120", "> 200", "spend >= 150", "Stop the campaign"), KpiChange(stop="> 200")),
        # Clearing the condition drops the rule: its guard and action are not sent on their own.
        (RuleForm("120", "", "", ""), KpiChange(stop="")),
        (RuleForm("120", "none", "spend >= 150", "x"), KpiChange(stop="none")),
        (RuleForm("120", "> 160 for 3 days", "", "Pause"), KpiChange(guard="", action="Pause")),
    ],
)
def test_rule_change_sends_only_what_changed(typed, expected):
    assert rule_change(BEFORE, typed) == expected


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 250, [0, 100, 200, 300]),
        (18.3, 28.3, [17.5, 20, 22.5, 25, 27.5, 30]),
        (120, 120, [100, 110, 120, 130, 140]),  # a flat line gets ±10 % around it
        (0.2, 0.9, [0.2, 0.4, 0.6, 0.8, 1.0]),
    ],
)
def test_nice_ticks_cover_the_range_with_round_steps(low, high, ticks):
    result = nice_ticks(low, high)
    assert result == pytest.approx(ticks)
    assert result[0] <= low and result[-1] >= high


def test_errors_speak_the_screen_s_words():
    assert "--stop" not in error_text(InputError("kpi.guard_without_rule", kpi="performance.spend"))
    text = error_text(InputError("error.number", field="--target", value="abc"))
    assert text.startswith("Weekly target:")


@pytest.fixture
def snapshot(tmp_path: Path):
    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    fill_demo(ws, 12, force=False)
    return ws.snapshot("2026-W48")


def test_formula_view_is_read_only_and_marks_the_alert_days(snapshot):
    view = detail_view(snapshot, "performance.cpa")
    assert not view.editable and "spend / sales" in view.formula and "Spend, Sales" in view.formula
    assert view.values[0].day == TODAY
    assert [r.day for r in view.values] == sorted((r.day for r in view.values), reverse=True)
    assert any(r.in_alert for r in view.values) and view.alerts
    assert view.form.condition == "> 160 for 3 days" and view.form.guard == "spend >= 150"
    chart = view.chart
    assert not chart.empty and chart.right is None  # CPA per day and per week share one scale
    assert chart.threshold is not None and chart.threshold.y == [160, 160]
    assert chart.x_labels[0] == "W36" and chart.x_labels[-1] == "W48"
    assert min(chart.daily.x) >= 9 * 7  # daily points only for the last 4 weeks


def test_summed_kpi_draws_days_on_their_own_axis(snapshot):
    chart = detail_view(snapshot, "performance.spend").chart
    assert chart.right is not None and chart.daily.right


def test_no_values_gives_an_empty_chart(tmp_path: Path):
    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    view = detail_view(ws.snapshot("2026-W48"), "content.traffic")
    assert view.chart.empty and view.values == [] and view.editable
