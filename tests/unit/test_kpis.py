"""KPI period values: aggregates, formulas on period values, status, deviation and value checks."""

from __future__ import annotations

import math
from datetime import date

import pytest

from mkhats.domain.kpis import (
    aggregate,
    daily_values,
    meets,
    period_value,
    period_values,
    validate_value,
    weekly_values,
)
from mkhats.domain.models import Kpi
from mkhats.domain.running import Progress, judge
from mkhats.domain.weeks import week_days
from mkhats.errors import InputError

D = date


def performance() -> dict[str, Kpi]:
    kpis = [
        Kpi(key="performance.spend", unit="money", direction="down"),
        Kpi(key="performance.sales", unit="count"),
        Kpi(key="performance.cpa", unit="money", direction="down", formula="spend / sales"),
        Kpi(key="performance.roas", unit="percent", formula="revenue / spend * 100"),
        Kpi(key="performance.revenue", unit="money"),
        Kpi(key="crm.ltv", unit="money", aggregate="last"),
        Kpi(
            key="cmo.cac",
            unit="money",
            direction="down",
            formula="performance.spend / performance.sales",
        ),
        Kpi(key="cmo.ltv_cac", unit="ratio", formula="crm.ltv / cac"),
    ]
    return {kpi.key: kpi for kpi in kpis}


# Week 2026-W48 is 23–29 November 2026.
WEEK = week_days("2026-W48")
DAILY = {
    "performance.spend": {
        D(2026, 11, 23): 1000.0,
        D(2026, 11, 24): 3000.0,
        D(2026, 11, 25): 2000.0,
    },
    "performance.sales": {D(2026, 11, 23): 1.0, D(2026, 11, 24): 1.0, D(2026, 11, 25): 4.0},
    "crm.ltv": {D(2026, 11, 20): 9000.0, D(2026, 11, 27): 12000.0, D(2026, 11, 24): 10000.0},
}


@pytest.mark.parametrize(
    ("kind", "values", "expected"),
    [
        ("sum", [(D(2026, 1, 1), 1.0), (D(2026, 1, 2), 2.5)], 3.5),
        ("sum", [(D(2026, 1, d), 0.1) for d in range(1, 11)], 1.0),  # fsum: exactly 1.0
        ("mean", [(D(2026, 1, 1), 1.0), (D(2026, 1, 2), 2.0), (D(2026, 1, 3), 6.0)], 3.0),
        ("min", [(D(2026, 1, 1), 5.0), (D(2026, 1, 2), -2.0)], -2.0),
        ("max", [(D(2026, 1, 1), 5.0), (D(2026, 1, 2), -2.0)], 5.0),
        # last = the latest day's value, whatever order the pairs come in
        ("last", [(D(2026, 1, 3), 30.0), (D(2026, 1, 1), 10.0), (D(2026, 1, 2), 20.0)], 30.0),
        ("last", [(D(2027, 1, 1), 7.0), (D(2026, 12, 31), 8.0)], 7.0),
        ("sum", [(D(2026, 1, 1), 1e308), (D(2026, 1, 2), 1e308)], None),  # overflow: no value
    ]
    + [(kind, [], None) for kind in ("sum", "mean", "last", "min", "max")],
)
def test_aggregate(kind: str, values: list[tuple[date, float]], expected: float | None) -> None:
    assert aggregate(kind, values) == expected


def test_aggregate_unknown_kind() -> None:
    with pytest.raises(ValueError):
        aggregate("median", [(D(2026, 1, 1), 1.0)])


