"""Any exported table as a stream of (line number, cells): CSV/TSV text, XLSX/XLS, HTML tables.

The container is told by its first bytes, never by the file name (IMPORTS.md §0): ``PK`` is a zip
(XLSX/ODS), ``D0 CF 11 E0`` a legacy ``.xls``, ``<`` an HTML table (Bitrix24 saves its "Excel"
export that way), anything else text. Text is decoded by its BOM (UTF-8, UTF-16), else as UTF-8
if every byte says so, else as Windows-1251; its delimiter is the one of ``, ; TAB`` that splits
the first rows into the same number of fields (``csv.Sniffer`` gets Google's UTF-16 file and GA4's
``#`` block wrong). Rows are streamed, never collected, so a million-row file reads in bounded
memory.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import cast

from mkhats.errors import InputError

Cell = object
"""A cell: ``str`` from text and HTML; ``str``, ``float``, ``int``, ``bool``, ``date``,
``datetime``, ``timedelta`` or None from a spreadsheet."""

Rows = Iterator[tuple[int, list[Cell]]]

DELIMITERS = (",", ";", "\t")
_SAMPLE = 64 * 1024
_CHUNK = 1 << 20


@dataclass
class Table:
    """An opened file: what it is, how it was read, and its rows (an iterator: read once)."""

    kind: str  # "text", "spreadsheet" or "html"
    encoding: str | None
    delimiter: str | None
    rows: Rows


def container(data: bytes) -> str:
    """``zip``, ``ole``, ``html`` or ``text``, from the first bytes."""
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    head = data[:512]
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    return "html" if head.lstrip()[:1] == b"<" else "text"


def choose_encoding(data: bytes, wanted: str = "auto") -> str:
    """The codec to read ``data`` with: the profile's, else by BOM, else UTF-8 if valid, else cp1251."""
    if wanted != "auto":
        return "utf-8-sig" if wanted.replace("_", "-").lower() in ("utf-8", "utf8") else wanted
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:  # validate in chunks: a whole decoded copy of a large file is not needed to decide
        view = memoryview(data)
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1251"  # what Excel saves as "CSV" in a Russian locale
    return "utf-8"


def _sample_lines(data: bytes, encoding: str, comment: str) -> list[str]:
    """Up to 40 non-blank, non-comment lines from the start of the file (their ends kept)."""
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data[:_SAMPLE])
    lines = text.splitlines(keepends=True)
    if len(data) > _SAMPLE and lines:
        lines.pop()  # cut mid-line
    picked = [line for line in lines if line.strip() and not (comment and line.lstrip().startswith(comment))]
    return picked[:40]


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that gives most lines the same field count (above one); ``,`` if none does."""
    best: tuple[int, int, int] = (0, 0, 0)
    chosen = ","
    for priority, delimiter in enumerate(reversed(DELIMITERS)):
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        common = Counter(n for n in counts if n > 1).most_common(1)
        if not common:
            continue
        width, frequency = common[0]
        score = (frequency, width, priority)
        if score > best:
            best, chosen = score, delimiter
    return chosen


def _text_rows(data: bytes, encoding: str, delimiter: str) -> Rows:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cast(list[Cell], cells)  # str cells; no copy per row
    except UnicodeDecodeError:
        raise InputError("imports.encoding") from None
    except csv.Error:
        raise InputError("imports.malformed", line=reader.line_num + 1) from None


def _sheet_rows(data: bytes) -> Rows:
    from python_calamine import CalamineWorkbook  # a Rust extension: loaded only for spreadsheets

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [book.get_sheet_by_index(i) for i in range(len(book.sheet_names))]
        sheet = next((s for s in sheets if s.height), sheets[0] if sheets else None)
        if sheet is None:
            return
        start = sheet.start[0] if sheet.start else 0
        rows = list(sheet.iter_rows())
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:
        raise InputError("imports.spreadsheet") from None
    for index, cells in enumerate(rows):
        yield start + index + 1, list(cells)


class _TableParser(HTMLParser):
    """Collects ``<tr>`` rows of ``<td>``/``<th>`` cells; text inside a cell is joined by spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[list[Cell]] = []
        self.row: list[Cell] | None = None
        self.cell: list[str] | None = None

    def _close_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).split()))
        self.cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self.row is not None:
            self.done.append(self.row)
        self.row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._close_row()
            self.row = []
        elif tag in ("td", "th"):
            self._close_cell()
            if self.row is None:
                self.row = []
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._close_cell()
        elif tag in ("tr", "table"):
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html_rows(data: bytes, encoding: str) -> Rows:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="strict")
    parser = _TableParser()
    line = 0
    try:
        while chunk := stream.read(_SAMPLE):
            parser.feed(chunk)
            for cells in parser.done:
                line += 1
                yield line, cells
            parser.done.clear()
        parser.close()
        parser._close_row()
    except UnicodeDecodeError:
        raise InputError("imports.encoding") from None
    except AssertionError:  # html.parser's way of refusing a malformed declaration
        raise InputError("imports.html") from None
    for cells in parser.done:
        line += 1
        yield line, cells


def open_table(data: bytes, encoding: str = "auto", delimiter: str = "auto", comment: str = "") -> Table:
    """``data`` as a table of rows, read by its content.

    Raises:
        InputError: ``imports.empty`` for an empty file; reading the rows may raise
            ``imports.encoding``, ``imports.malformed``, ``imports.spreadsheet`` or ``imports.html``.
    """
    if not data or data.isspace():  # not data.strip(): that copies the whole file
        raise InputError("imports.empty")
    kind = container(data)
    if kind in ("zip", "ole"):
        return Table("spreadsheet", None, None, _sheet_rows(data))
    codec = choose_encoding(data, encoding)
    try:
        codecs.lookup(codec)
    except LookupError:
        raise InputError("imports.encoding") from None
    if kind == "html":
        return Table("html", codec, None, _html_rows(data, codec))
    sep = delimiter if delimiter != "auto" else sniff_delimiter(_sample_lines(data, codec, comment))
    return Table("text", codec, sep, _text_rows(data, codec, sep))
