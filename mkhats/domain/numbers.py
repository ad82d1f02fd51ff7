"""Numbers as the user's language writes them (SPEC §4): ``3,000`` in English, ``3 000`` in Russian.

English groups thousands with commas and marks decimals with a point (``1,234.5``); Russian groups
with spaces (no-break and narrow no-break too) and marks decimals with a comma (``1 234,5``). Only
one text reads differently: a single comma followed by exactly three digits (``3,000``), a group in
English (3000) and a decimal comma in Russian (3.0). Everything else has one reading in both
languages: ``1234.5``, a comma that cannot be a group (``1234,5``, ``1,5``), spaces or apostrophes
between groups (``1 234``, ``1'234``), commas that can only be groups (``1,234,567``, ``1,234.5``),
points that can only be groups (``1.234,5``). A malformed grouping (``1,2,3``, ``12,34.5``, ``1 23``)
is refused with the reason, never guessed.

The module is pure: callers pass the language (``parse_number``) or the decimal mark a CSV file
settled on (``read_number``, ``decide_mark``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import cache

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.errors import InputError

POINT, COMMA = ".", ","
_MARKS = {"ru": COMMA}
_DIGITS = frozenset("0123456789")


def decimal_mark(lang: str) -> str:
    """The decimal mark ``lang`` writes: ``,`` for Russian, ``.`` otherwise."""
    return _MARKS.get(lang, POINT)


@cache
def _pattern() -> re.Pattern[str]:
    # Compiled on the first number typed, not by every command (SPEC §6). ``\s`` takes the
    # no-break (U+00A0), narrow no-break (U+202F) and thin (U+2009) spaces spreadsheets write.
    return re.compile(r"([+-]?)\s*([0-9.,'\s]*?)([eE][+-]?[0-9]+)?")


@light_dataclass(frozen=True)
class Reading:
    """How a text was read: its value, the decimal mark and the group separator it used."""

    value: float
    decimal: str | None
    group: str | None


def _refuse(key: str, field: str, raw: str) -> InputError:
    return InputError(key, field=field, value=raw)


def _decimal_and_group(body: str, mark: str) -> tuple[str | None, str | None]:
    """Which of ``,`` and ``.`` is the decimal mark and which groups thousands (None: absent)."""
    commas, points = body.count(COMMA), body.count(POINT)
    if commas and points:
        decimal = COMMA if body.rfind(COMMA) > body.rfind(POINT) else POINT
        return decimal, POINT if decimal == COMMA else COMMA
    if points:
        return POINT, None
    if commas > 1:
        return None, COMMA  # a decimal mark appears once: repeated commas group thousands
    if commas:
        head, tail = body.split(COMMA)
        # "3,000" is the one ambiguous text: the language decides. A head with other separators,
        # a leading zero or more than three digits cannot start a grouping.
        could_group = head.isdigit() and len(head) <= 3 and head[0] != "0" and tail.isdigit() and len(tail) == 3
        if could_group and mark == POINT:
            return None, COMMA
        return COMMA, None
    return None, None


_PLAIN_INT = re.compile(r"-?[0-9]{1,15}")
_PLAIN_POINT = re.compile(r"-?[0-9]{1,15}\.[0-9]{1,15}")
"""What most cells and typed values are: read without the general path's regular expressions and
group checks (a 1,000,000-row import reads each value three times: ≈ 6 s saved, SPEC §6). Fifteen
digits a side keep every such text finite and exactly what ``float`` makes of it."""
_INT_READING = None, None
_POINT_READING = POINT, None


def _fast(text: str) -> tuple[float, tuple[str | None, str | None]] | None:
    """``(value, (decimal, group))`` of a plain ``1234`` or ``-12.5``, else None (the general path)."""
    if _PLAIN_INT.fullmatch(text):
        return float(text) or 0.0, _INT_READING
    if _PLAIN_POINT.fullmatch(text):
        return float(text) or 0.0, _POINT_READING
    return None


def _reading(text: str, field: str, mark: str) -> Reading:
    fast = _fast(text) if text else None
    if fast is not None:
        return Reading(fast[0], *fast[1])
    raw = (text or "").strip()
    match = _pattern().fullmatch(raw.replace("\u2212", "-"))  # U+2212: the minus mkhats prints
    if match is None:
        raise _refuse("error.number", field, raw)
    sign, body, exponent = match.groups()
    body = re.sub(r"\s+", " ", body)
    if not _DIGITS & set(body) or body[0] in " '" or body[-1] in " '":
        raise _refuse("error.number", field, raw)
    decimal, group = _decimal_and_group(body, mark)
    if decimal is not None and body.count(decimal) > 1:
        raise _refuse("error.number.marks", field, raw)
    whole, _, fraction = body.partition(decimal) if decimal else (body, "", "")
    if not set(fraction) <= _DIGITS:
        raise _refuse("error.number.marks", field, raw)
    separators = set(whole) - _DIGITS
    if len(separators) > 1:
        raise _refuse("error.number.mixed", field, raw)
    if separators:
        group = separators.pop()
        groups = whole.split(group)
        if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
            raise _refuse("error.number.groups", field, raw)
        whole = "".join(groups)
    if not whole and not fraction:
        raise _refuse("error.number", field, raw)
    value = float(f"{sign}{whole or '0'}.{fraction or '0'}{exponent or ''}")
    if not math.isfinite(value):
        raise _refuse("error.number", field, raw)
    return Reading(0.0 if value == 0 else value, decimal, group)


def read_number(text: str, field: str, mark: str) -> float:
    """The finite number in ``text`` where ``mark`` (``.`` or ``,``) is the decimal mark in use.

    Args:
        text: What was typed or read from a cell.
        field: The field's name as the message should show it.
        mark: Decides only ``3,000``: a group with ``.`` (3000), a decimal comma with ``,`` (3.0).

    Raises:
        InputError: ``error.number`` (not a number), ``error.number.groups`` (a group of thousands
            without three digits), ``error.number.mixed`` (two kinds of group separators),
            ``error.number.marks`` (two decimal marks, or a separator after the decimal mark);
            each with ``field`` and ``value`` (the text, stripped).
    """
    fast = _fast(text) if text else None
    return fast[0] if fast is not None else _reading(text, field, mark).value


def parse_number(text: str, field: str = "value", *, lang: str) -> float:
    """The finite number in ``text`` as language ``lang`` writes it (see ``read_number``)."""
    return read_number(text, field, decimal_mark(lang))


def written_mark(text: str) -> str | None:
    """The decimal mark ``text`` can only have been written with, or None.

    ``1234.5`` and ``1,234,567`` were written with a decimal point; ``1234,5`` and ``1.234,5`` with
    a decimal comma; ``1500``, ``1 500`` and ``3,000`` (either) and malformed numbers say nothing.
    """
    fast = _fast(text) if text else None
    if fast is not None:  # digits alone say nothing; a point with digits either side is a decimal point
        return fast[1][0]
    try:
        reading = _reading(text, "value", POINT)
        if reading != _reading(text, "value", COMMA):
            return None
    except InputError:
        return None
    if reading.decimal == COMMA or reading.group == POINT:
        return COMMA
    if reading.decimal == POINT or reading.group == COMMA:
        return POINT
    return None


@light_dataclass(frozen=True)
class MarkDecision:
    """The decimal mark of a whole file, and the rows that contradict it."""

    mark: str
    against: dict[int, tuple[int, ...]]
    """Row → the rows (at most five) written with the file's mark, for each contradicting row."""


