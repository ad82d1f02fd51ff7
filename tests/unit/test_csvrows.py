"""The CSV importer and exporter of daily KPI values (SPEC §4 import/export)."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.domain.csvrows import (
    RowError,
    decode_csv,
    format_number,
    format_values_csv,
    parse_value_rows,
)
from mkhats.domain.models import Kpi, KpiValue
from mkhats.errors import InputError
from mkhats.i18n import set_language, t

KPIS = {
    k.key: k
    for k in (
        Kpi(key="performance.spend", unit="money", direction="down"),
        Kpi(key="performance.leads", unit="count"),
        Kpi(key="performance.cpa", unit="money", formula="spend / sales"),
        Kpi(key="content.traffic", unit="count"),
        Kpi(key="crm.unsubscribe_share", unit="percent"),
        Kpi(key="pm.cycle_days", unit="days", aggregate="mean"),
        Kpi(key="cmo.growth", unit="ratio"),
        Kpi(key="pm.hours", unit="hours"),
        Kpi(key="crm.old_metric", unit="count", retired=True),
    )
}
D = date(2026, 11, 23)


def values(text: str | bytes) -> list[tuple[str, date, float, str]]:
    data = text.encode() if isinstance(text, str) else text
    good, errors = parse_value_rows(data, KPIS, lang="en")
    assert errors == []
    return [(v.kpi, v.day, v.value, v.note) for v in good]


def errors(text: str) -> list[tuple[int, str]]:
    _, bad = parse_value_rows(text.encode(), KPIS, lang="en")
    return [(e.row, e.reason_key) for e in bad]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "date,kpi,value\n2026-11-23,performance.spend,1500\n",
            [("performance.spend", D, 1500.0, "")],
            id="short header",
        ),
        pytest.param(
            "date,kpi,value,note\n2026-11-23,performance.spend,1500.5,launch day\n",
            [("performance.spend", D, 1500.5, "launch day")],
            id="short header with note",
        ),
        pytest.param(
            "date,hat,kpi,value,note\n2026-11-23,performance,leads,12,\n",
            [("performance.leads", D, 12.0, "")],
            id="hat column",
        ),
        pytest.param(
            "date,hat,kpi,value\n2026-11-23,performance,performance.leads,12\n",
            [("performance.leads", D, 12.0, "")],
            id="hat column with a full key",
        ),
        pytest.param(
            " Date , KPI ,VALUE\n2026-11-23, Performance.Spend ,7\n",
            [("performance.spend", D, 7.0, "")],
            id="header case-insensitive and trimmed",
        ),
        pytest.param(
            "kpi,value,date\nperformance.spend,7,2026-11-23\n",
            [("performance.spend", D, 7.0, "")],
            id="columns in any order",
        ),
        pytest.param(
            "date;kpi;value;note\n23.11.2026;performance.spend;1 234,5;итог\n1.2.2026;performance.leads;3;\n",
            [
                ("performance.spend", D, 1234.5, "итог"),
                ("performance.leads", date(2026, 2, 1), 3.0, ""),
            ],
            id="semicolons, decimal comma, DD.MM.YYYY",
        ),
        pytest.param(
            "date;kpi;value\n23.11.2026;performance.spend;1\u00a0234\u00a0567,25\n",
            [("performance.spend", D, 1234567.25, "")],
            id="no-break space thousands",
        ),
        pytest.param(
            'date,kpi,value,note\n2026-11-23,performance.spend,"1 234,5","a, b ""c"""\n',
            [("performance.spend", D, 1234.5, 'a, b "c"')],
            id="quoted fields in a comma file",
        ),
        pytest.param(
            'date,kpi,value,note\n2026-11-23,performance.spend,1,"two\nlines"\n2026-11-24,performance.spend,2\n',
            [
                ("performance.spend", D, 1.0, "two\nlines"),
                ("performance.spend", date(2026, 11, 24), 2.0, ""),
            ],
            id="quoted newline",
        ),
        pytest.param(
            "date\tkpi\tvalue\n2026-11-23\tperformance.spend\t5\n",
            [("performance.spend", D, 5.0, "")],
            id="tabs",
        ),
        pytest.param(
            "\n\ndate,kpi,value\n\n2026-11-23,performance.spend,5\n,,\n \n",
            [("performance.spend", D, 5.0, "")],
            id="blank lines and empty rows skipped",
        ),
        pytest.param(
            "date,kpi,value\r\n2026-11-23,performance.spend,5\r\n",
            [("performance.spend", D, 5.0, "")],
            id="CRLF",
        ),
        pytest.param(
            "date,kpi,value,,\n2026-11-23,performance.spend,5,,\n",
            [("performance.spend", D, 5.0, "")],
            id="trailing empty columns",
        ),
        pytest.param(
            "date,kpi,value\n2026-11-23,crm.old_metric,4\n",
            [("crm.old_metric", D, 4.0, "")],
            id="retired KPI accepted",
        ),
        pytest.param(
            "date,kpi,value\n2026-11-23,cmo.growth,-3.5\n2026-11-23,crm.unsubscribe_share,-1\n",
            [("cmo.growth", D, -3.5, ""), ("crm.unsubscribe_share", D, -1.0, "")],
            id="ratio and percent may be negative",
        ),
        pytest.param(
            "date,kpi,value\n2026-11-23,performance.spend,5\n2026-11-23,performance.spend,5.0\n",
            [("performance.spend", D, 5.0, "")],
            id="identical repeat kept once",
        ),
        pytest.param(
            "date,kpi,value\n2026-11-23,performance.spend,-0\n",
            [("performance.spend", D, 0.0, "")],
            id="minus zero is zero",
        ),
        pytest.param("date,kpi,value\n", [], id="header only"),
    ],
)
def test_good_files(text: str, expected: list) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("encode", "note"),
    [
        (lambda s: s.encode("utf-8"), "заметка"),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "заметка"),
        (lambda s: s.encode("cp1251"), "Ёжик, «кавычки» — тире"),
        (lambda s: s.encode("utf-16"), "заметка"),
    ],
    ids=["utf-8", "utf-8 BOM", "cp1251", "utf-16 BOM"],
)
def test_encodings(encode, note: str) -> None:
    data = encode(f"date;kpi;value;note\n23.11.2026;performance.spend;10,5;{note}\n")
    assert values(data) == [("performance.spend", D, 10.5, note)]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("31.02.2026,performance.spend,1", "error.date_format"),
        ("2026-13-01,performance.spend,1", "error.date_format"),
        ("2026/11/23,performance.spend,1", "error.date_format"),
        ("2026-W48-1,performance.spend,1", "error.date_format"),
        ("2026-11-23,performance.nope,1", "csv.row.unknown_kpi"),
        ("2026-11-23,performance.sepnd,1", "csv.row.unknown_kpi_hint"),
        ("2026-11-23,spend,1", "csv.row.unknown_kpi_hint"),
        ("2026-11-23,nothing.spend,1", "csv.row.unknown_kpi"),
        ("2026-11-23,performance.cpa,1", "csv.row.formula"),
        ("2026-11-23,performance.spend,abc", "csv.row.number"),
        ("2026-11-23,performance.spend,12%", "csv.row.number"),
        ("2026-11-23,performance.spend,nan", "csv.row.number"),
        ("2026-11-23,performance.spend,inf", "csv.row.number"),
        ("2026-11-23,performance.spend,1e400", "csv.row.number"),
        ("2026-11-23,performance.spend,-1", "csv.row.negative"),
        ("2026-11-23,performance.leads,-1", "csv.row.negative"),
        ("2026-11-23,pm.cycle_days,-0.5", "csv.row.negative"),
        ("2026-11-23,pm.hours,-2", "csv.row.negative"),
        ("2026-11-23,performance.spend,", "csv.row.missing"),
        (",performance.spend,1", "csv.row.missing"),
        ("2026-11-23,performance.spend", "csv.row.missing"),
        ("2026-11-23,performance.spend,1,5,x", "csv.row.extra_cells"),
        ("2026-11-23,performance.spend,1," + "x" * 501, "csv.row.note_too_long"),
    ],
)
def test_bad_row(row: str, reason: str) -> None:
    assert errors(f"date,kpi,value,note\n2026-11-22,performance.spend,1\n{row}\n") == [(3, reason)]


