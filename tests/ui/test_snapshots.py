"""Snapshot tests of the main screens on the seeded demo data, today frozen, fixed size, no blink.

Regenerate after a deliberate UI change with ``uv run pytest tests/ui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import pytest

from mkhats.i18n import set_language
from mkhats.ui.scenes import SCENES, SIZE, play

SCENE_NAMES = ["main", "kpi_detail", "review", "settings", "add_value_error", "help", "log"]


@pytest.mark.parametrize("scene", SCENE_NAMES)
def test_scene(scene, ws, make_app, snap_compare):
    async def run_before(pilot):
        await play(pilot, scene)

    assert snap_compare(make_app(ws), terminal_size=SIZE, run_before=run_before)


def test_main_narrow(ws, make_app, snap_compare):
    async def run_before(pilot):
        await play(pilot, "main_narrow")

    assert snap_compare(make_app(ws), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("scene", ["main", "review"])
def test_scene_in_russian(scene, ws, make_app, snap_compare):
    set_language("ru")

    async def run_before(pilot):
        await play(pilot, scene)

    assert snap_compare(make_app(ws), terminal_size=SIZE, run_before=run_before)


def test_every_scene_has_a_snapshot():
    assert set(SCENES) == {*SCENE_NAMES, "main_narrow"}
