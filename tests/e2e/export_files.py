"""Export files for the end-to-end import tests, as each tool writes them (../shared/IMPORTS.md).

The rows are those of the unit tests (tests/unit/test_imports_*.py), built here into bytes: a
Direct API TSV with its title and ``Total rows`` line, the «Мастер отчётов» CSV and XLSX with a
preamble and ``Итого``, Google's CSV and UTF-16 tab "Excel CSV" with ``Total:`` rows, Meta's CSV
and XLSX with a summary row, VK, Metrica (``Итого и средние`` on line 2), GA4 (``#`` block, a total
row with no day), amoCRM and Bitrix24 deals (CSV, XLSX, an HTML table saved as ``.xls``). Every
file covers 2 and 3 November 2026 (week 2026-W45).
"""

from __future__ import annotations

import codecs
from datetime import date, datetime

from tests.unit.imports_files import csv_text, html_table, xlsx

D2, D3 = date(2026, 11, 2), date(2026, 11, 3)

# -- Yandex Direct ---------------------------------------------------------------------------------

DIRECT_API = (
    '"Campaign stats (2026-11-02 - 2026-11-03)"\n'
    "Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\tConversions\n"
    "2026-11-02\t111\tBrand, Moscow\t1000\t50\t1500000000\t3\n"
    "2026-11-02\t222\tGeneric\t500\t10\t250500000\t--\n"
    "2026-11-03\t111\tBrand, Moscow\t800\t40\t990000\t1\n"
    "Total rows: 3\n"
)

DIRECT_API_LONGER = (
    '"Campaign stats (2026-11-02 - 2026-11-05)"\n'
    "Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\tConversions\n"
    # 2 November restated: spend 1,600 + 250.50 (was 1,500 + 250.50), leads still 3.
    "2026-11-02\t111\tBrand, Moscow\t1000\t50\t1600000000\t3\n"
    "2026-11-02\t222\tGeneric\t500\t10\t250500000\t--\n"
    # 3 November is gone from the account's statistics.
    "2026-11-04\t111\tBrand, Moscow\t700\t30\t800000000\t2\n"
    "2026-11-05\t111\tBrand, Moscow\t900\t45\t1200250000\t--\n"
    "Total rows: 4\n"
)

_WIZARD_PREAMBLE = [["Статистика по кампаниям"], ["Период: 02.11.2026 - 03.11.2026"], ["Логин: shop-login"]]
_WIZARD_PREAMBLE.append(["Валюта: RUB, с НДС"])
_WIZARD_HEADER = ["Дата", "Кампания", "№ Кампании", "Показы", "Клики", "CTR (%)", "Расход (руб.)", "Конверсии"]
WIZARD = [
    *_WIZARD_PREAMBLE,
    _WIZARD_HEADER,
    ["02.11.2026", "Бренд", "111", "1 000", "50", "5,00", "1 500,00", "3"],
    ["02.11.2026", "Общая", "222", "500", "10", "2,00", "250,50", "-"],
    ["03.11.2026", "Бренд", "111", "800", "40", "5,00", "0,99", "1"],
    ["Итого", "", "", "2 300", "100", "4,35", "1 751,49", "4"],
]


def direct_wizard_csv() -> bytes:
    """The wizard's CSV: ``;``, UTF-8 with a BOM, decimal comma, space-grouped thousands."""
    return ("\ufeff" + csv_text(WIZARD, ";")).encode()


def direct_wizard_xlsx() -> bytes:
    """The wizard's XLSX: date and number cells, the same preamble and ``Итого`` row."""
    rows: list[list[object]] = [list(r) for r in WIZARD[:5]]
    rows += [[D2, "Бренд", 111, 1000, 50, 5.0, 1500.0, 3], [D2, "Общая", 222, 500, 10, 2.0, 250.5, "-"]]
    rows += [[D3, "Бренд", 111, 800, 40, 5.0, 0.99, 1], ["Итого", None, None, 2300, 100, 4.35, 1751.49, 4]]
    return xlsx(rows)


def direct_wizard_without_day() -> bytes:
    """A wizard report not grouped by day: one row per campaign for the whole period."""
    rows = [
        WIZARD[0],
        ["Кампания", "Показы", "Клики", "Расход (руб.)", "Конверсии"],
        ["Бренд", "1 800", "90", "1 500,99", "4"],
    ]
    return csv_text(rows, ";").encode()


# -- Google Ads ------------------------------------------------------------------------------------

_GOOGLE_HEADER = ["Campaign status", "Campaign", "Campaign type", "Day", "Currency code", "Impr.", "Clicks", "CTR"]
_GOOGLE_HEADER += ["Cost", "Conversions"]