def decide_mark(cells: Mapping[int, str] | Iterable[tuple[int, str]], lang: str) -> MarkDecision:
    """The one decimal mark of a file whose value cells are ``cells`` (row → text).

    Every value that can only be read with one mark votes for it; the language's mark decides when
    no value does. A file with both kinds has no single mark: the rows of the smaller kind (of the
    kind the language does not write, on a tie) are the contradicting ones.
    """
    votes: dict[str, list[int]] = {POINT: [], COMMA: []}
    for row, text in cells.items() if isinstance(cells, Mapping) else cells:
        mark = written_mark(text)
        if mark is not None:
            votes[mark].append(row)
    default = decimal_mark(lang)
    other = COMMA if default == POINT else POINT
    if not votes[other]:
        return MarkDecision(default, {})
    if not votes[default]:
        return MarkDecision(other, {})
    mark = other if len(votes[other]) > len(votes[default]) else default
    losing = votes[COMMA if mark == POINT else POINT]
    examples = tuple(votes[mark][:5])
    return MarkDecision(mark, {row: examples for row in losing})


def plain_number(value: float) -> str:
    """``value`` as typed back (into a form, a message, a stop rule): no grouping, no trailing ``.0``,
    so it reads back the same in any language (``1500``, ``0.25``, ``1e+20``)."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)
