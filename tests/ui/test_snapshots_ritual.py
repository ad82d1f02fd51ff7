"""Snapshots of the weekly ritual (issue 16) on the demo data of a Monday, in English and Russian.

Regenerate after a deliberate change with
``uv run pytest -n 0 tests/ui/test_snapshots_ritual.py --snapshot-update -p no:cacheprovider``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkhats.i18n import set_language
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace
from mkhats.ui.scenes import settle
from tests.ui.conftest import copy_demo
from tests.ui.test_ritual import MONDAY, monday_app, until


@pytest.fixture
def sws(tmp_path: Path, monday_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The Monday demo opened by a relative path (the paths shown read the same wherever it runs)."""
    copy_demo(monday_folder, tmp_path)
    monkeypatch.chdir(tmp_path)
    return Workspace(Path("mkhats.json"), MONDAY)


async def _stepper(pilot) -> None:
    from mkhats.ui.screens.ritual import RitualScreen

    app = pilot.app
    await settle(pilot)
    await pilot.press("M")
    await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
    await settle(pilot)
    app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_stepper(lang, sws, snap_compare):
    set_language(lang)
    if lang == "ru":
        fill_demo(sws, 12, force=True)  # the demo's own texts and money in Russian too
    try:
        assert snap_compare(monday_app(sws), terminal_size=(120, 40), run_before=_stepper)
    finally:
        set_language("en")


def test_stepper_narrow(sws, snap_compare):
    assert snap_compare(monday_app(sws), terminal_size=(80, 24), run_before=_stepper)
