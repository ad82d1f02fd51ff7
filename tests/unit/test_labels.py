"""Numbers, money, conditions and dates in the user's language (SPEC §2 Currency)."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.domain.models import Hat, Kpi, StopRule
from mkhats.i18n import set_language
from mkhats.present.labels import (
    condition_text,
    currency_sign,
    format_amount,
    format_exact,
    format_number,
    format_span,
    format_unit,
    format_value,
    format_with_unit,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
)

NB = "\u00a0"


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (1234.5, 1, "en", "1,234.5"),
        (1234.5, 1, "ru", f"1{NB}234,5"),
        (1234567, 0, "en", "1,234,567"),
        (1234567, 0, "ru", f"1{NB}234{NB}567"),
        (12, 0, "en", "12"),
        (0.5, 2, "ru", "0,50"),
        (-1234.5, 1, "en", "\u22121,234.5"),  # a real minus sign
        (-1234.5, 1, "ru", f"\u22121{NB}234,5"),
        (999.96, 1, "en", "1,000.0"),
    ],
)
def test_format_number(value: float, decimals: int, lang: str, text: str) -> None:
    assert format_number(value, decimals, lang) == text


def test_format_number_defaults_to_current_language() -> None:
    set_language("ru")
    assert format_number(1234.5, 1) == f"1{NB}234,5"
    set_language("en")
    assert format_number(1234.5, 1) == "1,234.5"


MONEY = Kpi(key="performance.cpl", unit="money", direction="down")
PERCENT = Kpi(key="performance.roas", unit="percent")
COUNT = Kpi(key="performance.leads", unit="count")
RATIO = Kpi(key="cmo.ltv_cac", unit="ratio")
HOURS = Kpi(key="pm.hours", unit="hours")
DAYS = Kpi(key="pm.cycle_days", unit="days", aggregate="mean")


@pytest.mark.parametrize(
    ("kpi", "value", "currency", "lang", "text"),
    [
        (MONEY, 1297, None, "en", "$1,297"),
        (MONEY, 1297, None, "ru", f"1{NB}297{NB}₽"),
        (MONEY, 1297.4, None, "en", "$1,297"),  # money of 100 and more: whole units
        (MONEY, 12.5, None, "en", "$12.50"),  # below 100: cents
        (MONEY, 12.5, None, "ru", f"12,50{NB}₽"),
        (MONEY, 1297, "€", "en", f"1,297{NB}€"),
        (MONEY, 1297, "$", "ru", f"1{NB}297{NB}$"),
        (MONEY, 1297, "₽", "en", f"1,297{NB}₽"),
        (PERCENT, 12.5, None, "en", f"12.5{NB}%"),
        (PERCENT, 12.5, None, "ru", f"12,5{NB}%"),
        (PERCENT, 200, None, "en", f"200.0{NB}%"),
        (COUNT, 1234, None, "en", "1,234"),
        (COUNT, 2.5, None, "en", "2.5"),
        (RATIO, 2.5, None, "en", f"2.50{NB}×"),
        (HOURS, 7.5, None, "en", f"7.5{NB}h"),
        (DAYS, 2, None, "en", f"2{NB}days"),
        (MONEY, None, None, "en", "—"),
        (PERCENT, None, None, "ru", "—"),
    ],
)
def test_format_with_unit(kpi: Kpi, value: float | None, currency: str | None, lang: str, text: str) -> None:
    assert format_with_unit(kpi, value, currency, lang) == text


def test_unit_suffix_in_russian_as_current_language() -> None:
    set_language("ru")
    assert format_with_unit(HOURS, 7.5, None) == f"7,5{NB}ч"
    assert format_with_unit(DAYS, 2, None) == f"2{NB}дн."


def test_unit_suffix_follows_the_lang_argument() -> None:
    set_language("en")
    assert format_with_unit(HOURS, 7.5, None, "ru") == f"7,5{NB}ч"
    set_language("ru")
    assert format_with_unit(HOURS, 7.5, None, "en") == f"7.5{NB}h"


def test_format_with_unit_money_follows_current_language() -> None:
    set_language("ru")
    assert format_with_unit(MONEY, 1297, None) == f"1{NB}297{NB}₽"
    set_language("en")
    assert format_with_unit(MONEY, 1297, None) == "$1,297"


@pytest.mark.parametrize(
    ("unit", "value", "text"),
    [
        ("money", 412300, "412,300"),
        ("money", 0, "0.00"),
        ("percent", 12.54, "12.5"),
        ("count", 3, "3"),
        ("ratio", 3, "3.00"),
        ("count", None, "—"),
    ],
)
def test_format_amount_for_tables(unit: str, value: float | None, text: str) -> None:
    assert format_amount(unit, value, "en") == text
    assert format_value(Kpi(key="cmo.x", unit=unit), value, "en") == text


def test_format_unit_matches_format_with_unit() -> None:
    assert format_unit("money", 1297, None, "en") == "$1,297"
    assert format_unit("percent", None, None, "en") == "—"


@pytest.mark.parametrize(
    ("currency", "lang", "sign"),
    [(None, "en", "$"), (None, "ru", "₽"), ("€", "ru", "€"), ("", "en", "$")],
)
def test_currency_sign(currency: str | None, lang: str, sign: str) -> None:
    assert currency_sign(currency, lang) == sign


@pytest.mark.parametrize(
    ("rule", "en", "ru"),
    [
        # Russian groups thousands and writes a decimal comma, every decimal kept (forms read the
        # text back); English keeps the canonical 1500, which reads the same.
        (StopRule(op=">", threshold=1500, days=3), "> 1500 for 3 days", "> 1\u00a0500 3 дня подряд"),
        (StopRule(op=">", threshold=1500, days=1), "> 1500", "> 1\u00a0500"),
        (StopRule(op=">=", threshold=2.5, days=2), ">= 2.5 for 2 days", ">= 2,5 2 дня подряд"),
        (StopRule(op="<", threshold=10, days=5), "< 10 for 5 days", "< 10 5 дней подряд"),
        (StopRule(op="<=", threshold=10, days=21), "<= 10 for 21 days", "<= 10 21 день подряд"),
        (StopRule(op=">", threshold=10, days=11), "> 10 for 11 days", "> 10 11 дней подряд"),
        (StopRule(op=">", threshold=None, days=3), "> ? for 3 days", "> ? 3 дня подряд"),
        (StopRule(op=">", threshold=None), "> ?", "> ?"),
        (StopRule(op=">", threshold=0.12345), "> 0.12345", "> 0,12345"),  # was cut to 0,1235
        (StopRule(op=">", threshold=1e-05), "> 1e-05", "> 1e-05"),  # raised IndexError in Russian
    ],
)
def test_condition_text(rule: StopRule, en: str, ru: str) -> None:
    set_language("en")
    assert condition_text(rule) == en
    set_language("ru")
    assert condition_text(rule) == ru


@pytest.mark.parametrize(
    ("first", "last", "en", "ru"),
    [
        (date(2026, 11, 23), date(2026, 11, 23), "23 Nov 2026", "23 нояб. 2026"),
        (date(2026, 11, 23), date(2026, 11, 29), "23–29 Nov 2026", "23–29 нояб. 2026"),
        (date(2026, 11, 30), date(2026, 12, 6), "30 Nov – 6 Dec 2026", "30 нояб. – 6 дек. 2026"),
        (date(2026, 12, 28), date(2027, 1, 3), "28 Dec 2026 – 3 Jan 2027", "28 дек. 2026 – 3 янв. 2027"),
    ],
)
def test_format_span(first: date, last: date, en: str, ru: str) -> None:
    assert format_span(first, last, "en") == en
    assert format_span(first, last, "ru") == ru


def test_names() -> None:
    hats = {"performance": Hat(key="performance", channel=True), "cmo": Hat(key="cmo", channel=False, name="Boss")}
    assert hat_name("performance") == "Performance"
    assert hat_name(hats["cmo"]) == "Boss"
    assert hat_name("nosuchhat") == "nosuchhat"
    assert pair_name(("performance", "cmo"), hats) == "Performance × Boss"
    assert person_name(None) == "—"
    assert person_name("Anna") == "Anna"
    assert kpi_title(Kpi(key="cmo.some_thing")) == "Some thing"
    assert kpi_title(Kpi(key="cmo.x", title="Mine")) == "Mine"
    set_language("ru")
    assert hat_name("performance") != "Performance"
    assert person_name("Me") != "Me"


@pytest.mark.parametrize(
    ("value", "en", "ru"),
    [
        (3000.0, "3,000", "3\u00a0000"),
        (3.0, "3", "3"),
        (1234.5, "1,234.5", "1\u00a0234,5"),
        (1234.567, "1,234.567", "1\u00a0234,567"),
        (-1234.5, "\u22121,234.5", "\u22121\u00a0234,5"),
        (0.30000000000000004, "0.30000000000000004", "0,30000000000000004"),
        (-1.5e-07, "\u22121.5e-07", "\u22121,5e-07"),
        (1e16, "1e+16", "1e+16"),
    ],
)
def test_format_exact_keeps_every_decimal(value: float, en: str, ru: str) -> None:
    """What the user typed is echoed this way: they see how it was read (SPEC §4)."""
    assert (format_exact(value, "en"), format_exact(value, "ru")) == (en, ru)
