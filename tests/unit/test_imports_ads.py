"""Ad-account exports read to hand-computed per-day totals: Direct (API, wizard), Google, Meta, VK.

Every file is built here as IMPORTS.md describes the tool's download (preambles, totals rows,
encodings, number formats); each test recognises it by content first, as ``mkhats import`` will.
"""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from mkhats.errors import InputError
from mkhats.imports import load_profiles, read, recognise
from tests.unit.imports_files import csv_text, xlsx

D2, D3 = date(2026, 11, 2), date(2026, 11, 3)
PROFILES = load_profiles(None)


def _read(data: bytes, expected_profile: str, tz: str = "Europe/Moscow"):
    match = recognise(data, PROFILES.values())
    assert match is not None and match.profile.name == expected_profile
    return read(data, match.profile, tz)


# -- Yandex Direct, Reports API -------------------------------------------------------------------

DIRECT_API = (
    '"Campaign stats (2026-11-02 - 2026-11-03)"\n'
    "Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\tConversions\n"
    "2026-11-02\t111\tBrand, Moscow\t1000\t50\t1500000000\t3\n"
    "2026-11-02\t222\tGeneric\t500\t10\t250500000\t--\n"
    "2026-11-03\t111\tBrand, Moscow\t800\t40\t990000\t1\n"
    "Total rows: 3\n"
)


def test_direct_api_tsv_in_micros_with_title_and_row_count() -> None:
    result = _read(DIRECT_API.encode(), "yandex-direct-api")
    assert result.source == "yandex-direct"
    assert result.days("performance.spend") == {D2: 1750.5, D3: 0.99}
    assert result.days("performance.leads") == {D2: 3.0, D3: 1.0}
    assert result.skipped == [(6, "imports.skip.total", {"label": "Total rows: 3"})]
    assert result.bad == [] and result.currency is None
    assert ("imports.note.micros", {}) in result.notes
    assert result.layout.delimiter == "\t" and result.layout.header_line == 2


def test_direct_api_saved_by_a_script_without_title_summary_or_micros() -> None:
    lines = DIRECT_API.splitlines()[1:-1]
    text = "\n".join(lines).replace("1500000000", "1500.00").replace("250500000", "250.50").replace("990000", "0.99")
    result = _read(("\ufeff" + text).encode(), "yandex-direct-api")
    assert result.days("performance.spend") == {D2: 1750.5, D3: 0.99}
    assert result.skipped == [] and ("imports.note.micros", {}) not in result.notes


def test_direct_api_goal_columns_are_added() -> None:
    text = (
        "Date\tCampaignName\tCost\tConversions_87654321_LSC\tConversions_12345_LSC\n"
        "2026-11-02\tA\t1000000\t2\t--\n2026-11-02\tB\t2000000\t1\t4\n"
    )
    result = _read(text.encode(), "yandex-direct-api")
    assert result.days("performance.leads") == {D2: 7.0}
    assert result.days("performance.spend") == {D2: 3.0}
    assert result.mapping[1].columns == ("Conversions_87654321_LSC", "Conversions_12345_LSC")


# -- Yandex Direct, «Мастер отчётов» --------------------------------------------------------------

