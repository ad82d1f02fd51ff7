"""Reading an export through a profile: bytes in, per-day totals per KPI out (SPEC §9).

Rows are streamed and summed per (KPI, day) as they come, so memory stays bounded whatever the
file's length. A row without a day is a totals row (skipped by pattern and listed), a row outside
the profile's filters (a deal not won) is counted, and a row with an unreadable day or number is
bad: it is listed and stops the import. A report with no day column, or whose rows each cover a
period rather than a day, is refused: it is never spread over its period.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkhats.errors import InputError
from mkhats.imports.cells import (
    BadCell,
    cell_text,
    currency_code,
    day_reader,
    decide_mark,
    has_fraction,
    header_currency,
    norm_name,
    read_number,
)
from mkhats.imports.header import find_columns, find_header, normalised, peek
from mkhats.imports.profile import Condition, Profile
from mkhats.imports.result import LIST_LIMIT, ImportResult, Layout, Mapped
from mkhats.imports.tables import Cell, open_table

MICROS = 1_000_000
_SAMPLE_ROWS = 1000  # rows read ahead to decide the file's decimal mark
Test = Callable[[list[Cell]], bool]


def _zone(tz: str | tzinfo | None) -> tzinfo:
    if tz is None or isinstance(tz, tzinfo):
        return tz or ZoneInfo("UTC")
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError("imports.timezone", value=tz) from None


def _at(cells: list[Cell], index: int | None) -> str:
    return cell_text(cells[index]) if index is not None and index < len(cells) else ""


def _condition(cond: Condition, header: list[str]) -> tuple[Test, str | None]:
    """A test on a row, and the column name when the file lacks it (it then reads as empty)."""
    found = find_columns(cond.column, header)
    index = found[0] if found else None
    missing = None if found else cond.column[0]
    if cond.in_ is not None or cond.not_in is not None:
        values = frozenset(norm_name(v) for v in (cond.in_ if cond.in_ is not None else cond.not_in or []))
        wanted = cond.in_ is not None
        return (lambda cells: (norm_name(_at(cells, index)) in values) is wanted), missing
    pattern = re.compile(cond.matches if cond.matches is not None else cond.not_matches or "", re.IGNORECASE)
    wanted = cond.matches is not None
    return (lambda cells: (pattern.search(_at(cells, index)) is not None) is wanted), missing


def _as_found(cond: Condition, header: list[str], raw_header: list[str]) -> Condition:
    """The condition naming the column as this file does (for the preview), if the file has it."""
    found = find_columns(cond.column, header)
    return cond.model_copy(update={"column": [raw_header[found[0]]]}) if found else cond


class _Plan:
    """A profile resolved against one file's header: column indexes and compiled tests."""

    def __init__(self, profile: Profile, header: list[str], raw_header: list[str], user_zone: tzinfo) -> None:
        self.profile = profile
        self.notes: list[tuple[str, dict[str, Any]]] = []
        found = find_columns(profile.date.column, header)
        if not found:
            raise InputError("imports.no_day", profile=profile.name, column=profile.date.column[0])
        self.date_i = found[0]
        end = find_columns(profile.date.end_column, header)
        self.end_i = end[0] if end else None
        self.read_day = day_reader(tuple(profile.date.formats), profile.date.zone(), user_zone)
        lacking = next((c.column[0] for c in profile.where if not find_columns(c.column, header)), None)
        if lacking is not None:  # a won deal cannot be told from a lost one: every row would count
            raise InputError("imports.where_missing", profile=profile.name, column=lacking)
        self.where = [self._test(c, header) for c in profile.where]
        self.kpis: list[tuple[str, bool, list[int], bool, list[Test]]] = []
        self.mapping: list[Mapped] = []
        for k in profile.kpi:
            columns = find_columns(k.column, header) if k.aggregate == "sum" else []
            if k.aggregate == "sum" and not columns:
                self.notes.append(("imports.note.kpi_missing", {"kpi": k.key, "column": k.column[0]}))
                continue
            lacking = next((c.column[0] for c in k.where if not find_columns(c.column, header)), None)
            if lacking is not None:  # its rows cannot be told apart: not imported, nor replaced
                self.notes.append(("imports.note.kpi_missing", {"kpi": k.key, "column": lacking}))
                continue
            tests = [self._test(c, header) for c in k.where]
            self.kpis.append((k.key, k.aggregate == "count", columns, k.money, tests))
            names = tuple(raw_header[i] for i in columns)
            where = tuple(_as_found(c, header, raw_header) for c in (*profile.where, *k.where))
            self.mapping.append(Mapped(k.key, k.aggregate, names, k.money, where))
        if not self.kpis:
            raise InputError(
                "imports.nothing", profile=profile.name, columns=", ".join(k.column[0] for k in profile.kpi)
            )
        self.value_columns = sorted({i for _, _, cols, _, _ in self.kpis for i in cols})
        self.empty_groups = [g[0] for g in (find_columns(n, header) for n in profile.rows.skip_when_empty) if g]
        self.skip = [re.compile(p, re.IGNORECASE) for p in profile.rows.skip]
        self.header = header
        currency = profile.currency
        found_currency = find_columns(currency.column or [], header)
        self.currency_i = found_currency[0] if found_currency else None
        self.fixed_currency = currency_code(currency.fixed) if currency.fixed else None
        if currency.from_header:
            money_columns = [raw_header[i] for _, _, cols, money, _ in self.kpis if money for i in cols]
            self.fixed_currency = next((c for c in map(header_currency, money_columns) if c), None)

    def _test(self, cond: Condition, header: list[str]) -> Test:
        test, missing = _condition(cond, header)
        note = ("imports.note.column_missing", {"column": missing})
        if missing and note not in self.notes:
            self.notes.append(note)
        return test