def test_weekly_cpa_is_sum_over_sum_not_mean_of_daily_cpas() -> None:
    values = period_values(performance(), DAILY, WEEK)
    # Σspend 6000 / Σsales 6 = 1000; the mean of the daily CPAs (1000, 3000, 500) would be 1500.
    assert values["performance.cpa"] == 1000.0
    daily_cpa = daily_values("performance.cpa", performance(), DAILY, WEEK)
    assert daily_cpa == {D(2026, 11, 23): 1000.0, D(2026, 11, 24): 3000.0, D(2026, 11, 25): 500.0}
    assert sum(daily_cpa.values()) / len(daily_cpa) == 1500.0


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("performance.spend", 6000.0),
        ("performance.sales", 6.0),
        ("performance.revenue", None),  # no values in the week
        ("performance.roas", None),  # a missing operand gives no value
        ("crm.ltv", 12000.0),  # last: 27 Nov beats 24 Nov; 20 Nov is outside the week
        ("cmo.cac", 1000.0),  # full keys across hats
        ("cmo.ltv_cac", 12.0),  # a formula over a formula across hats
    ],
)
def test_period_values(key: str, expected: float | None) -> None:
    assert period_values(performance(), DAILY, WEEK)[key] == expected
    assert period_value(key, performance(), DAILY, WEEK) == expected


def test_period_values_zero_division_gives_none() -> None:
    daily = {
        "performance.spend": {D(2026, 11, 23): 500.0},
        "performance.sales": {D(2026, 11, 23): 0.0},
    }
    assert period_values(performance(), daily, WEEK)["performance.cpa"] is None


def test_period_values_survives_a_cycle_and_a_broken_formula() -> None:
    kpis = {
        "a.x": Kpi(key="a.x", formula="y + 1"),
        "a.y": Kpi(key="a.y", formula="x + 1"),
        "a.bad": Kpi(key="a.bad", formula="1 +"),
        "a.ghost": Kpi(key="a.ghost", formula="nowhere * 2"),
    }
    assert period_values(kpis, {}, WEEK) == dict.fromkeys(kpis)


def test_period_values_ignores_days_outside_the_period() -> None:
    # More days than values and more values than days take different paths: same answer.
    series = {D(2026, 1, d): float(d) for d in range(1, 32)}
    kpis = {"a.n": Kpi(key="a.n")}
    assert period_values(kpis, {"a.n": series}, [D(2026, 1, 2), D(2026, 1, 3)])["a.n"] == 5.0
    few = {"a.n": {D(2026, 1, 2): 2.0, D(2025, 1, 2): 100.0}}
    days = [D(2026, 1, d) for d in range(1, 32)]
    assert period_values(kpis, few, days)["a.n"] == 2.0


def test_daily_values() -> None:
    kpis = performance()
    assert daily_values("performance.spend", kpis, DAILY, WEEK[:2]) == {
        D(2026, 11, 23): 1000.0,
        D(2026, 11, 24): 3000.0,
    }
    assert daily_values("performance.roas", kpis, DAILY, WEEK) == {}
    assert daily_values("nope.kpi", kpis, DAILY, WEEK) == {}


def test_weekly_values_cross_a_year_boundary() -> None:
    kpis = {"a.n": Kpi(key="a.n"), "a.double": Kpi(key="a.double", formula="n * 2")}
    # 2026-W53 holds 28 Dec 2026 .. 3 Jan 2027.
    daily = {"a.n": {D(2026, 12, 31): 1.0, D(2027, 1, 1): 2.0, D(2027, 1, 4): 5.0}}
    weeks = ["2026-W52", "2026-W53", "2027-W01"]
    assert weekly_values(kpis, daily, weeks) == {
        "a.n": {"2026-W52": None, "2026-W53": 3.0, "2027-W01": 5.0},
        "a.double": {"2026-W52": None, "2026-W53": 6.0, "2027-W01": 10.0},
    }


def _kpi(direction: str, target: float | None) -> Kpi:
    return Kpi(key="a.k", unit="ratio", direction=direction, target=target)  # type: ignore[arg-type]


_DONE = Progress(7, 7, False)
"""A finished week: judged on its value (the running rule is tested in test_running.py)."""


def status(kpi: Kpi, value: float | None) -> str | None:
    return judge(kpi, value, _DONE).status