WIZARD = [
    ["Статистика по кампаниям"],
    ["Период: 02.11.2026 - 03.11.2026"],
    ["Логин: shop-login"],
    ["Валюта: RUB, с НДС"],
    [
        "Дата",
        "Кампания",
        "№ Кампании",
        "Показы",
        "Клики",
        "CTR (%)",
        "Расход (руб.)",
        "Ср. цена клика (руб.)",
        "Конверсии",
    ],
    ["02.11.2026", "Бренд", "111", "1 000", "50", "5,00", "1 500,00", "30,00", "3"],
    ["02.11.2026", "Общая", "222", "500", "10", "2,00", "250,50", "25,05", "-"],
    ["03.11.2026", "Бренд", "111", "800", "40", "5,00", "0,99", "0,02", "1"],
    ["Итого", "", "", "2 300", "100", "4,35", "1 751,49", "17,51", "4"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_direct_wizard_csv_with_preamble_decimal_comma_and_totals(encoding: str) -> None:
    data = csv_text(WIZARD, ";").encode(encoding)
    result = _read(data, "yandex-direct-wizard")
    assert result.source == "yandex-direct"
    assert result.days("performance.spend") == {D2: 1750.5, D3: 0.99}
    assert result.days("performance.leads") == {D2: 3.0, D3: 1.0}
    assert result.currency == "RUB"
    assert result.skipped == [(9, "imports.skip.total", {"label": "Итого"})]
    assert result.layout.decimal == "," and result.layout.header_line == 5
    assert result.layout.encoding == (
        "cp1251" if encoding == "cp1251" else ("utf-8-sig" if encoding == "utf-8-sig" else "utf-8")
    )


def test_direct_wizard_xlsx_with_date_and_number_cells() -> None:
    rows: list[list[object]] = [r[:] for r in WIZARD[:5]]
    rows += [[D2, "Бренд", 111, 1000, 50, 5.0, 1500.0, 30.0, 3], [D2, "Общая", 222, 500, 10, 2.0, 250.5, 25.05, "-"]]
    rows += [[D3, "Бренд", 111, 800, 40, 5.0, 0.99, 0.02, 1], ["Итого", None, None, 2300, 100, 4.35, 1751.49, 17.51, 4]]
    result = _read(xlsx(rows), "yandex-direct-wizard")
    assert result.layout.kind == "spreadsheet"
    assert result.days("performance.spend") == {D2: 1750.5, D3: 0.99}
    assert result.days("performance.leads") == {D2: 3.0, D3: 1.0}
    assert [s[1] for s in result.skipped] == ["imports.skip.total"]


def test_direct_wizard_without_grouping_by_day_is_refused() -> None:
    rows = [
        WIZARD[0],
        ["Кампания", "Показы", "Клики", "Расход (руб.)", "Конверсии"],
        ["Бренд", "1 800", "90", "1 500,99", "4"],
    ]
    data = csv_text(rows, ";").encode()
    match = recognise(data, PROFILES.values())
    assert match is not None and match.profile.name == "yandex-direct-wizard"
    with pytest.raises(InputError) as caught:
        read(data, match.profile, "Europe/Moscow")
    assert caught.value.key == "imports.no_day" and caught.value.params["column"] == "Дата"


# -- Google Ads --------------------------------------------------------------------------------------

GOOGLE = [
    ["Campaign report"],
    ["November 2, 2026 - November 3, 2026"],
    [
        "Campaign status",
        "Campaign",
        "Campaign type",
        "Day",
        "Currency code",
        "Impr.",
        "Clicks",
        "CTR",
        "Cost",
        "Conversions",
    ],
    ["Enabled", "Brand", "Search", "2026-11-03", "USD", "50", "4", "8.00%", "12.00", "1.00"],
    ["Enabled", "Brand", "Search", "2026-11-02", "USD", "1,657", "40", "2.41%", "2,620.68", "3.00"],
    ["Enabled", "--", "Search", "2026-11-02", "USD", "100", "4", "4.00%", "10.50", "--"],
    ["Total: Search", "", "", "", "USD", "1,807", "48", "2.66%", "2,643.18", "4.00"],
    ["Total: Account", "", "", "", "USD", "1,807", "48", "2.66%", "2,643.18", "4.00"],
]


def test_google_ads_csv_with_title_range_comma_groups_and_total_rows() -> None:
    result = _read(csv_text(GOOGLE).encode(), "google-ads")
    assert result.days("performance.spend") == {D2: 2631.18, D3: 12.0}
    assert result.days("performance.leads") == {D2: 3.0, D3: 1.0}
    assert result.currency == "USD"
    assert [(line, params["label"]) for line, _, params in result.skipped] == [
        (7, "Total: Search"),
        (8, "Total: Account"),
    ]
    assert result.layout.decimal == "."


def test_google_ads_excel_csv_is_utf16_with_tabs() -> None:
    text = "\r\n".join("\t".join(row) for row in GOOGLE) + "\r\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    result = _read(data, "google-ads")
    assert result.layout.encoding == "utf-16" and result.layout.delimiter == "\t"
    assert result.days("performance.spend") == {D2: 2631.18, D3: 12.0}


def test_google_ads_chart_dates_and_a_foreign_currency() -> None:
    rows = [GOOGLE[2]] + [r[:3] + ["Mon, Nov 2, 2026", "EUR"] + r[5:] for r in GOOGLE[4:6]]
    result = _read(csv_text(rows).encode(), "google-ads")
    assert result.currency == "EUR"
    assert result.days("performance.spend") == {D2: 2631.18}


def test_google_ads_russian_interface() -> None:
    rows = [["Отчёт по кампаниям"], ["День", "Кампания", "Показы", "Клики", "Цена", "Конверсии"]]
    rows += [
        ["2026-11-02", "Бренд", "1 657", "40", "2 620,68", "3,00"],
        ["2026-11-03", "Бренд", "50", "4", "12,00", "1,00"],
    ]
    result = _read(csv_text(rows).encode(), "google-ads")
    assert result.days("performance.spend") == {D2: 2620.68, D3: 12.0}
    assert result.layout.decimal == ","


# -- Meta Ads Manager -------------------------------------------------------------------------------

META_HEADER = [
    "Campaign name",
    "Reporting starts",
    "Reporting ends",
    "Campaign delivery",
    "Result indicator",
    "Results",
    "Cost per result",
    "Amount spent (USD)",
    "Impressions",
]
META = [
    META_HEADER,
    ["", "2026-11-02", "2026-11-03", "", "", "", "", "120.75", "9000"],
    [
        "Leads Nov",
        "2026-11-02",
        "2026-11-02",
        "active",
        "actions:offsite_conversion.fb_pixel_lead",
        "4",
        "10.5",
        "42.00",
        "3000",
    ],
    ["Traffic", "2026-11-02", "2026-11-02", "active", "link_click", "150", "0.1016666666", "15.25", "2500"],
    [
        "Leads Nov",
        "2026-11-03",
        "2026-11-03",
        "active",
        "actions:offsite_conversion.fb_pixel_lead",
        "2",
        "20.25",
        "40.50",
        "2000",
    ],
    ["Traffic", "2026-11-03", "2026-11-03", "active", "link_click", "120", "0.19", "23.00", "1500"],
]


def test_meta_csv_by_day_with_summary_row_and_currency_in_the_header() -> None:
    result = _read(("\ufeff" + csv_text(META)).encode(), "meta-ads")
    assert result.days("performance.spend") == {D2: 57.25, D3: 63.5}
    assert result.days("performance.leads") == {D2: 4.0, D3: 2.0}  # traffic "results" are not leads
    assert result.currency == "USD"
    assert result.skipped == [(2, "imports.skip.summary", {})]


def test_meta_xlsx_in_euros() -> None:
    rows: list[list[object]] = [[h.replace("USD", "EUR") for h in META_HEADER]]
    rows += [
        [r[0], r[1], r[2], r[3], r[4], float(r[5]) if r[5] else None, r[6], float(r[7]), int(r[8])] for r in META[1:]
    ]
    result = _read(xlsx(rows), "meta-ads")
    assert result.currency == "EUR"
    assert result.days("performance.spend") == {D2: 57.25, D3: 63.5}


def test_meta_without_the_day_breakdown_is_refused() -> None:
    rows = [META_HEADER, ["Leads Nov", "2026-11-02", "2026-11-08", "active", "lead", "9", "9.1", "82.00", "9000"]]
    data = csv_text(rows).encode()
    match = recognise(data, PROFILES.values())
    assert match is not None
    with pytest.raises(InputError) as caught:
        read(data, match.profile, "Europe/Moscow")
    assert caught.value.key == "imports.no_day"


# -- VK Ads (layout unconfirmed) ---------------------------------------------------------------------


def test_vk_ads_statistics_export() -> None:
    rows = [["Дата", "Кампания", "Показы", "Клики", "Потрачено (₽)", "Результат"]]
    rows += [["2026-11-02", "Осень", "1000", "20", "500,50", "2"], ["2026-11-02", "Ретаргет", "300", "5", "99,50", "0"]]
    rows += [["2026-11-03", "Осень", "900", "18", "450", "1"], ["Итого", "", "2200", "43", "1050,00", "3"]]
    result = _read(csv_text(rows, ";").encode(), "vk-ads")
    assert result.days("performance.spend") == {D2: 600.0, D3: 450.0}
    assert result.days("performance.leads") == {D2: 2.0, D3: 1.0}
    assert result.currency == "RUB"