def _google(currency: str) -> list[list[str]]:
    c = currency
    return [
        ["Campaign report"],
        ["November 2, 2026 - November 3, 2026"],
        _GOOGLE_HEADER,
        ["Enabled", "Brand", "Search", "2026-11-03", c, "50", "4", "8.00%", "12.00", "1.00"],
        ["Enabled", "Brand", "Search", "2026-11-02", c, "1,657", "40", "2.41%", "2,620.68", "3.00"],
        ["Enabled", "--", "Search", "2026-11-02", c, "100", "4", "4.00%", "10.50", "--"],
        ["Total: Search", "", "", "", c, "1,807", "48", "2.66%", "2,643.18", "4.00"],
        ["Total: Account", "", "", "", c, "1,807", "48", "2.66%", "2,643.18", "4.00"],
    ]


def google_csv() -> bytes:
    """Google's ".csv": UTF-8, ``,``, title and date-range lines, ``Total:`` rows, in USD."""
    return csv_text(_google("USD")).encode()


def google_excel_csv() -> bytes:
    """Google's "Excel .csv": UTF-16 LE with a BOM, tab-separated; this account is in roubles."""
    text = "\r\n".join("\t".join(row) for row in _google("RUB")) + "\r\n"
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


# -- Meta Ads Manager ------------------------------------------------------------------------------

_META_HEADER = ["Campaign name", "Reporting starts", "Reporting ends", "Campaign delivery", "Result indicator"]
_META_HEADER += ["Results", "Cost per result", "Amount spent (USD)", "Impressions"]
_LEAD = "actions:offsite_conversion.fb_pixel_lead"
META = [
    _META_HEADER,
    ["", "2026-11-02", "2026-11-03", "", "", "", "", "120.75", "9000"],
    ["Leads Nov", "2026-11-02", "2026-11-02", "active", _LEAD, "4", "10.5", "42.00", "3000"],
    ["Traffic", "2026-11-02", "2026-11-02", "active", "link_click", "150", "0.1016666666", "15.25", "2500"],
    ["Leads Nov", "2026-11-03", "2026-11-03", "active", _LEAD, "2", "20.25", "40.50", "2000"],
    ["Traffic", "2026-11-03", "2026-11-03", "active", "link_click", "120", "0.19", "23.00", "1500"],
]


def meta_csv() -> bytes:
    """Meta's CSV: UTF-8 with a BOM, header on line 1, a summary row, spend in USD."""
    return ("\ufeff" + csv_text(META)).encode()


def meta_xlsx_russian() -> bytes:
    """Meta's XLSX from the Russian interface, an account in roubles (numbers as number cells)."""
    header = ["Название кампании", "Начало отчетности", "Конец отчетности", "Индикатор результатов"]
    header += ["Результаты", "Сумма затрат (RUB)", "Показы"]
    rows: list[list[object]] = [header, ["", "2026-11-02", "2026-11-03", None, None, 9870.5, 9000]]
    rows += [["Лиды", "2026-11-02", "2026-11-02", _LEAD, 5, 3200.0, 3000]]
    rows += [["Трафик", "2026-11-02", "2026-11-02", "link_click", 140, 1450.25, 2500]]
    rows += [["Лиды", "2026-11-03", "2026-11-03", _LEAD, 3, 4100.0, 2000]]
    rows += [["Трафик", "2026-11-03", "2026-11-03", "link_click", 90, 1120.25, 1500]]
    return xlsx(rows)


# -- VK Ads ----------------------------------------------------------------------------------------

VK = [
    ["Дата", "Кампания", "Показы", "Клики", "Потрачено (₽)", "Результат"],
    ["2026-11-02", "Осень", "1000", "20", "500,50", "2"],
    ["2026-11-02", "Ретаргет", "300", "5", "99,50", "0"],
    ["2026-11-03", "Осень", "900", "18", "450", "1"],
    ["Итого", "", "2200", "43", "1050,00", "3"],
]


def vk_csv() -> bytes:
    """VK Ads statistics: ``;``, decimal comma, spend in roubles, an ``Итого`` row."""
    return csv_text(VK, ";").encode()


# -- Yandex Metrica, GA4 ---------------------------------------------------------------------------

_METRICA_HEADER = ["Дата визита", "Визиты", "Посетители", "Отказы", "Время на сайте"]
_METRICA_HEADER += ["Достижения цели (Заявка)", "Достижения цели (Звонок)"]
METRICA = [
    _METRICA_HEADER,
    ["Итого и средние", "300", "250", "0.2393", "0:01:23", "7", "3"],
    ["2026-11-03", "100", "90", "0.2", "0:01:10", "2", "1"],
    ["2026-11-02", "200", "170", "0.25", "0:01:30", "5", "2"],
]


def metrica_csv() -> bytes:
    """Metrica's CSV: UTF-8 with a BOM, ``Итого и средние`` right under the header."""
    return ("\ufeff" + csv_text(METRICA)).encode()


