"""Two writers of one record (SPEC §5): a save checks that what it overwrites is what its form read.

A form keeps the fields of the record as it read them (its *base*); inside the write transaction the
service compares them with the fields stored now (*theirs*) and the fields it is about to store
(*mine*). Fields are compared in the form's own words (the text it shows), so the user can be shown
both versions as they would type them. A field this save does not change is never a conflict, nor
is one that only the other writer changed: those merge field by field.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkhats.domain.safe_text import terminal_text
from mkhats.errors import EditConflict


def _shown(fields: Mapping[str, str]) -> dict[str, str]:
    """Fields as a form shows them (no control characters): a stored text holding one is what the
    form read, not a change made elsewhere."""
    return {f: terminal_text(v) for f, v in fields.items()}


def clashes(base: Mapping[str, str], mine: Mapping[str, str], theirs: Mapping[str, str]) -> list[str]:
    """The fields this save would change that another writer changed since the form read them.

    Args:
        base: The fields as the form read them (a field missing here is not checked).
        mine: The fields of the record this save would store.
        theirs: The fields of the record stored now.

    Returns:
        Field names, in ``mine``'s order: each differs between mine and theirs, and theirs differs
        from base.
    """
    base, theirs = _shown(base), _shown(theirs)
    return [f for f, value in mine.items() if f in base and value != theirs.get(f, "") and theirs.get(f, "") != base[f]]


def merged(base: Mapping[str, str] | None, mine: Mapping[str, str], theirs: Mapping[str, str]) -> dict[str, str]:
    """``mine``, with each field the form left as it read it taken from ``theirs`` (field by field).

    A form that sends every field (not only those typed in) merges with this before ``expect``,
    so a field only the other writer changed keeps their text and is no conflict.
    """
    if base is None:
        return dict(mine)
    return {f: theirs.get(f, "") if f in base and value == base[f] else value for f, value in mine.items()}


def expect(
    base: Mapping[str, str] | None,
    mine: Mapping[str, str],
    theirs: Mapping[str, str],
    what: str,
    labels: Mapping[str, str] | None = None,
) -> None:
    """Raise ``EditConflict`` when this save would overwrite a field changed since ``base`` was read.

    ``base`` None means the caller read nothing before (the CLI's plain "set"): no check.
    """
    if base is None:
        return
    fields = clashes(base, mine, theirs)
    if fields:
        raise EditConflict(what, dict(mine), dict(theirs), fields, dict(labels or {}))
