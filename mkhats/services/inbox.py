"""Files waiting to be imported (SPEC §9): the inbox beside the data, the user's downloads, and
where an inbox file goes once imported.

The inbox is ``inbox/`` beside the data file: a person (or a script, a mail rule) drops exports
there and the app offers them when it starts. A file imported from it moves to ``inbox/done/``,
so the inbox holds only what still waits; a file of the same name already there is never
overwritten (``report (2).csv``). The import screen lists the inbox first, then the exports in the
user's downloads, newest first. No UI here: the screens ask, and word the answers.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkhats.services.workspace import Workspace

if TYPE_CHECKING:  # the readers are loaded when a file is imported, not when the app starts
    from mkhats.imports.plan import ImportPlan

INBOX = "inbox"
"""The folder beside the data file whose files are offered for import."""
DONE = "done"
"""The folder inside the inbox where imported files go."""
EXPORT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".xls"})
"""What the downloads list shows: the suffixes exports come with. Any file can still be typed in,
and any file dropped into the inbox is offered (a file is recognised by its content, §9)."""
PARTIAL = (".part", ".partial", ".crdownload", ".download", ".tmp")
"""Downloads still being written (Firefox, Chrome, Safari) are not offered."""
DOWNLOADS_SHOWN = 100
"""The newest downloads listed; an older file can be typed in."""
MAX_SUFFIX = 10_000
"""Name clashes tried in ``done/`` before giving up (a runaway loop would hang the app)."""


@dataclass(frozen=True)
class Candidate:
    """A file the import screen offers."""

    path: Path
    size: int
    """Bytes."""
    modified: float
    """When it was last written (POSIX time)."""
    inbox: bool
    """It waits in the inbox (and moves to ``done/`` once imported)."""


@dataclass(frozen=True)
class Imported:
    """An import went through; an inbox file was moved to ``done/`` (or could not be)."""

    plan: ImportPlan
    moved: Path | None = None
    """Where the inbox file now is; None for a file from elsewhere, or when it could not move."""
    stuck: str | None = None
    """Why an inbox file could not be moved (the import itself is written)."""


def inbox_folder(ws: Workspace) -> Path:
    """``inbox/`` beside the data file."""
    return ws.path.parent / INBOX


def _waiting(entry: os.DirEntry[str]) -> bool:
    """A file someone means to import: not hidden, not an office lock file, not a download in progress."""
    name = entry.name
    if name.startswith((".", "~$")) or name.lower().endswith(PARTIAL):
        return False
    try:
        return entry.is_file()
    except OSError:
        return False


def _scan(folder: Path, suffixes: frozenset[str] | None, inbox: bool) -> list[Candidate]:
    """The files directly in ``folder`` (none if it is missing or unreadable), with their size and time."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not _waiting(entry):
                    continue
                if suffixes is not None and os.path.splitext(entry.name)[1].lower() not in suffixes:
                    continue
                try:
                    stat = entry.stat()
                except OSError:  # gone meanwhile
                    continue
                found.append(Candidate(Path(entry.path), stat.st_size, stat.st_mtime, inbox))
    except OSError:  # missing, not a folder, or not ours to read: nothing to offer from it
        return []
    found.sort(key=lambda c: (-c.modified, c.path.name))
    return found


def inbox_files(ws: Workspace) -> list[Path]:
    """The files waiting in the inbox (not its subfolders, not hidden files), newest first.

    A missing inbox costs one failed ``scandir``: the app asks at every start.
    """
    return [c.path for c in _scan(inbox_folder(ws), None, True)]


def download_folders() -> list[Path]:
    """The user's downloads: the platform's (``XDG_DOWNLOAD_DIR``, ``~/Загрузки``…) and ``~/Downloads``."""
    import platformdirs

    folders = []
    for folder in (platformdirs.user_downloads_path(), Path.home() / "Downloads"):
        if folder not in folders:
            folders.append(folder)
    return folders


def candidates(ws: Workspace, folders: list[Path] | None = None) -> list[Candidate]:
    """What the import screen offers: the inbox's files, then the exports in ``folders`` (default:
    the downloads), each newest first; a file seen twice (a link, the same folder) once."""
    inbox = _scan(inbox_folder(ws), None, True)
    downloads: list[Candidate] = []
    for folder in download_folders() if folders is None else folders:
        downloads += _scan(folder, EXPORT_SUFFIXES, False)
    downloads.sort(key=lambda c: (-c.modified, c.path.name))
    out, seen = [], set()
    for candidate in inbox + downloads[:DOWNLOADS_SHOWN]:
        key = _identity(candidate.path)
        if key not in seen:
            seen.add(key)
            out.append(candidate)
    return out


def _identity(path: Path) -> object:
    try:
        stat = path.stat()
    except OSError:
        return path
    return (stat.st_dev, stat.st_ino)


def in_inbox(ws: Workspace, path: Path) -> bool:
    """Whether ``path`` lies directly in the inbox (a file in ``done/`` or elsewhere does not)."""
    path = Path(path)
    try:
        # The folder it is named in, not where a link points: a link elsewhere to an inbox file is
        # not the inbox's (moving the link would leave the file offered again).
        return path.absolute().parent.resolve() == inbox_folder(ws).resolve() and not path.is_symlink()
    except OSError:
        return False


def file_away(ws: Workspace, path: Path) -> Path:
    """Move an inbox file into ``inbox/done/``, under a new name if that one is taken; its new path.

    Never overwrites: the file is linked under the new name (which fails if the name exists) and
    then unlinked, so a file of that name written meanwhile is kept too.

    Raises:
        OSError: the file could not be moved (it stays in the inbox).
    """
    source = Path(path)
    done = inbox_folder(ws) / DONE
    done.mkdir(exist_ok=True)
    for n in range(1, MAX_SUFFIX):
        target = done / (source.name if n == 1 else f"{source.stem} ({n}){source.suffix}")
        try:
            os.link(source, target)
        except FileExistsError:
            continue
        except OSError:
            # No hard links on this disk (FAT, some network shares): move by name if it is free.
            if target.exists():
                continue
            os.rename(source, target)
            return target
        os.unlink(source)
        return target
    raise FileExistsError(str(done / source.name))


def import_candidate(ws: Workspace, path: Path, rate: float | None = None, profile: str | None = None) -> Imported:
    """Import ``path`` (``services.importing.import_file``: all or nothing, money in another
    currency converted at ``rate``); an inbox file then moves to ``inbox/done/``.

    Raises:
        InputError: the file was refused (it stays where it is, untouched).
        StoreError: the data could not be written.
    """
    from mkhats.services.importing import import_file

    plan = import_file(ws, path, profile, rate=rate)
    if not in_inbox(ws, path):
        return Imported(plan)
    try:
        return Imported(plan, moved=file_away(ws, path))
    except OSError as exc:
        # The values are written: a file left in the inbox is offered again, and importing it
        # again changes nothing (§9), so this is said, not raised.
        return Imported(plan, stuck=exc.strerror or str(exc))
