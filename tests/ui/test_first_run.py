"""Pilot tests of the first run (SPEC §3): the setup on a file the app makes, and renaming a person.

Each test owns real files in ``tmp_path`` and a frozen today; the setup is walked with keys and
what it stored is read back from the file, what it showed from the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, RadioButton, Select, Static, Switch

from mkhats.i18n import current_language, set_language
from mkhats.services.demo import fill_demo
from mkhats.services.first_run import start_file
from mkhats.services.workspace import Workspace
from mkhats.ui.screens.first_run import FirstRunScreen
from mkhats.ui.screens.main import MainScreen
from mkhats.ui.screens.settings import SettingsScreen
from tests.ui.conftest import SIZE, TODAY

SMALL = (80, 24)
HINT_EN = "Three keys to start: a — enter the week's numbers · r — the review · ? — every key."
HINT_RU = "Три клавиши для начала: a — ввести цифры недели · r — разбор недели · ? — все клавиши."


async def until(pilot: Pilot[Any], condition: Callable[[], object], what: str) -> None:
    """Wait for ``condition`` (on a busy machine only longer), or fail naming ``what``."""
    for _ in range(3000):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def fresh(tmp_path: Path) -> Workspace:
    """A workspace on a data file that does not exist yet: the app makes it."""
    return Workspace(tmp_path / "mkhats.json", TODAY)


def progress(app: Any) -> str:
    """The setup's progress line; "" while a step is being composed."""
    shown = list(app.screen.query("#fr-progress").results(Static))
    return str(shown[0].render()) if shown else ""


async def open_setup(app: Any, pilot: Pilot[Any]) -> FirstRunScreen:
    await until(pilot, lambda: isinstance(app.screen, FirstRunScreen), "the setup opens")
    return app.screen


async def at_step(app: Any, pilot: Pilot[Any], step: int) -> None:
    def shown() -> bool:
        screen = app.screen
        ready = isinstance(screen, FirstRunScreen) and screen.step == step
        return ready and progress(app).startswith(f"{step + 1}/5 ") and bool(screen.query("#fr-next"))

    await until(pilot, shown, f"step {step}")
    await pilot.pause()


async def back_on_main(app: Any, pilot: Pilot[Any]) -> None:
    await until(pilot, lambda: isinstance(app.screen, MainScreen) and app._notifications, "the main screen and hint")
    await pilot.pause()


def categories(app: Any) -> set[str]:
    return {item.category for item in app.warnings}


async def test_the_setup_walked_through_stores_every_answer_in_russian(tmp_path, make_app):
    ws = fresh(tmp_path)
    app = make_app(ws)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_setup(app, pilot)
            assert progress(app) == "1/5 · Your name"
            await pilot.press(*"Anna", "enter")

            await at_step(app, pilot, 1)
            assert progress(app) == "2/5 · Language and currency"
            assert app.screen.query_one("#fr-currency", Input).value == "$"
            app.screen.query_one("#fr-lang", Select).value = "ru"
            # The language applies at once: the step in Russian, the sign of the rouble offered.
            await until(pilot, lambda: progress(app) == "2/5 · Язык и валюта", "the step in Russian")
            assert current_language() == "ru"
            assert app.screen.query_one("#fr-currency", Input).value == "₽"
            await pilot.press("ctrl+n")

            await at_step(app, pilot, 2)
            app.screen.query_one("#fr-owner-name", Input).focus()
            await pilot.press(*"Олег")  # typing a name chooses "someone else"
            assert app.screen.query_one("#fr-owner-other", RadioButton).value
            assert app.screen.query_one("#fr-cmo", Switch).value  # the owner wears the CMO hat
            await pilot.press("enter")

            await at_step(app, pilot, 3)
            app.screen.query_one("#fr-hat-analytics", Switch).focus()
            await pilot.press("space", "ctrl+n")

            await at_step(app, pilot, 4)
            assert progress(app) == "5/5 · Цели"
            await pilot.press("4", "0", "enter")  # enter goes on to the next target
            await pilot.press("1", "space", "5", "0", "0", "enter")  # a Russian thousands group
            await pilot.press(*"6000", "enter")  # from the last one: done
            await back_on_main(app, pilot)

            assert [n.message for n in app._notifications] == [HINT_RU]
            assert "RITUAL" not in categories(app)  # nothing is due from before the file existed
            tabs = [str(tab.label) for tab in app.main.query("Tab")]
            assert "Аналитика" in tabs and "PR" not in tabs
    finally:
        set_language("en")

    with ws.read() as repo:
        settings, persons, hats, kpis = repo.settings(), repo.persons(), repo.hats(), repo.kpis()
    assert (settings.lang, settings.currency, settings.setup) == ("ru", "₽", "done")
    assert {p.name: p.kind for p in persons.values()} == {"Anna": "staff", "Олег": "owner"}
    assert hats["cmo"].wearer == "Олег"
    assert all(hats[h].wearer == "Anna" for h in ("content", "performance", "crm", "pm"))
    assert {h for h in ("pr", "analytics", "site") if hats[h].enabled} == {"analytics"}
    assert hats["analytics"].wearer == "Anna"  # "the hats you also wear": worn by you
    targets = {k: kpis[k].target for k in ("performance.leads", "performance.cpl", "performance.cpa")}
    assert targets == {"performance.leads": 40, "performance.cpl": 1500, "performance.cpa": 6000}

    # The second start opens on the hats, without the setup or the hint.
    set_language("ru")
    again = make_app(ws)
    try:
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(again.screen, MainScreen) and not again._notifications
    finally:
        set_language("en")