def test_note_of_500_characters_is_fine() -> None:
    assert values(f"date,kpi,value,note\n2026-11-23,pm.hours,1,{'я' * 500}\n")[0][3] == "я" * 500


def test_every_bad_row_is_reported_with_its_spreadsheet_row() -> None:
    text = (
        "date,kpi,value\n"  # row 1
        "2026-11-23,performance.spend,1\n"  # 2 ok
        "bad,performance.spend,1\n"  # 3
        "\n"  # 4 blank, still a row in a spreadsheet
        "2026-11-24,performance.nope,1\n"  # 5
        "2026-11-25,performance.spend,x\n"  # 6
        "2026-11-26,performance.leads,2\n"  # 7 ok
    )
    good, bad = parse_value_rows(text.encode(), KPIS, lang="en")
    assert [(e.row, e.reason_key) for e in bad] == [
        (3, "error.date_format"),
        (5, "csv.row.unknown_kpi"),
        (6, "csv.row.number"),
    ]
    assert [v.kpi for v in good] == ["performance.spend", "performance.leads"]


def test_rows_after_a_quoted_newline_keep_spreadsheet_numbers() -> None:
    text = 'date,kpi,value,note\n2026-11-23,pm.hours,1,"a\nb"\n2026-11-24,pm.hours,x\n'
    assert errors(text) == [(3, "csv.row.number")]


