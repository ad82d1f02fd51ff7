"""Snapshots of the ritual's step screens, pushed on their own over the demo data, in English and
Russian (today frozen, fixed size, no blink).

Regenerate after a deliberate change with
``uv run pytest -n 0 tests/ui/test_snapshots_ritual_steps.py --snapshot-update`` and look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mkhats.i18n import set_language
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace
from mkhats.ui.scenes import settle
from tests.ui.conftest import TODAY, copy_demo


@pytest.fixture
def ws(tmp_path: Path, demo_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Demo data in ``tmp_path``, opened by a relative path from there."""
    copy_demo(demo_folder, tmp_path)
    monkeypatch.chdir(tmp_path)
    return Workspace(Path("mkhats.json"), TODAY)


def _logs_plan(app: Any) -> Any:
    from mkhats.ui.screens.ritual_logs import LogsScreen

    return LogsScreen("2026-W48", "plan", progress="5/6")


def _logs_facts(app: Any) -> Any:
    from mkhats.ui.screens.ritual_logs import LogsScreen

    return LogsScreen("2026-W47", "facts")


def _decisions(app: Any) -> Any:
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen

    return DecisionsScreen("2026-W48", progress="3/6")


def _conflicts(app: Any) -> Any:
    from mkhats.ui.screens.ritual_conflicts import ConflictsScreen

    return ConflictsScreen("2026-W48", progress="4/6")


def _last_week(app: Any) -> Any:
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen

    return LastWeekScreen("2026-W47", progress="2/6")


def _last_week_missing(app: Any) -> Any:
    """Last week with the CRM's facts missing: its three fields to type in."""
    from mkhats.services.plans import save_log

    save_log(app.ws, "crm", "2026-W47", fact="", action="")
    return _last_week(app)


SCREENS: dict[str, Callable[[Any], Any]] = {
    "last_week_missing": _last_week_missing,
    "last_week": _last_week,
    "conflicts": _conflicts,
    "decisions": _decisions,
    "logs_plan": _logs_plan,
    "logs_facts": _logs_facts,
}


def _shoot(name: str, ws: Workspace, make_app: Any, snap_compare: Any, size: tuple[int, int]) -> bool:
    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        await pilot.app.push_screen(SCREENS[name](pilot.app))
        await settle(pilot)

    return snap_compare(make_app(ws), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("name", list(SCREENS))
def test_step(name, ws, make_app, snap_compare):
    assert _shoot(name, ws, make_app, snap_compare, (120, 40))


@pytest.mark.parametrize("name", list(SCREENS))
def test_step_in_russian(name, ws, make_app, snap_compare):
    set_language("ru")
    fill_demo(ws, 12, force=True)  # the demo's own texts and money in Russian too
    try:
        assert _shoot(name, ws, make_app, snap_compare, (120, 40))
    finally:
        set_language("en")


@pytest.mark.parametrize("name", list(SCREENS))
def test_step_narrow(name, ws, make_app, snap_compare):
    assert _shoot(name, ws, make_app, snap_compare, (80, 24))
