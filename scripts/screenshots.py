"""Regenerate ``screenshots/*.svg`` from the demo data: ``uv run python scripts/screenshots.py``.

Each picture is a scene of ``mkhats.ui.scenes`` played on a fresh demo file with today frozen at
2026-11-24 and the terminal at 120×40 (80×24 for the narrow one). ``screenshots/deck.png`` is the
weekly deck's first slide as headless Chromium shows it in a 1280×720 window (skipped, saying so,
where no Chromium is installed). ``scripts/screenshots.py deck`` makes that one alone.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


async def shoot(scene: str, out: Path) -> None:
    from mkhats.services.demo import fill_demo
    from mkhats.services.workspace import Workspace
    from mkhats.ui.app import MkhatsApp
    from mkhats.ui.scenes import SIZE, TODAY, play

    with tempfile.TemporaryDirectory() as folder:
        # Opened by a relative path from its folder: the settings screen shows where the data lives,
        # and "mkhats.json" reads the same on every run (a temporary path would change each picture).
        os.chdir(folder)
        ws = Workspace(Path("mkhats.json"), date.fromisoformat(TODAY))
        fill_demo(ws, 12, force=False)
        app = MkhatsApp(ws, now=lambda: datetime(2026, 11, 24, 10, 30))
        size = (80, 24) if scene.endswith("narrow") else SIZE
        try:
            async with app.run_test(size=size) as pilot:
                await play(pilot, scene)
                app.save_screenshot(str(out / f"{scene}.svg"))
        finally:
            os.chdir(ROOT)


def shoot_deck(out: Path) -> None:
    """``deck.png``: the first slide of the demo week's deck, in headless Chromium at 1280×720."""
    from mkhats.services.deck import write_deck
    from mkhats.services.demo import fill_demo
    from mkhats.services.workspace import Workspace
    from mkhats.ui.scenes import TODAY

    names = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
    browser = next((found for name in names if (found := shutil.which(name))), None)
    if browser is None:
        print("screenshots/deck.png skipped: no Chromium (apt-get install chromium)", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace(Path(folder) / "mkhats.json", date.fromisoformat(TODAY))
        fill_demo(ws, 12, force=False)
        html = write_deck(ws, ws.this_week(), Path(folder) / "deck.html")
        command = [browser, "--headless", "--disable-gpu", "--no-sandbox", f"--user-data-dir={folder}/chromium"]
        command += ["--hide-scrollbars", "--window-size=1280,720", f"--screenshot={out / 'deck.png'}", html.as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=180)


async def shoot_ritual(out: Path) -> None:
    """``ritual_decisions.svg``: the Monday ritual's step 3 (decisions) on the demo data of Monday
    2026-11-23, the first two steps behind it; ``ritual.svg``: the stepper after leaving it."""
    from mkhats.services.demo import fill_demo
    from mkhats.services.workspace import Workspace
    from mkhats.ui.app import MkhatsApp
    from mkhats.ui.scenes import SIZE, settle

    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        ws = Workspace(Path("mkhats.json"), date(2026, 11, 23))
        fill_demo(ws, 12, force=False)
        app = MkhatsApp(ws, now=lambda: datetime(2026, 11, 23, 9, 0))
        try:
            async with app.run_test(size=SIZE) as pilot:
                await settle(pilot)
                await pilot.press("M")
                await settle(pilot)
                await pilot.press("enter")  # last week
                await settle(pilot)
                await pilot.press("ctrl+s")  # read: on to the decisions
                await settle(pilot)
                await pilot.press("enter", "tab", *"paused the campaign", "enter")
                await settle(pilot)
                app.clear_notifications()
                await pilot.pause()
                app.save_screenshot(str(out / "ritual_decisions.svg"))
                await pilot.press("escape")  # back to the list: the budget warning is still to decide
                await settle(pilot)
                app.save_screenshot(str(out / "ritual.svg"))
        finally:
            os.chdir(ROOT)


async def shoot_first_run(out: Path) -> None:
    """``first_run.svg``: the setup a new data file opens, its first step, at 80×24."""
    from mkhats.services.workspace import Workspace
    from mkhats.ui.app import MkhatsApp
    from mkhats.ui.scenes import TODAY, settle
    from mkhats.ui.screens.first_run import FirstRunScreen

    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        app = MkhatsApp(Workspace(Path("mkhats.json"), date.fromisoformat(TODAY)))
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                for _ in range(500):  # the app makes the file, then opens its setup
                    if isinstance(app.screen, FirstRunScreen) and app.screen.query("#fr-next"):
                        break
                    await pilot.pause(0.02)
                await settle(pilot)
                app.save_screenshot(str(out / "first_run.svg"))
        finally:
            os.chdir(ROOT)


def main() -> None:
    from mkhats.i18n import set_language
    from mkhats.ui.scenes import SCENES

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    set_language("en")
    out = ROOT / "screenshots"  # absolute: each scene runs from its own temporary folder
    out.mkdir(exist_ok=True)
    for scene in sys.argv[1:] or [*SCENES, "first_run", "ritual", "deck"]:
        if scene == "first_run":
            asyncio.run(shoot_first_run(out))
            print("screenshots/first_run.svg")
            continue
        if scene == "ritual":
            asyncio.run(shoot_ritual(out))
            print("screenshots/ritual.svg, screenshots/ritual_decisions.svg")
            continue
        if scene == "deck":
            shoot_deck(out)
            print("screenshots/deck.png")
            continue
        asyncio.run(shoot(scene, out))
        print(f"screenshots/{scene}.svg")


if __name__ == "__main__":
    main()
