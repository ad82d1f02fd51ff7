"""Undo of this run's last changes: the files a commit replaced, put back as they were, in one commit.

A database with an :class:`UndoLog` (the app's: the CLI keeps none) remembers, for each transaction
it commits, the content each replaced file had before (None: the commit created it) and the
*signature of the set* just before and just after: the stat (mtime, size, inode) of the main file
and of every month file. Only the files a commit touches are read (under the lock, just before they
are replaced): a value saved reads one month file, not the folder. The commit that creates the main
file is not remembered (undoing it would delete the data); a restore empties the log.

:func:`undo_last` puts the newest record's files back as one journaled commit (all of them or
none, ``journal.py``), under the lock, and only if the set's signature is still the one that commit
left: any write since (another window, the CLI) makes it refuse, touching nothing, since putting the
old files back would silently drop that write. Every replacement is a new file (a new inode), so a
write since always changes the signature.

The log keeps the last :data:`LIMIT` records, each following the one before it (a record whose
"before" is not the previous record's "after" means someone else wrote in between: the older ones
are dropped, they could never be undone). Undoing a record makes the set again what the previous
record left, with new signatures: the previous record's "after" becomes the set as the undo left it,
so ``ctrl+z`` pressed again goes one change further back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkhats.errors import InputError
from mkhats.store import backups, journal
from mkhats.store.atomic import read_file
from mkhats.store.files import digest

if TYPE_CHECKING:
    from mkhats.store.database import Database

LIMIT = 20
"""Changes kept for undo; each holds a copy of the files it replaced (a month file is a few KB)."""

LIMIT_BYTES = 32 << 20
"""At most this much held for undo (five years of data: a 350 KB main file, 60 KB a month; an import
over every month holds all of them): the oldest changes go first, the newest always stays."""

SetSignature = tuple[object, ...]
"""The stat signature of the main file and of every month file (``Database._set_signature``)."""


@dataclass
class Change:
    """One committed transaction, as it can be undone.

    Attributes:
        files: each file the commit replaced or created, with its content before (None: absent).
        after_digests: each of those files' content right after the commit (its digest), in order.
        before: the set's signature under the lock just before the commit.
        after: the set's signature just after it (moved on when a later change is undone).
    """

    files: tuple[tuple[Path, bytes | None], ...]
    after_digests: tuple[bytes | None, ...]
    before: SetSignature
    after: SetSignature

    def current(self) -> dict[Path, bytes | None]:
        """Each touched file as it is now on disk (read without the lock: for describing it)."""
        found = {path: read_file(path) for path, _old in self.files}
        return {path: raw[0] if raw else None for path, raw in found.items()}

    @property
    def size(self) -> int:
        """The bytes this change holds."""
        return sum(len(raw) for _path, raw in self.files if raw is not None)

    def same_content(self) -> bool:
        """Whether the commit wrote every file exactly as it was."""
        return all(
            old is not None and digest(old) == after
            for (_path, old), after in zip(self.files, self.after_digests, strict=True)
        )

    def unchanged_since(self) -> bool:
        """Whether every touched file still has the content this commit left (a cheap pre-check;
        :func:`undo_last` decides on the whole set's signature, under the lock)."""
        now = self.current()
        return all(
            (None if now[path] is None else digest(now[path] or b"")) == after
            for (path, _old), after in zip(self.files, self.after_digests, strict=True)
        )


@dataclass
class UndoLog:
    """The newest changes this database committed, oldest first."""

    limit: int = LIMIT
    limit_bytes: int = LIMIT_BYTES
    changes: list[Change] = field(default_factory=list)

    def last(self) -> Change | None:
        """The change ``ctrl+z`` would undo; None when there is none."""
        return self.changes[-1] if self.changes else None

    def push(self, change: Change) -> None:
        """Remember ``change``; the older ones go when another writer came in between. A commit
        that wrote every file as it was (a form saved unchanged) is no change: nothing to undo."""
        if self.changes and self.changes[-1].after != change.before:
            self.changes.clear()
        if change.same_content():
            if self.changes:
                self.changes[-1].after = change.after  # the same data, in new files
            return
        self.changes.append(change)
        del self.changes[: -self.limit]
        held = sum(kept.size for kept in self.changes)
        while len(self.changes) > 1 and held > self.limit_bytes:
            held -= self.changes.pop(0).size

    def clear(self) -> None:
        """Forget every change (they can no longer be undone)."""
        self.changes.clear()


def capture(paths: list[Path]) -> list[tuple[Path, bytes | None]]:
    """The content of each of ``paths`` now (under the lock, just before a commit replaces them)."""
    found = [(path, read_file(path)) for path in paths]
    return [(path, raw[0] if raw else None) for path, raw in found]


def undo_last(db: Database, today: date) -> Change:
    """Put back the files of the newest change of ``db.undo_log``, all or none.

    Returns:
        The change undone (it leaves the log).

    Raises:
        InputError: there is nothing to undo (``undo.nothing``), or the data changed since that
            change (``undo.changed_since``): nothing was written, the log is emptied.
        StoreIOError, LockTimeoutError: as for a transaction (the change stays in the log).
    """
    log = db.undo_log
    change = log.last() if log is not None else None
    if log is None or change is None:
        raise InputError("undo.nothing")
    with db._locked():
        db._recover()
        if db._set_signature() != change.after:
            log.clear()
            raise InputError("undo.changed_since")
        if db._backed_up_day != today and db.exists():
            backups.write_daily(db.layout, today)  # like any first write of a day
            db._backed_up_day = today
        writes = [(path, raw) for path, raw in change.files if raw is not None]
        deletes = [path for path, raw in change.files if raw is None]
        try:
            journal.commit(db.layout, writes, deletes)
        finally:
            db._forget_all()  # what was loaded is the undone state: read again on next use
        after = db._set_signature()
    log.changes.pop()
    previous = log.last()
    if previous is not None:
        if previous.after == change.before:
            previous.after = after  # the set is again what ``previous`` left
        else:
            log.clear()
    return change
