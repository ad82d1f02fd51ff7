"""Fixtures of the store tests: a database path in ``tmp_path`` and a fresh database on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkhats.store import Database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the main file goes; the folder starts empty."""
    return tmp_path / "mkhats.json"


@pytest.fixture
def db(db_path: Path) -> Database:
    """A fresh database (no file yet)."""
    return Database(db_path)
