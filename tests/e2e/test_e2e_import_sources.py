"""Imports from several sources end to end (SPEC §9, issue 13), through the real ``mkhats`` CLI.

The preview of ``--dry-run`` word for word; Direct and VK spend on one day adding up in the report;
a longer Direct report replacing Direct's days only (VK's and the user's own values survive, a day
Direct no longer reports is removed); money in dollars refused in a rouble data file unless
``--rate`` converts it. Every refusal exits 2 with one sentence and leaves each data file's bytes
as they were. Numbers are worked out by hand from the rows of ``export_files``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.e2e import export_files as ef
from tests.e2e.conftest import Cli

D2, D3, D4, D5 = "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"
SPEND, LEADS = "performance.spend", "performance.leads"
DIRECT, VK, MANUAL = "yandex-direct", "vk-ads", "manual"
W45 = "2026-W45"  # 2–8 November 2026


@pytest.fixture(scope="module")
def _rouble_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder created in Russian, so its currency is ₽ (RUB), made once per module."""
    template = Cli(tmp_path_factory.mktemp("roubles"))
    template.ok("kpi", "list", MKHATS_LANG="ru")
    return template.folder


@pytest.fixture
def rub(cli: Cli, _rouble_files: Path) -> Cli:
    """``cli`` (English messages) on a fresh data file in roubles."""
    shutil.copytree(_rouble_files, cli.folder)
    return cli


def put(cli: Cli, name: str, data: bytes | str) -> str:
    """Write an export beside the data folder; its name as the user types it."""
    (cli.tmp / name).write_bytes(data.encode() if isinstance(data, str) else data)
    return name


def by_source(cli: Cli) -> dict[tuple[str, str, str], str]:
    """``{(day, kpi, source): value}`` as ``mkhats export`` writes them."""
    rows = cli.export_rows()
    out = {(r["date"], r["kpi"], r["source"]): r["value"] for r in rows}
    assert len(out) == len(rows), rows
    return out


def week(cli: Cli, row, title: str) -> str:
    """The "Week" cell of a KPI in the Performance table of the 2026-W45 report."""
    return row(cli.report("--week", W45), title, "Performance")[2]


# -- the preview -----------------------------------------------------------------------------------


def test_dry_run_prints_the_whole_preview_and_changes_no_byte(rub):
    rub.ok("add", SPEND, "100", "--date", D3)  # the user's own value: not the import's business
    wizard = put(rub, "wizard.csv", ef.direct_wizard_csv())
    before = rub.files()
    out = rub.ok("import", wizard, "--dry-run").out
    assert out.splitlines() == [
        "wizard.csv: Yandex Direct: «Мастер отчётов» (CSV/XLSX) (profile yandex-direct-wizard), "
        "stored with the source “yandex-direct”.",
        "Read as text (utf-8-sig), separator “;”, decimal mark “,”, header on line 5.",
        "Mapping:",
        "  performance.spend ← sum of “Расход (руб.)” (money)",
        "  performance.leads ← sum of “Конверсии”",
        "Per day:",
        "  Day         performance.leads  performance.spend",
        "  2026-11-02                  3            1,750.5",
        "  2026-11-03                  1               0.99",
        "1 row skipped:",
        "  line 9: a totals row (“Итого”)",
        "Dry run: 4 values from “yandex-direct”; 4 would be written, 0 unchanged, 0 would be removed. Nothing was written.",
    ]
    assert rub.files() == before
    assert by_source(rub) == {(D3, SPEND, MANUAL): "100"}


# -- sources add up; a longer report replaces its own days only ------------------------------------


def test_direct_and_vk_spend_on_the_same_days_add_up(rub, row):
    rub.ok("import", put(rub, "direct.tsv", ef.DIRECT_API))
    rub.ok("import", put(rub, "vk.csv", ef.vk_csv()))
    assert by_source(rub) == {
        (D2, LEADS, DIRECT): "3",
        (D2, LEADS, VK): "2",
        (D2, SPEND, DIRECT): "1750.5",
        (D2, SPEND, VK): "600",
        (D3, LEADS, DIRECT): "1",
        (D3, LEADS, VK): "1",
        (D3, SPEND, DIRECT): "0.99",
        (D3, SPEND, VK): "450",
    }
    # The week: 1,750.50 + 0.99 + 600 + 450 = 2,801.49 spent for 3 + 1 + 2 + 1 = 7 leads.
    assert week(rub, row, "Spend, ₽") == "2,801"
    assert week(rub, row, "Leads") == "7"
    assert week(rub, row, "CPL, ₽") == "400"  # 2,801.49 / 7 = 400.21


