"""Nothing that carries a number, a name or a warning is cut while there is room (SPEC §3 "Layout").

Each hat tab of the demo data is shown at 80×24, 100×30, 120×40 and 200×60, in English and in
Russian, and what the tables paint is read back, column by column: every checklist item, every KPI
name and figure, every channel map cell (the verdict included) must be there whole (wrapped lines
allowed: compared with whitespace collapsed), and no table may be wider than the room it has. The
header's warning count and a tab's stop alerts must be on screen whole; 80×24 keeps ``?`` and ``q``
in the footer; at 200×60 the sparkline takes two cells a week and no block of blank rows is left.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import set_language, t
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace
from mkhats.ui.scenes import settle
from mkhats.ui.widgets.channel_map import ChannelMap
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.log_view import LogView
from tests.ui.conftest import TODAY, copy_demo

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60)]
HATS = ["content", "performance", "crm", "pm", "cmo"]


@pytest.fixture(scope="module")
def ru_demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo made in Russian (its texts and money sign follow the language), once per module."""
    folder = tmp_path_factory.mktemp("demo-ru")
    set_language("ru")
    try:
        fill_demo(Workspace(folder / "mkhats.json", TODAY), 12, force=False)
    finally:
        set_language("en")
    return folder


@pytest.fixture
def lang_ws(request: pytest.FixtureRequest, tmp_path: Path, demo_folder: Path) -> Any:
    """A workspace on a copy of the demo made in the test's language, with that language set."""
    lang = request.param
    source = request.getfixturevalue("ru_demo_folder") if lang == "ru" else demo_folder
    set_language(lang)
    yield Workspace(copy_demo(source, tmp_path), TODAY)
    set_language("en")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _painted(table: DataTable[Any]) -> list[Any]:
    """The strips the table paints, every row of it (a table taller than it is shown is a cut)."""
    return [table.render_line(y) for y in range(table.size.height)]


def _column_text(table: DataTable[Any], key: str) -> str:
    """What the table paints in column ``key``, top to bottom, whitespace collapsed."""
    x = 0
    for column in table.ordered_columns:
        width = column.get_render_width(table)
        if column.key.value == key:
            return _flat(" ".join(strip.crop(x, x + width).text for strip in _painted(table)))
        x += width
    raise AssertionError(f"{table.id} has no column {key}")


def _table_cuts(table: DataTable[Any]) -> list[str]:
    """Why ``table`` cuts something whatever its cells: wider or taller than its room, off screen."""
    cuts = []
    room = table.scrollable_content_region
    if table.virtual_size.width > room.width:
        cuts.append(f"{table.id}: {table.virtual_size.width} cells wide in {room.width}")
    if table.virtual_size.height > room.height:
        cuts.append(f"{table.id}: {table.virtual_size.height} rows in {room.height}")
    if table.region.right > table.screen.size.width:
        cuts.append(f"{table.id}: ends at column {table.region.right} of {table.screen.size.width}")
    return cuts


def _screen_lines(app: Any) -> list[str]:
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def _blank_rows(lines: list[str]) -> int:
    """The most screen rows in a row with nothing on them."""
    runs = re.findall(r"B+", "".join("x" if line.strip() else "B" for line in lines))
    return max((len(run) for run in runs), default=0)


def _hat_cuts(app: Any, hat: str) -> list[str]:
    """Every item, name, figure or verdict of ``hat``'s tab that is not painted whole."""
    pane = app.query_one(f"#pane-{hat}")
    view = app.hat_view(hat)
    cuts = []
    checklist = pane.query_one(Checklist)
    kpis = pane.query_one(KpiTable)
    cuts += _table_cuts(checklist) + _table_cuts(kpis)
    items = _column_text(checklist, "text")
    cuts += [
        f"checklist item {line.label!r}" for line in view.checklist if _flat(terminal_line(line.label)) not in items
    ]
    columns = {key: _column_text(kpis, key) for key in ("kpi", "target", "week", "prev", "status")}
    for row in view.kpis:
        for key, cell in (("kpi", row.title), ("target", row.target), ("week", row.week), ("prev", row.prev)):
            if _flat(cell) not in columns[key]:
                cuts.append(f"KPI {key} {cell!r}")
        if row.status_text and _flat(row.status_text) not in columns["status"]:
            cuts.append(f"KPI status {row.status_text!r}")
    for channels in pane.query(ChannelMap).results():
        cuts += _table_cuts(channels)
        painted = " ".join(strip.text for strip in _painted(channels))
        assert channels.view is not None
        # The view's optional columns (the shares) may leave a map that would be cut, as designed.
        left = {int(str(key.value)[1:]) for key in channels.columns if re.fullmatch(r"c\d+", str(key.value))}
        optional = set(channels.view.optional) - left if left else set()
        for line in channels.view.lines:
            for i, cell in enumerate(line.cells):
                if cell and i not in optional and cell not in painted:
                    cuts.append(f"channel map cell {cell!r} of {line.key}")
    if view.alerts:  # the tab's stop alerts, on screen, whole
        alerts = t("ui.alerts_open", n=len(view.alerts), count=len(view.alerts))
        if not any(alerts in line for line in _screen_lines(app)):  # on one line: never split
            cuts.append(f"alert line {alerts!r}")
    return cuts


