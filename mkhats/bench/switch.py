"""Key to refreshed screen for tab and week switches, timed inside a running headless app.

The action runs as a key would run it; the clock stops in ``call_after_refresh``, after the
screen has been painted. ``pilot.press`` is not used: its own waits would dominate the figure.

Each sample starts the way a person's key press does: the app idle, nothing moving, a pause since
the last key (``PAUSE``, a quick reader's). Measured back to back, a switch would cost its own time
plus a random part of a frame (Textual paints at most once a frame, 1/60 s, on a fixed schedule),
and mkhats's preparation of the weeks around the one shown (``PREFETCH_DELAY`` after a switch)
would land inside the next sample. Both apps are measured the same way.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot


async def _timed(app: App[Any], action: Callable[[], None]) -> float:
    done = asyncio.Event()
    t0 = time.perf_counter()
    action()
    app.call_after_refresh(done.set)
    await done.wait()
    return time.perf_counter() - t0


async def measure(app: App[Any], actions: list[Callable[[], None]], rounds: int, animate: bool) -> list[float]:
    """Run ``actions`` in turn ``rounds`` times; return each one's seconds."""
    app.animation_level = "full" if animate else "none"
    samples: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Warm up: twice round, as mkhats builds a tab on its first visit and fills it just after
        # (the floor app builds every tab at start-up); a session pays that once per tab.
        for action in actions * 2:
            await _settle(pilot)
            await _timed(app, action)
        await pilot.pause()
        for _ in range(rounds):
            for action in actions:
                await _settle(pilot)
                samples.append(await _timed(app, action))
    return samples


async def _settle(pilot: Pilot[Any]) -> None:
    """Wait until nothing moves and ``PAUSE`` has passed, as between two key presses."""
    await pilot.pause()
    await pilot.wait_for_animation()
    await asyncio.sleep(PAUSE)
    await pilot.pause()


PAUSE = 0.2
"""Seconds between two key presses."""


def tab_actions(app: App[Any], tab_ids: list[str]) -> list[Callable[[], None]]:
    """One action per tab: make it active, as ``1``…``5`` do."""
    from textual.widgets import TabbedContent

    def activate(tab: str) -> Callable[[], None]:
        return lambda: setattr(app.query_one(TabbedContent), "active", tab)

    return [activate(tab) for tab in tab_ids]


def median(samples: list[float]) -> float:
    """The median in milliseconds."""
    return statistics.median(samples) * 1000
