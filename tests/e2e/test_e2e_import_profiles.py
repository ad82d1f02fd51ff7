"""``mkhats import`` end to end for every built-in profile (SPEC §9, issue 13): a file as the tool
writes it, previewed, imported, exported, and imported again.

Each case runs the real CLI on a real data file: ``--dry-run`` names the profile and source, prints
the per-day totals and every skipped row with its reason, and changes no byte; the import writes the
hand-computed per-day totals with the profile's source (read back by ``mkhats export``); importing
the same file again writes nothing and changes no byte. Money in roubles goes into a data file
created in Russian (₽), money in dollars into one created in English ($).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e import export_files as ef
from tests.e2e.conftest import Cli
from tests.e2e.test_e2e_russian import english_words

SPEND, LEADS = "performance.spend", "performance.leads"
TRAFFIC, CONTENT_LEADS = "content.traffic", "content.leads"
D2, D3 = "2026-11-02", "2026-11-03"


@dataclass(frozen=True)
class Case:
    """One export file and what importing it must store, worked out by hand from its rows."""

    id: str
    file: str
    data: Callable[[], bytes]
    profile: str
    source: str
    currency: str
    """The data file's currency: ``RUB`` (created in Russian) or ``USD`` (created in English)."""
    values: dict[tuple[str, str], str]
    """``{(day, kpi): value as export writes it}``."""
    skipped: tuple[str, ...] = ()
    filtered: str = ""


def _ads(d2: tuple[str, str], d3: tuple[str, str]) -> dict[tuple[str, str], str]:
    """Spend and leads on 2 and 3 November."""
    return {(D2, SPEND): d2[0], (D2, LEADS): d2[1], (D3, SPEND): d3[0], (D3, LEADS): d3[1]}


# Direct: 1,500 + 250.50 on the 2nd ("--" conversions add nothing), 0.99 on the 3rd.
DIRECT = _ads(("1750.5", "3"), ("0.99", "1"))
# Google: 2,620.68 + 10.50 on the 2nd, 12.00 on the 3rd; the "Total:" rows are not added.
GOOGLE = _ads(("2631.18", "3"), ("12", "1"))
# Meta: lead campaign + traffic campaign spend; only the lead campaign's results are leads.
META_USD = _ads(("57.25", "4"), ("63.5", "2"))  # 42.00 + 15.25, 40.50 + 23.00
META_RUB = _ads(("4650.25", "5"), ("5220.25", "3"))  # 3,200 + 1,450.25, 4,100 + 1,120.25
VK = _ads(("600", "2"), ("450", "1"))  # 500,50 + 99,50 with 2 + 0 results; 450 with 1
# Metrica: both goals' reaches added (5 + 2, 2 + 1); the rows are newest first.
METRICA = {(D2, TRAFFIC): "200", (D2, CONTENT_LEADS): "7", (D3, TRAFFIC): "100", (D3, CONTENT_LEADS): "3"}
GA4 = {(D2, TRAFFIC): "180", (D2, CONTENT_LEADS): "5.5", (D3, TRAFFIC): "90", (D3, CONTENT_LEADS): "1"}
# amoCRM: won deals on their closing day. 2nd: #1 15,000 (new, cpc), #2 8,000 (repeat, email);
# 3rd: #5 12,000 (new, cpm; closed at 00:10). #3 is open, #4 lost.
AMO = {
    (D2, "cmo.revenue"): "23000",
    (D2, "cmo.new_customers"): "1",
    (D2, "crm.repeat_sales"): "1",
    (D2, "performance.sales"): "1",
    (D2, "performance.revenue"): "15000",
    (D2, "crm.revenue"): "8000",
    (D3, "cmo.revenue"): "12000",
    (D3, "cmo.new_customers"): "1",
    (D3, "performance.sales"): "1",
    (D3, "performance.revenue"): "12000",
}
# Bitrix24: 2nd: A 10,000 (new, cpc), B 5,000 (repeat, email); 3rd: D 2,500.50 (new, no medium).
BITRIX = {
    (D2, "cmo.revenue"): "15000",
    (D2, "cmo.new_customers"): "1",
    (D2, "crm.repeat_sales"): "1",
    (D2, "performance.sales"): "1",
    (D2, "performance.revenue"): "10000",
    (D2, "crm.revenue"): "5000",
    (D3, "cmo.revenue"): "2500.5",
    (D3, "cmo.new_customers"): "1",
}

WIZARD_TOTAL = ("line 9: a totals row (“Итого”)",)
GOOGLE_TOTALS = ("line 7: a totals row (“Total: Search”)", "line 8: a totals row (“Total: Account”)")
META_SUMMARY = ("line 2: a summary row (no campaign, ad set or ad name)",)
DIRECT_SOURCE = "yandex-direct"

