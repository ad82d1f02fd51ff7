"""Crash-safe file I/O: atomic replacement, whole-file reads, stale temporary files.

A save writes a temporary file in the target's folder (``.<name>.tmp…``, mode 0600), fsyncs it,
renames it over the target with ``os.replace`` and fsyncs the folder, so a process killed at any
instant leaves the old file or the new one, never a mix. Every OS call goes through the ``os``
module's attributes, so tests can make any single call fail.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from mkhats.store.errors import StoreIOError

FILE_MODE = 0o600
"""Every file the store creates is readable by its owner only (SPEC §5)."""

DIR_MODE = 0o700
TEMP_MARK = ".tmp"
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def temp_prefix(name: str) -> str:
    """The prefix of every temporary file standing in for the file ``name``."""
    return f".{name}{TEMP_MARK}"


def write_atomic(path: Path, data: bytes) -> os.stat_result:
    """Replace ``path`` with ``data`` atomically and durably.

    Args:
        path: the file to create or replace; its folder must exist.
        data: the complete new content.

    Returns:
        The stat of the new file (its signature for change detection).

    Raises:
        StoreIOError: the OS refused a step. ``path`` then holds its old content (or still does
            not exist) and no temporary file is left behind.
    """
    folder = path.parent
    tmp, stat = write_temp(path, data)
    keep: Path | None = None
    replaced = False
    try:
        # A second name for the old file lets us put it back if the folder cannot be made durable.
        keep = _link_old(path, Path(f"{tmp}-old"))
        os.replace(tmp, path)
        replaced = True
        fsync_dir(folder)
    except OSError as exc:
        if replaced:
            _roll_back(path, keep)
        else:
            _quietly(os.unlink, tmp)
        if keep is not None:
            _quietly(os.unlink, keep)
        raise StoreIOError.from_os(path, exc, writing=True) from exc
    if keep is not None:
        _quietly(os.unlink, keep)
    return stat


def write_temp(path: Path, data: bytes) -> tuple[Path, os.stat_result]:
    """Write ``data`` in full to a new temporary file beside ``path`` and fsync it.

    Returns:
        The temporary file (named so that :func:`remove_stale_temps` knows it) and its stat.

    Raises:
        StoreIOError: the OS refused a step (naming ``path``); no temporary file is left.
    """
    tmp = path.parent / f"{temp_prefix(path.name)}{os.getpid()}-{secrets.token_hex(4)}"
    fd: int | None = None
    created = False
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_CLOEXEC, FILE_MODE)
        created = True
        _write_all(fd, data)
        os.fsync(fd)
        stat = os.fstat(fd)
        os.close(fd)
        fd = None
    except OSError as exc:
        if fd is not None:
            _quietly(os.close, fd)
        if created:
            _quietly(os.unlink, tmp)
        raise StoreIOError.from_os(path, exc, writing=True) from exc
    return tmp, stat


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


def _link_old(path: Path, keep: Path) -> Path | None:
    """Hard-link the current ``path`` as ``keep``; None when there is none or links are unsupported."""
    try:
        os.link(path, keep)
    except OSError:
        return None
    return keep


def _roll_back(path: Path, keep: Path | None) -> None:
    """Undo a rename whose folder could not be synced: the old file back, or no file at all."""
    if keep is not None:
        _quietly(os.replace, keep, path)
    else:
        _quietly(os.unlink, path)


def _quietly(func: Callable[..., object], *args: object) -> None:
    try:
        func(*args)
    except OSError:
        pass


def fsync_dir(folder: Path) -> None:
    """Make the folder's entries (a rename, a new file) durable (a no-op on Windows, which cannot)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_file(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The whole content of ``path`` with the stat of what was read; None when it does not exist.

    Raises:
        StoreIOError: the file exists but cannot be read (permission denied, a folder…).
    """
    try:
        fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreIOError.from_os(path, exc, writing=False) from exc
    try:
        stat = os.fstat(fd)
        chunks = []
        size = max(stat.st_size, 0) + 1
        while True:
            chunk = os.read(fd, size)
            if not chunk:
                break
            chunks.append(chunk)
            size = 1 << 20
        return b"".join(chunks), stat
    except OSError as exc:
        raise StoreIOError.from_os(path, exc, writing=False) from exc
    finally:
        os.close(fd)


def stat_or_none(path: Path) -> os.stat_result | None:
    """``os.stat`` of ``path``, or None when it does not exist (or cannot be reached)."""
    try:
        return os.stat(path)
    except OSError:
        return None


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each owner-only.

    ``os.makedirs`` gives its mode to the last folder only (Python ≥ 3.7): the parents it creates
    would get 0755, so each missing level is made here with 0700.
    """
    if os.path.isdir(folder):
        return
    missing = []
    path = Path(folder)
    while not os.path.isdir(path) and path != path.parent:
        missing.append(path)
        path = path.parent
    try:
        for level in reversed(missing):
            try:
                os.mkdir(level, DIR_MODE)
            except FileExistsError:
                if not os.path.isdir(level):
                    raise
    except OSError as exc:
        raise StoreIOError.from_os(folder, exc, writing=True) from exc


def remove_stale_temps(folder: Path, prefixes: tuple[str, ...]) -> int:
    """Delete temporary files of ours (names starting with one of ``prefixes``) left by a crash.

    Only call this while holding the database lock: outside it another process may be writing one.

    Returns:
        How many files were removed.
    """
    removed = 0
    try:
        entries = os.scandir(folder)
    except OSError:
        return 0
    with entries:
        for entry in entries:
            if entry.name.startswith(prefixes) and TEMP_MARK in entry.name:
                try:
                    os.unlink(entry.path)
                    removed += 1
                except OSError:
                    pass
    return removed
