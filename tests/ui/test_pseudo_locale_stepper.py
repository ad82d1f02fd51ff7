"""The pseudo-locale check (see ``tests/ui/test_pseudo_locale.py``) on the ritual's stepper: every
word it shows (steps, what they leave, keys) comes from the catalogue, at 120×40 and at 80×24."""

from __future__ import annotations

from typing import Any

import pytest

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


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["wide", "narrow"])
@pytest.mark.parametrize("kind", ["monday", "friday"])
async def test_every_word_of_the_stepper_comes_from_the_catalogue(
    kind: str,
    size: tuple[int, int],
    xx_ws: Workspace,  # noqa: F811  (the fixture imported above)
    make_app: Any,
) -> None:
    from mkhats.ui.scenes import settle
    from mkhats.ui.screens.ritual import RitualScreen

    app = make_app(xx_ws)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.push_screen(RitualScreen(kind))
        await settle(pilot)
        body, footer = body_text(app), footer_words(app)
    assert "·" in body  # the stepper is drawn
    assert stray_words(body, data_words(xx_ws) | THEMES) == [], body
    assert stray_words(footer) == [], footer
