"""Daily KPI values as CSV: decoding, parsing and validating an import, formatting an export.

Pure: bytes in, values and row errors out. The import accepts what spreadsheets actually save
(SPEC §4): UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1251; ``,``, ``;`` or tab
delimiters sniffed from the header line; one decimal mark per file, decided by its values
(``1234,5`` votes for a comma, ``1234.5`` or ``1,234.5`` for a point; a file with both is refused),
so that ``3,000`` reads the same in every row; spaces as thousands separators;
``YYYY-MM-DD`` or ``DD.MM.YYYY`` dates. Every row is validated and every bad row is reported, so
the caller can refuse the whole file and list what to fix. Row numbers are the ones a spreadsheet
shows (the header is row 1, blank rows count).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from datetime import date
from typing import Any

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Kpi, KpiValue
from mkhats.domain.numbers import COMMA, MarkDecision, decide_mark, read_number
from mkhats.domain.safe_text import from_spreadsheet_cell, spreadsheet_cell
from mkhats.domain.sources import MANUAL
from mkhats.domain.weeks import check_day, parse_day
from mkhats.errors import InputError, Message

NOTE_MAX = 500
"""The longest note a value can carry (``ShortText``)."""

NON_NEGATIVE_UNITS = frozenset({"count", "money", "hours", "days"})
"""Units whose values cannot be below zero (SPEC §1: counts and money are ≥ 0)."""

EXPORT_HEADER = ("date", "kpi", "value", "note", "source")
_KNOWN_COLUMNS = frozenset({"date", "hat", "kpi", "value", "note", "source"})
_SOURCE = re.compile(r"[a-z0-9][a-z0-9_-]{0,40}")
_DELIMITERS = (",", ";", "\t")


@light_dataclass(frozen=True)
class RowError:
    """Why row ``row`` of an imported file was refused: a catalogue key and its parameters."""

    row: int
    reason_key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        """``Row 7: “31.02.2026” is not a date …`` in the current language."""
        return Message("csv.row", {"row": self.row, "reason": Message(self.reason_key, self.params)}).render()


def decode_csv(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM optional), UTF-16 with a BOM, else Windows-1251.

    Raises:
        InputError: ``csv.empty`` for a file with nothing but whitespace, ``csv.encoding`` when
            the bytes are none of those encodings.
    """
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                # Excel's "CSV" in a Russian locale is Windows-1251.
                text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise InputError("csv.encoding") from None
    if "\x00" in text:  # a binary file, or UTF-16 without its BOM: no text file holds NUL
        raise InputError("csv.encoding")
    if not text.strip():
        raise InputError("csv.empty")
    return text


