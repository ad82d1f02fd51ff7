"""Snapshot tests of the main screens on the seeded demo data, today frozen, fixed size, no blink.

Regenerate after a deliberate UI change with ``uv run pytest tests/ui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkhats.i18n import set_language
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace
from mkhats.ui.scenes import SCENES, SIZE, play
from tests.ui.conftest import TODAY, copy_demo


@pytest.fixture
def ws(tmp_path: Path, demo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Demo data in ``tmp_path``, opened by a relative path from there: the settings and help
    screens show where the data lives, and ``mkhats.json`` reads the same wherever the test runs."""
    copy_demo(demo_folder, tmp_path)
    monkeypatch.chdir(tmp_path)
    return Workspace(Path("mkhats.json"), TODAY)


SCENE_NAMES = [
    "main",
    "kpi_detail",
    "review",
    "settings",
    "add_value_error",
    "help",
    "log",
    "cmo",
    "week_entry",
    "overview",
]


@pytest.mark.parametrize("scene", SCENE_NAMES)
def test_scene(scene, ws, make_app, snap_compare):
    async def run_before(pilot):
        await play(pilot, scene)

    assert snap_compare(make_app(ws), terminal_size=SIZE, run_before=run_before)


def test_main_narrow(ws, make_app, snap_compare):
    async def run_before(pilot):
        await play(pilot, "main_narrow")

    assert snap_compare(make_app(ws), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("scene", ["main", "review", "week_entry", "overview"])
def test_scene_in_russian(scene, ws, make_app, snap_compare):
    set_language("ru")
    fill_demo(ws, 12, force=True)  # the demo's own texts and money in Russian too

    async def run_before(pilot):
        await play(pilot, scene)

    assert snap_compare(make_app(ws), terminal_size=SIZE, run_before=run_before)


def test_every_scene_has_a_snapshot():
    assert set(SCENES) == {*SCENE_NAMES, "main_narrow"}
