"""Fading KPIs: channel KPIs whose weekly link to revenue fell from |r| ≥ 0.5 to |r| < 0.3."""

from __future__ import annotations

import math
from datetime import date

import pytest

from mkhats.domain.defaults import default_hats, default_kpis
from mkhats.domain.fading import channel_kpis, correlation, fading_kpis, judge, judged_week
from tests.unit.cmo_snapshot import mondays

WEEK = "2026-W48"
EARLY = mondays(date(2026, 6, 1), 13)  # 2026-W23 … W35: the 13 weeks before
LATE = mondays(date(2026, 8, 31), 13)  # 2026-W36 … W48: the last 13 weeks
RISING = [float(n) for n in range(1, 14)]  # revenue 1 … 13 (hundreds)
V_SHAPE = [7, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 7]  # symmetric around the middle week: r = 0 exactly


def weekly(days: list[date], values: list[float]) -> dict[date, float]:
    """One value per week, on its Monday (a week's sum is that value)."""
    return {day: float(v) for day, v in zip(days, values, strict=False)}


def fades(daily: dict, hats=None, kpis=None) -> dict:
    hats = hats or default_hats()
    kpis = kpis or {k.key: k for k in default_kpis()}
    return {f.kpi: f for f in fading_kpis(hats, kpis, daily, WEEK)}


def revenue() -> dict[date, float]:
    return {**weekly(EARLY, [v * 100 for v in RISING]), **weekly(LATE, [v * 100 for v in RISING])}


# ---------------------------------------------------------------- Pearson's r, by hand


def test_correlation_of_three_points() -> None:
    # x̄ = 2, ȳ = 11/3; Sxy = 3, Sxx = 2, Syy = 14/3 → r = 3 / √(28/3) = 0.98198…
    assert correlation([(1, 2), (2, 4), (3, 5)]) == pytest.approx(3 / math.sqrt(28 / 3))


@pytest.mark.parametrize("pairs", [[], [(1, 1)], [(1, 5), (2, 5), (3, 5)]])
def test_correlation_undefined(pairs) -> None:
    assert correlation(pairs) is None  # too few points, or one side never changes


# ---------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("before", "now", "weeks_before", "weeks_now", "status"),
    [
        (0.5, 0.29, 8, 8, "fading"),  # the edges: was ≥ 0.5, now < 0.3
        (-0.8, 0.1, 13, 13, "fading"),  # the sign does not matter: |r|
        (0.9, -0.2, 13, 13, "fading"),
        (0.49, 0.0, 13, 13, "steady"),  # was never strong
        (0.9, 0.3, 13, 13, "steady"),  # 0.3 is not below 0.3
        (0.9, 0.8, 13, 13, "steady"),
        (0.9, 0.0, 7, 13, "no_data"),  # fewer than 8 weeks in a window
        (0.9, 0.0, 13, 7, "no_data"),
        (None, 0.0, 13, 13, "no_data"),  # r undefined (a flat series)
    ],
)
def test_judge(before, now, weeks_before, weeks_now, status) -> None:
    assert judge(before, now, weeks_before, weeks_now) == status


# ---------------------------------------------------------------- on weekly values


def test_a_kpi_that_stopped_following_revenue_is_fading() -> None:
    leads = {**weekly(EARLY, [v * 3 for v in RISING]), **weekly(LATE, V_SHAPE)}
    fade = fades({"cmo.revenue": revenue(), "content.leads": leads})["content.leads"]
    assert fade.before == pytest.approx(1.0) and fade.now == pytest.approx(0.0, abs=1e-12)
    assert (fade.weeks_before, fade.weeks_now, fade.status) == (13, 13, "fading")


def test_a_kpi_that_still_follows_revenue_is_steady() -> None:
    leads = {**weekly(EARLY, RISING), **weekly(LATE, RISING)}
    fade = fades({"cmo.revenue": revenue(), "content.leads": leads})["content.leads"]
    assert fade.status == "steady" and fade.now == pytest.approx(1.0)


def test_an_inverse_link_that_broke_is_fading_too() -> None:
    leads = {**weekly(EARLY, [14 - v for v in RISING]), **weekly(LATE, V_SHAPE)}
    fade = fades({"cmo.revenue": revenue(), "content.leads": leads})["content.leads"]
    assert fade.before == pytest.approx(-1.0) and fade.status == "fading"


def test_fewer_than_eight_weeks_in_a_window_is_not_enough_data() -> None:
    leads = {**weekly(EARLY[:7], RISING[:7]), **weekly(LATE, V_SHAPE)}
    fade = fades({"cmo.revenue": revenue(), "content.leads": leads})["content.leads"]
    assert (fade.weeks_before, fade.weeks_now, fade.status) == (7, 13, "no_data")
    leads = {**weekly(EARLY[:8], RISING[:8]), **weekly(LATE, V_SHAPE)}
    fade = fades({"cmo.revenue": revenue(), "content.leads": leads})["content.leads"]
    assert (fade.weeks_before, fade.status) == (8, "fading")


def test_weeks_without_revenue_do_not_count() -> None:
    leads = {**weekly(EARLY, RISING), **weekly(LATE, V_SHAPE)}
    rev = {d: v for d, v in revenue().items() if d not in EARLY[:6]}  # six weeks of revenue missing
    fade = fades({"cmo.revenue": rev, "content.leads": leads})["content.leads"]
    assert (fade.weeks_before, fade.status) == (7, "no_data")


def test_a_formula_kpi_is_judged_on_its_weekly_period_values() -> None:
    # CPL = Σspend / Σleads per week: spend 100·r, leads 10 → CPL = 10·r early (r = 1 with revenue).
    spend = {**weekly(EARLY, [v * 100 for v in RISING]), **weekly(LATE, [v * 10 for v in V_SHAPE])}
    leads = {**weekly(EARLY, [10.0] * 13), **weekly(LATE, [10.0] * 13)}
    fade = fades({"cmo.revenue": revenue(), "performance.spend": spend, "performance.leads": leads})["performance.cpl"]
    assert fade.before == pytest.approx(1.0) and fade.status == "fading"


def test_no_data_at_all() -> None:
    fade = fades({})["content.leads"]
    assert (fade.before, fade.now, fade.weeks_before, fade.weeks_now, fade.status) == (None, None, 0, 0, "no_data")


# ---------------------------------------------------------------- which KPIs are judged


def test_only_kpis_in_use_of_enabled_channel_hats() -> None:
    hats = [h.model_copy(update={"enabled": False}) if h.key == "crm" else h for h in default_hats()]
    kpis = {k.key: k for k in default_kpis()}
    kpis["content.published"] = kpis["content.published"].model_copy(update={"retired": True})
    keys = [k.key for k in channel_kpis(hats, kpis)]
    assert keys == [
        "content.traffic",
        "content.leads",
        "content.conversion",
        "content.subscribers",
        "performance.spend",
        "performance.leads",
        "performance.cpl",
        "performance.sales",
        "performance.cpa",
        "performance.revenue",
        "performance.roas",
    ]
    assert not any(k.startswith(("cmo.", "pm.", "crm.")) for k in keys)


@pytest.mark.parametrize(
    ("today", "week", "judged"),
    [
        (date(2026, 11, 25), "2026-W48", "2026-W47"),  # the week is still running: the one before
        (date(2026, 11, 30), "2026-W48", "2026-W48"),  # over: itself
        (date(2027, 1, 5), "2027-W01", "2026-W53"),
    ],
)
def test_the_recent_window_ends_with_a_whole_week(today, week, judged) -> None:
    assert judged_week(week, today) == judged