def test_a_longer_direct_report_replaces_only_directs_days(rub, row):
    rub.ok("import", put(rub, "direct.tsv", ef.DIRECT_API))
    rub.ok("import", put(rub, "vk.csv", ef.vk_csv()))
    rub.ok("add", SPEND, "100", "--date", D3, "--note", "cash for flyers")
    longer = put(rub, "direct-longer.tsv", ef.DIRECT_API_LONGER)

    before = rub.files()
    preview = rub.ok("import", longer, "--dry-run").out.splitlines()
    assert rub.files() == before
    start = preview.index("Per day:")
    assert preview[start + 1 : start + 5] == [
        "  Day         performance.leads  performance.spend",
        "  2026-11-02                  3            1,850.5",
        "  2026-11-04                  2                800",
        "  2026-11-05                  0           1,200.25",  # "--" conversions: none that day
    ]
    # Spend on the 2nd restated, leads on the 2nd the same; the 4th and 5th new; the 3rd is gone.
    assert preview[-1] == (
        "Dry run: 6 values from “yandex-direct”; 5 would be written, 1 unchanged, 2 would be removed. Nothing was written."
    )

    done = rub.ok("import", longer).out.splitlines()
    assert done[-1] == "Imported 6 values from “yandex-direct”: 5 written, 1 unchanged, 2 removed."
    assert by_source(rub) == {
        (D2, LEADS, DIRECT): "3",
        (D2, LEADS, VK): "2",
        (D2, SPEND, DIRECT): "1850.5",
        (D2, SPEND, VK): "600",
        (D3, LEADS, VK): "1",
        (D3, SPEND, MANUAL): "100",
        (D3, SPEND, VK): "450",
        (D4, LEADS, DIRECT): "2",
        (D4, SPEND, DIRECT): "800",
        (D5, LEADS, DIRECT): "0",
        (D5, SPEND, DIRECT): "1200.25",
    }
    assert [r["note"] for r in rub.export_rows() if r["source"] == MANUAL] == ["cash for flyers"]
    # 1,850.50 + 600 + 100 + 450 + 800 + 1,200.25 = 5,000.75; leads 3 + 2 + 1 + 2 = 8.
    assert week(rub, row, "Spend, ₽") == "5,001"
    assert week(rub, row, "Leads") == "8"


# -- another currency -------------------------------------------------------------------------------


def test_dollars_into_a_rouble_data_file_need_a_rate(rub):
    meta = put(rub, "meta.csv", ef.meta_csv())
    before = rub.files()
    assert rub.refused("import", meta) == (
        "meta.csv is in USD but the data file is in RUB: "
        "give the rate with --rate (1 USD in RUB), or set the currency in Settings."
    )
    assert rub.refused("import", meta, "--rate", "0") == "--rate must be a number above 0 (got 0)."
    assert rub.files() == before

    out = rub.ok("import", meta, "--rate", "90").out.splitlines()
    assert "Money in USD is converted at 90 RUB per USD." in out
    assert out[-1] == "Imported 4 values from “meta-ads”: 4 written, 0 unchanged, 0 removed."
    # (42.00 + 15.25) × 90 and (40.50 + 23.00) × 90; leads are not money.
    expected = {(D2, SPEND, "meta-ads"): "5152.5", (D2, LEADS, "meta-ads"): "4"}
    expected |= {(D3, SPEND, "meta-ads"): "5715", (D3, LEADS, "meta-ads"): "2"}
    assert by_source(rub) == expected

    out = rub.ok("import", meta, "--rate", "91").out.splitlines()  # a new rate restates the money only
    assert out[-1] == "Imported 4 values from “meta-ads”: 2 written, 2 unchanged, 0 removed."
    assert by_source(rub)[(D2, SPEND, "meta-ads")] == "5209.75"  # 57.25 × 91


# -- refusals ---------------------------------------------------------------------------------------

