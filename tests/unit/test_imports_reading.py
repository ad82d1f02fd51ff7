"""The reading layer: containers, encodings, delimiters, numbers, days, refusals, bounded memory.

The property test feeds random bytes (and random bytes behind each container's magic) to
``recognise`` and to ``read`` with every profile: nothing but our one-sentence refusal may come out.
"""

from __future__ import annotations

import codecs
import contextlib
import tracemalloc
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.errors import InputError
from mkhats.imports import first_header_line, load_profiles, read, recognise, unknown_file
from mkhats.imports.cells import (
    BadCell,
    currency_code,
    day_reader,
    decide_mark,
    header_currency,
    mark_of,
    month_number,
    read_number,
)
from mkhats.imports.tables import container, open_table, sniff_delimiter
from tests.unit.imports_files import html_table, xlsx

PROFILES = load_profiles(None)
MSK = ZoneInfo("Europe/Moscow")


# -- containers, encodings, delimiters ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "ole"),
        (b"  <html><table>", "html"),
        (codecs.BOM_UTF8 + b"<table>", "html"),
        (b"a,b\n1,2", "text"),
        (codecs.BOM_UTF16_LE + "a\tb".encode("utf-16-le"), "text"),
    ],
)
def test_the_container_is_told_by_its_first_bytes(data: bytes, kind: str) -> None:
    assert container(data) == kind


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Дата;Расход\n02.11.2026;1,5\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Дата;Расход\n".encode(), "utf-8-sig"),
        ("Дата;Расход\n02.11.2026;1,5\n".encode("cp1251"), "cp1251"),
        (codecs.BOM_UTF16_LE + "Day\tCost\n".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Day\tCost\n".encode("utf-16-be"), "utf-16"),
    ],
)
def test_encoding_by_bom_then_utf8_then_cp1251(data: bytes, encoding: str) -> None:
    table = open_table(data)
    assert table.encoding == encoding
    assert next(cells for _, cells in table.rows)[0] in ("Дата", "Day")


@pytest.mark.parametrize(
    ("lines", "delimiter"),
    [
        (["Report\n", "Дата;Расход\n", "02.11.2026;1,5\n", "03.11.2026;2,25\n"], ";"),
        (['"Title (2026-11-02 - 2026-11-03)"\n', "Date\tName\tCost\n", "2026-11-02\tA, b\t1\n"], "\t"),
        (["Campaign report\n", '"November 2, 2026 - November 3, 2026"\n', "a,b,c\n", '1,"1,657",3\n'], ","),
        (["single\n", "column\n"], ","),
    ],
)
def test_delimiter_by_consistent_field_counts(lines: list[str], delimiter: str) -> None:
    assert sniff_delimiter(lines) == delimiter


def test_rows_are_numbered_as_the_file_shows_them() -> None:
    rows = list(open_table(b'a,b\r\n\r\n1,"two\nlines"\r\n3,4\r\n').rows)
    assert [line for line, _ in rows] == [1, 2, 4, 5]
    assert rows[2][1] == ["1", "two\nlines"]


def test_html_table_cells_and_entities() -> None:
    data = html_table([["Name", "Сумма"], ["A & B", "1 000"]])
    assert [cells for _, cells in open_table(data).rows] == [["Name", "Сумма"], ["A & B", "1 000"]]


def test_xlsx_cells_keep_their_types() -> None:
    rows = list(open_table(xlsx([["Day", "Cost"], [date(2026, 11, 2), 1.5], [datetime(2026, 11, 2, 23, 30), 2]])).rows)
    assert rows[1] == (2, [date(2026, 11, 2), 1.5]) and rows[2][1][0] == datetime(2026, 11, 2, 23, 30)


# -- numbers, days, currencies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("4078,62", ","),
        ("2,620.68", "."),
        ("1,657", None),
        ("1.234.567", ","),
        ("1,234,567", "."),
        ("0.5", "."),
        ("1 234,5", ","),
        ("3.73%", "."),
        ("1500", None),
        ("--", None),
        ("1.234,5", ","),
    ],
)
def test_a_cell_proves_a_decimal_mark_or_not(text: str, mark: str | None) -> None:
    assert mark_of(text) == mark


