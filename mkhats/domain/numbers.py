"""Numbers typed by people and saved by spreadsheets: ``1234.5``, ``1 234,5``, ``1234,5``, ``1,234.5``.

Spaces (including the no-break and narrow no-break spaces Excel and Russian locales use) and
apostrophes group thousands. With both ``,`` and ``.`` present the last one is the decimal mark; a
lone comma is a decimal comma unless it repeats (``1,234,567``).
"""

from __future__ import annotations

import math
import re
from functools import cache

from mkhats.errors import InputError


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # (grouping, plain number): compiled on the first number typed, not by every command (SPEC §6).
    return re.compile(r"[\s\u00a0\u202f\u2009']"), re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str, field: str = "value") -> float:
    """The finite number in ``text``; raises ``InputError`` naming ``field`` otherwise."""
    grouping, plain = _patterns()
    raw = (text or "").strip()
    cleaned = grouping.sub("", raw).replace("\u2212", "-")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") > 1:
        cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    if not plain.match(cleaned):
        raise InputError("error.number", field=field, value=raw)
    value = float(cleaned)
    if not math.isfinite(value):
        raise InputError("error.number", field=field, value=raw)
    return value
