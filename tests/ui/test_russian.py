"""The app in Russian and English as a user reads it: Textual's own words from the catalogue, days
in one style, relative times against the app's clock, one word per concept, hints that fit.

Each test drives the real app on demo data and asserts on what the screen shows (issue 14, 7–8).
"""

from __future__ import annotations

import io
import os
from datetime import timedelta
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList
from textual.widgets._header import HeaderIcon

from mkhats.i18n import set_language
from mkhats.services.checks import verify
from mkhats.services.workspace import Workspace
from tests.ui.conftest import NOW, SIZE, TODAY

_KPI_DETAIL = ("2", "tab", "down", "down", "down", "down", "enter")  # Performance · CPA


def screen_text(app: Any) -> str:
    """What the screen draws, toasts and the screens below a modal included."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def flat(text: str) -> str:
    """The screen's text with its lines and runs of spaces joined (a sentence may wrap)."""
    return " ".join(text.split())


async def until(pilot: Pilot, condition: Any, what: str) -> None:
    for _ in range(3000):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what}")


def _stamp(moment: Any) -> float:
    """A file time ``moment`` before the app's frozen clock (naive NOW is local, as the app reads it)."""
    return (NOW - moment).timestamp()


# --- Textual's own words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "prompt", "nothing"),
    [("en", "Search for commands…", "No matches found"), ("ru", "Найти команду…", "Ничего не найдено")],
)
async def test_the_palette_speaks_the_users_language(lang: str, prompt: str, nothing: str, ws, make_app) -> None:
    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        assert app.screen.query_one(Input).placeholder == prompt
        await pilot.press(*"zqxzqx")
        listing = app.screen.query_one(CommandList)
        await until(pilot, lambda: listing.option_count > 0, "the palette's answer")
        await until(pilot, lambda: nothing in screen_text(app), f"{nothing!r} shown")


@pytest.mark.parametrize(("lang", "tooltip"), [("en", "Open the command palette"), ("ru", "Открыть палитру команд")])
async def test_every_header_icon_says_what_it_opens(lang: str, tooltip: str, ws, make_app) -> None:
    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one(HeaderIcon).tooltip == tooltip, "the main screen's icon")
        await pilot.press("r")  # another screen, with Textual's own Header
        await until(pilot, lambda: type(app.screen).__name__ == "ReviewScreen", "the review")
        await until(pilot, lambda: app.screen.query_one(HeaderIcon).tooltip == tooltip, "the review's icon")


async def test_ctrl_c_says_which_key_quits_in_russian(ws, make_app) -> None:
    set_language("ru")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await until(pilot, lambda: app._notifications, "the hint")
        (toast,) = list(app._notifications)
        assert toast.title == "Хотите выйти?" and toast.message.startswith("Чтобы выйти, нажмите")


async def test_the_palettes_keys_command_opens_the_help_in_russian(ws, make_app) -> None:
    set_language("ru")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Клавиши")
        listing = app.screen.query_one(CommandList)
        await until(pilot, lambda: listing.option_count > 0, "the command")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "the help screen")
        await until(pilot, lambda: "перейти к шляпе по её номеру" in screen_text(app), "the keys in Russian")


@pytest.mark.parametrize(
    ("lang", "query", "entry"),
    [
        ("ru", "импорт", "Загрузить файл (рекламные кабинеты, аналитика, CRM)"),
        ("ru", "экспорт", "Выгрузить значения в CSV"),
        ("ru", "бэкап", "Сохранить резервную копию данных (JSON)"),
        ("en", "upload", "Import a file (ad accounts, analytics, CRM)"),
    ],
)
async def test_the_palette_finds_an_entry_by_the_word_a_user_searches(lang, query, entry, ws, make_app) -> None:
    # The Russian screen says «Загрузить»; «импорт» answered "Ничего не найдено".
    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *query)
        listing = app.screen.query_one(CommandList)
        await until(pilot, lambda: listing.option_count > 0, "the palette's answer")
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any(entry in p for p in prompts), prompts


# --- days in one style ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "row", "title"),
    [("en", "Tue 24 Nov", "Tue 24 Nov 2026"), ("ru", "вт 24 нояб.", "вт 24 нояб. 2026")],
)
async def test_a_kpis_values_list_days_and_its_dialog_names_one(lang: str, row: str, title: str, ws, make_app) -> None:
    from mkhats.ui.widgets.value_table import ValueTable

    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*_KPI_DETAIL)
        await until(pilot, lambda: app.screen.query(ValueTable), "the KPI detail")
        text = screen_text(app)
        assert row in text and "2026-11-24" not in text  # a list of days: weekday, day, month
        app.screen.query_one(ValueTable).focus()
        await pilot.press("e")
        await until(pilot, lambda: title in screen_text(app), "the edit dialog naming the day")


async def test_the_week_grid_names_a_future_day_in_the_same_style(ws, make_app) -> None:
    set_language("ru")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a", "right")  # Wednesday, after today: the line under the grid names it
        await until(pilot, lambda: "Расход · ср 25 нояб. 2026:" in screen_text(app), "the day under the cursor")


# --- relative times against the app's clock ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "ago", "left"),
    [("en", "(3 days ago)", " left)"), ("ru", "(3 дня назад)", "(ещё ")],
)
async def test_a_checked_conflict_says_how_old_its_check_is(lang: str, ago: str, left: str, ws, make_app) -> None:
    made = verify(ws, "performance", "cmo", "Anna", TODAY - timedelta(days=3))
    assert made.valid_until is not None and made.valid_until > TODAY
    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: app.screen.query(OptionList), "the review")
        line = next(x for x in flat(screen_text(app)).split("✓") if "Anna" in x)
        assert ago in line and left in line, line