UNKNOWN = "Order,Customer,Total\n1,Anna,5\n"
PERIOD_ONLY_META = "Campaign name,Reporting starts,Reporting ends,Amount spent (USD),Results\nLeads Nov,2026-11-02,2026-11-08,82.00,9\n"
TOML_SYNTAX = 'name = "broken"\n[header\n'
TOML_UNKNOWN_FIELD = ef.OFFLINE_SALES_TOML.replace("money = true", "money = true\nfoo = 1")
TOML_WRONG_KIND = ef.OFFLINE_SALES_TOML.replace('required = [["Клиент"], ["Выручка"]]', 'required = "Клиент"')
NO_DAY = "The report has no day column (“{column}”, profile “{profile}”): export it broken down by day; "
NO_DAY += "mkhats never spreads a total over its period."
BUILT_INS = (
    "amocrm, bitrix24, ga4, google-ads, meta-ads, vk-ads, yandex-direct-api, yandex-direct-wizard, yandex-metrica"
)

REFUSALS = [
    ("unknown-file", "orders.csv", UNKNOWN, None, (),
     "mkhats does not recognise this file; its header reads “Order,Customer,Total”. "
     "Write a profile for it (docs/profiles.md; mkhats profile list shows those there are)."),
    ("direct-without-day", "wizard.csv", ef.direct_wizard_without_day(), None, (),
     NO_DAY.format(column="Дата", profile="yandex-direct-wizard")),
    ("meta-without-day-breakdown", "meta.csv", PERIOD_ONLY_META, None, ("--rate", "90"),
     NO_DAY.format(column="Reporting starts", profile="meta-ads")),
    ("profile-nosuch", "vk.csv", ef.vk_csv(), None, ("--profile", "nosuch"),
     f"There is no profile “nosuch”; there are: {BUILT_INS}."),
    ("profile-does-not-fit", "vk.csv", ef.vk_csv(), None, ("--profile", "yandex-direct-api"),
     "The file does not have the columns of the profile “yandex-direct-api”; its header reads "
     "“Дата;Кампания;Показы;Клики;Потрачено (₽);Результат”. See docs/profiles.md to write a profile for it."),
    ("missing-file", "", b"", None, ("nosuch.csv",), "nosuch.csv: no such file."),
    ("missing-profile-file", "vk.csv", ef.vk_csv(), None, ("--profile", "vk-mine.toml"), "vk-mine.toml: no such file."),
    ("user-toml-syntax", "vk.csv", ef.vk_csv(), TOML_SYNTAX, (),
     "{toml} is not valid TOML: line 2, column 8 (“[header”)."),
    ("user-toml-unknown-field", "vk.csv", ef.vk_csv(), TOML_UNKNOWN_FIELD, (),
     "{toml}: there is no field “kpi[1].foo” in a profile (see docs/profiles.md)."),
    ("user-toml-wrong-kind", "vk.csv", ef.vk_csv(), TOML_WRONG_KIND, (),
     "{toml}: “header.required” has a value of the wrong kind ('Клиент')."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "toml", "args", "message"), [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS]
)
def test_refusals_are_one_sentence_and_touch_nothing(rub, name, data, toml, args, message):
    rub.ok("add", SPEND, "100", "--date", D2)
    if toml is not None:
        (rub.folder / "profiles").mkdir()
        (rub.folder / "profiles" / "broken.toml").write_text(toml, encoding="utf-8")
    argv = ("import", put(rub, name, data), *args) if name else ("import", *args)
    toml_path = str(rub.folder / "profiles" / "broken.toml")
    before = rub.files()
    for dry in ((), ("--dry-run",)):
        said = rub.refused(*argv, *dry)
        if isinstance(message, re.Pattern):
            assert re.fullmatch(message.pattern.replace("{toml}", re.escape(toml_path)), said), said
        else:
            assert said == message.format(toml=toml_path)
    assert rub.files() == before


BAD_VK = ef.VK[:2] + [
    ["31.11.2026", "Осень", "100", "1", "5", "1"],
    ["2026-11-03", "Осень", "100", "1", "12,3,4", "1"],
    ["2026-11-03", "Ретаргет", "100", "1", "abc", "1"],
    ["2026-11-03", "Ретаргет", "100", "1", "7,5", "1"],
]
BAD_BITRIX = [list(r) for r in ef.BITRIX]
BAD_BITRIX[2][4] = "EUR"  # B's deal in euros, A's (line 2) in roubles
BAD_BITRIX[4][5] = "31.02.2026"


