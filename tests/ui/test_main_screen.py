"""Pilot tests of the main screen: tabs, weeks, ticking, the weekly log, wearing a hat."""

from __future__ import annotations

from mkhats.i18n import set_language
from mkhats.store.schema import SCHEMA_VERSION
from mkhats.ui.screens.log_dialog import LogDialog
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.hat_pane import HatPane
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.log_view import LogView
from mkhats.ui.widgets.weekly_log import LogField
from tests.ui.conftest import SIZE


async def test_five_tabs_and_number_keys(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        tabs = [p.id for p in app.query("TabPane")]
        assert tabs == ["tab-content", "tab-performance", "tab-crm", "tab-pm", "tab-cmo"]
        await pilot.press("2")
        assert app.hat == "performance"
        await pilot.press("5")
        assert app.hat == "cmo"
        assert "2026-W48" in app.title and "23–29 Nov 2026" in app.title
        assert "warnings" in app.sub_title


async def test_week_keys_move_every_tab(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left_square_bracket")
        assert app.week == "2026-W47"
        assert "2026-W47" in app.title
        await pilot.press("2")
        assert app.query_one("#pane-performance", HatPane).week == "2026-W47"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.week == "2026-W49"
        await pilot.press("t")
        assert app.week == "2026-W48"


async def test_space_ticks_the_highlighted_item_and_stores_it(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one("#checklist-content", Checklist)
        table.focus()
        await pilot.pause()
        first = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        with ws.read() as repo:
            before = (first, "2026-W48") in repo.ticks()
        await pilot.press("space")
        await pilot.pause()
        with ws.read() as repo:
            assert ((first, "2026-W48") in repo.ticks()) is not before
        assert str(table.border_title).startswith("Checklist ")


async def test_log_saves_on_ctrl_s_and_shows_saved(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")  # CRM has no plan this week in the demo
        assert isinstance(app.screen, LogDialog)
        area = app.screen.query_one("#log-plan", LogField)
        assert app.focused is area
        await pilot.press(*"Two sends")
        assert area.dirty and "unsaved" in str(area.border_subtitle)
        await pilot.press("ctrl+s")
        await pilot.pause()
        with ws.read() as repo:
            assert repo.logs(["2026-W48"])[("crm", "2026-W48")].plan == "Two sends"
        assert not area.dirty and str(area.border_subtitle) == "saved"
        await pilot.press("escape")
        await pilot.pause()
        assert "Two sends" in str(app.query_one("#log-crm", LogView).render().columns[0]._cells[0])


async def test_log_saves_when_leaving_the_field_and_on_escape(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.press("tab")  # to Fact
        await pilot.press(*"Done")
        await pilot.press("tab")  # leaving the field saves it
        await pilot.pause()
        with ws.read() as repo:
            assert repo.logs(["2026-W48"])[("content", "2026-W48")].fact == "Done"
        await pilot.press(*"Keep")  # in Conclusion, unsaved
        await pilot.press("escape")  # closing saves what is left
        await pilot.pause()
        assert not isinstance(app.screen, LogDialog)
        with ws.read() as repo:
            assert repo.logs(["2026-W48"])[("content", "2026-W48")].conclusion == "Keep"


async def test_w_wears_and_unwears_the_hat(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "w")
        await pilot.pause()
        with ws.read() as repo:
            assert repo.wearing().hat == "performance"
        assert "wearing Performance" in app.sub_title
        await pilot.press("w")
        await pilot.pause()
        with ws.read() as repo:
            assert repo.wearing() is None


async def test_value_written_by_another_process_appears(ws, make_app):
    from mkhats.services.values import add_value
    from mkhats.services.workspace import Workspace

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        other = Workspace(ws.path, ws.today)
        add_value(other, "content.published", 40, ws.today)
        app._poll()  # the 1 s poll's tick, called rather than waited for
        await pilot.pause()
        table = app.query_one("#kpis-content", KpiTable)
        row = table.get_row("content.published")
        assert str(row[2]) == "41"  # Monday's 1 plus the 40 just written


async def test_a_file_broken_by_another_process_is_reported_not_fatal(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        before = ws.path.read_bytes()
        ws.path.write_bytes(before.replace(b'"schema_version":%d' % SCHEMA_VERSION, b'"schema_version":999'))
        app._poll()  # the poll notices the change and tries to re-read
        await pilot.pause()
        assert app.is_running
        assert any("mkhats.json" in str(n.message) for n in app._notifications)
        assert app.query_one("#kpis-content", KpiTable).row_count > 0  # the last good data stays


def _painted(table) -> list[str]:
    """The table's lines as they are painted (its render caches included), not its stored cells."""
    return ["".join(segment.text for segment in table.render_line(y)) for y in range(table.size.height)]


async def test_week_switches_paint_each_weeks_values(ws, make_app):
    # The tables remember painted lines by content: going back and forth must never show the
    # other week's numbers or tick boxes.
    from mkhats.present.views import hat_view, open_alerts_of

    def expected(week: str) -> list:
        snapshot = ws.snapshot(week)
        return hat_view(snapshot, "content", open_alerts_of(snapshot)).kpis

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one("#kpis-content", KpiTable)
        checklist = app.query_one("#checklist-content", Checklist)
        await pilot.pause()  # the row laid out for the widths the tables asked for (SPEC §3 "Layout")
        now = (_painted(table), _painted(checklist))
        await pilot.press("left_square_bracket")
        await pilot.pause()
        before = (_painted(table), _painted(checklist))
        assert before != now
        for rows, lines in ((expected("2026-W47"), before[0]), (expected("2026-W48"), now[0])):
            for row in rows:
                line = next(line for line in lines if line.strip().startswith(row.title[:20]))
                assert row.week in line and row.prev in line, (row, line)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert (_painted(table), _painted(checklist)) == now
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert (_painted(table), _painted(checklist)) == before


async def test_ticking_repaints_the_box(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.query_one("#checklist-content", Checklist)
        await pilot.pause()  # the row laid out for the widths the tables asked for (SPEC §3 "Layout")
        first = checklist._current()
        assert first is not None
        painted = _painted(checklist)
        await pilot.press("space")
        await pilot.pause()
        after = _painted(checklist)
        assert after != painted
        await pilot.press("space")
        await pilot.pause()
        assert _painted(checklist) == painted


async def test_the_app_freezes_start_up_objects_only_when_it_owns_the_process(ws):
    import gc

    from mkhats.ui.app import MkhatsApp

    for own in (False, True):
        gc.unfreeze()
        app = MkhatsApp(ws, own_process=own)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert (gc.get_freeze_count() > 0) is own
        gc.unfreeze()


async def test_data_changed_while_a_dialog_is_open_reaches_the_tabs_behind_it(ws, make_app):
    # The poll and the preparation of neighbouring weeks run while a dialog covers the tabs: they
    # must find the tabs under it, not look for them in the dialog.
    from mkhats.services.values import add_value
    from mkhats.services.workspace import Workspace
    from mkhats.ui.screens.review import ReviewScreen

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left_square_bracket", "right_square_bracket", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        add_value(Workspace(ws.path, ws.today), "content.published", 40, ws.today)  # another process
        add_value(ws, "content.subscribers", 5000, ws.today)  # this one, as a dialog's save would
        # What the timers would do within 1.5 s, called rather than waited for: the app's poll, the
        # preparation of the weeks around, the review following the app's data.
        app._poll()
        await pilot.pause()
        app._prefetch()
        app.screen._follow()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        table = app.query_one("#kpis-content", KpiTable)
        assert str(table.get_row("content.published")[2]) == "41"  # Monday's 1 and the 40 from outside
        assert "5," in str(table.get_row("content.subscribers")[2])  # the 5,000 (and more) from here


async def test_a_rebuilt_screen_is_freed_not_kept_frozen(ws):
    import gc
    import weakref

    from textual.widgets import TabbedContent

    from mkhats.ui.app import MkhatsApp

    gc.unfreeze()
    app = MkhatsApp(ws, own_process=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            # Not query_one: Textual's query cache would hold the old tabs for a while itself.
            old = weakref.ref(app.query(TabbedContent).first())
            await app.main.relabel()  # what a language switch does
            await pilot.pause()
            assert app._refreeze_timer is not None  # scheduled, not run inside the key press
            app.refreeze()
            assert old() is None
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


async def test_timers_firing_while_the_tabs_are_rebuilt_do_nothing(ws, make_app):
    from textual.widgets import TabbedContent

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.query_one("#hats", TabbedContent).remove()  # the window inside recompose()
        assert app.hat == ""
        app._prefetch()
        app.reload()
        app._poll()
        await pilot.pause()
        assert app.is_running


async def test_a_reload_while_a_pane_is_being_built_waits_for_it(ws, make_app):
    # The 1 s poll can reload between a pane's mounting and its children's: it must not reach
    # for a table that is not there yet (NoMatches 'Checklist' on HatPane), and the pane is
    # filled once it is ready.
    from textual.widgets import TabPane

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tab = app.query_one("#tab-crm", TabPane)
        pane = HatPane("crm")
        tab.mount(pane)  # not awaited: its children come later
        app.main._shown.pop("crm", None)
        app.main._show_pane("crm")  # what the poll's reload does for the tab in front
        assert not pane.ready
        await pilot.pause()
        await pilot.pause()
        assert pane.ready and pane.week == "2026-W48"


async def test_a_pane_whose_tables_are_not_mounted_yet_is_not_ready(ws, make_app):
    # Its info line may be mounted before the checklist in the row below it: still not ready.
    from textual.widgets import Static, TabPane

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = HatPane("pm")
        await app.query_one("#tab-pm", TabPane).mount(pane)
        await pilot.pause()
        assert pane.ready
        bare = HatPane("cmo")
        bare.compose = lambda: iter([Static("info", classes="hat-info")])  # only the first line
        await app.query_one("#tab-cmo", TabPane).mount(bare)
        await pilot.pause()
        assert bare.children and not bare.ready


async def test_at_80_columns_the_footer_keeps_help_and_quit_in_view(ws, make_app):
    from textual.widgets._footer import FooterKey

    from mkhats.ui.widgets.footer import KeyFooter

    def shown(app) -> list[str]:
        """The footer's keys whose whole cell lies inside the screen, left to right."""
        footer = app.screen.query_one(KeyFooter)
        keys = sorted(footer.query(FooterKey).results(), key=lambda k: k.region.x)
        return [k.action for k in keys if k.region.width and k.region.right <= footer.region.right]

    for lang in ("en", "ru"):
        set_language(lang)
        app = make_app(ws)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert shown(app)[:2] == ["help", "quit"], shown(app)
            await pilot.press("2")  # another tab: the same footer
            await pilot.pause()
            assert shown(app)[:2] == ["help", "quit"]
    set_language("en")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:  # 120 columns: Textual's own order, every key shown
        await pilot.pause()
        keys = shown(app)
        assert keys[-3:] == ["help", "quit", "command_palette"] and "settings" in keys