CASES = [
    Case("direct-api-tsv", "report.tsv", ef.DIRECT_API.encode, "yandex-direct-api", DIRECT_SOURCE, "RUB", DIRECT,
         ("line 6: a totals row (“Total rows: 3”)",)),
    Case("direct-wizard-csv", "wizard.csv", ef.direct_wizard_csv, "yandex-direct-wizard", DIRECT_SOURCE, "RUB",
         DIRECT, WIZARD_TOTAL),
    Case("direct-wizard-xlsx", "wizard.xlsx", ef.direct_wizard_xlsx, "yandex-direct-wizard", DIRECT_SOURCE, "RUB",
         DIRECT, WIZARD_TOTAL),
    Case("google-csv-usd", "Campaign report.csv", ef.google_csv, "google-ads", "google-ads", "USD", GOOGLE,
         GOOGLE_TOTALS),
    Case("google-excel-csv-utf16-rub", "Campaign report (Excel).csv", ef.google_excel_csv, "google-ads",
         "google-ads", "RUB", GOOGLE, GOOGLE_TOTALS),
    Case("meta-csv-usd", "meta.csv", ef.meta_csv, "meta-ads", "meta-ads", "USD", META_USD, META_SUMMARY),
    Case("meta-xlsx-russian-rub", "meta.xlsx", ef.meta_xlsx_russian, "meta-ads", "meta-ads", "RUB", META_RUB,
         META_SUMMARY),
    Case("vk-csv", "vk.csv", ef.vk_csv, "vk-ads", "vk-ads", "RUB", VK, ("line 5: a totals row (“Итого”)",)),
    Case("metrica-csv", "metrica.csv", ef.metrica_csv, "yandex-metrica", "yandex-metrica", "RUB", METRICA,
         ("line 2: a totals row (“Итого и средние”)",)),
    Case("metrica-xlsx", "metrica.xlsx", ef.metrica_xlsx, "yandex-metrica", "yandex-metrica", "USD", METRICA,
         ("line 2: a totals row (“Итого и средние”)",)),
    Case("ga4-csv", "ga4.csv", ef.ga4_csv, "ga4", "ga4", "USD", GA4, ("line 14: no day in “Date”",)),
    Case("amocrm-csv", "amocrm.csv", ef.amo_csv, "amocrm", "amocrm", "RUB", AMO,
         filtered="2 rows are outside the profile's filters (not counted)."),
    Case("amocrm-xlsx", "amocrm.xlsx", ef.amo_xlsx, "amocrm", "amocrm", "RUB", AMO,
         filtered="2 rows are outside the profile's filters (not counted)."),
    Case("bitrix24-html-xls", "deals.xls", ef.bitrix_html, "bitrix24", "bitrix24", "RUB", BITRIX,
         filtered="1 row is outside the profile's filters (not counted)."),
    Case("bitrix24-csv", "deals.csv", ef.bitrix_csv, "bitrix24", "bitrix24", "RUB", BITRIX,
         filtered="1 row is outside the profile's filters (not counted)."),
    Case("bitrix24-xlsx", "deals.xlsx", ef.bitrix_xlsx, "bitrix24", "bitrix24", "RUB", BITRIX,
         filtered="1 row is outside the profile's filters (not counted)."),
]  # fmt: skip


@pytest.fixture(scope="module")
def _rouble_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder created in Russian, so its currency is ₽ (RUB), made once per module."""
    template = Cli(tmp_path_factory.mktemp("roubles"))
    template.ok("kpi", "list", MKHATS_LANG="ru")
    return template.folder


def data_file(cli: Cli, currency: str, roubles: Path, dollars: Path) -> Cli:
    """``cli`` on a copy of a fresh data file in ``currency``."""
    shutil.copytree(roubles if currency == "RUB" else dollars, cli.folder)
    return cli


def preview_totals(out: str) -> dict[tuple[str, str], str]:
    """The dry run's "Per day:" table as ``{(day, kpi): value}``, numbers ungrouped (``1,750.5``)."""
    lines = out.splitlines()
    start = lines.index("Per day:") + 1
    header = lines[start].split()
    assert header[0] == "Day", lines[start]
    table = {}
    for line in lines[start + 1 :]:
        cells = line.split()
        if not line.startswith("  2026-"):
            break
        for kpi, cell in zip(header[1:], cells[1:], strict=True):
            if cell != "—":
                table[(cells[0], kpi)] = cell.replace(",", "")
    return table