def test_the_file_mark_is_the_first_proven_one() -> None:
    assert decide_mark(["1,657", "12", "2,620.68"]) == "."
    assert decide_mark(["1 500", "250,50"]) == ","
    assert decide_mark(["1,657"]) == "."  # nothing proves a comma: it groups thousands


@pytest.mark.parametrize(
    ("cell", "mark", "value"),
    [
        ("1,657", ".", 1657.0),
        ("2,620.68", ".", 2620.68),
        ("1 500,00", ",", 1500.0),
        ("4078,62", ",", 4078.62),
        ("1\u00a0234,5", ",", 1234.5),
        ("1.234,5", ",", 1234.5),
        ("3.73%", ".", 3.73),
        ("−5", ".", -5.0),
        ("--", ".", None),
        ("-", ",", None),
        ("—", ".", None),
        ("", ".", None),
        (None, ".", None),
        (10171.0, ",", 10171.0),
        ("12 руб.", ",", 12.0),
        ("$1,200.50", ".", 1200.5),
    ],
)
def test_numbers_read_with_the_file_mark(cell: object, mark: str, value: float | None) -> None:
    assert read_number(cell, mark) == value


@pytest.mark.parametrize(
    ("cell", "mark"), [("abc", "."), ("1,2,3", "."), ("1.5", ","), ("inf", "."), ("1_000", "."), ("12,34", ".")]
)
def test_what_is_not_a_number_with_that_mark(cell: str, mark: str) -> None:
    with pytest.raises(BadCell):
        read_number(cell, mark)


@pytest.mark.parametrize(
    ("cell", "formats", "day"),
    [
        ("2026-11-02", ["%Y-%m-%d"], date(2026, 11, 2)),
        ("02.11.2026", ["%d.%m.%Y"], date(2026, 11, 2)),
        ("20261102", ["%Y%m%d"], date(2026, 11, 2)),
        ("Nov 2, 2026", ["%b %d, %Y"], date(2026, 11, 2)),
        ("Mon, Nov 2, 2026", ["%a, %b %d, %Y"], date(2026, 11, 2)),
        ("November 2, 2026", ["%B %d, %Y"], date(2026, 11, 2)),
        ("2 ноября 2026", ["%d %B %Y"], date(2026, 11, 2)),
        ("2 мая 2026", ["%d %B %Y"], date(2026, 5, 2)),
        ("2 марта 2026", ["%d %B %Y"], date(2026, 3, 2)),
        ("02.11.2026 23:30:00", ["%d.%m.%Y %H:%M:%S"], date(2026, 11, 2)),
        ("2026-11-02T21:30:00Z", ["%Y-%m-%dT%H:%M:%S%z"], date(2026, 11, 3)),
        ("2026-11-02T23:30:00+03:00", ["%Y-%m-%dT%H:%M:%S%z"], date(2026, 11, 2)),
        (20261102, ["%Y%m%d"], date(2026, 11, 2)),
        (46328.0, ["%d.%m.%Y"], date(2026, 11, 2)),
        (date(2026, 11, 2), ["%d.%m.%Y"], date(2026, 11, 2)),
        (datetime(2026, 11, 2, 21, 30, tzinfo=UTC), ["%d.%m.%Y"], date(2026, 11, 3)),
        ("", ["%Y-%m-%d"], None),
        ("--", ["%Y-%m-%d"], None),
    ],
)
def test_days_in_the_formats_exports_use(cell: object, formats: list[str], day: date | None) -> None:
    assert day_reader(tuple(formats), None, MSK)(cell) == day


@pytest.mark.parametrize("cell", ["31.02.2026", "2026-11-02", "Total", "13.13.2026"])
def test_not_a_day(cell: str) -> None:
    with pytest.raises(BadCell):
        day_reader(("%d.%m.%Y",), None, MSK)(cell)


def test_month_names() -> None:
    assert [month_number(n) for n in ("Jan", "sept", "Май", "мае", "март", "дек.", "xyz")] == [1, 9, 5, 5, 3, 12, None]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("руб.", "RUB"),
        ("₽", "RUB"),
        ("usd", "USD"),
        ("Российский рубль", "RUB"),
        ("тенге", "KZT"),
        ("у.е.", "у.е."),
        ("", None),
    ],
)
def test_currencies_as_exports_write_them(text: str, code: str | None) -> None:
    assert currency_code(text) == code


