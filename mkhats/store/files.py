"""Where the files live, and one loaded file held in memory behind its own TinyDB storage.

The set beside the file ``--db`` names (``/x/mkhats.json``): the main file, ``/x/mkhats.d/``
with one file per month (``values-2026-11.json``), the lock ``/x/mkhats.json.lock`` and
``/x/backups/``. A :class:`StoredFile` keeps a file's data in memory; TinyDB reads and writes it
through :class:`MemoryStorage`, which only marks the file dirty — the database writes dirty files
atomically when a transaction commits. A file's *signature* (mtime, size, inode) tells whether it
changed on disk since it was loaded or written.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage

from mkhats.store.atomic import temp_prefix
from mkhats.store.errors import StoreDataError

MONTH_KEY = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_MONTH_FILE = re.compile(r"values-(\d{4}-(?:0[1-9]|1[0-2]))\.json")

JOURNAL_NAME = "journal.json"
"""The journal of a commit spanning several files, in the month folder (see ``journal.py``)."""

RACY_NS = 2_000_000_000
"""A file modified less than this long before we looked may change again without its signature
changing (coarse file-system clocks, a reused inode, the same size): its content is compared too."""

Signature = tuple[int, int, int]


class Layout:
    """Every path of one database, derived from the main file's path.

    A symbolic link (a synced folder) is resolved once, here: the set lives beside the link's target,
    and a save replaces the target, so the link stays a link (SPEC §5).
    """

    def __init__(self, main: Path) -> None:
        self.main = Path(os.path.realpath(os.path.expanduser(main)))
        self.folder = self.main.parent
        self.stem = self.main.stem
        self.months_dir = self.folder / f"{self.stem}.d"
        self.lock = self.folder / f"{self.main.name}.lock"
        self.backups = self.folder / "backups"
        self.journal = self.months_dir / JOURNAL_NAME

    def owns(self, path: Path) -> bool:
        """Whether ``path`` (links followed) is one of the set's files: the main file, its lock, a
        month file, the journal, a backup. An export or a report written there would destroy it."""
        real = Path(os.path.realpath(os.path.expanduser(path)))
        if real in (self.main, self.lock):
            return True
        return any(real.is_relative_to(folder) for folder in (self.months_dir, self.backups))

    def month_path(self, key: str) -> Path:
        """The partition file of month ``key`` (``YYYY-MM``)."""
        return self.months_dir / f"values-{key}.json"

    def rel(self, path: Path) -> str:
        """The name of ``path`` inside a backup: ``mkhats.json`` or ``mkhats.d/values-2026-11.json``."""
        if path == self.main:
            return self.main.name
        return f"{self.months_dir.name}/{path.name}"

    def from_rel(self, rel: str) -> Path | None:
        """The file of the set named ``rel`` (as :meth:`rel` gives it); None for any other name."""
        if rel == self.main.name:
            return self.main
        folder, _, name = rel.partition("/")
        match = _MONTH_FILE.fullmatch(name)
        return self.month_path(match.group(1)) if folder == self.months_dir.name and match else None

    def months_on_disk(self) -> frozenset[str]:
        """The month keys whose partition file exists."""
        try:
            names = os.listdir(self.months_dir)
        except OSError:
            return frozenset()
        return frozenset(m.group(1) for name in names if (m := _MONTH_FILE.fullmatch(name)))

    def temp_prefixes(self) -> list[tuple[Path, tuple[str, ...]]]:
        """Each folder with the prefixes of the temporary files we may leave there."""
        return [
            (self.folder, (temp_prefix(self.main.name),)),
            (self.months_dir, (".values-", temp_prefix(JOURNAL_NAME))),
            (self.backups, (f".{self.stem}-",)),
        ]


def refuse_special(path: Path) -> None:
    """Refuse a device, a pipe or a socket as the data file (``--db /dev/null``), creating nothing:
    the lock, month folder and backups would go beside it.

    Raises:
        InputError: ``path`` exists and is neither a regular file nor a folder (a folder is refused
            when read, as a file that cannot be read).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not (S_ISREG(mode) or S_ISDIR(mode)):
        from mkhats.errors import InputError

        raise InputError("store.not_a_file", file=str(path))


def check_month_key(key: str) -> str:
    """``key`` if it is a month key ``YYYY-MM``; ValueError otherwise (a programming error)."""
    if not isinstance(key, str) or not MONTH_KEY.fullmatch(key):
        raise ValueError(f"not a month key (YYYY-MM): {key!r}")
    return key


