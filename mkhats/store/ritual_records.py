"""The weekly ritual's records (issue 16) in the main file: one per (week, kind), typed reads and upserts.

Reached through ``rituals(repo)`` (``repo.py`` is at its size limit: this is ``Repo.money``'s
pattern as a function), so a command that never asks for them (``add``, ``check``) never loads
this module. Their table (``rituals``) is new in the main
file and needs no migration: a file without it reads as holding none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from tinydb import Query

from mkhats.store.repo import Repo, _dump

if TYPE_CHECKING:
    from mkhats.domain.ritual import Ritual

Q = Query()
Valid = Callable[[Any, Iterable[dict[str, Any]], str], list[Any]]
"""The repository's ``_valid(model, docs, table)``: records, or a StoreError naming the bad one."""


class RitualRecords:
    """Ritual records over one view or transaction (``handle``), validated as the repository does."""

    def __init__(self, handle: Any, valid: Valid) -> None:
        self._h = handle
        self._valid = valid

    def all(self) -> list[Ritual]:
        """Every ritual record, by week then kind."""
        docs = self._h.docs("rituals")
        if not docs:
            return []
        from mkhats.domain.ritual import Ritual

        found: list[Ritual] = self._valid(Ritual, docs, "rituals")
        return sorted(found, key=lambda r: (r.week, r.kind))

    def get(self, week: str, kind: str) -> Ritual | None:
        """The record of ``week``'s ritual of ``kind``, if it was started."""
        return next((r for r in self.all() if r.week == week and r.kind == kind), None)

    def upsert(self, ritual: Ritual) -> None:
        """Add or replace the record of its week and kind."""
        self._h.main("rituals").upsert(_dump(ritual), (Q.week == ritual.week) & (Q.kind == ritual.kind))


def rituals(repo: Repo) -> RitualRecords:
    """The ritual records over ``repo``'s view or transaction."""
    return RitualRecords(repo._h, repo._valid)  # the repository's own handle and validation