def metrica_xlsx() -> bytes:
    """Metrica's XLSX: number cells; one day as text, one as a date cell."""
    rows: list[list[object]] = [_METRICA_HEADER, ["Итого и средние", 300, 250, 0.2393, "0:01:23", 7, 3]]
    rows += [["2026-11-03", 100, 90, 0.2, "0:01:10", 2, 1], [D2, 200, 170, 0.25, "0:01:30", 5, 2]]
    return xlsx(rows)


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


def ga4_csv() -> bytes:
    return GA4.encode()


# -- amoCRM, Bitrix24 ------------------------------------------------------------------------------

_AMO_HEADER = ["ID", "Название сделки", "Бюджет ", "Ответственный", "Дата создания сделки", "Дата закрытия"]
_AMO_HEADER += ["Теги", "Этап сделки", "utm_source", "utm_medium"]
_WON, _LOST = "Успешно реализовано", "Закрыто и не реализовано"
AMO = [
    _AMO_HEADER,
    ["1", "Заказ 1", "15000", "Анна", "01.11.2026 10:00:00", "02.11.2026 12:00:00", "", _WON, "yandex", "cpc"],
    ["2", "Заказ 2", "8000", "Анна", "01.11.2026 11:00:00", "02.11.2026 23:30:00", "повторная", _WON, "", "email"],
    ["3", "Заказ 3", "5000", "Анна", "01.11.2026 12:00:00", "", "", "Переговоры", "", ""],
    ["4", "Заказ 4", "7000", "Анна", "01.11.2026 12:00:00", "03.11.2026 09:00:00", "", _LOST, "google", "cpc"],
    ["5", "Заказ 5", "12000", "Анна", "02.11.2026 12:00:00", "03.11.2026 00:10:00", "", _WON, "vk", "cpm"],
]


def amo_csv() -> bytes:
    """amoCRM's CSV: UTF-8, ``,``, every value quoted as its export writes them."""
    return "".join(",".join(f'"{c}"' for c in row) + "\r\n" for row in AMO).encode()


def amo_xlsx() -> bytes:
    """amoCRM's Excel export: numbers as numbers, closing times as date-time cells."""
    rows: list[list[object]] = [_AMO_HEADER]
    for row in AMO[1:]:
        closed = datetime.strptime(row[5], "%d.%m.%Y %H:%M:%S") if row[5] else None
        rows.append([int(row[0]), row[1], int(row[2]), row[3], row[4], closed, *row[6:]])
    return xlsx(rows)


_BITRIX_HEADER = ["ID", "Название сделки", "Стадия сделки", "Сумма", "Валюта", "Предполагаемая дата закрытия"]
_BITRIX_HEADER += ["Тип трафика", "Повторная сделка"]
_RUB = "Российский рубль"
BITRIX = [
    _BITRIX_HEADER,
    ["1", "A", "Сделка успешна", "10 000,00", _RUB, "02.11.2026", "cpc", "Нет"],
    ["2", "B", "Сделка успешна", "5000", _RUB, "02.11.2026", "email", "Да"],
    ["3", "C", "В работе", "7000", _RUB, "03.11.2026", "cpc", "Нет"],
    ["4", "D & Co", "Сделка успешна", "2 500,50", _RUB, "03.11.2026", "", "Нет"],
]


def bitrix_html() -> bytes:
    """Bitrix24's "Excel" export: an HTML table in Windows-1251, saved with an ``.xls`` name."""
    return html_table(BITRIX, "windows-1251")


def bitrix_csv() -> bytes:
    """Bitrix24's CSV as the boxed version writes it (assumed): Windows-1251, ``;``."""
    return csv_text(BITRIX, ";").encode("cp1251")


def bitrix_xlsx() -> bytes:
    return xlsx([list(r) for r in BITRIX])


# -- the worked example of docs/profiles.md --------------------------------------------------------

OFFLINE_SALES_CSV = """Дата,Клиент,Статус,Выручка
02.11.2026,новый,Оплачен,"12 500,00"
02.11.2026,постоянный,Оплачен,4000
03.11.2026,новый,Отменён,9000
03.11.2026,новый,Оплачен,"7 250,50"
Итого,,,"32 750,50"
"""

OFFLINE_SALES_TOML = """name = "offline-sales"
title = "Offline sales (our Google Sheet)"

[header]
required = [["Клиент"], ["Выручка"]]   # what tells this sheet from other exports

[date]
column = ["Дата"]
formats = ["%d.%m.%Y"]

[[where]]                                # only paid orders count
column = ["Статус"]
in = ["Оплачен"]

[[kpi]]
key = "cmo.revenue"
column = ["Выручка"]
money = true

[[kpi]]
key = "cmo.new_customers"
aggregate = "count"
[[kpi.where]]
column = ["Клиент"]
in = ["новый"]
"""