class _Reading:
    """The running sums and lists of one read."""

    def __init__(self, plan: _Plan, result: ImportResult) -> None:
        self.plan = plan
        self.result = result
        self.fraction_seen = False
        self.periods = 0
        self.first: date | None = None
        self.last: date | None = None
        self.data_started = False
        self.stopped = False

    def skip(self, line: int, key: str, **params: Any) -> None:
        self.result.skipped_count += 1
        if len(self.result.skipped) < LIST_LIMIT:
            self.result.skipped.append((line, key, params))

    def bad(self, line: int, key: str, **params: Any) -> None:
        self.result.bad_count += 1
        if len(self.result.bad) < LIST_LIMIT:
            self.result.bad.append((line, key, params))

    def not_data(self, line: int, cells: list[Cell], raw_day: str, unreadable: bool) -> None:
        """A row whose day cell is empty or unreadable: blank, comment, totals, filtered or bad."""
        plan = self.plan
        texts = [cell_text(c) for c in cells]
        first = next((t for t in texts if t), None)
        if first is None:
            return
        comment = plan.profile.file.comment
        if comment and first.startswith(comment):
            self.stopped = self.data_started  # GA4: a second "#" block starts another table
            return
        if any(p.search(first) for p in plan.skip):
            self.skip(line, "imports.skip.total", label=first[:60])
        elif [norm_name(t) for t in texts] == plan.header:
            return  # the header repeated (files joined by hand)
        elif not all(test(cells) for test in plan.where):
            self.result.filtered += 1
        elif not unreadable:
            self.skip(line, "imports.skip.no_day", column=plan.profile.date.column[0])
        else:
            self.bad(line, "imports.row.day", value=raw_day[:40], formats=" / ".join(plan.profile.date.formats))

    def taker(self, mark: str) -> Callable[[int, list[Cell]], None]:
        """The per-row function, with what it needs bound once: it runs a million times a file."""
        plan, result, not_data = self.plan, self.result, self.not_data
        date_i, read_day, kpis, totals = plan.date_i, plan.read_day, plan.kpis, result.totals
        where, empty_groups, end_i = plan.where, plan.empty_groups, plan.end_i
        watch = plan.profile.numbers.money == "micros-or-units"

        def take(line: int, cells: list[Cell]) -> None:
            width = len(cells)
            raw = cells[date_i] if date_i < width else None
            try:
                day = read_day(raw)
            except BadCell:
                not_data(line, cells, cell_text(raw), True)
                return
            if day is None:
                not_data(line, cells, "", False)
                return
            self.data_started = True
            if empty_groups and all(not _at(cells, i) for i in empty_groups):
                self.skip(line, "imports.skip.summary")
                return
            if where and not all(test(cells) for test in where):
                result.filtered += 1
                return
            if end_i is not None and not self._one_day(line, cells, day):
                return
            # The days the file speaks for run from its first to its last row the profile takes:
            # an old lost deal in a CRM export must not stretch them (a re-import replaces them).
            if self.first is None or day < self.first:
                self.first = day
            if self.last is None or day > self.last:
                self.last = day
            adds: list[tuple[str, float]] = []
            for key, count, columns, money, tests in kpis:
                if tests and not all(test(cells) for test in tests):
                    continue
                if count:
                    adds.append((key, 1.0))
                    continue
                total = 0.0
                for i in columns:
                    cell = cells[i] if i < width else None
                    try:
                        value = read_number(cell, mark)
                    except BadCell:
                        self.bad(line, "imports.row.number", value=cell_text(cell)[:40], column=result.layout.header[i])
                        return
                    if value is not None:
                        total += value
                        if watch and money and not self.fraction_seen and has_fraction(cell):  # micros or units?
                            self.fraction_seen = True
                adds.append((key, total))
            if not adds:
                result.filtered += 1
                return
            if plan.currency_i is not None and not self._currency(line, cells):
                return
            for key, value in adds:
                totals[key, day] = totals.get((key, day), 0.0) + value
            result.rows += 1

        return take

    def _one_day(self, line: int, cells: list[Cell], day: date) -> bool:
        try:
            last = (
                self.plan.read_day(cells[self.plan.end_i])
                if self.plan.end_i is not None and self.plan.end_i < len(cells)
                else None
            )
        except BadCell:
            last = None
        if last is not None and last != day:
            self.periods += 1
            self.skip(line, "imports.skip.period", first=day.isoformat(), last=last.isoformat())
            return False
        return True

    def _currency(self, line: int, cells: list[Cell]) -> bool:
        code = currency_code(_at(cells, self.plan.currency_i))
        if code is None:
            return True
        if self.result.currency is None:
            self.result.currency = code
        elif code != self.result.currency:
            self.bad(line, "imports.row.currency", found=code, expected=self.result.currency)
            return False
        return True