def spend(cells: list[str], lang: str) -> tuple[list[float], list[tuple[int, str]]]:
    """The spend values of a file whose value cells are ``cells`` (rows 2, 3, …), and its bad rows."""
    text = "date;kpi;value\n" + "".join(f"2026-11-{10 + n};performance.spend;{c}\n" for n, c in enumerate(cells))
    good, bad = parse_value_rows(text.encode(), KPIS, lang=lang)
    return [v.value for v in good], [(e.row, e.reason_key) for e in bad]


@pytest.mark.parametrize(
    ("cells", "lang", "expected"),
    [
        # Nothing decides: "3,000" as the user's language writes it.
        (["3,000", "1500"], "en", [3000.0, 1500.0]),
        (["3,000", "1500"], "ru", [3.0, 1500.0]),
        # One value that can only be read with a decimal comma decides for the whole file…
        (["3,000", "1 234,5"], "en", [3.0, 1234.5]),
        (["1234,5", "3,000"], "en", [1234.5, 3.0]),
        # …and one with a decimal point, or with commas that can only be groups.
        (["3,000", "12.5"], "ru", [3000.0, 12.5]),
        (["1,234.5", "3,000"], "ru", [1234.5, 3000.0]),
        (["1,234,567", "3,000"], "ru", [1234567.0, 3000.0]),
        (["1.234,5", "3,000"], "en", [1234.5, 3.0]),
    ],
)
def test_a_file_decides_its_decimal_mark_once(cells: list[str], lang: str, expected: list[float]) -> None:
    assert spend(cells, lang) == (expected, [])


def test_a_file_with_both_decimal_marks_is_refused_naming_the_rows() -> None:
    cells = ["1234.5", "3,000", "2.5", "1234,5", "7"]
    assert spend(cells, "ru")[1] == [(5, "csv.row.mark_comma")]  # rows 2 and 4 have a point: more
    _, bad = parse_value_rows(
        (b"date;kpi;value\n2026-11-20;performance.spend;1234.5\n2026-11-21;performance.spend;1234,5\n"),
        KPIS,
        lang="ru",
    )
    assert [(e.row, e.reason_key) for e in bad] == [(2, "csv.row.mark_point")]  # a tie: Russian writes a comma
    assert bad[0].render() == (
        "Row 2: “1234.5” can only be read with a decimal point, and row 3 only with a decimal comma: "
        "write the whole file with one decimal mark."
    )


