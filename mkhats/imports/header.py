"""Finding a profile's header row, and recognising which profile a file is for, by its content.

The header is the first row that holds every required column of the profile (after any preamble:
Direct's report title, Google's title and date range, GA4's ``#`` lines), never a fixed line count.
A file fits several profiles when they share names; the one naming most of the header's columns
wins, then a user's own profile over a built-in, then the name's order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

from mkhats.errors import InputError
from mkhats.imports.cells import cell_text, name_pattern, norm_name
from mkhats.imports.profile import Profile
from mkhats.imports.result import Match
from mkhats.imports.tables import Cell, Rows, Table, open_table

_QUOTE_MAX = 120


def find_columns(names: Iterable[str], header: list[str]) -> list[int]:
    """Indexes of the first of ``names`` the normalised ``header`` has; a ``*`` name takes all it fits."""
    for name in names:
        if "*" in name:
            pattern = name_pattern(name)
            found = [i for i, cell in enumerate(header) if pattern.fullmatch(cell)]
        else:
            target = norm_name(name)
            found = [i for i, cell in enumerate(header) if cell == target][:1]
        if found:
            return found
    return []


def normalised(cells: list[Cell]) -> list[str]:
    """A row's cells as header names are compared."""
    return [norm_name(cell_text(cell)) for cell in cells]


def is_header(profile: Profile, header: list[str]) -> bool:
    """Whether a normalised row holds one name of each of the profile's required lists."""
    return all(find_columns(names, header) for names in profile.header.required)


def _named(profile: Profile) -> list[list[str]]:
    """Every column list the profile names: required, the day, KPI values, filters, currency."""
    lists = [*profile.header.required, profile.date.column, profile.date.end_column]
    lists += [k.column for k in profile.kpi] + [c.column for k in profile.kpi for c in k.where]
    lists += [c.column for c in profile.where] + [profile.currency.column or []]
    return [names for names in lists if names]


def score(profile: Profile, header: list[str]) -> int:
    """How many of the header's columns the profile names: the better fit names more."""
    used: set[int] = set()
    for names in _named(profile):
        used.update(find_columns(names, header))
    return len(used)


def first_line(rows: list[tuple[int, list[Cell]]], delimiter: str | None) -> str:
    """The line an unknown file's header is probably on: the first with the most filled cells."""
    texts = [[cell_text(c) for c in cells] for _, cells in rows]
    filled = [cells for cells in texts if any(cells) and not cells[0].startswith("#")]
    if not filled:
        return ""
    widest = max(sum(1 for c in cells if c) for cells in filled)
    line = next(cells for cells in filled if sum(1 for c in cells if c) == widest)
    while line and not line[-1]:
        line.pop()
    joiner = delimiter if delimiter in (",", ";") else ", "
    text = joiner.join(line)
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1] + "…"


def find_header(table: Table, profile: Profile) -> tuple[int, list[str], Rows]:
    """The header's line, its cells as the file writes them, and the rows after it.

    Raises:
        InputError: ``imports.unknown_layout`` quoting the file's first header line.
    """
    seen: list[tuple[int, list[Cell]]] = []
    for line, cells in islice(table.rows, profile.header.search_rows):
        seen.append((line, cells))
        if is_header(profile, normalised(cells)):
            return line, [cell_text(c) for c in cells], table.rows
    raise InputError("imports.unknown_layout", profile=profile.name, line=first_line(seen, table.delimiter) or "—")


def _head(data: bytes, rows: int) -> tuple[Table, list[tuple[int, list[Cell]]]]:
    table = open_table(data, comment="#")
    return table, list(islice(table.rows, rows))


def recognise(data: bytes, profiles: Iterable[Profile] | Mapping[str, Profile]) -> Match | None:
    """The profile whose header the file has (by content, never by extension), or None.

    ``profiles`` may be ``load_profiles()``'s dict or any iterable of profiles.

    Raises:
        InputError: the file cannot be read as text or a spreadsheet (``imports.*``).
    """
    candidates = list(profiles.values() if isinstance(profiles, Mapping) else profiles)
    if not candidates:
        return None
    _, head = _head(data, max(p.header.search_rows for p in candidates))
    rows = [(line, normalised(cells)) for line, cells in head]
    fits: list[tuple[tuple[int, bool, str], Match]] = []
    for profile in candidates:
        for line, header in islice(rows, profile.header.search_rows):
            if is_header(profile, header):
                fit = score(profile, header)
                rank = (fit, profile.origin != "built-in", _reverse(profile.name))
                fits.append((rank, Match(profile, line, fit)))
                break
    if not fits:
        return None
    fits.sort(key=lambda item: item[0], reverse=True)
    best = fits[0][1]
    others = tuple(match.profile.name for _, match in fits[1:])
    return Match(best.profile, best.header_line, best.score, others)


def _reverse(name: str) -> str:
    """A key that sorts names backwards, so a descending sort prefers the alphabetically first."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in name)


def first_header_line(data: bytes) -> str:
    """The first header-like line of a file, for the sentence refusing an unknown file."""
    table, head = _head(data, 40)
    return first_line(head, table.delimiter)


def unknown_file(data: bytes) -> InputError:
    """The refusal of a file no profile fits: it quotes the file's first header line."""
    return InputError("imports.unknown_file", line=first_header_line(data) or "—")


def peek(rows: Rows, count: int) -> tuple[list[tuple[int, list[Cell]]], Iterator[tuple[int, list[Cell]]]]:
    """The next ``count`` rows, and an iterator that still yields them first."""
    from itertools import chain

    head = list(islice(rows, count))
    return head, chain(head, rows)
