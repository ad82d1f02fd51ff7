"""The database: a main file and lazily loaded month partitions, changed only in transactions.

Readers use :meth:`Database.read`; writers use :meth:`Database.transaction`, which takes the OS lock
on the sidecar file, re-reads whatever another process changed, lets the caller change tables, and
writes every changed file atomically before releasing the lock: one file by itself, several as one
journaled commit (``journal.py``), so a kill leaves all of it or none. A failed transaction writes
nothing and forgets its changes. A file that is not what mkhats wrote is refused and never written;
with a ``check`` (the records' models), neither is a file holding a record the next open would
refuse. An older schema is migrated after a backup. ``--db`` may be a symbolic link: the set lives
beside its target.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import filelock
import orjson
from tinydb.table import Table

from mkhats.store import backups, journal, schema, undo
from mkhats.store.atomic import FILE_MODE, ensure_dir, read_file, remove_stale_temps, stat_or_none, write_atomic
from mkhats.store.errors import CorruptFileError, LockTimeoutError, StoreIOError
from mkhats.store.files import Layout, StoredFile, digest, is_racy, refuse_special, signature
from mkhats.store.view import Tx, View

Check = Callable[[str | None, dict[str, Any], list[str]], None]
"""``check(month, data, tables)``: refuse (raise) a file about to be written whose ``tables`` hold a
record the next open would refuse; ``month`` is ``YYYY-MM``, or None for the main file."""

_SNAPSHOT_TRIES = 3


class Database:
    """The store of one ``--db`` path: its main file, month partitions, lock and backups.

    Not thread-safe: use one instance per thread (processes coordinate through the lock).
    """

    def __init__(self, path: Path, lock_timeout: float = 10.0, check: Check | None = None) -> None:
        """Raises InputError when ``path`` is a device, a pipe or a socket (nothing is created)."""
        self.layout = Layout(Path(path))
        refuse_special(self.layout.main)
        self.path = self.layout.main
        self.lock_timeout = lock_timeout
        self._check = check
        self._lock = filelock.FileLock(str(self.layout.lock), timeout=lock_timeout, mode=FILE_MODE)
        self._main = StoredFile(self.layout.main, self.layout.rel(self.layout.main))
        self._months: dict[str, StoredFile] = {}
        self._month_set: frozenset[str] | None = None
        self._in_tx = False
        self._backed_up_day: date | None = None
        self.undo_log: undo.UndoLog | None = None
        """When set (the app), each commit is remembered there so that it can be undone (``undo.py``)."""

    # -- public API -------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether the main file exists."""
        return os.path.exists(self.layout.main)

    @contextmanager
    def transaction(self, today: date) -> Iterator[Tx]:
        """Change the database under its lock; everything changed is saved when the block ends.

        Args:
            today: the user's date; the first write of each date is preceded by a daily backup.

        Raises:
            LockTimeoutError: another process kept the lock longer than ``lock_timeout``.
            StoreIOError: a file could not be written (the failed file keeps its old content).
            CorruptFileError: a file needed is not valid; nothing was written.
            StoreDataError: a value cannot be written as JSON; nothing was written.
        """
        if self._in_tx:
            raise RuntimeError("transactions do not nest")
        ensure_dir(self.layout.folder)
        self._acquire()
        self._in_tx = True
        tx = Tx(self)
        try:
            self._recover()
            self._refresh()
            try:
                yield tx
            except BaseException:
                self._discard_dirty()
                raise
            self._commit(today)
        finally:
            tx._close()
            self._in_tx = False
            self._lock.release()

    @contextmanager
    def read(self) -> Iterator[View]:
        """Read the database without the lock, after re-reading any file changed on disk.

        The lock is taken only to finish a commit a killed process left half done (a journal).
        """
        if not self._in_tx:
            if journal.pending(self.layout):
                with self._locked():
                    self._recover()
            self._refresh()
        view = View(self)
        try:
            yield view
        finally:
            view._close()
            wrote = not self._in_tx and bool(self._dirty_files())
            if wrote:
                self._discard_dirty()
        if wrote:
            raise RuntimeError("changes need a transaction; they were discarded")

    def changed(self) -> bool:
        """Whether a loaded file, or the set of partitions, changed on disk since we loaded it.

        Cheap (a stat per loaded file and one folder listing); meant to be polled every second.
        """
        if self._in_tx:
            return False
        if any(self._file_changed(file) for file in self._loaded_files() if not file.dirty):
            return True
        return self._month_set is not None and self.layout.months_on_disk() != self._month_set

    def months(self) -> list[str]:
        """The month keys that have a partition file, sorted."""
        return self._month_keys()

    def loaded_files(self) -> list[str]:
        """The files held in memory, by their name in a backup (for tests and diagnostics)."""
        return sorted(file.rel for file in self._loaded_files())

    def newest_backup(self, accept: Callable[[backups.BackupSet], object] | None = None) -> Path | None:
        """The most recent backup of this database that loads (and that ``accept`` does not refuse)."""
        return backups.newest_loadable(self.layout, accept)

    def write_backup(self, dest: Path) -> Path:
        """Write a backup of the whole set to ``dest``: a consistent copy, read without the lock (a
        read-only folder works), read again when a commit changed a file meanwhile."""
        for _ in range(_SNAPSHOT_TRIES):
            if journal.pending(self.layout):
                with self._locked():
                    self._recover()
            before = self._set_signature()
            data = backups.build_backup(self.layout)
            if not journal.pending(self.layout) and self._set_signature() == before:
                return backups.write_export(dest, data)
        with self._locked():  # a busy writer: wait for a quiet moment
            return backups.write_export(dest, backups.build_backup(self.layout))

    def _set_signature(self) -> tuple[object, ...]:
        paths = [self.layout.main] + [self.layout.month_path(k) for k in sorted(self.layout.months_on_disk())]
        return tuple((path.name, signature(stat) if (stat := stat_or_none(path)) else None) for path in paths)

    def backup_now(self, reason: str) -> Path:
        """Write ``backups/<stem>-before-<reason>-<timestamp>.json`` now and return its path."""
        with self._locked():
            return backups.write_named(self.layout, reason)

    def restore(self, src: Path, today: date) -> Path | None:
        """Replace the whole set with the backup ``src``, after backing up the current one.

        ``src`` is validated (and migrated) in memory first; a bad backup changes nothing. Files of
        the current set that are not valid are kept byte for byte beside the backup taken before.

        Returns:
            The backup of the set as it was before the restore (None when there was no set).

        Raises:
            CorruptFileError: ``src`` is not a usable backup.
            StoreIOError, LockTimeoutError: as for a transaction.
        """
        if self._in_tx:
            raise RuntimeError("restore cannot run inside a transaction")
        restored = backups.read_backup(src)
        payloads = {key: orjson.dumps(data) for key, data in restored.months.items()}
        main_payload = orjson.dumps(restored.main)
        with self._locked():
            self._recover()
            before = None
            if self.exists() or self.layout.months_on_disk():
                backups.write_daily(self.layout, today, strict=False)
                before = backups.write_named(self.layout, "restore", salvage=True)
            writes = [(self.layout.month_path(key), payloads[key]) for key in sorted(payloads)]
            gone = sorted(self.layout.months_on_disk() - payloads.keys())
            try:
                journal.commit(
                    self.layout,
                    [*writes, (self.layout.main, main_payload)],
                    [self.layout.month_path(key) for key in gone],
                )
            finally:
                self._forget_all()
                if self.undo_log is not None:
                    self.undo_log.clear()  # the changes before a restore are not undone one by one
        return before

    # -- tables -----------------------------------------------------------------------------

    def _table(self, file: StoredFile, name: str) -> Table:
        if file.db is None:
            self._load(file)
        assert file.db is not None
        return file.db.table(name)

    def _main_file(self) -> StoredFile:
        return self._main

    def _month_file(self, key: str) -> StoredFile:
        file = self._months.get(key)
        if file is None:
            path = self.layout.month_path(key)
            file = self._months[key] = StoredFile(path, self.layout.rel(path), month=key)
        return file

    def _month_keys(self) -> list[str]:
        keys = set(self.layout.months_on_disk())
        keys.update(key for key, file in self._months.items() if file.dirty)
        return sorted(keys)

    def _loaded_files(self) -> list[StoredFile]:
        files = [self._main] if self._main.loaded else []
        return files + [file for file in self._months.values() if file.loaded]

    def _dirty_files(self) -> list[StoredFile]:
        return [file for file in self._loaded_files() if file.dirty]

    # -- loading and change detection ---------------------------------------------------------

    def _load(self, file: StoredFile) -> None:
        found = read_file(file.path)
        if found is None:
            file.set_loaded(schema.new_file_data(), None, None)
            return
        raw, stat = found
        try:
            data = schema.decode(raw)
            outdated = schema.check_version(schema.schema_version(data))
        except schema.ShapeError as exc:
            raise self._corrupt(file.path, exc) from None
        if outdated:
            self._migrate_set()
            found = read_file(file.path)
            if found is None:
                raise StoreIOError(file.path, "store.reason.missing", writing=False)
            raw, stat = found
            try:
                data = schema.decode(raw)
            except schema.ShapeError as exc:
                raise self._corrupt(file.path, exc) from None
        file.set_loaded(data, stat, raw)

    def _corrupt(self, path: Path, exc: schema.ShapeError) -> CorruptFileError:
        return CorruptFileError(path, exc.reason, exc.params, backup=backups.newest_loadable(self.layout))

    def _file_changed(self, file: StoredFile) -> bool:
        """Whether ``file`` differs on disk from what we loaded or wrote."""
        stat = stat_or_none(file.path)
        if (signature(stat) if stat else None) != file.signature:
            return True
        if stat is None or not file.racy:
            return False
        try:
            found = read_file(file.path)
        except StoreIOError:
            return True
        if found is None or signature(found[1]) != file.signature or digest(found[0]) != file.digest:
            return True
        file.racy = is_racy(found[1])
        return False

    def _refresh(self) -> None:
        """Forget every loaded file that changed on disk (it is read again on next use)."""
        for file in self._loaded_files():
            if not file.dirty and self._file_changed(file):
                file.unload()
        self._month_set = self.layout.months_on_disk()

    def _discard_dirty(self) -> None:
        for file in self._dirty_files():
            file.unload()

    def _forget_all(self) -> None:
        self._main.unload()
        self._months.clear()
        self._month_set = None

    # -- writing ----------------------------------------------------------------------------

    def _commit(self, today: date) -> None:
        try:
            main = self._main
            if not main.dirty and not main.on_disk and not self.exists():
                if not main.loaded:
                    self._load(main)
                main.dirty = True  # the first transaction creates the main file
            dirty = sorted((f for f in self._months.values() if f.dirty), key=lambda f: f.path.name)
            if main.dirty:
                dirty.append(main)
            if not dirty:
                return
            if self._check is not None:  # before anything is written, the daily backup included
                for file in dirty:
                    tables = file.unchecked_tables()
                    if tables:
                        self._check(file.month, file.data or {}, tables)
            payloads = [(file, file.encode()) for file in dirty]
            if self._backed_up_day != today and self.exists():
                try:
                    backups.write_daily(self.layout, today)
                except StoreIOError as error:
                    raise error.restated("store.io_commit") from error  # no data file was touched
                self._backed_up_day = today
            # Only the files replaced are read, under the lock. The commit creating the data is no undo.
            undo_log = self.undo_log if self.undo_log is not None and self.exists() else None
            if undo_log is not None:
                set_before, olds = self._set_signature(), undo.capture([file.path for file, _raw in payloads])
            if len(payloads) == 1:  # one file: an atomic replace is all or nothing by itself
                file, payload = payloads[0]
                if file is not main:
                    ensure_dir(self.layout.months_dir)
                file.set_written(write_atomic(file.path, payload), payload)
            else:
                stats = journal.commit(self.layout, [(file.path, payload) for file, payload in payloads], [])
                for (file, payload), stat in zip(payloads, stats, strict=False):
                    file.set_written(stat, payload)
            if undo_log is not None:
                news = tuple(digest(payload) for _file, payload in payloads)
                undo_log.push(undo.Change(tuple(olds), news, set_before, self._set_signature()))
        except BaseException:
            self._discard_dirty()
            raise
        finally:
            self._month_set = self.layout.months_on_disk()

    def _migrate_set(self) -> None:
        """Back up the set, then migrate every file of an older schema version, months first."""
        with self._locked():
            backups.write_named(self.layout, "migration")
            paths = [self.layout.month_path(k) for k in sorted(self.layout.months_on_disk())]
            writes = []
            for path in paths + [self.layout.main]:
                found = read_file(path)
                if found is None:
                    continue
                try:
                    data = schema.decode(found[0])
                    if schema.check_version(schema.schema_version(data)):
                        writes.append((path, orjson.dumps(schema.migrate(data))))
                except schema.ShapeError as exc:
                    raise self._corrupt(path, exc) from None
            if writes:
                journal.commit(self.layout, writes, [])  # every file migrated, or none

    def _recover(self) -> None:
        """Under the lock: finish a commit left half done, then remove stale temporary files (in
        that order: the journal's temporary files are the commit's new content)."""
        journal.recover(self.layout)
        for folder, prefixes in self.layout.temp_prefixes():
            remove_stale_temps(folder, prefixes)

    # -- the lock -----------------------------------------------------------------------------

    def _acquire(self) -> None:
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise LockTimeoutError(self.layout.main) from None
        except OSError as exc:
            raise StoreIOError.from_os(self.layout.lock, exc, writing=True) from exc

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the lock for a block (already held inside a transaction)."""
        if self._in_tx:
            yield
            return
        ensure_dir(self.layout.folder)
        self._acquire()
        try:
            yield
        finally:
            self._lock.release()