def test_currency_in_a_header() -> None:
    assert header_currency("Amount spent (BRL)") == "BRL"
    assert header_currency("Расход (руб.)") == "RUB"
    assert header_currency("Cost") is None


# -- refusals ----------------------------------------------------------------------------------------


def test_an_unknown_file_is_refused_quoting_its_header() -> None:
    data = b"Exported by Shop\nName,Email,Phone\nBob,b@example.com,123\n"
    assert recognise(data, PROFILES.values()) is None
    assert first_header_line(data) == "Name,Email,Phone"
    refusal = unknown_file(data)
    assert refusal.key == "imports.unknown_file" and "Name,Email,Phone" in refusal.render()


def test_a_profile_that_does_not_fit_names_the_files_header() -> None:
    with pytest.raises(InputError) as caught:
        read(b"Name;Email\nBob;b@x\n", PROFILES["google-ads"], "Europe/Moscow")
    assert caught.value.key == "imports.unknown_layout" and caught.value.params["line"] == "Name;Email"


def test_bad_rows_are_all_listed_with_their_lines() -> None:
    text = "Date\tCampaignName\tCost\n2026-11-02\tA\t100\n31.02.2026\tB\t5\n2026-11-03\tC\tlots\n2026-11-04\tD\t7\n"
    result = read(text.encode(), PROFILES["yandex-direct-api"], "Europe/Moscow")
    assert result.bad == [
        (3, "imports.row.day", {"value": "31.02.2026", "formats": "%Y-%m-%d"}),
        (4, "imports.row.number", {"value": "lots", "column": "Cost"}),
    ]
    assert not result.ok and result.bad_count == 2


@pytest.mark.parametrize("data", [b"", b"  \n\n", b"\x00\x01\x02\xff\xfe\x98"])
def test_empty_and_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        read(data, PROFILES["ga4"], "Europe/Moscow")


def test_an_unknown_time_zone_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        read(b"Date,Sessions\n20261102,5\n", PROFILES["ga4"], "Mars/Olympus")
    assert caught.value.key == "imports.timezone"


def test_a_damaged_spreadsheet_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        read(xlsx([["a"]])[:200], PROFILES["meta-ads"], "UTC")
    assert caught.value.key == "imports.spreadsheet"


_PREFIXES = st.sampled_from(
    [
        b"",
        b"PK\x03\x04",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"<table><tr><td>",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        b"Date\tCost\tImpressions\n",
        b"\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0;",
    ]
)


@settings(max_examples=150)
@given(
    prefix=_PREFIXES,
    body=st.binary(max_size=400) | st.text(alphabet=",;\t\n\"'#<>Date0123.-: Cost", max_size=300).map(str.encode),
)
def test_random_bytes_give_our_refusal_or_a_result(prefix: bytes, body: bytes) -> None:
    data = prefix + body
    with contextlib.suppress(InputError):
        recognise(data, PROFILES.values())
    for profile in PROFILES.values():
        try:
            read(data, profile, "Europe/Moscow")
        except InputError as refusal:
            assert refusal.key.startswith("imports.")


# -- bounded memory ----------------------------------------------------------------------------------


def test_a_long_file_is_read_in_bounded_memory() -> None:
    """100,000 rows (≈ 4 MB): the rows are streamed and summed, never held (a list of them would
    take ≈ 40 MB); only the per-day sums grow."""
    lines = ["Date\tCampaignName\tImpressions\tCost"]
    days = [date(2026, 1, 1).toordinal() + i for i in range(365)]
    lines += [
        f"{date.fromordinal(days[i % 365]).isoformat()}\tCampaign {i % 50}\t{i % 1000}\t{i % 997}000000"
        for i in range(100_000)
    ]
    data = ("\n".join(lines) + "\n").encode()
    del lines
    tracemalloc.start()
    try:
        result = read(data, PROFILES["yandex-direct-api"], "Europe/Moscow")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.rows == 100_000 and len(result.days("performance.spend")) == 365
    assert sum(result.days("performance.spend").values()) == pytest.approx(sum(i % 997 for i in range(100_000)))
    assert peak < 12_000_000
