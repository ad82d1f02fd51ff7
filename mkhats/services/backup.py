"""Full backups: ``export --format json`` writes one, ``restore`` puts one back."""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkhats.services import Workspace


def export_json(ws: Workspace, dest: Path | None = None) -> str:
    """Write a full backup of the data set to ``dest``; without ``dest``, return it as text."""
    with ws.read():
        pass  # a missing file is first created with the defaults, so the backup is never empty
    if dest is not None:
        ws.db.write_backup(Path(dest))
        return ""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "backup.json"
        ws.db.write_backup(path)
        return path.read_text(encoding="utf-8")


def restore(ws: Workspace, src: Path) -> Path | None:
    """Replace the data set with backup ``src`` after validating it.

    Returns:
        Where the data set that was replaced has been kept (None if there was none).
    """
    return ws.db.restore(Path(src), ws.today)
