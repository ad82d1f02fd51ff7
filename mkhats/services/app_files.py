"""Use cases of the app's file commands: export the values, write the report, back up, restore.

The app writes each file to a folder beside the data file (``exports/``, ``reports/``,
``backups/``; as ``decks/``), with what the command line writes: ``export --format csv``,
``report``, ``export --format json``. Documents go through ``services.output`` (atomic, owner-only,
never over the data set); the backup through the store's consistent copy.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mkhats.errors import StoreError
from mkhats.services.output import os_reason_text, write_out_file
from mkhats.services.workspace import Workspace

EXPORTS_FOLDER = "exports"
REPORTS_FOLDER = "reports"


def _folder(folder: Path, file: str) -> Path:
    """``folder`` made if missing; the path of ``file`` in it."""
    path = folder / file
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("cli.cannot_write", file=str(path), reason=os_reason_text(exc)) from None
    return path


def _stamp() -> str:
    return datetime.now().strftime("%Y-%m-%dT%H%M%S")


def write_values_csv(ws: Workspace) -> Path:
    """Every stored value as ``mkhats export --format csv`` prints it, to ``exports/values-<stamp>.csv``."""
    from mkhats.services.values import export_csv

    text = export_csv(ws)  # before any folder is made: a refused read leaves nothing behind
    path = _folder(ws.path.parent / EXPORTS_FOLDER, f"{ws.path.stem}-values-{_stamp()}.csv")
    write_out_file(ws, str(path), text)
    return path


def write_report(ws: Workspace, week: str) -> Path:
    """The weekly report of ``week`` as ``mkhats report`` writes it, to ``reports/report-<week>.md``."""
    from mkhats.present.report import weekly_report

    text = weekly_report(ws.snapshot(week))
    path = _folder(ws.path.parent / REPORTS_FOLDER, f"report-{week}.md")
    write_out_file(ws, str(path), text)
    return path


def backups_folder(ws: Workspace) -> Path:
    """Where backups live: ``backups/`` beside the data file (the store's daily ones too)."""
    return ws.db.layout.backups


def write_backup(ws: Workspace) -> Path:
    """A full backup, as ``mkhats export --format json`` writes it, to ``backups/<stem>-saved-<stamp>.json``.

    The name is none of the store's own (daily, before a change): it is never pruned.
    """
    from mkhats.services.backup import export_json

    path = _folder(backups_folder(ws), f"{ws.path.stem}-saved-{_stamp()}.json")
    export_json(ws, path)
    return path


def newest_backup(ws: Workspace) -> Path | None:
    """The newest ``.json`` in ``backups/`` (by the time it was written), if any."""
    try:
        found = [p for p in backups_folder(ws).iterdir() if p.suffix == ".json" and p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime_ns, default=None)