def _sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most (``,`` when it uses none)."""
    for line in io.StringIO(text, newline=""):
        if line.strip():
            counts = [(line.count(d), -i, d) for i, d in enumerate(_DELIMITERS)]
            best = max(counts)
            return best[2] if best[0] else ","
    return ","


def _columns(cells: list[str]) -> dict[str, int]:
    """Column name → index, from a header row; raises ``csv.header`` if it is not one we read."""
    names = [cell.strip().lstrip("\ufeff").lower() for cell in cells]
    while names and not names[-1]:
        names.pop()  # Excel keeps trailing empty columns
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name not in _KNOWN_COLUMNS or name in columns:
            columns = {}
            break
        columns[name] = index
    if not {"date", "kpi", "value"} <= columns.keys():
        raise InputError("csv.header", found=", ".join(n for n in names if n) or "—")
    return columns


class _RowChecker:
    """Validates one data row at a time against the KPIs; remembers rows for duplicates."""

    def __init__(self, columns: dict[str, int], kpis: Mapping[str, Kpi]) -> None:
        self.columns = columns
        self.marks = MarkDecision(".", {})
        self.width = max(columns.values()) + 1
        self.kpis = kpis
        self.seen: dict[tuple[str, date, str], tuple[int, float, str]] = {}
        self.values: list[KpiValue] = []
        self.errors: list[RowError] = []
        self._hints: dict[str, str | None] = {}
        self._date_i = columns["date"]
        self._kpi_i = columns["kpi"]
        self._value_i = columns["value"]
        self._hat_i = columns.get("hat")
        self._note_i = columns.get("note")
        self._source_i = columns.get("source")

    def _cell(self, cells: list[str], index: int | None) -> str:
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    def value_cell(self, cells: list[str]) -> str:
        """The row's value cell, stripped."""
        return self._cell(cells, self._value_i)

    def _key(self, cells: list[str]) -> str:
        kpi = self._cell(cells, self._kpi_i).lower()
        if self._hat_i is None:
            return kpi
        hat = self._cell(cells, self._hat_i).lower()
        if not hat or kpi.startswith(hat + "."):
            return kpi
        return f"{hat}.{kpi}"

    def _hint(self, key: str) -> str | None:
        """The KPI the user probably meant: a close name in the same hat, or a bare name's hat."""
        hat, _, name = key.rpartition(".")
        if not hat:
            return next((k for k in self.kpis if k.endswith("." + name)), None)
        names = [k.split(".", 1)[1] for k in self.kpis if k.startswith(hat + ".")]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
        return f"{hat}.{close[0]}" if close else None

    def _unknown(self, key: str) -> tuple[str, dict[str, Any]]:
        if key not in self._hints:
            self._hints[key] = self._hint(key)
        hint = self._hints[key]
        if hint:
            return "csv.row.unknown_kpi_hint", {"kpi": key, "hint": hint}
        return "csv.row.unknown_kpi", {"kpi": key}

    def check(self, row: int, cells: list[str]) -> None:
        """Validate ``cells`` (spreadsheet row ``row``); record a value or an error."""
        problem = self._problem(row, cells)
        if problem is not None:
            self.errors.append(RowError(row, problem[0], problem[1]))

    def _problem(self, row: int, cells: list[str]) -> tuple[str, dict[str, Any]] | None:
        if any(c.strip() for c in cells[self.width :]):
            return "csv.row.extra_cells", {"cells": len(cells), "expected": self.width}
        for name in ("date", "hat", "kpi", "value"):
            if name in self.columns and not self._cell(cells, self.columns[name]):
                return "csv.row.missing", {"column": name}
        raw_day = self._cell(cells, self._date_i)
        try:
            if len(raw_day) == 10 and raw_day[4] == raw_day[7] == "-" and raw_day.isascii():
                day = check_day(date.fromisoformat(raw_day), raw_day)
            else:
                day = parse_day(raw_day)
        except InputError as error:
            return error.key, error.params
        except ValueError:
            return "error.date_format", {"value": raw_day}
        key = self._key(cells)
        kpi = self.kpis.get(key)
        if kpi is None:
            return self._unknown(key)
        if kpi.formula is not None:
            return "csv.row.formula", {"kpi": key}
        raw_value = self._cell(cells, self._value_i)
        if row in self.marks.against:
            key = "csv.row.mark_point" if self.marks.mark == COMMA else "csv.row.mark_comma"
            rows = self.marks.against[row]
            return key, {"value": raw_value, "rows": ", ".join(map(str, rows)), "n": len(rows)}
        try:
            value = read_number(raw_value, "value", self.marks.mark)
        except InputError as error:
            if error.key != "error.number":
                return error.key, error.params  # why: a group of two digits, two decimal marks…
            return "csv.row.number", {"value": raw_value}
        if value < 0 and kpi.unit in NON_NEGATIVE_UNITS:
            return "csv.row.negative", {"kpi": key, "value": raw_value}
        if value == 0:
            value = 0.0  # no "-0" in the store or the export
        note = cells[self._note_i] if self._note_i is not None and self._note_i < len(cells) else ""
        # The same normalisation as ``ShortText``: values are built without validation below.
        note = (note if note.isascii() else unicodedata.normalize("NFC", note)).strip()
        note = from_spreadsheet_cell(note)  # our export's apostrophe before "=…": the note as typed
        if len(note) > NOTE_MAX:
            return "csv.row.note_too_long", {"length": len(note), "max": NOTE_MAX}
        source = self._cell(cells, self._source_i).lower() or MANUAL
        if not _SOURCE.fullmatch(source):
            return "csv.row.source", {"value": self._cell(cells, self._source_i)[:60]}
        earlier = self.seen.get((key, day, source))
        if earlier is not None:
            if earlier[1] == value and earlier[2] == note:
                return None  # the same line twice: keep it once
            return "csv.row.duplicate", {"kpi": key, "day": day.isoformat(), "first": earlier[0]}
        self.seen[(key, day, source)] = (row, value, note)
        self.values.append(KpiValue.model_construct(kpi=key, day=day, value=value, note=note, source=source))
        return None


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """The rows of ``text`` that hold anything, with their spreadsheet row numbers.

    Raises:
        InputError: ``csv.malformed`` naming the row that cannot be split into cells.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row = 0
    try:
        for row, cells in enumerate(reader, start=1):
            if any(c.strip() for c in cells):
                yield row, cells
    except csv.Error:
        raise InputError("csv.malformed", row=row + 1) from None


def parse_value_rows(data: bytes, kpis: Mapping[str, Kpi], *, lang: str) -> tuple[list[KpiValue], list[RowError]]:
    """Parse and validate an import file of daily KPI values.

    Args:
        data: The file's bytes.
        kpis: Every KPI by key, retired ones included (their history can be imported).
        lang: The user's language: its decimal mark reads a file whose values do not decide it.

    Returns:
        The values of the good rows in file order (a row repeated identically is kept once), and
        one error per bad row in file order. The caller writes nothing unless the errors are empty.

    Raises:
        InputError: the file is empty or not text (``csv.empty``, ``csv.encoding``), its first
            line is not a header we read (``csv.header``), or it cannot be split into cells
            (``csv.malformed``).
    """
    text = decode_csv(data)
    delimiter = _sniff_delimiter(text)
    rows = _rows(text, delimiter)
    header = next(rows, None)
    if header is None:
        raise InputError("csv.empty")
    checker = _RowChecker(_columns(header[1]), kpis)
    # The whole value column decides the decimal mark before any row is read (SPEC §4). The text
    # is split twice rather than its rows kept: a 1,000,000-row file's cells are ≈ 300 MB.
    checker.marks = decide_mark(((n, checker.value_cell(cells)) for n, cells in rows), lang)
    body = _rows(text, delimiter)
    next(body)
    for n, cells in body:
        checker.check(n, cells)
    return checker.values, checker.errors


def format_number(value: float) -> str:
    """A value as the export writes it: ``1234.5``, ``1500`` (no ``.0``), ``1e-07``."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if not math.isfinite(value):
        raise ValueError(f"not a finite value: {value!r}")
    return repr(value)


def format_values_csv(values: Iterable[KpiValue]) -> str:
    """The export CSV: header ``date,kpi,value,note,source``, one row per value and source, by date then KPI.

    The text reads back through ``parse_value_rows`` to the same values. A note starting with
    ``= + - @`` gets a leading apostrophe, so a spreadsheet shows it as text instead of running it
    (SPEC §5); the import takes that apostrophe off again. Values stay numbers (``-5``).
    """
    buffer = io.StringIO()
    # CRLF as RFC 4180 and Excel have it; it also makes the writer quote a note holding a lone "\r".
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADER)
    for item in sorted(values, key=lambda v: (v.day, v.kpi, v.source != MANUAL, v.source)):
        writer.writerow(
            (item.day.isoformat(), item.kpi, format_number(item.value), spreadsheet_cell(item.note), item.source)
        )
    return buffer.getvalue()