def stored(cli: Cli) -> dict[tuple[str, str], tuple[str, str]]:
    """``{(day, kpi): (value, source)}`` as ``mkhats export`` writes them (one source per day here)."""
    rows = cli.export_rows()
    out = {(r["date"], r["kpi"]): (r["value"], r["source"]) for r in rows}
    assert len(out) == len(rows), rows
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_profile_previews_imports_and_reimports(cli, _rouble_files, _default_files, case):
    data_file(cli, case.currency, _rouble_files, _default_files)
    (cli.tmp / case.file).write_bytes(case.data())
    n = len(case.values)

    before = cli.files()
    preview = cli.ok("import", case.file, "--dry-run", "--lang", "en").out
    assert cli.files() == before  # not a byte changed
    lines = preview.splitlines()
    assert lines[0].startswith(f"{case.file}: ")
    assert lines[0].endswith(f"(profile {case.profile}), stored with the source “{case.source}”.")
    assert "Mapping:" in lines
    assert preview_totals(preview) == case.values
    skipped = [line.strip() for line in lines if line.startswith("  line ")]
    assert skipped == list(case.skipped)
    if case.skipped:
        count = len(case.skipped)
        assert f"{count} row{'s' if count > 1 else ''} skipped:" in lines
    assert (case.filtered in lines) if case.filtered else not any("outside the profile" in x for x in lines)
    assert lines[-1] == (
        f"Dry run: {n} values from “{case.source}”; {n} would be written, 0 unchanged, 0 would be removed. Nothing was written."
    )

    done = cli.ok("import", case.file, "--lang", "en").out.splitlines()
    assert done[0] == lines[0]
    assert done[-1] == f"Imported {n} values from “{case.source}”: {n} written, 0 unchanged, 0 removed."
    assert stored(cli) == {key: (value, case.source) for key, value in case.values.items()}

    after = cli.files()
    again = cli.ok("import", case.file, "--lang", "en").out.splitlines()
    assert again[-1] == f"Imported {n} values from “{case.source}”: 0 written, {n} unchanged, 0 removed."
    assert cli.files() == after


# -- in Russian -------------------------------------------------------------------------------------


def test_the_preview_and_the_outcome_speak_russian(cli, _rouble_files, _default_files):
    data_file(cli, "RUB", _rouble_files, _default_files)
    (cli.tmp / "metrica.csv").write_bytes(ef.metrica_csv())
    before = cli.files()
    preview = cli.ok("import", "metrica.csv", "--dry-run", "--lang", "ru").out
    assert cli.files() == before
    assert preview.splitlines() == [
        "metrica.csv: Yandex Metrica (CSV/XLSX) (профиль yandex-metrica), записывается с источником «yandex-metrica».",
        "Прочитан как текст (utf-8-sig), разделитель «,», десятичный знак «.», заголовок в строке 1.",
        "Сопоставление:",
        "  content.traffic ← сумма «Визиты»",
        "  content.leads ← сумма «Достижения цели (Заявка)» + «Достижения цели (Звонок)»",
        "По дням:",
        "  День        content.leads  content.traffic",
        "  2026-11-02              7              200",
        "  2026-11-03              3              100",
        "Пропущена 1 строка:",
        "  строка 2: строка итогов («Итого и средние»)",
        "Пробный прогон: 4 значения из «yandex-metrica»; будет записано 4, без изменений 0, будет удалено 0. "
        "Ничего не записано.",
    ]
    # English only in what the file and the profile say (its title, the encoding's name).
    assert english_words(preview, ("metrica.csv", "Yandex Metrica (CSV/XLSX)", "utf-8-sig")) == []
    done = cli.ok("import", "metrica.csv", "--lang", "ru").out.splitlines()
    assert done[-1] == "Загружено 4 значения из «yandex-metrica»: записано 4, без изменений 0, удалено 0."


TOML_SYNTAX = 'name = "broken"\n[header\n'
RU_REFUSALS = [
    pytest.param(
        "orders.csv", b"Order,Customer,Total\n1,Anna,5\n", None,
        "mkhats не узнаёт этот файл; его заголовок: «Order,Customer,Total». "
        "Напишите для него профиль (docs/profiles.md; имеющиеся — mkhats profile list).",
        ("Order,Customer,Total", "docs/profiles.md", "mkhats profile list"),
        id="unknown-file",
    ),
    pytest.param(
        "meta.csv", ef.meta_csv(), None,
        "meta.csv в валюте USD, а файл данных — в RUB: укажите курс через --rate (сколько RUB за 1 USD) "
        "или смените валюту в настройках.",
        ("USD", "RUB"),
        id="currency",
    ),
    pytest.param(
        "wizard.csv", ef.direct_wizard_without_day(), None,
        "В отчёте нет столбца с днём («Дата», профиль «yandex-direct-wizard»): выгрузите его с разбивкой по "
        "дням; mkhats никогда не размазывает итог по периоду.",
        ("yandex-direct-wizard",),
        id="without-day",
    ),
    pytest.param("vk.csv", ef.vk_csv(), TOML_SYNTAX, None, (TOML_SYNTAX,), id="user-toml-syntax"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "toml", "message", "typed"), RU_REFUSALS)
def test_refusals_speak_russian(cli, _rouble_files, _default_files, name, data, toml, message, typed):
    data_file(cli, "RUB", _rouble_files, _default_files)
    (cli.tmp / name).write_bytes(data)
    if toml is not None:
        (cli.folder / "profiles").mkdir()
        (cli.folder / "profiles" / "broken.toml").write_text(toml, encoding="utf-8")
    before = cli.files()
    said = cli.refused("import", name, "--lang", "ru")
    assert cli.files() == before
    if message is not None:
        assert said == message
    assert english_words(said, (name, *typed)) == [], said
