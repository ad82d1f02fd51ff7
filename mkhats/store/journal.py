"""Commits spanning several files (an import over months, a restore, a migration): all or nothing.

Every new file is first written in full as a temporary file beside its target and fsynced, and
their folders are fsynced. Then ``mkhats.d/journal.json`` is written atomically: each target, its
temporary file and the digest of its content, and the files to delete. That write is the commit
point. The temporary files are then renamed over their targets, the deletions made, and the journal
removed. A process killed before the commit point leaves temporary files only (removed as stale by
the next writer); killed after it, a journal whose commit the next open finishes (:func:`recover`).

Everything here runs under the database's lock; every OS call goes through ``os`` attributes, so
tests can make any one of them fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from mkhats.store.atomic import ensure_dir, fsync_dir, read_file, temp_prefix, write_atomic, write_temp
from mkhats.store.errors import StoreIOError
from mkhats.store.files import Layout, digest

JOURNAL_FORMAT = 1

Entry = tuple[Path, Path, str]
"""One replacement: target, temporary file, hex digest of the new content."""


def commit(layout: Layout, writes: list[tuple[Path, bytes]], deletes: list[Path]) -> list[os.stat_result]:
    """Replace every target of ``writes`` and delete ``deletes``, all or nothing.

    Returns:
        The stat of each new file, in the order of ``writes``.

    Raises:
        StoreIOError: before the commit point: nothing was changed (the sentence says so). After
            it (only when finishing fails twice): the sentence says the journal will finish it.
    """
    entries: list[Entry] = []
    stats: list[os.stat_result] = []
    try:
        ensure_dir(layout.months_dir)  # the journal's folder
        for target, data in writes:
            tmp, stat = write_temp(target, data)
            entries.append((target, tmp, digest(data).hex()))
            stats.append(stat)
        for folder in sorted({target.parent for target, _data in writes}):
            _sync(folder)
        record = {
            "mkhats_journal": JOURNAL_FORMAT,
            "writes": [[layout.rel(target), tmp.name, hexdigest] for target, tmp, hexdigest in entries],
            "deletes": [layout.rel(path) for path in deletes],
        }
        write_atomic(layout.journal, orjson.dumps(record))
    except StoreIOError as error:
        for _target, tmp, _hex in entries:
            _unlink(tmp)
        raise error.restated("store.io_commit") from error
    except BaseException:
        for _target, tmp, _hex in entries:
            _unlink(tmp)
        raise
    # The commit point is behind us: from here on the change is made, now or at the next open.
    try:
        _finish(layout, entries, deletes)
    except StoreIOError:
        try:
            recover(layout)  # one more try (a failure may have been passing)
        except StoreIOError as error:
            raise error.restated("store.io_pending") from error
    return stats


def pending(layout: Layout) -> bool:
    """Whether a journal is waiting (a commit in progress, or one interrupted after its commit point)."""
    return os.path.lexists(layout.journal)


def recover(layout: Layout) -> bool:
    """Finish the commit a journal records, or drop a journal that cannot be trusted.

    Every target is either already replaced (its content has the recorded digest) or still has its
    temporary file with that content: the rest are replaced. Anything else (a journal that does not
    parse, names a file outside the set, or lists a temporary file that is gone while its target
    is not the new content) records no complete commit: the journal is removed, and the temporary
    files go with the other stale ones.

    Returns:
        Whether there was a journal.

    Raises:
        StoreIOError: a file could not be read, renamed or removed (the journal stays for next time).
    """
    found = read_file(layout.journal)
    if found is None:
        return False
    plan = _parse(layout, found[0])
    if plan is not None and all(_ready(entry) for entry in plan[0]):
        _finish(layout, plan[0], plan[1])
    else:
        _unlink_strict(layout.journal)
        _sync(layout.months_dir)
    return True


def _parse(layout: Layout, raw: bytes) -> tuple[list[Entry], list[Path]] | None:
    try:
        record = orjson.loads(raw)
        if record.get("mkhats_journal") != JOURNAL_FORMAT:
            return None
        entries: list[Entry] = []
        for rel, tmp_name, hexdigest in record["writes"]:
            target = layout.from_rel(rel)
            # The temporary file must be ours, beside its target: a journal never names other files.
            if target is None or "/" in tmp_name or not tmp_name.startswith(temp_prefix(target.name)):
                return None
            entries.append((target, target.parent / tmp_name, str(hexdigest)))
        deletes = [layout.from_rel(rel) for rel in record["deletes"]]
    except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None
    if any(path is None for path in deletes):
        return None
    return entries, [path for path in deletes if path is not None]


def _ready(entry: Entry) -> bool:
    """Whether this replacement is done, or can be done with the temporary file's content."""
    target, tmp, hexdigest = entry
    found = read_file(tmp) or read_file(target)
    return found is not None and digest(found[0]).hex() == hexdigest


def _finish(layout: Layout, entries: list[Entry], deletes: list[Path]) -> None:
    """Rename each temporary file still present over its target, delete, then drop the journal."""
    for target, tmp, _hex in entries:
        try:
            os.replace(tmp, target)
        except FileNotFoundError:
            pass  # replaced before an interruption
        except OSError as exc:
            raise StoreIOError.from_os(target, exc, writing=True) from exc
    for path in deletes:
        _unlink_strict(path)
    for folder in sorted({target.parent for target, _tmp, _hex in entries} | {path.parent for path in deletes}):
        _sync(folder)
    _unlink_strict(layout.journal)
    _sync(layout.months_dir)


def _sync(folder: Path) -> None:
    try:
        fsync_dir(folder)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StoreIOError.from_os(folder, exc, writing=True) from exc


def _unlink_strict(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StoreIOError.from_os(path, exc, writing=True) from exc


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
