"""Pilot tests of the KPI detail: chart, values (edit, delete), the target and stop-rule form."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from mkhats.domain.snapshot import window
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.screens.kpi_detail import KpiDetailScreen
from mkhats.ui.screens.value_edit import EditValueDialog
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.value_table import ValueTable
from tests.ui.conftest import SIZE, TODAY

HATS = ("content", "performance", "crm", "pm", "cmo")


async def open_detail(app, pilot, key: str) -> KpiDetailScreen:
    """Go to the KPI's tab, highlight its row in the KPI table and press enter."""
    hat = key.split(".")[0]
    await pilot.press(str(HATS.index(hat) + 1))
    table = app.query_one(f"#kpis-{hat}", KpiTable)
    table.focus()
    await pilot.pause()
    keys = [row.value for row in table.rows]
    table.move_cursor(row=keys.index(key))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, KpiDetailScreen)
    return app.screen


def stored(ws, key: str, day: date) -> float | None:
    with ws.read() as repo:
        return repo.daily(day, day).get(key, {}).get(day)


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_enter_opens_chart_and_values_newest_first(ws, make_app):
    from textual_plotext import PlotextPlot

    first, last = window("2026-W48")
    with ws.read() as repo:
        days = sorted(repo.daily(first, last)["performance.spend"], reverse=True)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        chart = screen.query_one("#detail-chart", PlotextPlot)
        assert chart.display and chart.region.height > 5
        table = screen.query_one("#values", ValueTable)
        assert [date.fromisoformat(k.value) for k in table.rows] == days
        assert days[0] == TODAY
        assert "2026-W48" in text_of(screen.query_one("#detail-heading", Static))
        assert "Spend" in str(screen.sub_title)


async def test_edit_value_stores_and_shows_it(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        table = screen.query_one("#values", ValueTable)
        assert table.current_day() == TODAY
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditValueDialog)
        dialog.query_one("#edit-value", Input).value = ""
        dialog.query_one("#edit-value", Input).focus()
        await pilot.press(*"1 234,5")
        dialog.query_one("#edit-note", Input).value = "promo day"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert stored(ws, "performance.spend", TODAY) == 1234.5
        with ws.read() as repo:
            assert [v.note for v in repo.values(TODAY, TODAY) if v.kpi == "performance.spend"] == ["promo day"]
        row = table.get_row(TODAY.isoformat())
        assert str(row[1]) == "1,234" and str(row[2]) == "promo day"


async def test_invalid_edit_stays_open_with_the_message(ws, make_app):
    before = stored(ws, "performance.spend", TODAY)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(app, pilot, "performance.spend")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditValueDialog)
        dialog.query_one("#edit-value", Input).value = "-5"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "cannot be negative" in text_of(dialog.query_one("#edit-error", Static))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, KpiDetailScreen)
    assert stored(ws, "performance.spend", TODAY) == before


