"""The pseudo-locale check (see ``tests/ui/test_pseudo_locale.py``) on the ritual's step screens:
every word they show comes from the catalogue, at 120×40 and at 80×24."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from mkhats.services.workspace import Workspace
from tests.ui.conftest import SIZE
from tests.ui.test_pseudo_locale import (  # noqa: F401  (fixtures: pytest finds them by name here)
    THEMES,
    body_text,
    data_words,
    footer_words,
    pseudo,
    stray_words,
    xx_demo_folder,
    xx_ws,
)


def _logs(part: str, week: str) -> Callable[[Any], Any]:
    def make(app: Any) -> Any:
        from mkhats.ui.screens.ritual_logs import LogsScreen

        return LogsScreen(week, part, progress=None)  # type: ignore[arg-type]

    return make


def _decisions(app: Any) -> Any:
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen

    return DecisionsScreen("2026-W48", progress=None)


def _conflicts(app: Any) -> Any:
    from mkhats.ui.screens.ritual_conflicts import ConflictsScreen

    return ConflictsScreen("2026-W48", progress=None)


def _last_week(app: Any) -> Any:
    from mkhats.services.plans import save_log
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen

    save_log(app.ws, "crm", "2026-W47", fact="", action="")  # its fields show too
    return LastWeekScreen("2026-W47", progress=None)


SCREENS: dict[str, Callable[[Any], Any]] = {
    "last_week": _last_week,
    "conflicts": _conflicts,
    "decisions": _decisions,
    "logs_plan": _logs("plan", "2026-W48"),
    "logs_facts": _logs("facts", "2026-W47"),
}


async def _show(
    make_app: Callable[[Workspace], Any], ws: Workspace, name: str, size: tuple[int, int]
) -> tuple[str, str]:
    from mkhats.ui.scenes import settle

    app = make_app(ws)
    async with app.run_test(size=size) as pilot:
        pilot: Pilot[Any]
        await pilot.pause()
        await app.push_screen(SCREENS[name](app))
        await settle(pilot)
        return body_text(app), footer_words(app)


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["wide", "narrow"])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_word_of_a_step_comes_from_the_catalogue(
    name: str,
    size: tuple[int, int],
    xx_ws: Workspace,  # noqa: F811  (the fixture imported above)
    make_app: Any,
) -> None:
    body, footer = await _show(make_app, xx_ws, name, size)
    assert stray_words(body, data_words(xx_ws) | THEMES) == [], body
    assert stray_words(footer) == [], footer
