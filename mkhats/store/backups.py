"""Whole-set backups: one JSON file holding the main file and every month partition.

Format: ``{"mkhats_backup": 1, "created": ISO datetime, "files": {"mkhats.json": {...},
"mkhats.d/values-2026-11.json": {...}}}`` — the files' parsed JSON, no model validation, so a backup
of five years takes a few tens of milliseconds. Daily backups are ``backups/<stem>-YYYY-MM-DD.json``
(the newest :data:`KEEP_DAILY` are kept); backups before a migration or a restore are
``backups/<stem>-before-<reason>-<timestamp>.json`` (the newest :data:`KEEP_DAILY` of each reason
are kept, with the ``.corrupt/`` folder of files that could not be backed up beside each).

These functions only read and write files; taking the lock is the caller's job.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.errors import MkhatsError
from mkhats.store import schema
from mkhats.store.atomic import ensure_dir, read_file, write_atomic
from mkhats.store.errors import CorruptFileError, StoreIOError
from mkhats.store.files import Layout

BACKUP_FORMAT = 1
KEEP_DAILY = 14
_REASON = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ENTRY_MONTH = re.compile(r"[^/\\]+\.d/values-(\d{4}-(?:0[1-9]|1[0-2]))\.json")


@light_dataclass
class BackupSet:
    """A validated backup, migrated to the current schema: the main file and each month's file."""

    main: dict[str, Any]
    months: dict[str, dict[str, Any]] = field(default_factory=dict)


def daily_path(layout: Layout, day: date) -> Path:
    """The daily backup of ``day``."""
    return layout.backups / f"{layout.stem}-{day.isoformat()}.json"


def _daily_pattern(layout: Layout) -> re.Pattern[str]:
    return re.compile(re.escape(layout.stem) + r"-\d{4}-\d{2}-\d{2}\.json")


def _any_pattern(layout: Layout) -> re.Pattern[str]:
    return re.compile(re.escape(layout.stem) + r"-(?:\d{4}-\d{2}-\d{2}|before-[a-z0-9-]+-\d{8}T\d{12}(?:-\d+)?)\.json")


def newest_backup(layout: Layout) -> Path | None:
    """The most recently written backup of this database (daily or before a change), if any."""
    found = _backups_newest_first(layout)
    return found[0] if found else None


def newest_loadable(layout: Layout, accept: Callable[[BackupSet], object] | None = None) -> Path | None:
    """The newest backup that reads as a backup and that ``accept`` does not refuse (by raising an
    error of ours): the one a message about a refused file can send the user to."""
    for path in _backups_newest_first(layout):
        try:
            backup = read_backup(path)
            if accept is not None:
                accept(backup)
        except MkhatsError:
            continue
        return path
    return None


def _backups_newest_first(layout: Layout) -> list[Path]:
    pattern = _any_pattern(layout)
    found: list[tuple[int, str]] = []
    try:
        entries = os.scandir(layout.backups)
    except OSError:
        return []
    with entries:
        for entry in entries:
            if pattern.fullmatch(entry.name):
                try:
                    found.append((entry.stat().st_mtime_ns, entry.name))
                except OSError:
                    continue
    return [layout.backups / name for _mtime, name in sorted(found, reverse=True)]


def build_backup(layout: Layout, *, salvage: dict[str, bytes] | None = None) -> bytes:
    """The backup of the set as it is on disk now.

    Args:
        layout: the database.
        salvage: when given, a file that is not a valid store file is left out of the backup and
            its raw bytes are put here (by its name in the set) instead of failing.

    Raises:
        CorruptFileError: a file of the set is not valid (only without ``salvage``).
        StoreIOError: a file cannot be read.
    """
    paths = [layout.main] + [layout.month_path(key) for key in sorted(layout.months_on_disk())]
    parts: list[bytes] = []
    for path in paths:
        found = read_file(path)
        if found is None:
            continue
        raw = found[0]
        rel = layout.rel(path)
        try:
            schema.decode(raw)
        except schema.ShapeError as exc:
            if salvage is None:
                raise CorruptFileError(path, exc.reason, exc.params, backup=newest_loadable(layout)) from None
            salvage[rel] = raw
            continue
        parts.append(orjson.dumps(rel) + b":" + raw)
    created = orjson.dumps(datetime.now().astimezone().isoformat(timespec="seconds"))
    head = b'{"mkhats_backup":%d,"created":%s,"files":{' % (BACKUP_FORMAT, created)
    return head + b",".join(parts) + b"}}"


def write_daily(layout: Layout, day: date, *, strict: bool = True) -> Path | None:
    """Write the daily backup of ``day`` unless it exists, then prune to the newest 14.

    Returns:
        The backup written, or None when it already existed or there is nothing to back up.
    """
    path = daily_path(layout, day)
    if os.path.exists(path) or not os.path.exists(layout.main):
        return None
    data = build_backup(layout, salvage=None if strict else {})
    ensure_dir(layout.backups)
    write_atomic(path, data)
    prune_daily(layout)
    return path