async def test_delete_asks_then_deletes(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert stored(ws, "performance.spend", TODAY) is not None
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.screen is screen
        assert stored(ws, "performance.spend", TODAY) is None
        table = screen.query_one("#values", ValueTable)
        assert TODAY.isoformat() not in [k.value for k in table.rows]


async def test_formula_values_are_read_only(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.cpa")
        formula = screen.query_one("#detail-formula", Static)
        assert formula.display and "spend / sales" in text_of(formula)
        table = screen.query_one("#values", ValueTable)
        assert table.row_count > 0
        await pilot.press("e", "enter", "d")
        await pilot.pause()
        assert app.screen is screen


async def test_form_sets_a_stop_rule(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.cpl")
        condition = screen.query_one("#rule-condition", Input)
        # The shipped rule's threshold is unset: its template is the placeholder, so what is typed
        # is the rule (once the text was "> ? for 3 days" and typing appended to it).
        assert condition.value == "" and condition.placeholder == "> ? for 3 days"
        condition.focus()
        await pilot.press(*"> 30 for 2 days")
        screen.query_one("#rule-guard", Input).value = "spend >= 100"
        screen.query_one("#rule-target", Input).value = "24"
        await pilot.press("enter")
        await pilot.pause()
        with ws.read() as repo:
            kpi = repo.kpis()["performance.cpl"]
        assert (kpi.stop.op, kpi.stop.threshold, kpi.stop.days) == (">", 30, 2)
        assert (kpi.stop.guard.kpi, kpi.stop.guard.threshold) == ("spend", 100)
        assert kpi.stop.action_key and not kpi.stop.action  # the shipped action is kept as a key
        assert kpi.target == 24
        await pilot.pause()
        assert not screen.query_one("#rule-error", Static).display
        assert "> 30 for 2 days" in text_of(screen.query_one("#detail-rule", Static))
        assert "Saved" in text_of(screen.query_one("#rule-status", Static))
        assert screen.query_one("#rule-condition", Input).value == "> 30 for 2 days"


async def test_malformed_rule_shows_inline_error_and_saves_nothing(ws, make_app):
    with ws.read() as repo:
        before = repo.kpis()["performance.cpa"]
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.cpa")
        screen.query_one("#rule-target", Input).value = "99"
        condition = screen.query_one("#rule-condition", Input)
        condition.value = "> lots for 3 days"
        condition.focus()
        await pilot.press("enter")
        await pilot.pause()
        error = screen.query_one("#rule-error", Static)
        assert error.display and error.has_class("error")
        assert "“lots” is not a number" in text_of(error)
        assert condition.value == "> lots for 3 days"  # the form keeps what was typed
        assert app.screen is screen
    with ws.read() as repo:
        assert repo.kpis()["performance.cpa"] == before


async def test_guard_without_rule_speaks_the_screen_s_language(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        screen.query_one("#rule-guard", Input).value = "leads >= 3"
        screen.query_one("#rule-guard", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        text = text_of(screen.query_one("#rule-error", Static))
        assert "stop condition" in text and "--stop" not in text
    with ws.read() as repo:
        assert repo.kpis()["performance.spend"].stop is None


async def test_escape_goes_back_to_the_main_screen(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_detail(app, pilot, "performance.spend")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KpiDetailScreen)
        assert app.query_one("#kpis-performance", KpiTable).row_count


async def test_week_keys_move_the_detail(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.week == "2026-W47"
        assert "2026-W47" in text_of(screen.query_one("#detail-heading", Static))
        table = screen.query_one("#values", ValueTable)
        assert date.fromisoformat(next(iter(table.rows)).value) == date(2026, 11, 22)


async def test_no_values_yet(empty_ws, make_app):
    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "content.traffic")
        assert not screen.query_one("#detail-chart").display
        assert screen.query_one("#detail-chart-empty").display
        assert screen.query_one("#values", ValueTable).row_count == 0


async def test_small_terminal_stacks_the_parts(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(app, pilot, "performance.cpa")
        values = screen.query_one("#detail-values-box")
        rule = screen.query_one("#detail-rule-box")
        assert rule.virtual_region.x == values.virtual_region.x
        assert rule.virtual_region.y >= values.virtual_region.bottom
        screen.query_one("#rule-condition", Input).focus()
        await pilot.pause()
        assert screen.query_one("#rule-condition", Input).region.height == 1


async def test_storage_error_is_a_notification_and_the_app_goes_on(ws, make_app, monkeypatch):
    from mkhats.errors import StoreError
    from mkhats.services import values

    def broken(*args, **kwargs):
        raise StoreError("store.io_write", file=str(ws.path), reason="disk full")

    monkeypatch.setattr(values, "delete_value", broken)
    app = make_app(ws)
    notices = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (notices.append((message, kw)), notify(message, **kw)))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.screen is screen
        assert any("disk full" in m and kw.get("severity") == "error" for m, kw in notices)
        assert stored(ws, "performance.spend", TODAY) is not None


async def test_a_in_the_detail_adds_a_value_of_that_kpi(ws, make_app):
    from textual.widgets import Select

    from mkhats.ui.screens.dialogs import AddValueDialog

    day = date(2026, 11, 25)  # tomorrow: no value yet
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.leads")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddValueDialog)
        assert dialog.query_one("#kpi", Select).value == "performance.leads"
        dialog.query_one("#date", Input).value = day.isoformat()
        dialog.query_one("#value", Input).value = "17"
        dialog.query_one("#value", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # a day after today is asked about first
        await pilot.pause()
        assert app.screen is screen
        assert stored(ws, "performance.leads", day) == 17
        assert str(screen.query_one("#values", ValueTable).get_row(day.isoformat())[1]) == "17"


async def test_a_formula_kpi_offers_no_add(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.cpl")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is screen
        assert not any(b.binding.action == "add_value" and b.enabled for b in screen.active_bindings.values())


async def test_delete_beside_an_import_removes_the_users_own_value_only(ws, make_app):
    from mkhats.services.importing import import_file

    report = ws.path.parent / "direct.tsv"
    report.write_text(  # Yandex Direct's Reports API (IMPORTS.md §1a): today 40, yesterday 25
        "Date\tCampaignName\tImpressions\tCost\tConversions\n"
        f"{TODAY.isoformat()}\tBrand\t100\t40000000\t1\n2026-11-23\tBrand\t100\t25000000\t1\n",
        encoding="utf-8",
    )
    import_file(ws, report)
    with ws.read() as repo:  # the demo has the user's own values on those days
        own = {
            v.day: v.value for v in repo.values(TODAY, TODAY) if v.kpi == "performance.spend" and v.source == "manual"
        }
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "your own" in app.screen.question
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.screen is screen
        with ws.read() as repo:
            left = [(v.source, v.value) for v in repo.values(TODAY, TODAY) if v.kpi == "performance.spend"]
        assert left == [("yandex-direct", 40.0)] and own[TODAY] != 40.0
        row = screen.query_one("#values", ValueTable).get_row(TODAY.isoformat())
        assert str(row[1]) == "40.00"  # the import's value alone now
        await pilot.press("d")  # nothing of the user's own is left to delete: said, not asked
        await pilot.pause()
        assert app.screen is screen
        assert any("came from an import" in str(n.message) for n in app._notifications)