@pytest.mark.parametrize(
    ("cell", "key", "sentence"),
    [
        ("1,2,3", "error.number.groups", "Row 2: value: in “1,2,3” every group of thousands must have three digits."),
        (
            "12,34.5",
            "error.number.groups",
            "Row 2: value: in “12,34.5” every group of thousands must have three digits.",
        ),
        (
            "1.2.3",
            "error.number.marks",
            "Row 2: value: “1.2.3” has more than one decimal mark, or a separator after it.",
        ),
    ],
)
def test_a_malformed_grouping_is_refused_with_the_reason(cell: str, key: str, sentence: str) -> None:
    _, bad = parse_value_rows(f"date;kpi;value\n2026-11-20;performance.spend;{cell}\n".encode(), KPIS, lang="en")
    assert [(e.row, e.reason_key) for e in bad] == [(2, key)]
    assert bad[0].render() == sentence


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["2026-11-23,performance.spend,5", "23.11.2026,performance.spend,6"], [(3, 2)]),
        (["2026-11-23,performance.spend,5", "2026-11-23,performance.spend,5,other note"], [(3, 2)]),
        (
            [
                "2026-11-23,performance.spend,5",
                "2026-11-24,pm.hours,1",
                "2026-11-23,performance.spend,7",
            ],
            [(4, 2)],
        ),
        (["2026-11-23,performance.spend,5", "2026-11-23,performance.spend,5"], []),
        (["2026-11-23,performance.spend,x", "2026-11-23,performance.spend,5"], []),
    ],
    ids=["different value", "different note", "later row", "identical", "first row was bad"],
)
def test_duplicates(rows: list[str], expected: list[tuple[int, int]]) -> None:
    text = "date,kpi,value,note\n" + "\n".join(rows) + "\n"
    _, bad = parse_value_rows(text.encode(), KPIS, lang="en")
    dup = [(e.row, e.params["first"]) for e in bad if e.reason_key == "csv.row.duplicate"]
    assert dup == expected


@pytest.mark.parametrize(
    "header",
    [
        "date,value",
        "kpi,value",
        "2026-11-23,performance.spend,1",
        "date,kpi,value,colour",
        "date,kpi,kpi,value",
        "дата;показатель;значение",
    ],
)
def test_bad_header(header: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_value_rows(f"{header}\n2026-11-23,performance.spend,1\n".encode(), KPIS, lang="en")
    assert caught.value.key == "csv.header"
    assert "date,kpi,value[,note]" in caught.value.render()
    assert "date,hat,kpi,value[,note]" in caught.value.render()


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "csv.empty"),
        (b"   \r\n\n", "csv.empty"),
        (codecs.BOM_UTF8, "csv.empty"),
        (b",,,\n\n,,\r\n", "csv.empty"),
        (b";;;\n", "csv.empty"),
        (b"\x00\x01\x02date", "csv.encoding"),
        (b"\x98\x98", "csv.encoding"),  # 0x98 is unassigned in cp1251
    ],
)
def test_unreadable_files(data: bytes, key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_value_rows(data, KPIS, lang="en")
    assert caught.value.key == key


def test_decode_csv_prefers_utf8() -> None:
    assert decode_csv("дата".encode()) == "дата"
    assert decode_csv("дата".encode("cp1251")) == "дата"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_row_errors_render_as_one_sentence(lang: str) -> None:
    set_language(lang)
    try:
        text = "date,kpi,value\n2026-11-23,performance.spend,5\n2026-11-23,performance.spend,6\n"
        _, bad = parse_value_rows(text.encode(), KPIS, lang="en")
        rendered = bad[0].render()
        assert rendered.startswith("Row 3:" if lang == "en" else "Строка 3:")
        assert "performance.spend" in rendered and "2026-11-23" in rendered and "2" in rendered
        assert "{" not in rendered
    finally:
        set_language("en")


def test_every_reason_key_is_in_both_catalogues() -> None:
    reasons = {
        "csv.row.missing": {"column": "date"},
        "csv.row.extra_cells": {"cells": 5, "expected": 3},
        "csv.row.number": {"value": "x"},
        "csv.row.unknown_kpi": {"kpi": "a.b"},
        "csv.row.unknown_kpi_hint": {"kpi": "a.b", "hint": "a.c"},
        "csv.row.formula": {"kpi": "a.b"},
        "csv.row.negative": {"kpi": "a.b", "value": "-1"},
        "csv.row.note_too_long": {"length": 501, "max": 500},
        "csv.row.duplicate": {"kpi": "a.b", "day": "2026-11-23", "first": 2},
        "csv.row.mark_comma": {"value": "1,5", "rows": "2, 3", "n": 2},
        "csv.row.mark_point": {"value": "1.5", "rows": "2", "n": 1},
        "error.number.groups": {"field": "value", "value": "1,2,3"},
        "error.number.mixed": {"field": "value", "value": "1 234,567.5"},
        "error.number.marks": {"field": "value", "value": "1.2.3"},
    }
    for key, params in reasons.items():
        for lang in ("en", "ru"):
            text = RowError(2, key, params).render() if lang == "en" else t(key, "ru", **params)
            assert key not in text and "{" not in text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234.5, "1234.5"),
        (1500.0, "1500"),
        (0.0, "0"),
        (-3.25, "-3.25"),
        (1e-7, "1e-07"),
        (1e16, "1e+16"),
    ],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