@pytest.mark.parametrize(
    ("name", "data", "lines"),
    [
        (
            "vk.csv",
            ef.csv_text(BAD_VK, ";").encode(),
            [
                "vk.csv: 3 bad rows, nothing was imported:",
                "line 3: “31.11.2026” is not a day (%Y-%m-%d / %d.%m.%Y)",
                "line 4: “12,3,4” in “Потрачено (₽)” is not a number",
                "line 5: “abc” in “Потрачено (₽)” is not a number",
            ],
        ),
        (
            "deals.xls",
            ef.html_table(BAD_BITRIX, "windows-1251"),
            [
                "deals.xls: 2 bad rows, nothing was imported:",
                "line 3: the currency is EUR, but earlier rows are in RUB",
                "line 5: “31.02.2026” is not a day (%d.%m.%Y %H:%M:%S / %d.%m.%Y %H:%M / %d.%m.%Y / "
                "%Y-%m-%d %H:%M:%S / %Y-%m-%d)",
            ],
        ),
    ],
    ids=["vk-csv", "bitrix24-html"],
)
def test_every_bad_row_is_listed_with_its_line_and_nothing_is_written(rub, name, data, lines):
    rub.ok("add", SPEND, "100", "--date", D2)
    put(rub, name, data)
    before = rub.files()
    for dry in ((), ("--dry-run",)):
        result = rub("import", name, *dry)
        assert (result.code, result.out) == (2, "")
        assert result.err.splitlines() == lines
    assert rub.files() == before


# -- the user's own profile -------------------------------------------------------------------------


def test_a_profile_of_ones_own_is_listed_shown_and_imports(rub):
    profiles = rub.folder / "profiles"
    profiles.mkdir()
    toml = profiles / "offline-sales.toml"
    toml.write_text(ef.OFFLINE_SALES_TOML, encoding="utf-8")

    listed = rub.ok("profile", "list").out.splitlines()
    assert [line.split()[0] for line in listed[:-1]] == sorted([*BUILT_INS.split(", "), "offline-sales"])
    own = next(line for line in listed if line.startswith("offline-sales "))
    assert own.split()[:5] == ["offline-sales", "Offline", "sales", "(our", "Google"]
    assert own.split()[-1] == str(toml)
    assert listed[-1] == f"Your own profiles: {profiles}"

    assert rub.ok("profile", "show", "offline-sales").out.splitlines() == [
        "offline-sales — Offline sales (our Google Sheet)",
        f"Defined in: {toml}",
        "Values are stored with the source “offline-sales”.",
        "Recognised by a header with “Клиент” and “Выручка”.",
        "Encoding: by content; separator: by content; decimal mark: by content.",
        "The day comes from “Дата” (%d.%m.%Y); times are read in your time zone.",
        "Rows without a day whose first cell matches “^(итого|всего|total|grand total)\\b” are totals and skipped.",
        "Money is in currency units.",
        "The file states no currency: it is taken as the data file's.",
        "Only rows where “Статус” is one of “Оплачен”.",
        "cmo.revenue ← sum of “Выручка” (money)",
        "cmo.new_customers ← count of rows, where “Клиент” is one of “новый”",
    ]

    sales = put(rub, "sales.csv", ef.OFFLINE_SALES_CSV)
    preview = rub.ok("import", sales, "--dry-run").out.splitlines()
    start = preview.index("Per day:")
    assert preview[start + 1 : start + 4] == [
        "  Day         cmo.new_customers  cmo.revenue",
        "  2026-11-02                  1       16,500",  # 12,500.00 + 4,000; one new customer
        "  2026-11-03                  1      7,250.5",  # the cancelled 9,000 is filtered out
    ]
    assert "  line 6: a totals row (“Итого”)" in preview
    assert "1 row is outside the profile's filters (not counted)." in preview

    rub.ok("import", sales)
    expected = {(D2, "cmo.revenue"): "16500", (D2, "cmo.new_customers"): "1"}
    expected |= {(D3, "cmo.revenue"): "7250.5", (D3, "cmo.new_customers"): "1"}
    assert by_source(rub) == {(d, k, "offline-sales"): v for (d, k), v in expected.items()}

    # The same profile from a file elsewhere, named on the command line.
    elsewhere = rub.tmp / "shop.toml"
    elsewhere.write_text(ef.OFFLINE_SALES_TOML.replace('"offline-sales"', '"shop-sheet"'), encoding="utf-8")
    out = rub.ok("import", sales, "--profile", str(elsewhere)).out.splitlines()
    assert out[-1] == "Imported 4 values from “shop-sheet”: 4 written, 0 unchanged, 0 removed."


# -- time zones -------------------------------------------------------------------------------------

UTC_PROFILE = """name = "utc-sales"
[header]
required = [["Closed (UTC)"]]
[date]
column = ["Closed (UTC)"]
formats = ["%Y-%m-%d %H:%M"]
timezone = "UTC"
[[kpi]]
key = "cmo.revenue"
column = ["Amount"]
money = true
"""
UTC_SALES = "Closed (UTC),Amount\n2026-01-15 22:30,200\n2026-07-15 22:30,100\n2026-11-02 23:30,50\n"


