"""Whole-set backups: one JSON file holding the main file and every month partition.

Format: ``{"mkhats_backup": 1, "created": ISO datetime, "files": {"mkhats.json": {...},
"mkhats.d/values-2026-11.json": {...}}}`` — the files' parsed JSON, no model validation, so a backup
of five years takes a few tens of milliseconds. Daily backups are ``backups/<stem>-YYYY-MM-DD.json``
(the newest :data:`KEEP_DAILY` are kept); backups before a migration or a restore are
``backups/<stem>-before-<reason>-<timestamp>.json`` and are never pruned.

These functions only read and write files; taking the lock is the caller's job.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson

from mkhats.domain.record import record
from mkhats.store import schema
from mkhats.store.atomic import ensure_dir, read_file, write_atomic
from mkhats.store.errors import CorruptFileError, StoreIOError
from mkhats.store.files import Layout

BACKUP_FORMAT = 1
KEEP_DAILY = 14
_REASON = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ENTRY_MONTH = re.compile(r"[^/\\]+\.d/values-(\d{4}-(?:0[1-9]|1[0-2]))\.json")


@record
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
    pattern = _any_pattern(layout)
    best: tuple[int, str] | None = None
    try:
        entries = os.scandir(layout.backups)
    except OSError:
        return None
    with entries:
        for entry in entries:
            if pattern.fullmatch(entry.name):
                try:
                    key = (entry.stat().st_mtime_ns, entry.name)
                except OSError:
                    continue
                if best is None or key > best:
                    best = key
    return layout.backups / best[1] if best else None


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
                raise CorruptFileError(path, exc.reason, exc.params, backup=newest_backup(layout)) from None
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
    pattern = _daily_pattern(layout)
    try:
        names = sorted(name for name in os.listdir(layout.backups) if pattern.fullmatch(name))
    except OSError:
        return []
    removed = []
    for name in names[: max(len(names) - keep, 0)]:
        path = layout.backups / name
        try:
            os.unlink(path)
        except OSError as exc:
            raise StoreIOError.from_os(path, exc, writing=True) from exc
        removed.append(path)
    return removed


def write_named(layout: Layout, reason: str, *, salvage: bool = False) -> Path:
    """Write ``backups/<stem>-before-<reason>-<timestamp>.json`` (never pruned).

    With ``salvage``, files that are not valid are copied byte for byte into the folder
    ``backups/<stem>-before-<reason>-<timestamp>.corrupt/`` instead of failing.
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
    return path


def export_backup(layout: Layout, dest: Path) -> Path:
    """Write a backup of the whole set to ``dest`` (``mkhats export --format json``)."""
    data = build_backup(layout)
    dest = Path(os.path.abspath(os.path.expanduser(dest)))
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