def prune_daily(layout: Layout, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete all but the newest ``keep`` daily backups (by date); returns those deleted."""
    return _prune(layout, _daily_pattern(layout), keep)


def prune_named(layout: Layout, reason: str, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete all but the newest ``keep`` backups before ``reason`` (by timestamp), each with its
    ``.corrupt/`` folder; returns the backups deleted."""
    pattern = re.compile(re.escape(f"{layout.stem}-before-{reason}-") + r"\d{8}T\d{12}(?:-\d+)?\.json")
    return _prune(layout, pattern, keep)


def _prune(layout: Layout, pattern: re.Pattern[str], keep: int) -> list[Path]:
    try:
        # Names sort by their date or timestamp; "-1" (a second backup in one microsecond) after.
        names = sorted((name for name in os.listdir(layout.backups) if pattern.fullmatch(name)), key=_stamp_order)
    except OSError:
        return []
    removed = []
    for name in names[: max(len(names) - keep, 0)]:
        path = layout.backups / name
        try:
            os.unlink(path)
        except OSError as exc:
            raise StoreIOError.from_os(path, exc, writing=True) from exc
        shutil.rmtree(path.with_suffix(".corrupt"), ignore_errors=True)
        removed.append(path)
    return removed


def _stamp_order(name: str) -> tuple[str, int]:
    stem = name.removesuffix(".json")
    head, _, count = stem.rpartition("-")
    return (head, int(count)) if count.isdigit() and len(count) < 8 else (stem, 0)


def write_named(layout: Layout, reason: str, *, salvage: bool = False) -> Path:
    """Write ``backups/<stem>-before-<reason>-<timestamp>.json``, then keep the newest 14 of ``reason``.

    With ``salvage``, files that are not valid are copied byte for byte into the folder
    ``backups/<stem>-before-<reason>-<timestamp>.corrupt/`` (owner-only) instead of failing.
    """
    if not _REASON.fullmatch(reason):
        raise ValueError(f"backup reason must be lowercase words joined by '-': {reason!r}")
    ensure_dir(layout.backups)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    path = layout.backups / f"{layout.stem}-before-{reason}-{stamp}.json"
    count = 0
    while os.path.exists(path):
        count += 1
        path = layout.backups / f"{layout.stem}-before-{reason}-{stamp}-{count}.json"
    salvaged: dict[str, bytes] | None = {} if salvage else None
    data = build_backup(layout, salvage=salvaged)
    for rel, raw in (salvaged or {}).items():
        target = path.with_suffix(".corrupt") / rel
        ensure_dir(target.parent)
        write_atomic(target, raw)
    write_atomic(path, data)
    prune_named(layout, reason)
    return path


def write_export(dest: Path, data: bytes) -> Path:
    """Write the backup ``data`` (from :func:`build_backup`) to ``dest``, atomically, owner-only."""
    dest = Path(os.path.realpath(os.path.expanduser(dest)))  # a link stays a link: its target is replaced
    ensure_dir(dest.parent)
    write_atomic(dest, data)
    return dest


def read_backup(src: Path) -> BackupSet:
    """Read and validate the backup ``src``, migrating its files to the current schema.

    Raises:
        CorruptFileError: ``src`` is not a usable backup (naming it, and the entry at fault).
        StoreIOError: ``src`` cannot be read.
    """
    found = read_file(src)
    if found is None:
        raise StoreIOError(src, "store.reason.missing", writing=False)
    try:
        doc = schema.parse_json(found[0])
    except schema.ShapeError as exc:
        raise CorruptFileError(src, exc.reason, exc.params, is_backup=True) from None
    files = doc.get("files") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or doc.get("mkhats_backup") != BACKUP_FORMAT or not isinstance(files, dict):
        raise CorruptFileError(src, "store.reason.backup_format", is_backup=True)
    main: dict[str, Any] | None = None
    months: dict[str, dict[str, Any]] = {}
    for rel, data in files.items():
        match = _ENTRY_MONTH.fullmatch(rel)
        is_main = "/" not in rel and "\\" not in rel and rel.endswith(".json")
        if not (match or is_main) or (is_main and main is not None) or (match and match.group(1) in months):
            raise CorruptFileError(src, "store.reason.backup_entry", {"entry": rel[:80]}, is_backup=True)
        try:
            schema.check_shape(data)
            if schema.check_version(schema.schema_version(data)):
                data = schema.migrate(data)
        except schema.ShapeError as exc:
            raise CorruptFileError(src, exc.reason, exc.params, entry=rel, is_backup=True) from None
        if match:
            months[match.group(1)] = data
        else:
            main = data
    if main is None:
        raise CorruptFileError(src, "store.reason.backup_no_main", is_backup=True)
    return BackupSet(main=main, months=months)
