"""Pilot tests of the palette's file commands (export, report, backup, restore) and of the theme
kept across starts."""

from __future__ import annotations

import json

from textual.widgets import Input

from mkhats.services.values import add_value
from mkhats.ui.palette import table_commands
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.screens.main import MainScreen
from mkhats.ui.screens.restore import RestoreDialog
from tests.ui.conftest import SIZE
from tests.ui.test_forms import notices


def run(app, name: str) -> None:
    """Run the palette entry called ``name``."""
    commands = {command: go for command, go, _ in table_commands(app.main)}
    commands[name]()


def stored(ws, key: str) -> dict:
    """The stored values of ``key`` by day."""
    with ws.read() as repo:
        return {v.day: v.value for v in repo.all_values() if v.kpi == key}


async def test_export_report_and_backup_write_their_files_beside_the_data(ws, make_app):
    from mkhats.present.report import weekly_report
    from mkhats.services.values import export_csv

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        run(app, "Export values as CSV")
        await pilot.pause()
        [csv] = (ws.path.parent / "exports").iterdir()
        assert f"The values are exported: {csv}" in notices(app)
        text = csv.read_bytes().decode("utf-8")  # CRLF, as the CLI writes it
        assert text.startswith("date,kpi,value,note") and text == export_csv(ws)  # as `mkhats export`

        await pilot.press("left_square_bracket")  # the report is of the week shown
        await pilot.pause()
        run(app, "Write the weekly report (Markdown)")
        await pilot.pause()
        report = ws.path.parent / "reports" / "report-2026-W47.md"
        assert f"The report of 2026-W47 is written: {report}" in notices(app)
        text = report.read_text(encoding="utf-8")
        assert text.startswith("# ") and "2026-W47" in text.splitlines()[0]
        assert text == weekly_report(ws.snapshot("2026-W47"))  # as `mkhats report`

        run(app, "Back up the data (JSON)")
        await pilot.pause()
        [backup] = (ws.path.parent / "backups").glob("mkhats-saved-*.json")
        assert f"The data is backed up: {backup}" in notices(app)
        assert backup.read_text(encoding="utf-8").startswith('{"mkhats_backup":1')
        assert "mkhats.json" in json.loads(backup.read_text(encoding="utf-8"))["files"]


async def test_restore_offers_the_newest_backup_asks_and_keeps_the_data_it_replaces(ws, make_app):
    from mkhats.services.app_files import write_backup

    backup = write_backup(ws)
    before = stored(ws, "content.published")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        run(app, "Restore from a backup…")
        await pilot.pause()
        assert isinstance(app.screen, RestoreDialog)
        assert app.screen.query_one("#file", Input).value == str(backup)  # the newest in backups/
        await pilot.press("escape")
        await pilot.pause()

        add_value(ws, "content.published", 77, ws.today)  # then the data changes
        app.reload()
        await pilot.pause()
        assert stored(ws, "content.published")[ws.today] == 77
        run(app, "Restore from a backup…")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(backup)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        for _ in range(3000):  # the tabs are rebuilt after the restore
            await pilot.pause()
            if isinstance(app.screen, MainScreen) and app.hat:
                break
        assert isinstance(app.screen, MainScreen)
        assert stored(ws, "content.published") == before
        [kept] = (ws.path.parent / "backups").glob("mkhats-before-restore-*.json")
        assert f"Restored from {backup}; the data before is kept in {kept}" in notices(app)
        kept_values = json.loads(kept.read_text(encoding="utf-8"))["files"]
        assert any(
            v.get("kpi") == "content.published" and v.get("value") == 77
            for name, tables in kept_values.items()
            if "values-" in name
            for table in tables.values()
            for v in table.values()
        )


async def test_a_file_that_is_no_backup_is_named_under_the_field_and_nothing_changes(ws, make_app, tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    before = stored(ws, "content.published")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        run(app, "Restore from a backup…")
        await pilot.pause()
        app.screen.query_one("#file", Input).value = str(bad)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RestoreDialog)
        assert app.screen.errors["file"].startswith(f"{bad} is not a usable backup")
        app.screen.query_one("#file", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.errors["file"] == "Name the backup file to restore."
    assert stored(ws, "content.published") == before


async def pick_theme(app, pilot, name: str) -> None:
    """Pick theme ``name`` in the palette's theme picker."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p", *"theme")
    await pilot.pause()
    await pilot.press("enter")  # "Theme": the theme picker
    for _ in range(3000):
        await pilot.pause()
        if isinstance(app.screen, CommandPalette) and app.screen.id != "--command-palette":
            break
    await pilot.press(*name)
    for _ in range(3000):  # the picker searches in a worker: wait for its hits
        await pilot.pause(0.02)
        if app.screen.query_one(CommandList).option_count:
            break
    await pilot.press("enter")
    await pilot.pause()


async def test_a_theme_chosen_is_kept_for_the_next_start(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme != "nord"
        await pick_theme(app, pilot, "nord")
        assert app.theme == "nord"
    with ws.read() as repo:
        assert repo.settings().theme == "nord"
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"


async def test_ctrl_z_of_a_theme_picked_puts_the_one_worn_before_back_on_screen(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        opened = app.theme
        await pick_theme(app, pilot, "nord")
        assert app.theme == "nord"
        await pilot.press("ctrl+z")
        for _ in range(3000):
            await pilot.pause(0.02)
            if app.theme != "nord":
                break
        assert app.theme == opened
    with ws.read() as repo:
        assert repo.settings().theme is None