class StoredFile:
    """One data file: its path, its data once loaded, whether it changed in memory or on disk."""

    def __init__(self, path: Path, rel: str, month: str | None = None) -> None:
        self.path = path
        self.rel = rel
        self.month = month
        """``YYYY-MM`` for a month's partition, None for the main file."""
        self.data: dict[str, Any] | None = None
        self.db: TinyDB | None = None
        self.dirty = False
        self.signature: Signature | None = None
        self.digest: bytes | None = None
        self.racy = False
        self.generation = 0
        """Bumped at every load and unload, so tables of an earlier load refuse to work."""
        self._snapshot: dict[str, Any] = {}
        self._checked: dict[str, Any] = {}
        """The tables as they were when last checked and written (a table changed is a new object)."""

    @property
    def loaded(self) -> bool:
        """Whether the data is in memory."""
        return self.data is not None

    @property
    def on_disk(self) -> bool:
        """Whether the file existed when last loaded or written."""
        return self.signature is not None

    def set_loaded(self, data: dict[str, Any], stat: os.stat_result | None, raw: bytes | None) -> None:
        """Hold ``data``, read from ``raw`` (with ``stat``), or new when the file does not exist."""
        self.data = data
        self.generation += 1
        self.db = TinyDB(self, storage=MemoryStorage)
        self.dirty = False
        self._checked = {}
        self._remember(stat, raw)

    def set_written(self, stat: os.stat_result, raw: bytes) -> None:
        """The in-memory data was just checked and written as ``raw``; the file on disk has ``stat``."""
        self.dirty = False
        self._checked = dict(self.data or {})
        self._remember(stat, raw)

    def is_checked(self, table: str) -> bool:
        """Whether ``table`` is, unchanged, the one last checked and written."""
        return self.data is not None and table in self.data and self._checked.get(table) is self.data[table]

    def vouch(self, table: str) -> None:
        """Count ``table`` as checked as it is now (its caller guarantees it)."""
        if self.data is not None and table in self.data:
            self._checked[table] = self.data[table]

    def unchecked_tables(self) -> list[str]:
        """Tables not checked since they were loaded (all of them, the first time) or changed."""
        assert self.data is not None
        return [name for name, table in self.data.items() if self._checked.get(name) is not table]

    def unload(self) -> None:
        """Forget the data (and any unsaved change); the next use reads the file again."""
        self.data = None
        self.db = None
        self.generation += 1
        self.dirty = False
        self.signature = None
        self.digest = None
        self.racy = False
        self._snapshot = {}
        self._checked = {}

    def _remember(self, stat: os.stat_result | None, raw: bytes | None) -> None:
        self.signature = signature(stat) if stat is not None else None
        self.digest = digest(raw) if raw is not None else None
        self.racy = stat is not None and is_racy(stat)
        self._snapshot = dict(self.data or {})

    def changed_tables(self) -> list[str]:
        """Tables replaced since the file was loaded or written (TinyDB rebuilds a table it writes)."""
        assert self.data is not None
        return [name for name, table in self.data.items() if self._snapshot.get(name) is not table]

    def encode(self) -> bytes:
        """The file's data as JSON bytes, refusing what JSON cannot hold.

        Raises:
            StoreDataError: a NaN or infinite number (orjson would write ``null``), an integer
                beyond 64 bits, or a value that is not JSON.
        """
        assert self.data is not None
        for name in self.changed_tables():
            if has_non_finite(self.data[name]):
                raise StoreDataError(self.path, "store.reason.not_finite", {"table": name})
        try:
            return orjson.dumps(self.data)
        except orjson.JSONEncodeError as exc:
            raise StoreDataError(self.path, "store.reason.not_serialisable", {"detail": str(exc)}) from None


class MemoryStorage(Storage):
    """TinyDB storage over a :class:`StoredFile`: reads give the loaded data, writes mark it dirty."""

    def __init__(self, file: StoredFile) -> None:
        self._file = file
        self._generation = file.generation

    def _current(self) -> StoredFile:
        if self._file.generation != self._generation:
            raise RuntimeError(f"stale table of {self._file.rel}: get tables inside each read or transaction block")
        return self._file

    def read(self) -> dict[str, Any] | None:
        """The file's tables, as loaded (and changed since)."""
        return self._current().data

    def write(self, data: dict[str, Any]) -> None:
        """Keep ``data`` in memory; it is written to disk when the transaction commits."""
        file = self._current()
        file.data = data
        file.dirty = True


def signature(stat: os.stat_result) -> Signature:
    """What must stay the same while a file is unchanged: mtime, size, inode."""
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def digest(raw: bytes) -> bytes:
    """A short hash of a file's content, to compare content when the signature cannot be trusted."""
    return hashlib.blake2b(raw, digest_size=16).digest()


def is_racy(stat: os.stat_result) -> bool:
    """Whether the file was modified so recently that a change might not show in its signature."""
    return time.time_ns() - stat.st_mtime_ns < RACY_NS


def has_non_finite(value: Any) -> bool:
    """Whether ``value`` (a table, a document, a list…) holds a NaN or an infinite float."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for child in item.values():
                child_kind = type(child)
                if child_kind is float:
                    if child - child:  # NaN and ±inf give NaN (truthy); finite numbers give 0.0
                        return True
                elif child_kind is dict or child_kind is list:
                    stack.append(child)
        elif kind is list:
            for child in item:
                child_kind = type(child)
                if child_kind is float:
                    if child - child:
                        return True
                elif child_kind is dict or child_kind is list:
                    stack.append(child)
        elif kind is float and item - item:
            return True
    return False
