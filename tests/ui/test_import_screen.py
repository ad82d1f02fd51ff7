"""Pilot tests of the import screen (``i``): pick an export, read its preview, import it (SPEC §9).

Real exports (the Meta Ads Manager and Yandex Direct files of ``test_imports_ads``, moved to this
week) in the inbox beside a copy of the demo data, or typed in by path; the user's downloads are a
folder of this test (``HOME`` points into ``tmp_path``). What was stored is read back through the
workspace, not the screen.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Button, DataTable, Input, OptionList, Static

from mkhats.services.inbox import inbox_folder
from mkhats.services.workspace import Workspace
from mkhats.ui.screens.import_screen import ImportScreen, file_age, file_size, typed_path
from mkhats.ui.screens.main import MainScreen
from mkhats.ui.widgets.kpi_table import KpiTable
from tests.ui.conftest import SIZE, TODAY
from tests.unit.imports_files import csv_text
from tests.unit.test_imports_ads import DIRECT_API, META

MON, TUE = date(2026, 11, 23), TODAY
META_THIS_WEEK = csv_text(
    [
        [cell.replace("2026-11-02", MON.isoformat()).replace("2026-11-03", TUE.isoformat()) for cell in row]
        for row in META
    ]
)
"""Meta's by-day export: spend 57.25 on Monday and 63.50 on Tuesday, 4 and 2 leads, a summary row."""


@pytest.fixture(autouse=True)
def downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's downloads: an empty ``~/Downloads`` of this test, whatever the machine holds."""
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    return home / "Downloads"


async def until(pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition()`` holds (however busy the machine is)."""
    for _ in range(3000):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def shown(screen: ImportScreen, selector: str) -> str:
    """The text a part of the screen shows (rendered wide: a sentence stays on one line)."""
    console = Console(width=400, file=io.StringIO(), record=True)
    console.print(screen.query_one(selector, Static).content)
    return console.export_text()


def day_rows(screen: ImportScreen) -> list[list[str]]:
    table = screen.query_one("#import-days", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def source_values(ws: Workspace, source: str) -> dict[tuple[str, date], float]:
    with ws.read() as repo:
        return {(v.kpi, v.day): v.value for v in repo.values(MON, TUE) if v.source == source}


def data_files(ws: Workspace) -> dict[str, bytes]:
    """Every file of the data (the main file, its months, backups), by name."""
    folder = ws.path.parent
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file() and "home" not in p.parts
    }


def week_spend(app) -> float:
    """The performance tab's spend for the week so far, as its KPI table shows it."""
    cell = app.main.query_one("#kpis-performance", KpiTable).get_row("performance.spend")[2]
    return float(str(cell).replace(",", ""))


async def test_an_inbox_export_is_offered_previewed_and_imported(ws, make_app, downloads):
    older = downloads / "old report.csv"
    older.write_text(DIRECT_API, encoding="utf-8")
    inbox = inbox_folder(ws)
    inbox.mkdir()
    export = inbox / "meta-ads.csv"
    export.write_bytes(META_THIS_WEEK.encode())
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: any("1 file waits" in n.message for n in app._notifications), "the offer")
        await pilot.press("2")
        await until(pilot, lambda: app.main.query("#kpis-performance"), "the performance tab")
        before = week_spend(app)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        assert [f.path for f in screen.files] == [export, older]  # the inbox first, however new
        names = screen.query_one("#import-files", DataTable)
        assert [str(names.get_row_at(i)[1]) for i in range(2)] == ["inbox", "~/Downloads"]
        await pilot.press("enter")  # the highlighted file: the inbox's
        await until(pilot, lambda: screen.plan is not None, "the preview")
        assert "Meta Ads Manager" in shown(screen, "#import-head")
        assert "line 2: a summary row" in shown(screen, "#import-tail")
        # Days as the app's lists show them, KPIs by their titles (the command line keeps ISO and keys).
        assert day_rows(screen) == [["Mon 23 Nov", "4", "57.25"], ["Tue 24 Nov", "2", "63.5"]]
        headers = [str(c.label) for c in screen.query_one("#import-days", DataTable).ordered_columns]
        assert headers == ["Day", "Performance Leads", "Performance Spend"]
        assert shown(screen, "#import-change").startswith("4 values from “meta-ads”: 4 to write")
        assert source_values(ws, "meta-ads") == {}  # a preview writes nothing
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "the screen closed")
        await until(pilot, lambda: week_spend(app) != before, "the week's spend shown anew")
        assert week_spend(app) == pytest.approx(before + 57.25 + 63.5, abs=1)  # shown in whole dollars
    assert source_values(Workspace(ws.path, TODAY), "meta-ads") == {
        ("performance.spend", MON): 57.25,
        ("performance.spend", TUE): 63.5,
        ("performance.leads", MON): 4.0,
        ("performance.leads", TUE): 2.0,
    }
    assert not export.exists() and (inbox / "done" / "meta-ads.csv").read_bytes() == META_THIS_WEEK.encode()
    assert any("moved to inbox/done/meta-ads.csv" in n.message for n in app._notifications)


