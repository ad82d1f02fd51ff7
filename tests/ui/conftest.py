"""Pilot fixtures: a real data file in tmp_path filled by ``demo``, a frozen today, a fixed size."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mkhats.services import Workspace
from mkhats.services.demo import fill_demo

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 10, 30)
SIZE = (120, 40)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A workspace on a fresh file holding 12 demo weeks ending on TODAY."""
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    fill_demo(workspace, 12, force=False)
    return workspace


@pytest.fixture
def empty_ws(tmp_path: Path) -> Workspace:
    """A workspace on a fresh file with only the shipped defaults."""
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    with workspace.write():
        pass
    return workspace


@pytest.fixture
def make_app():
    """Build the app on a workspace with the clock frozen at NOW."""
    from mkhats.ui.app import MkhatsApp

    def build(workspace: Workspace) -> MkhatsApp:
        return MkhatsApp(workspace, now=lambda: NOW)

    return build