def read(data: bytes, profile: Profile, tz: str | tzinfo | None) -> ImportResult:
    """Read ``data`` (an export, as downloaded) through ``profile``; days are local to ``tz``.

    Raises:
        InputError: ``imports.unknown_layout`` (the profile's header is not in the file, quoting
            the file's first header line), ``imports.no_day`` (no day column, or no row for a
            single day), ``imports.nothing`` (no KPI column), or a reading refusal
            (``imports.encoding``, ``imports.empty``, ``imports.spreadsheet``…).
    """
    user_zone = _zone(tz)
    table = open_table(data, profile.file.encoding, profile.file.delimiter, profile.file.comment)
    header_line, raw_header, rows = find_header(table, profile)
    header = normalised(list(raw_header))
    plan = _Plan(profile, header, raw_header, user_zone)
    mark: str = profile.numbers.decimal
    if mark == "auto":
        head, rows = peek(rows, _SAMPLE_ROWS)
        texts = [
            c for _, cells in head for i in plan.value_columns if i < len(cells) and isinstance(c := cells[i], str)
        ]
        mark = decide_mark(texts)
    layout = Layout(table.kind, table.encoding, table.delimiter, mark, header_line, tuple(raw_header))
    result = ImportResult(profile.name, profile.source_name, layout, plan.mapping, {}, plan.fixed_currency)
    result.notes.extend(plan.notes)
    reading = _Reading(plan, result)
    take = reading.taker(mark)
    for line, cells in rows:
        take(line, cells)
        if reading.stopped:
            result.notes.append(("imports.note.stopped", {"line": line}))
            break
    if result.rows == 0 and reading.periods:
        raise InputError("imports.no_day", profile=profile.name, column=profile.date.column[0])
    if reading.first is not None and reading.last is not None:
        result.covered = (reading.first, reading.last)
    _finish(result, profile, reading.fraction_seen)
    return result


def _finish(result: ImportResult, profile: Profile, fraction_seen: bool) -> None:
    """Money from micros to units when the file is in micros; sums rounded off float noise."""
    money = {m.kpi for m in result.mapping if m.money}
    micros = profile.numbers.money == "micros" or (profile.numbers.money == "micros-or-units" and not fraction_seen)
    if micros and money:
        result.notes.append(("imports.note.micros", {}))
    for key, value in result.totals.items():
        if micros and key[0] in money:
            value /= MICROS
        result.totals[key] = round(value, 6)