async def test_a_typed_path_is_imported_where_it_lies(ws, make_app, tmp_path):
    export = tmp_path / "direct api.tsv"
    export.write_text(DIRECT_API.replace("2026-11-02", MON.isoformat()).replace("2026-11-03", TUE.isoformat()))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"import a file")  # the palette's entry opens it too
        results = app.screen.query_one("#--results").query_one(OptionList)
        await until(
            pilot,
            lambda: results.option_count and "Import a file" in str(results.get_option_at_index(0).prompt),
            "the entry",
        )
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ImportScreen), "the import screen")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        assert screen.files == [] and app.focused is screen.query_one("#import-path", Input)
        screen.query_one("#import-path", Input).insert_text_at_cursor(f"'{export}'")  # pasted, quoted
        await pilot.press("enter")
        await until(pilot, lambda: screen.plan is not None, "the preview")
        assert "Yandex Direct" in shown(screen, "#import-head")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "the screen closed")
    assert source_values(Workspace(ws.path, TODAY), "yandex-direct")[("performance.spend", MON)] == 1750.5
    assert export.exists()  # only the inbox's files move


async def test_an_unknown_file_is_refused_in_one_sentence_and_nothing_is_written(ws, make_app, downloads):
    contacts = downloads / "contacts.csv"
    contacts.write_text("name,phone\nAnna,123\n", encoding="utf-8")
    before = data_files(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await pilot.press("enter")
        await until(pilot, lambda: screen.refusal, "the refusal")
        text = shown(screen, "#import-refusal")
        assert "does not recognise this file; its header reads “name,phone”" in text
        assert "Nothing was written" in text and "Traceback" not in text
        assert screen.query_one("#import-go", Button).disabled
        await pilot.press("enter", "ctrl+s")  # nothing to import
        assert app.screen is screen
        await pilot.press("escape")  # back to the list
        assert screen.query_one("#import-path-row").display and app.focused is screen.query_one("#import-files")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "the screen closed")
    assert data_files(ws) == before
    assert contacts.read_text(encoding="utf-8") == "name,phone\nAnna,123\n"


async def test_money_in_another_currency_is_imported_at_the_rate_typed(ws, make_app):
    inbox = inbox_folder(ws)
    inbox.mkdir()
    (inbox / "meta-eur.csv").write_text(META_THIS_WEEK.replace("(USD)", "(EUR)"), encoding="utf-8")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "enter")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await until(pilot, lambda: screen.refusal, "the refusal")
        assert "is in EUR but the data file is in USD: type how many USD one EUR is worth" in shown(
            screen, "#import-refusal"
        )
        assert app.focused is screen.query_one("#import-rate", Input)
        await pilot.press("0", "enter")
        assert "above 0" in shown(screen, "#import-rate-error") and screen.plan is None
        screen.query_one("#import-rate", Input).value = ""
        await pilot.press(*"1.1", "enter")
        await until(pilot, lambda: screen.plan is not None, "the preview at that rate")
        assert "Money in EUR is converted at 1.1 USD per EUR." in shown(screen, "#import-head")
        assert day_rows(screen)[0] == ["Mon 23 Nov", "4", "62.98"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen), "the screen closed")
    assert source_values(Workspace(ws.path, TODAY), "meta-ads")[("performance.spend", MON)] == 62.98


def test_sizes_ages_and_pasted_paths_read_as_a_person_writes_them(tmp_path):
    assert [file_size(n) for n in (512, 3_500, 12 * 1024 * 1024)] == ["512 B", "3.4 KB", "12 MB"]
    now = datetime.fromtimestamp(100_000, UTC)  # the app's clock: relative to it, never the wall's
    assert [file_age(100_000 - s, now) for s in (30, 300, 7200)] == ["just now", "5 minutes ago", "2 hours ago"]
    assert file_age(0, now) == "1 day ago" and file_age(100_060, now) == "just now"
    assert typed_path("  '/a/b c.csv' ") == Path("/a/b c.csv")
    assert typed_path("file:///a/b%20c.csv") == Path("/a/b c.csv")
    assert typed_path("/a/b\\ c.csv") == Path("/a/b c.csv")
    assert typed_path("   ") is None