def test_times_in_utc_land_on_the_users_day_in_winter_and_in_summer(rub):
    """A Berlin user: 22:30 UTC is 23:30 in January (CET, +1) but 00:30 the next day in July (CEST,
    +2), whatever the season the import runs in; 23:30 UTC on 2 November is 00:30 on the 3rd."""
    (rub.folder / "profiles").mkdir()
    (rub.folder / "profiles" / "utc-sales.toml").write_text(UTC_PROFILE, encoding="utf-8")
    rub.ok("import", put(rub, "sales.csv", UTC_SALES), TZ="Europe/Berlin")
    assert by_source(rub) == {
        ("2026-01-15", "cmo.revenue", "utc-sales"): "200",
        ("2026-07-16", "cmo.revenue", "utc-sales"): "100",
        ("2026-11-03", "cmo.revenue", "utc-sales"): "50",
    }
    # A moment that the move to the user's zone takes past year 9999 is a bad row, not a crash.
    late = rub("import", put(rub, "late.csv", "Closed (UTC),Amount\n9999-12-31 23:30,1\n"), TZ="Europe/Berlin")
    assert (late.code, late.out) == (2, "")
    assert late.err.splitlines() == [
        "late.csv: 1 bad row, nothing was imported:",
        "line 2: “9999-12-31 23:30” is not a day (%Y-%m-%d %H:%M)",
    ]


def test_an_inbox_file_imported_from_the_command_line_moves_to_done(rub: Cli) -> None:
    inbox = rub.folder / "inbox"
    inbox.mkdir()
    (inbox / "vk.csv").write_bytes(ef.vk_csv())
    (inbox / "done").mkdir()
    (inbox / "done" / "vk.csv").write_bytes(b"an older file of the same name")
    preview = rub.ok("import", str(inbox / "vk.csv"), "--dry-run").out
    assert "moved to" not in preview and (inbox / "vk.csv").exists()  # a dry run moves nothing
    said = rub.ok("import", str(inbox / "vk.csv")).out
    assert said.splitlines()[-1] == f"vk.csv moved to {inbox / 'done'}."
    assert not (inbox / "vk.csv").exists()
    assert (inbox / "done" / "vk (2).csv").read_bytes() == ef.vk_csv()  # the older file is kept
    assert (inbox / "done" / "vk.csv").read_bytes() == b"an older file of the same name"
    assert {r["source"] for r in rub.export_rows()} == {VK}


def test_a_pipe_is_refused_not_waited_on_and_a_binary_csv_is_not_called_unknown(rub: Cli) -> None:
    import os

    pipe = rub.tmp / "export.csv"
    os.mkfifo(pipe)
    before = rub.files()
    assert (
        rub.refused("import", str(pipe))
        == f"{pipe} is not a regular file (a pipe or a device): save the export as a file first."
    )
    nul = rub.tmp / "values.csv"
    nul.write_bytes(b"date,kpi,value\n2026-11-02,performance.spend,5\x00\n")
    assert "not text" in rub.refused("import", str(nul))
    assert rub.files() == before


def test_the_preview_lists_what_a_restated_report_removes(rub: Cli) -> None:
    first = rub.tmp / "direct.tsv"
    first.write_text(
        "Date\tCampaignName\tImpressions\tCost\tConversions\n"
        "2026-11-02\tBrand\t10\t100000000\t1\n2026-11-03\tBrand\t10\t200000000\t2\n2026-11-04\tBrand\t10\t300000000\t3\n",
        encoding="utf-8",
    )
    rub.ok("import", str(first))
    first.write_text(  # the platform restated: 3 Nov had no delivery after all
        "Date\tCampaignName\tImpressions\tCost\tConversions\n"
        "2026-11-02\tBrand\t10\t100000000\t1\n2026-11-04\tBrand\t10\t300000000\t3\n",
        encoding="utf-8",
    )
    lines = rub.ok("import", str(first), "--dry-run").out.splitlines()
    at = lines.index("2 values of “yandex-direct” on these days are no longer in the file and go:")
    assert lines[at + 1 : at + 3] == [f"  {D3}  {LEADS}  2", f"  {D3}  {SPEND}  200"]
    assert lines[-1].endswith("0 would be written, 4 unchanged, 2 would be removed. Nothing was written.")