@pytest.mark.parametrize(("lang", "age"), [("en", "2 hours ago"), ("ru", "2 часа назад")])
async def test_the_restore_form_says_how_old_the_newest_backup_is(lang: str, age: str, ws, make_app) -> None:
    from mkhats.services.app_files import write_backup
    from mkhats.ui.screens.restore import RestoreDialog

    backup = write_backup(ws)
    os.utime(backup, (_stamp(timedelta(hours=2)),) * 2)
    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(RestoreDialog())
        await until(pilot, lambda: age in flat(screen_text(app)), f"the backup's age {age!r}")


@pytest.mark.parametrize(("lang", "age"), [("en", "3 days ago"), ("ru", "3 дня назад")])
async def test_the_inbox_notice_says_when_the_newest_file_came(lang: str, age: str, ws: Workspace, make_app) -> None:
    inbox = ws.path.parent / "inbox"
    inbox.mkdir()
    for name, days in (("old.csv", 9), ("new.csv", 3)):
        (inbox / name).write_text("date,kpi,value\n2026-11-20,performance.spend,1\n", encoding="utf-8")
        os.utime(inbox / name, (_stamp(timedelta(days=days)),) * 2)
    set_language(lang)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._notifications, "the inbox notice")
        (toast,) = list(app._notifications)
        assert age in toast.message and "2" in toast.message, toast.message


async def test_the_import_screen_lists_file_ages_in_russian(ws: Workspace, make_app) -> None:
    from mkhats.ui.screens.import_screen import ImportScreen

    inbox = ws.path.parent / "inbox"
    inbox.mkdir()
    (inbox / "meta.csv").write_text("date,kpi,value\n2026-11-20,performance.spend,1\n", encoding="utf-8")
    os.utime(inbox / "meta.csv", (_stamp(timedelta(minutes=5)),) * 2)
    set_language("ru")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(ImportScreen([]))
        await until(pilot, lambda: "5 минут назад" in screen_text(app), "the file's age")


# --- one word per concept --------------------------------------------------------------------------


async def test_the_review_and_the_overview_are_two_words_in_russian(ws, make_app) -> None:
    set_language("ru")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = [str(k.description) for k in app.screen.query("FooterKey")]
        assert "Разбор" in footer and footer.count("Обзор") <= 1, footer  # r and 0: two words
        await pilot.press("r")
        await until(pilot, lambda: type(app.screen).__name__ == "ReviewScreen", "the review")
        assert "Разбор · 2026-W48" in screen_text(app)
        await pilot.press("escape", "0")
        await until(pilot, lambda: type(app.screen).__name__ == "OverviewScreen", "the overview")
        text = screen_text(app)
        assert "План-факт:" in text and "Журнал" not in text


# --- hints that fit --------------------------------------------------------------------------------


def _forms(app: Any) -> dict[str, Any]:
    from mkhats.services.settings import load
    from mkhats.ui.screens.checklist_editor import ItemDialog
    from mkhats.ui.screens.dialogs import CheckDialog, DecisionDialog
    from mkhats.ui.screens.restore import RestoreDialog
    from mkhats.ui.screens.settings.dialogs import ConflictDialog, KpiDialog

    state = load(app.ws)
    return {
        "check": lambda: CheckDialog(("performance", "cmo")),
        "decision": lambda: DecisionDialog(app._alerts[0]),
        "item": lambda: ItemDialog("performance"),
        "restore": lambda: RestoreDialog(),
        "conflict": lambda: ConflictDialog(state),
        "kpi": lambda: KpiDialog("performance", state.kpis["performance.cpa"]),
        "kpi_new": lambda: KpiDialog("performance", None),
    }


def _cut_hints(app: Any, form: str) -> list[str]:
    """The empty fields whose placeholder is wider than the field shows."""
    return [
        f"{form} #{field.id}: {field.placeholder!r} in {field.content_region.width}"
        for field in app.screen.query(Input)
        if field.placeholder and not field.value and cell_len(str(field.placeholder)) >= field.content_region.width
    ]


@pytest.mark.parametrize("size", [(80, 24), SIZE])
@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_no_form_cuts_its_hints(lang: str, size: tuple[int, int], ws, make_app) -> None:
    set_language(lang)
    app = make_app(ws)
    cut: list[str] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for name, make in _forms(app).items():
            await app.push_screen(make())
            await pilot.pause()
            await until(pilot, lambda: all(i.content_region.width for i in app.screen.query(Input)), name)
            cut += _cut_hints(app, name)
            app.pop_screen()
            await pilot.pause()
        await pilot.press(*_KPI_DETAIL)  # the KPI detail's own form (target, stop rule, guard, action)
        await until(pilot, lambda: type(app.screen).__name__ == "KpiDetailScreen", "the KPI detail")
        await pilot.pause()
        cut += _cut_hints(app, "kpi_detail")
        await pilot.press("escape", "2", "plus")  # the add-a-value form
        await until(pilot, lambda: type(app.screen).__name__ == "AddValueDialog", "the add-a-value form")
        cut += _cut_hints(app, "add_value")
    assert cut == []


async def test_a_screenshot_says_where_it_went_in_russian(ws, make_app, tmp_path) -> None:
    set_language("ru")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.deliver_screenshot(filename="shot.svg", path=str(tmp_path))
        await until(pilot, lambda: app._notifications, "the toast")
        (toast,) = list(app._notifications)
        assert toast.title == "Снимок экрана", toast
        assert toast.message == f"Снимок экрана сохранён в {tmp_path / 'shot.svg'}", toast.message
    assert (tmp_path / "shot.svg").exists()
