"""Stop rules: parsing conditions and guards, streaks, alerts and decisions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.domain.models import AlertDecision, Guard, Kpi, StopRule
from mkhats.domain.stoprules import (
    Alert,
    alerts_touching,
    evaluate_stop_rule,
    format_condition,
    format_guard,
    open_alerts,
    parse_condition,
    parse_guard,
)
from mkhats.errors import InputError

D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> 1500 for 3 days", (">", 1500.0, 3)),
        (">1500", (">", 1500.0, 1)),
        (">= 1 234,5 for 1 day", (">=", 1234.5, 1)),
        ("<= 2.5", ("<=", 2.5, 1)),
        ("< 0,8", ("<", 0.8, 1)),
        ("> ? for 3 days", (">", None, 3)),
        ("> ?", (">", None, 1)),
        ("> 1500 3 дня подряд", (">", 1500.0, 3)),
        ("> 1500 за 3 дня", (">", 1500.0, 3)),
        ("> 1500 за 5 дней", (">", 1500.0, 5)),
        ("> 1500 за 1 день", (">", 1500.0, 1)),
        ("> 1 500 2 дня подряд", (">", 1500.0, 2)),  # the days are read first, not "1 500 2"
        ("> 1500 for 3 days in a row", (">", 1500.0, 3)),
        ("> 1500 3 days in a row", (">", 1500.0, 3)),
        ("> 1500 FOR 3 DAYS", (">", 1500.0, 3)),
        ("> 1500 for 3", (">", 1500.0, 3)),
        ("≥ 10 for 90 days", (">=", 10.0, 90)),
        ("=< 10", ("<=", 10.0, 1)),
        ("< -5", ("<", -5.0, 1)),
        ("  >   1500   for   3   days  ", (">", 1500.0, 3)),
    ],
)
def test_parse_condition(text: str, expected: tuple[str, float | None, int]) -> None:
    assert parse_condition(text, lang="en") == expected
    assert parse_condition(text, lang="ru") == expected


@pytest.mark.parametrize(
    ("text", "english", "russian"),
    [
        ("> 1,500 for 3 days", (">", 1500.0, 3), (">", 1.5, 3)),
        ("> 3,000 3 дня подряд", (">", 3000.0, 3), (">", 3.0, 3)),
        ("> 1,234.5", (">", 1234.5, 1), (">", 1234.5, 1)),
    ],
)
def test_parse_condition_reads_the_threshold_as_the_language_writes_it(text, english, russian) -> None:
    assert parse_condition(text, lang="en") == english
    assert parse_condition(text, lang="ru") == russian


@pytest.mark.parametrize(
    ("text", "key"),
    [("> 1,2,3 for 3 days", "error.number.groups"), ("> 1 234,5.5", "error.number.mixed")],
)
def test_a_malformed_threshold_is_refused_with_the_reason(text: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_condition(text, lang="en", field="--stop")
    assert caught.value.key == key
    assert caught.value.params["field"] == "--stop"
    with pytest.raises(InputError) as caught:
        parse_guard("spend >= 1,2,3", lang="ru", field="--guard")
    assert (caught.value.key, caught.value.params["field"]) == ("error.number.groups", "--guard")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "stop.syntax"),
        ("1500", "stop.syntax"),
        ("= 1500", "stop.syntax"),
        (">", "stop.syntax"),
        ("> for 3 days", "stop.syntax"),
        ("> abc", "stop.threshold"),
        ("> 1500 for three days", "stop.threshold"),
        ("> 1500 for 0 days", "stop.days"),
        ("> 1500 for 91 days", "stop.days"),
        ("> 1500 100 дней подряд", "stop.days"),
    ],
)
def test_parse_condition_errors(text: str, key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_condition(text, lang="en")
    assert caught.value.key == key
    caught.value.render()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>=≥? 0123456789,.-for daysдняподряд\u00a0"), max_size=30) | st.text())
def test_parse_condition_only_raises_input_error(text: str) -> None:
    try:
        op, _threshold, days = parse_condition(text, lang="ru")
    except InputError as error:
        assert error.key.startswith(("stop.", "error.number."))
        error.render()
    else:
        assert op in (">", ">=", "<", "<=") and 1 <= days <= 90


@pytest.mark.parametrize(
    ("text", "hat", "expected"),
    [
        ("spend >= 3000", None, Guard(kpi="spend", op=">=", threshold=3000.0)),
        ("spend>=3 000", None, Guard(kpi="spend", op=">=", threshold=3000.0)),
        ("leads > ?", None, Guard(kpi="leads", op=">", threshold=None)),
        ("Spend >= 3000", None, Guard(kpi="spend", op=">=", threshold=3000.0)),
        ("performance.spend >= 3000", "performance", Guard(kpi="spend", op=">=", threshold=3000.0)),
    ],
)
def test_parse_guard(text: str, hat: str | None, expected: Guard) -> None:
    assert parse_guard(text, hat, lang="en") == expected


@pytest.mark.parametrize(
    ("text", "hat"),
    [
        ("", None),
        ("spend", None),
        (">= 3000", None),
        ("spend >= lots", None),
        ("spend >=", None),
        ("crm.revenue >= 10", "performance"),  # a guard is on a KPI of the rule's own hat
        ("crm.revenue >= 10", None),
        ("x" * 41 + " > 1", None),
    ],
)
def test_parse_guard_errors(text: str, hat: str | None) -> None:
    with pytest.raises(InputError) as caught:
        parse_guard(text, hat, lang="en")
    assert caught.value.key == "stop.guard_syntax"


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (StopRule(op=">", threshold=1500.0, days=3), "> 1500 for 3 days"),
        (StopRule(op=">=", threshold=1234.5, days=1), ">= 1234.5"),
        (StopRule(op="<", threshold=None, days=2), "< ? for 2 days"),
        (StopRule(op="<=", threshold=-0.25), "<= -0.25"),
    ],
)
def test_format_condition_round_trips(rule: StopRule, text: str) -> None:
    assert format_condition(rule) == text
    for lang in ("en", "ru"):  # the canonical form reads the same in every language
        assert parse_condition(text, lang=lang) == (rule.op, rule.threshold, rule.days)


def test_format_guard() -> None:
    assert format_guard(Guard(kpi="spend", op=">=", threshold=3000.0)) == "spend >= 3000"
    assert format_guard(Guard(kpi="spend", op=">=")) == "spend >= ?"


# --- streaks -----------------------------------------------------------------------------------

START = D(2026, 11, 1)


def days_from(first: date, values: list[float | None]) -> dict[date, float]:
    """Values on consecutive days from ``first``; None leaves a day without a value."""
    return {first + timedelta(days=i): v for i, v in enumerate(values) if v is not None}


def cpl_catalogue(rule: StopRule) -> dict[str, Kpi]:
    kpis = [
        Kpi(key="p.spend", unit="money", direction="down"),
        Kpi(key="p.leads"),
        Kpi(key="p.cpl", unit="money", direction="down", formula="spend / leads", stop=rule),
        Kpi(key="p.cpa", unit="money", direction="down", stop=rule),
    ]
    return {kpi.key: kpi for kpi in kpis}


def run(rule: StopRule, cpa: list[float | None], spend: list[float | None] | None = None) -> list[Alert]:
    kpis = cpl_catalogue(rule)
    daily = {"p.cpa": days_from(START, cpa)}
    if spend is not None:
        daily["p.spend"] = days_from(START, spend)
    return evaluate_stop_rule(kpis["p.cpa"], kpis, daily, START, START + timedelta(days=29))


THREE = StopRule(op=">", threshold=100.0, days=3)
GUARDED = StopRule(op=">", threshold=100.0, days=3, guard=Guard(kpi="spend", op=">=", threshold=50.0))
UNSET_GUARD = StopRule(op=">", threshold=100.0, days=3, guard=Guard(kpi="spend", op=">="))


@pytest.mark.parametrize(
    ("rule", "cpa", "spend", "spans"),
    [
        (THREE, [101, 102, 103], None, [(1, 3)]),  # exactly N
        (THREE, [101, 102], None, []),  # N - 1
        (THREE, [101, 102, 100, 103, 104], None, []),  # equal to the threshold does not meet ">"
        (THREE, [101, 102, None, 103, 104], None, []),  # a day without a value breaks the streak
        (THREE, [101, 102, 103, 104, 105, 106, 107], None, [(1, 7)]),  # one long streak, one alert
        (THREE, [101, 102, 103, 50, 101, 102, 103, 104], None, [(1, 3), (5, 8)]),  # two streaks
        (THREE, [101, 102, 103, None, 101, 102], None, [(1, 3)]),
        (StopRule(op="<=", threshold=10.0), [11, 10, 12], None, [(2, 2)]),  # one day by default
        (StopRule(op=">", threshold=None, days=3), [900, 900, 900], None, []),  # unset: inactive
        (GUARDED, [101, 102, 103], [60, 60, 60], [(1, 3)]),
        (GUARDED, [101, 102, 103], [60, 40, 60], []),  # the guard fails a day
        (GUARDED, [101, 102, 103, 104], [60, None, 60, 60], []),  # guard KPI missing on a day
        (GUARDED, [101, 102, 103, 104], [None, 60, 60, 60], [(2, 4)]),
        (GUARDED, [101, 102, 103], None, []),  # no guard values at all
        # a guard with an unset threshold is ignored
        (UNSET_GUARD, [101, 102, 103], None, [(1, 3)]),
    ],
)
def test_streaks(
    rule: StopRule,
    cpa: list[float | None],
    spend: list[float | None] | None,
    spans: list[tuple[int, int]],
) -> None:
    alerts = run(rule, cpa, spend)
    assert [(a.first.day, a.last.day) for a in alerts] == spans
    for alert in alerts:
        assert alert.kpi == "p.cpa" and alert.rule == rule
        assert [day for day, _ in alert.values] == [
            alert.first + timedelta(days=i) for i in range((alert.last - alert.first).days + 1)
        ]


def test_alert_carries_the_values() -> None:
    (alert,) = run(THREE, [50, 101, 102.5, 103])
    assert alert.values == (
        (D(2026, 11, 2), 101.0),
        (D(2026, 11, 3), 102.5),
        (D(2026, 11, 4), 103.0),
    )


@pytest.mark.parametrize(
    ("first", "expected_last"),
    [
        (D(2026, 11, 29), D(2026, 12, 2)),  # across a month boundary
        (D(2026, 12, 30), D(2027, 1, 2)),  # across a year (and ISO 2026-W53)
        (D(2028, 2, 27), D(2028, 3, 1)),  # across a leap day: 27, 28, 29 Feb, 1 Mar
    ],
)
def test_streak_across_boundaries(first: date, expected_last: date) -> None:
    rule = StopRule(op=">", threshold=1.0, days=4)
    kpi = Kpi(key="a.k", stop=rule)
    daily = {"a.k": days_from(first, [5, 5, 5, 5])}
    window = (first - timedelta(days=10), first + timedelta(days=10))
    alerts = evaluate_stop_rule(kpi, {"a.k": kpi}, daily, *window)
    assert [(a.first, a.last) for a in alerts] == [(first, expected_last)]


def test_formula_kpi_is_judged_on_daily_ratios() -> None:
    rule = StopRule(op=">", threshold=1000.0, days=2)
    kpis = cpl_catalogue(rule)
    daily = {
        "p.spend": days_from(START, [3000, 3000, 3000, 300]),
        "p.leads": days_from(START, [2, 1, 0, 1]),  # CPL 1500, 3000, no value (÷0), 300
    }
    alerts = evaluate_stop_rule(kpis["p.cpl"], kpis, daily, START, START + timedelta(days=6))
    assert [(a.first, a.last, a.values) for a in alerts] == [
        (D(2026, 11, 1), D(2026, 11, 2), ((D(2026, 11, 1), 1500.0), (D(2026, 11, 2), 3000.0)))
    ]


def test_no_rule_and_empty_window() -> None:
    kpi = Kpi(key="a.k")
    assert evaluate_stop_rule(kpi, {"a.k": kpi}, {"a.k": {START: 5.0}}, START, START) == []
    ruled = Kpi(key="a.k", stop=StopRule(threshold=1.0))
    backwards = (START, START - timedelta(days=1))
    assert evaluate_stop_rule(ruled, {"a.k": ruled}, {"a.k": {START: 5.0}}, *backwards) == []


# --- decisions ---------------------------------------------------------------------------------


def alert(kpi: str, first: date, last: date) -> Alert:
    return Alert(kpi, first, last, ((first, 1.0),), THREE)


def decision(kpi: str, first: date, last: date) -> AlertDecision:
    return AlertDecision(kpi=kpi, first=first, last=last, decision="stopped", day=last)


@pytest.mark.parametrize(
    ("decided", "is_open"),
    [
        (decision("p.cpa", D(2026, 11, 1), D(2026, 11, 3)), False),  # the same streak
        (decision("p.cpa", D(2026, 11, 1), D(2026, 11, 2)), False),  # the streak grew after it
        (decision("p.cpa", D(2026, 11, 5), D(2026, 11, 7)), False),  # overlaps at the end
        (decision("p.cpa", D(2026, 10, 20), D(2026, 11, 1)), False),  # touches the first day
        (decision("p.cpa", D(2026, 10, 20), D(2026, 10, 31)), True),  # an earlier streak
        (decision("p.cpa", D(2026, 11, 8), D(2026, 11, 9)), True),  # a later streak
        (decision("p.cpl", D(2026, 11, 1), D(2026, 11, 7)), True),  # another KPI
    ],
)
def test_open_alerts(decided: AlertDecision, is_open: bool) -> None:
    streak = alert("p.cpa", D(2026, 11, 1), D(2026, 11, 7))
    assert open_alerts([streak], [decided]) == ([streak] if is_open else [])


TWO = [
    alert("p.cpa", D(2026, 11, 1), D(2026, 11, 3)),
    alert("p.cpa", D(2026, 11, 9), D(2026, 11, 12)),
]


def test_open_alerts_without_decisions() -> None:
    alerts = TWO
    assert open_alerts(alerts, []) == alerts
    one_decision = iter([decision("p.cpa", D(2026, 11, 10), D(2026, 11, 10))])
    assert open_alerts(alerts, one_decision) == alerts[:1]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 10, 31), []),
        (D(2026, 11, 1), [0]),
        (D(2026, 11, 3), [0]),
        (D(2026, 11, 4), []),
        (D(2026, 11, 10), [1]),
    ],
)
def test_alerts_touching(day: date, expected: list[int]) -> None:
    alerts = TWO
    assert alerts_touching(alerts, day) == [alerts[i] for i in expected]
