"""Analytics and CRM exports read to hand-computed per-day totals: Metrica, GA4, amoCRM, Bitrix24.

CRM deals are booked on the closing day of won deals, in the user's time zone: a deal closed at
23:30 UTC is a Moscow sale of the next day.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mkhats.errors import InputError
from mkhats.imports import load_profiles, read, recognise
from tests.unit.imports_files import csv_text, html_table, xlsx

D2, D3 = date(2026, 11, 2), date(2026, 11, 3)
PROFILES = load_profiles(None)


def _read(data: bytes, expected_profile: str, tz: str = "Europe/Moscow"):
    match = recognise(data, PROFILES.values())
    assert match is not None and match.profile.name == expected_profile
    return read(data, match.profile, tz)


# -- Yandex Metrica -------------------------------------------------------------------------------

METRICA = [
    [
        "Дата визита",
        "Визиты",
        "Посетители",
        "Отказы",
        "Время на сайте",
        "Достижения цели (Заявка)",
        "Достижения цели (Звонок)",
    ],
    ["Итого и средние", "300", "250", "0.2393", "0:01:23", "7", "3"],
    ["2026-11-03", "100", "90", "0.2", "0:01:10", "2", "1"],
    ["2026-11-02", "200", "170", "0.25", "0:01:30", "5", "2"],
]


def test_metrica_csv_with_bom_and_totals_on_the_second_line() -> None:
    result = _read(("\ufeff" + csv_text(METRICA)).encode(), "yandex-metrica")
    assert result.days("content.traffic") == {D2: 200.0, D3: 100.0}
    assert result.days("content.leads") == {D2: 7.0, D3: 3.0}  # both goals added
    assert result.skipped == [(2, "imports.skip.total", {"label": "Итого и средние"})]


def test_metrica_xlsx() -> None:
    rows: list[list[object]] = [METRICA[0], ["Итого и средние", 300, 250, 0.2393, "0:01:23", 7, 3]]
    rows += [["2026-11-03", 100, 90, 0.2, "0:01:10", 2, 1], [D2, 200, 170, 0.25, "0:01:30", 5, 2]]
    result = _read(xlsx(rows), "yandex-metrica")
    assert result.days("content.traffic") == {D2: 200.0, D3: 100.0}
    assert result.days("content.leads") == {D2: 7.0, D3: 3.0}


def test_metrica_chart_download_sums_time_buckets_per_day() -> None:
    rows = [
        ["Период", "Визиты"],
        ["2026-11-02 23:50:00", "4"],
        ["2026-11-03 00:00:00", "6"],
        ["2026-11-03 00:10:00", "1"],
    ]
    result = _read(csv_text(rows).encode(), "yandex-metrica")
    assert result.days("content.traffic") == {D2: 4.0, D3: 7.0}
    assert ("imports.note.kpi_missing", {"kpi": "content.leads", "column": "Достижения цели (*)"}) in result.notes


def test_metrica_by_source_without_a_day_is_refused() -> None:
    data = csv_text([["UTM Source", "Визиты"], ["Итого и средние", "300"], ["yandex", "300"]]).encode()
    with pytest.raises(InputError) as caught:
        _read(data, "yandex-metrica")
    assert caught.value.key == "imports.no_day"


# -- GA4 --------------------------------------------------------------------------------------------

GA4 = """# ----------------------------------------
# Traffic acquisition: Session primary channel group (Default Channel Group)
# Account: Shop
# Property: shop.example
# ----------------------------------------
#
# All Users
# Start date: 20261102
# End date: 20261103
Date,Session primary channel group (Default Channel Group),Sessions,Engaged sessions,Engagement rate,Key events
20261102,Organic Search,120,80,0.6666666667,3
20261102,Paid Search,60,40,0.6666666667,2.5
20261103,Organic Search,90,70,0.7777777778,1
,,270,190,0.7037037037,6.5
"""


def test_ga4_csv_with_comment_block_and_compact_dates() -> None:
    result = _read(GA4.encode(), "ga4")
    assert result.days("content.traffic") == {D2: 180.0, D3: 90.0}
    assert result.days("content.leads") == {D2: 5.5, D3: 1.0}
    assert result.skipped == [(14, "imports.skip.no_day", {"column": "Date"})]
    assert result.layout.header_line == 10


def test_ga4_snapshot_stops_at_the_next_table() -> None:
    text = GA4 + "\n# ----------------------------------------\n# Users by country\nCountry,Users\nRussia,500\n"
    result = _read(text.encode(), "ga4")
    assert result.days("content.traffic") == {D2: 180.0, D3: 90.0}
    assert result.bad == [] and result.notes[-1][0] == "imports.note.stopped"


# -- amoCRM / Kommo ---------------------------------------------------------------------------------

AMO = [
    [
        "ID",
        "Название сделки",
        "Бюджет ",
        "Ответственный",
        "Дата создания сделки",
        "Дата закрытия",
        "Теги",
        "Этап сделки",
        "utm_source",
        "utm_medium",
    ],
    [
        "1",
        "Заказ 1",
        "15000",
        "Анна",
        "01.11.2026 10:00:00",
        "02.11.2026 12:00:00",
        "",
        "Успешно реализовано",
        "yandex",
        "cpc",
    ],
    [
        "2",
        "Заказ 2",
        "8000",
        "Анна",
        "01.11.2026 11:00:00",
        "02.11.2026 23:30:00",
        "повторная",
        "Успешно реализовано",
        "",
        "email",
    ],
    ["3", "Заказ 3", "5000", "Анна", "01.11.2026 12:00:00", "", "", "Переговоры", "", ""],
    [
        "4",
        "Заказ 4",
        "7000",
        "Анна",
        "01.11.2026 12:00:00",
        "03.11.2026 09:00:00",
        "",
        "Закрыто и не реализовано",
        "google",
        "cpc",
    ],
    [
        "5",
        "Заказ 5",
        "12000",
        "Анна",
        "02.11.2026 12:00:00",
        "03.11.2026 00:10:00",
        "",
        "Успешно реализовано",
        "vk",
        "cpm",
    ],
]
AMO_TOTALS = {
    "cmo.revenue": {D2: 23000.0, D3: 12000.0},
    "cmo.new_customers": {D2: 1.0, D3: 1.0},
    "crm.repeat_sales": {D2: 1.0},
    "performance.sales": {D2: 1.0, D3: 1.0},
    "performance.revenue": {D2: 15000.0, D3: 12000.0},
    "crm.revenue": {D2: 8000.0},
}


def _all_days(result) -> dict[str, dict[date, float]]:
    return {m.kpi: result.days(m.kpi) for m in result.mapping if result.days(m.kpi)}


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8", ","), ("cp1251", ";")])
def test_amocrm_csv_books_won_deals_on_their_closing_day(encoding: str, delimiter: str) -> None:
    result = _read(csv_text(AMO, delimiter).encode(encoding), "amocrm")
    assert _all_days(result) == AMO_TOTALS
    assert result.filtered == 2 and result.rows == 3 and result.skipped == [] and result.bad == []


def test_amocrm_xlsx_with_datetime_cells() -> None:
    rows: list[list[object]] = [AMO[0]]
    for row in AMO[1:]:
        closed = datetime.strptime(row[5], "%d.%m.%Y %H:%M:%S") if row[5] else None
        rows.append([int(row[0]), row[1], int(row[2]), row[3], row[4], closed, *row[6:]])
    result = _read(xlsx(rows), "amocrm")
    assert _all_days(result) == AMO_TOTALS


def test_amocrm_times_in_utc_land_on_the_moscow_day() -> None:
    profile = PROFILES["amocrm"]
    utc = profile.model_copy(update={"date": profile.date.model_copy(update={"timezone": "UTC"})})
    result = read(csv_text(AMO).encode(), utc, "Europe/Moscow")
    # 02.11 23:30 UTC is 03.11 02:30 in Moscow; 03.11 00:10 UTC stays on the 3rd.
    assert result.days("cmo.revenue") == {D2: 15000.0, D3: 20000.0}
    assert result.days("crm.revenue") == {D3: 8000.0}
    # The same file read in New York: 02.11 12:00 UTC is still the 2nd, 03.11 00:10 UTC is the 2nd.
    result = read(csv_text(AMO).encode(), utc, "America/New_York")
    assert result.days("cmo.revenue") == {D2: 35000.0}


def test_amocrm_without_utm_columns_books_no_paid_sales_and_says_so() -> None:
    rows = [row[:8] for row in AMO]
    result = _read(csv_text(rows).encode(), "amocrm")
    assert result.days("cmo.revenue") == {D2: 23000.0, D3: 12000.0}
    assert result.days("performance.sales") == {}
    # Paid and email sales cannot be told apart without it: those KPIs are neither read nor
    # replaced (a re-import keeps what an earlier, complete export brought).
    assert ("imports.note.kpi_missing", {"kpi": "performance.sales", "column": "utm_medium"}) in result.notes
    assert [m.kpi for m in result.mapping] == ["cmo.revenue", "cmo.new_customers", "crm.repeat_sales"]


def test_a_won_deal_without_a_closing_day_is_skipped_and_listed() -> None:
    rows = AMO + [["6", "Заказ 6", "100", "Анна", "02.11.2026 12:00:00", "", "", "Успешно реализовано", "", ""]]
    result = _read(csv_text(rows).encode(), "amocrm")
    assert result.skipped == [(7, "imports.skip.no_day", {"column": "Дата закрытия"})]


# -- Bitrix24 ---------------------------------------------------------------------------------------

BITRIX = [
    [
        "ID",
        "Название сделки",
        "Стадия сделки",
        "Сумма",
        "Валюта",
        "Предполагаемая дата закрытия",
        "Тип трафика",
        "Повторная сделка",
    ],
    ["1", "A", "Сделка успешна", "10 000,00", "Российский рубль", "02.11.2026", "cpc", "Нет"],
    ["2", "B", "Сделка успешна", "5000", "Российский рубль", "02.11.2026", "email", "Да"],
    ["3", "C", "В работе", "7000", "Российский рубль", "03.11.2026", "cpc", "Нет"],
    ["4", "D & Co", "Сделка успешна", "2 500,50", "Российский рубль", "03.11.2026", "", "Нет"],
]
BITRIX_TOTALS = {
    "cmo.revenue": {D2: 15000.0, D3: 2500.5},
    "cmo.new_customers": {D2: 1.0, D3: 1.0},
    "crm.repeat_sales": {D2: 1.0},
    "performance.sales": {D2: 1.0},
    "performance.revenue": {D2: 10000.0},
    "crm.revenue": {D2: 5000.0},
}


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1251"])
def test_bitrix24_excel_export_is_an_html_table(encoding: str) -> None:
    result = _read(html_table(BITRIX, encoding), "bitrix24")
    assert result.layout.kind == "html"
    assert _all_days(result) == BITRIX_TOTALS
    assert result.currency == "RUB" and result.filtered == 1


def test_bitrix24_csv_and_xlsx() -> None:
    for data in (csv_text(BITRIX, ";").encode("cp1251"), xlsx([list(r) for r in BITRIX])):
        result = _read(data, "bitrix24")
        assert _all_days(result) == BITRIX_TOTALS


def test_bitrix24_deals_in_dollars_and_mixed_currencies() -> None:
    rows = [BITRIX[0]] + [[*r[:4], "Доллар США", *r[5:]] for r in BITRIX[1:]]
    assert _read(html_table(rows), "bitrix24").currency == "USD"
    rows[2][4] = "EUR"
    result = _read(html_table(rows), "bitrix24")
    assert result.bad == [(3, "imports.row.currency", {"found": "EUR", "expected": "USD"})]


def test_the_days_a_file_covers_run_between_the_deals_it_takes() -> None:
    """Re-importing replaces the days a file speaks for: a day of lost deals between two won ones
    is one of them (a deal won, then lost, leaves it); a lost deal before the first won one does not
    stretch them back (an old lost deal in a November export must not empty October)."""
    won, lost = "Сделка успешна", "Сделка провалена"
    row = lambda n, stage, day: [n, "A", stage, "1000", "Российский рубль", day, "cpc", "Нет"]  # noqa: E731
    rows = [BITRIX[0], row("1", lost, "01.10.2026"), row("2", won, "02.11.2026"), row("3", lost, "03.11.2026")]
    rows.append(row("4", won, "05.11.2026"))
    match = recognise(html_table(rows), PROFILES)  # the dict load_profiles gives works too
    assert match is not None
    result = read(html_table(rows), match.profile, "Europe/Moscow")
    assert result.days("cmo.revenue") == {D2: 1000.0, date(2026, 11, 5): 1000.0}
    assert result.covered == (D2, date(2026, 11, 5))
