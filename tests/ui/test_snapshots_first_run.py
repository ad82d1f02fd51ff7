"""Snapshot tests of the first run's setup: each of its five steps, in English and in Russian.

A fresh data file in ``tmp_path`` (the app makes it, so the setup opens), today frozen, 80×24, no
blink. Regenerate after a deliberate change with
``uv run pytest -n 0 tests/ui/test_snapshots_first_run.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkhats.i18n import set_language
from mkhats.services.workspace import Workspace
from mkhats.ui.scenes import settle
from mkhats.ui.screens.first_run import FirstRunScreen
from tests.ui.conftest import TODAY

SIZE = (80, 24)
"""The smallest terminal the app is made for: every step must fit it."""


@pytest.fixture
def lang(request: pytest.FixtureRequest):
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("lang", ["en", "ru"], indirect=True)
@pytest.mark.parametrize("step", range(5))
def test_setup_step(step: int, lang: str, tmp_path: Path, make_app, snap_compare):
    app = make_app(Workspace(tmp_path / "mkhats.json", TODAY))

    async def run_before(pilot):
        for _ in range(3000):
            if isinstance(pilot.app.screen, FirstRunScreen):
                break
            await pilot.pause(0.02)
        for _ in range(step):
            await pilot.press("escape")  # each step skipped, to show the next one
            await pilot.pause()
        for _ in range(3000):  # the step is composed once its buttons are there
            if pilot.app.screen.step == step and pilot.app.screen.query("#fr-next"):
                break
            await pilot.pause(0.02)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