def test_export_format() -> None:
    exported = format_values_csv(
        [
            KpiValue(kpi="performance.spend", day=date(2026, 11, 24), value=1234.5),
            KpiValue(kpi="performance.leads", day=date(2026, 11, 24), value=12.0, note="a, b"),
            KpiValue(kpi="content.traffic", day=date(2026, 11, 23), value=900.0),
            KpiValue(kpi="performance.spend", day=date(2026, 11, 24), value=80.0, source="vk-ads"),
        ]
    )
    assert exported.splitlines() == [
        "date,kpi,value,note,source",
        "2026-11-23,content.traffic,900,,manual",
        '2026-11-24,performance.leads,12,"a, b",manual',
        "2026-11-24,performance.spend,1234.5,,manual",
        "2026-11-24,performance.spend,80,,vk-ads",
    ]


def test_export_import_round_trip() -> None:
    original = [
        KpiValue(kpi="performance.spend", day=date(2026, 1, 1), value=0.1 + 0.2, note="ёлка"),
        KpiValue(kpi="cmo.growth", day=date(2024, 2, 29), value=-12.5, note='"quoted"; semi'),
        KpiValue(kpi="pm.hours", day=date(2026, 1, 1), value=8.0, note="two\nlines"),
    ]
    back, bad = parse_value_rows(format_values_csv(original).encode(), KPIS, lang="en")
    assert bad == []
    order = lambda v: (v.day, v.kpi)  # noqa: E731
    assert sorted(back, key=order) == sorted(original, key=order)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_input_errors(data: bytes) -> None:
    try:
        _good, bad = parse_value_rows(data, KPIS, lang="en")
    except InputError as error:
        assert error.render()
    else:
        assert all(isinstance(e.render(), str) for e in bad)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('date,kpi;value\n\r"5 .-,xперф\t'), max_size=200))
def test_arbitrary_csv_like_text_raises_only_input_errors(text: str) -> None:
    try:
        parse_value_rows(("date,kpi,value\n" + text).encode(), KPIS, lang="en")
    except InputError:
        pass


_MEASURED = [k for k in KPIS.values() if k.formula is None]
_NOTE = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@st.composite
def _value(draw: st.DrawFn) -> KpiValue:
    kpi = draw(st.sampled_from(_MEASURED))
    low = 0.0 if kpi.unit in ("count", "money", "hours", "days") else None
    number = draw(st.floats(min_value=low, allow_nan=False, allow_infinity=False))
    day = draw(st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)))  # SPEC §5
    return KpiValue(kpi=kpi.key, day=day, value=number + 0.0, note=draw(_NOTE))


@settings(max_examples=200, deadline=None)
@given(st.lists(_value(), max_size=20, unique_by=lambda v: (v.kpi, v.day)))
def test_valid_values_round_trip(original: list[KpiValue]) -> None:
    back, bad = parse_value_rows(format_values_csv(original).encode(), KPIS, lang="en")
    assert bad == []
    key = lambda v: (v.day, v.kpi)  # noqa: E731
    assert [v.model_dump() for v in back] == [v.model_dump() for v in sorted(original, key=key)]