async def test_every_step_skipped_keeps_the_defaults_and_marks_the_setup_done(tmp_path, make_app):
    ws = fresh(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SMALL) as pilot:
        await open_setup(app, pilot)
        for step in range(5):
            await at_step(app, pilot, step)
            assert progress(app).startswith(f"{step + 1}/5 · ")
            await pilot.press("escape")
        await back_on_main(app, pilot)
        assert [n.message for n in app._notifications] == [HINT_EN]
        assert categories(app) <= {"CONFLICT", "SETUP"}  # one person in every hat; no rituals

    with ws.read() as repo:
        settings, persons, hats, kpis = repo.settings(), repo.persons(), repo.hats(), repo.kpis()
    assert (settings.lang, settings.currency, settings.setup, settings.created) == (None, "$", "done", TODAY)
    assert {p.name: p.kind for p in persons.values()} == {"Me": "staff"}
    assert hats["cmo"].wearer == "Me" and not any(hats[h].enabled for h in ("pr", "analytics", "site"))
    assert all(kpis[k].target is None for k in ("performance.leads", "performance.cpl", "performance.cpa"))

    again = make_app(ws)
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(again.screen, MainScreen) and not again._notifications


async def test_skip_setup_keeps_the_answers_given_and_a_language_skipped_is_undone(tmp_path, make_app):
    ws = fresh(tmp_path)
    app = make_app(ws)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_setup(app, pilot)
            await pilot.press(*"Anna", "enter")
            await at_step(app, pilot, 1)
            app.screen.query_one("#fr-lang", Select).value = "ru"
            await until(pilot, lambda: current_language() == "ru", "Russian")
            await pilot.press("escape")  # the language step skipped: back to English
            await at_step(app, pilot, 2)
            assert current_language() == "en" and progress(app) == "3/5 · The owner"
            await pilot.click("#fr-skip-all")
            await back_on_main(app, pilot)
    finally:
        set_language("en")
    with ws.read() as repo:
        settings, persons, hats = repo.settings(), repo.persons(), repo.hats()
    assert (settings.lang, settings.setup) == (None, "done")
    assert list(persons) == ["Anna"] and hats["cmo"].wearer == "Anna"


async def test_skip_setup_on_the_language_step_keeps_the_language_picked(tmp_path, make_app):
    # The app spoke Russian from the moment it was picked; skipping the rest stored no language,
    # and the next start opened in English.
    ws = fresh(tmp_path)
    app = make_app(ws)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await open_setup(app, pilot)
            await pilot.press("escape")  # the name skipped
            await at_step(app, pilot, 1)
            app.screen.query_one("#fr-lang", Select).value = "ru"
            await until(pilot, lambda: progress(app) == "2/5 · Язык и валюта", "the step in Russian")
            await at_step(app, pilot, 1)  # composed again in Russian
            await pilot.click("#fr-skip-all")
            await back_on_main(app, pilot)
            assert current_language() == "ru"
    finally:
        set_language("en")
    with ws.read() as repo:
        settings = repo.settings()
    assert (settings.lang, settings.currency, settings.setup) == ("ru", "₽", "done")


