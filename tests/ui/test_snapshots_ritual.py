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


STEPS = {"last_week": 1, "decisions": 2, "conflicts": 3, "plan": 4}
"""The Monday steps with a screen of their own, by position in the stepper."""


def _at_step(index: int):
    async def run_before(pilot) -> None:
        from mkhats.ui.screens.ritual import RitualScreen

        await _stepper(pilot)
        pilot.app.screen.query_one("#ritual-steps").highlighted = index
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(pilot.app.screen, RitualScreen), "the step")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("step", list(STEPS))
def test_step_through_the_stepper(step, lang, sws, snap_compare):
    """Each step as the ritual opens it: its progress line on top."""
    set_language(lang)
    if lang == "ru":
        fill_demo(sws, 12, force=True)
    try:
        assert snap_compare(monday_app(sws), terminal_size=(120, 40), run_before=_at_step(STEPS[step]))
    finally:
        set_language("en")


def test_friday_stepper_in_russian(sws, snap_compare):
    set_language("ru")
    fill_demo(sws, 12, force=True)

    async def run_before(pilot) -> None:
        from mkhats.ui.screens.ritual import RitualScreen

        await settle(pilot)
        await pilot.press("F")
        await until(pilot, lambda: isinstance(pilot.app.screen, RitualScreen), "stepper")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    try:
        assert snap_compare(monday_app(sws), terminal_size=(80, 24), run_before=run_before)
    finally:
        set_language("en")
