"""Helpers of the store tests: a frozen today, a picture of a folder, a small seeded database."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkhats.store import Database

TODAY = date(2026, 11, 24)
"""The frozen today of the store tests."""


def picture(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: relative path → (content, mtime_ns)."""
    found = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            found[str(path.relative_to(folder))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def temp_files(folder: Path) -> list[str]:
    """Temporary files of ours left anywhere under ``folder``."""
    return [name for _root, _dirs, files in os.walk(folder) for name in files if ".tmp" in name]


def seed(db: Database, today: date = TODAY) -> None:
    """A small database: settings in the main file, values in two months."""
    with db.transaction(today) as tx:
        tx.main("settings").insert({"lang": "en", "currency": "$"})
        tx.main("kpis").insert_multiple([{"key": f"performance.k{i}", "unit": "money"} for i in range(5)])
        tx.month("2026-10", "values").insert({"kpi": "performance.spend", "date": "2026-10-31", "value": 10.5})
        tx.month("2026-11", "values").insert({"kpi": "performance.spend", "date": "2026-11-01", "value": 12})
        tx.month("2026-11", "spans").insert({"hat": "cmo", "start": "2026-11-01T09:00:00"})