async def test_a_refused_answer_is_said_under_the_step_and_nothing_is_stored(tmp_path, make_app):
    ws = fresh(tmp_path)
    app = make_app(ws)
    async with app.run_test(size=SMALL) as pilot:
        await open_setup(app, pilot)
        await pilot.press("escape", "escape")
        await at_step(app, pilot, 2)
        await pilot.click("#fr-owner-other")
        await pilot.press("ctrl+n")
        await pilot.pause()
        error = app.screen.query_one("#fr-error", Static)
        assert error.display and str(error.render()) == "Type the owner's name, or choose “I am the owner”."
        assert app.screen.step == 2
        await pilot.click("#fr-owner-me")
        await pilot.press("ctrl+n", "escape")
        await at_step(app, pilot, 4)
        await pilot.press("1", ".", "5", "enter", "enter", "enter")  # leads are a count
        await pilot.pause()
        error = app.screen.query_one("#fr-error", Static)
        assert error.display and str(error.render()) == "Leads a week: type a whole number."
        assert isinstance(app.screen, FirstRunScreen) and app.screen.step == 4
    with ws.read() as repo:
        assert repo.settings().setup == "due" and repo.kpis()["performance.leads"].target is None


def _run_cli(folder: Path, *argv: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MKHATS_")}
    env.update(MKHATS_DB=str(folder / "mkhats.json"), MKHATS_TODAY=TODAY.isoformat(), MKHATS_LANG="en")
    mkhats = Path(sys.executable).parent / "mkhats"
    subprocess.run([str(mkhats), *argv], env=env, check=True, capture_output=True, timeout=120)


async def test_files_made_by_the_command_line_or_the_demo_never_offer_the_setup(tmp_path, make_app, ws):
    made_by_cli = tmp_path / "cli"
    made_by_cli.mkdir()
    _run_cli(made_by_cli, "kpi", "list")
    # As a file written before the setup was kept: its settings have no such field at all.
    main = made_by_cli / "mkhats.json"
    data = json.loads(main.read_text(encoding="utf-8"))
    for doc in data["settings"].values():
        assert doc.pop("setup", "absent") is None
    main.write_text(json.dumps(data), encoding="utf-8")
    made_then_demo = tmp_path / "demo"
    made_then_demo.mkdir()
    start_file(Workspace(made_then_demo / "mkhats.json", TODAY))  # the app made it, then `demo` filled it
    fill_demo(Workspace(made_then_demo / "mkhats.json", TODAY), 2, force=False)
    for workspace in (
        ws,
        Workspace(made_by_cli / "mkhats.json", TODAY),
        Workspace(made_then_demo / "mkhats.json", TODAY),
    ):
        app = make_app(workspace)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, MainScreen) and not app._notifications, workspace.path
        with workspace.read() as repo:
            assert repo.settings().setup is None


# -- renaming a person in Settings → People -----------------------------------------------------


def people_error(screen: SettingsScreen) -> str:
    error = screen.query_one("#people-pane .error", Static)
    return str(error.render()) if error.display else ""


async def rename(pilot: Pilot[Any], screen: SettingsScreen, person: str, new: str) -> None:
    table = screen.query_one("#people-table", DataTable)
    table.move_cursor(row=table.get_row_index(person))
    await pilot.pause()
    field = screen.query_one("#people-rename", Input)
    field.focus()
    field.value = new
    await pilot.press("enter")
    await pilot.pause()


async def test_renaming_keeps_the_hats_and_the_checks_and_refuses_a_taken_or_empty_name(ws, make_app):
    with ws.read() as repo:
        checker = next(c.by for c in repo.checks())
        checks = len([c for c in repo.checks() if c.by == checker])
        worn = {h.key for h in repo.hats().values() if h.wearer == "Me"}
    app = make_app(ws)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, SettingsScreen), "the settings")
        screen = app.screen
        assert screen.query_one("#people-rename", Input).value  # the highlighted person's name

        await rename(pilot, screen, "Me", "Anna")
        await rename(pilot, screen, checker, "Audit & Co")
        await rename(pilot, screen, "Anna", "audit & co")
        assert people_error(screen) == "There is already a person called “audit & co”: choose another name."
        await rename(pilot, screen, "Anna", "  ")
        assert people_error(screen) == "A person needs a name."
        table = screen.query_one("#people-table", DataTable)
        assert str(table.get_row("Anna")[0]) == "Anna"

        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "the hats")
        await pilot.press("2")
        await until(
            pilot, lambda: "worn by Anna" in str(app.main.query_one("#info-performance", Static).render()), "Anna"
        )

    with ws.read() as repo:
        persons, hats, stored = repo.persons(), repo.hats(), repo.checks()
    assert "Me" not in persons and checker not in persons and persons["Audit & Co"].kind == "external"
    assert {h.key for h in hats.values() if h.wearer == "Anna"} == worn
    assert len([c for c in stored if c.by == "Audit & Co"]) == checks and not any(c.by == checker for c in stored)