@pytest.mark.parametrize("lang_ws", ["en", "ru"], indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_no_item_name_figure_or_warning_is_cut(lang_ws, make_app, size):
    app = make_app(lang_ws)
    cuts = []
    async with app.run_test(size=size) as pilot:
        for position, hat in enumerate(HATS, start=1):
            await pilot.press(str(position))
            await settle(pilot)
            cuts += [f"{hat}: {cut}" for cut in _hat_cuts(app, hat)]
            lines = _screen_lines(app)
            if _blank_rows(lines) >= 3:  # the weekly log takes the rows the tables leave
                cuts.append(f"{hat}: {_blank_rows(lines)} blank rows in a row")
            top = lines[0]
            cuts += [f"header {part!r}" for part in (app.title, app.sub_title) if part not in top]
        footer = _screen_lines(app)[-1]
        cuts += [f"footer key {key!r}" for key in ("?", "q") if f"{key} " not in footer]
    assert not cuts, "\n".join(cuts)


@pytest.mark.parametrize("lang_ws", ["en"], indirect=True)
async def test_wide_screens_widen_the_sparkline_and_fill_the_rows(lang_ws, make_app):
    app = make_app(lang_ws)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        kpis = app.query_one("#kpis-performance", KpiTable)
        spark = kpis.columns[next(k for k in kpis.columns if k.value == "spark")]
        assert spark.width == 26  # 13 weeks, two cells each
        assert app.query_one("#log-performance", LogView).size.height > 8
    app = make_app(lang_ws)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        kpis = app.query_one("#kpis-performance", KpiTable)
        assert kpis.columns[next(k for k in kpis.columns if k.value == "spark")].width == 13


@pytest.mark.parametrize("lang_ws", ["en", "ru"], indirect=True)
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_conflict_reasons_are_never_cut(lang_ws, make_app, size):
    from mkhats.present.labels import conflict_reason

    app = make_app(lang_ws)
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.click("#--content-tab-settings-conflicts")
        await settle(pilot)
        table = app.screen.query_one("#conflicts-table", DataTable)
        assert not _table_cuts(table)
        with lang_ws.read() as repo:
            reasons = [conflict_reason(rule) for rule in repo.conflicts()]
        keys = [column.key.value for column in table.ordered_columns]
        if size[0] >= 120:  # room for the reasons: each one whole, wrapped
            shown = _column_text(table, "reason")
            assert all(_flat(reason) in shown for reason in reasons), shown
        else:  # no room: the column leaves (the highlighted one is written in full under the table)
            assert "reason" not in keys


@pytest.mark.parametrize("lang_ws", ["en"], indirect=True)
async def test_a_turned_channel_map_still_leads_to_a_channel(lang_ws, make_app):
    # At 80 columns no row per channel fits: the map turns, a column per channel, and choosing a
    # column (enter, or a click) goes to that channel's tab as choosing a row does when wide.
    app = make_app(lang_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(pilot)
        cmap = app.query_one("#channels-cmo", ChannelMap)
        assert cmap.cursor_type == "column"
        assert [str(column.label) for column in cmap.ordered_columns] == ["", "Content", "Performance", "CRM"]
        cmap.focus()
        cmap.move_cursor(column=3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.hat == "crm"


@pytest.mark.parametrize("lang_ws", ["en", "ru"], indirect=True)
async def test_the_header_keeps_a_long_week_and_the_warning_count_whole_at_80_columns(lang_ws, make_app):
    # A week across two months is the longest title ("30 нояб. – 6 дек. 2026"): the app's name
    # gives way on a narrow screen, the warning words do not, nor the ritual's time after them
    # (the clock's empty space goes to the title: Russian read "⚠ 11 предупреждений   Пн …").
    from datetime import UTC, datetime

    from mkhats.services.ritual import advance, start_ritual

    monday = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    start_ritual(lang_ws, "2026-W49", "monday", monday, "numbers")
    advance(lang_ws, "2026-W49", "monday", seconds=120, completed=monday)
    app = make_app(lang_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("]")
        await settle(pilot)
        for _ in range(3000):  # the ritual's words join the header after the first paint
            if "0:02" in app.sub_title:
                break
            await pilot.pause(0.02)
        await settle(pilot)
        top = _screen_lines(app)[0]
        assert app.week == "2026-W49"
        assert app.title in top and app.sub_title in top and "0:02" in top, top
        assert "mkhats" not in top


@pytest.mark.parametrize("lang_ws", ["en"], indirect=True)
async def test_the_narrow_footer_ends_with_the_palette_key_in_the_last_column(lang_ws, make_app):
    # Compact, Textual's margin after the docked palette key left the last column to the keys
    # scrolled under it: the footer read "^p palettes" (the s of "Settings").
    app = make_app(lang_ws)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = _screen_lines(app)[-1]
        palette = app.screen.query_one("FooterKey.-command-palette")
        assert palette.region.right == 80 and footer.rstrip().endswith("^p palette"), footer