def deviation(kpi: Kpi, value: float | None) -> float | None:
    return judge(kpi, value, _DONE).deviation


@pytest.mark.parametrize(
    ("direction", "target", "value", "expected"),
    [
        ("up", 400.0, 512.0, "on"),
        ("up", 400.0, 400.0, "on"),
        ("up", 400.0, 399.9, "off"),
        ("down", 1200.0, 1297.0, "off"),
        ("down", 1200.0, 1200.0, "on"),
        ("down", 1200.0, 1100.0, "on"),
        ("down", 1200.0, 3600.0 / 3.0, "on"),  # float noise around the target still meets it
        ("down", 0.3, 0.1 + 0.2, "on"),
        ("up", None, 10.0, None),
        ("up", 10.0, None, None),
        ("down", None, None, None),
    ],
)
def test_status(direction: str, target: float | None, value: float | None, expected: str | None) -> None:
    assert status(_kpi(direction, target), value) == expected


@pytest.mark.parametrize(
    ("direction", "target", "value", "expected"),
    [
        # Signed as arithmetic reads it (SPEC §1): whether it is good is the status's business.
        ("down", 1200.0, 1297.0, 8.083333),  # CPL 8 % above target: worse
        ("down", 1200.0, 1100.0, -8.333333),  # below target: better
        ("up", 400.0, 512.0, 28.0),  # ROAS above target: better
        ("up", 400.0, 300.0, -25.0),  # below: worse
        ("up", -100.0, -150.0, -50.0),  # a negative target: below it is negative
        ("up", 100.0, 100.0, 0.0),
        ("up", 0.0, 5.0, None),
        ("up", None, 5.0, None),
        ("down", 10.0, None, None),
    ],
)
def test_deviation(direction: str, target: float | None, value: float | None, expected: float | None) -> None:
    result = deviation(_kpi(direction, target), value)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    ("value", "op", "threshold", "expected"),
    [
        (2.0, ">", 1.0, True),
        (1.0, ">", 1.0, False),
        (0.1 + 0.2, ">", 0.3, False),
        (1.0, ">=", 1.0, True),
        (0.0, "<", 1.0, True),
        (1.0, "<", 1.0, False),
        (1.0, "<=", 1.0, True),
        (2.0, "<=", 1.0, False),
    ],
)
def test_meets(value: float, op: str, threshold: float, expected: bool) -> None:
    assert meets(value, op, threshold) is expected


@pytest.mark.parametrize(
    ("unit", "value"),
    [
        ("count", 0.0),
        ("money", 1234.5),
        ("percent", -12.5),
        ("percent", 12.5),
        ("ratio", -1.0),
        ("hours", 7.5),
    ],
)
def test_validate_value_accepts(unit: str, value: float) -> None:
    validate_value(Kpi(key="a.k", unit=unit), value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kpi", "value", "key"),
    [
        (Kpi(key="a.k", unit="count"), -1.0, "kpi.negative"),
        (Kpi(key="a.k", unit="money"), -0.01, "kpi.negative"),
        (Kpi(key="a.k", unit="hours"), -2.0, "kpi.negative"),
        (Kpi(key="a.k", unit="days"), -1.0, "kpi.negative"),
        (Kpi(key="a.k", unit="percent"), math.inf, "kpi.not_finite"),
        (Kpi(key="a.k", unit="ratio"), math.nan, "kpi.not_finite"),
        (Kpi(key="a.k", unit="money", formula="spend / leads"), 5.0, "kpi.is_formula"),
    ],
)
def test_validate_value_refuses(kpi: Kpi, value: float, key: str) -> None:
    with pytest.raises(InputError) as caught:
        validate_value(kpi, value)
    assert caught.value.key == key
    # Named by its title (here its name, having none in the catalogue), never by its key.
    assert " K " in f" {caught.value.render()}" and "a.k" not in caught.value.render()
