"""Pilot tests of the forms: typing into them, what is stored, what is shown, and every refusal."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input, RadioSet, Select, Static

from mkhats.domain.checklist import current_items
from mkhats.i18n import set_language
from mkhats.ui.screens.checklist_editor import ChecklistEditor, ItemDialog
from mkhats.ui.screens.dialogs import AddValueDialog, CheckDialog, DecisionDialog, RolesReviewDialog
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable
from tests.ui.conftest import SIZE, TODAY


async def type_into(pilot, selector: str, text: str) -> None:
    """Focus the input ``selector`` on the current screen, clear it and type ``text``."""
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await pilot.press(*text)


def shown(screen, field: str) -> str:
    """The error line under ``field``, or "" when it is hidden."""
    line = screen.query_one(f"#err-{field}", Static)
    return str(line.content) if line.has_class("-shown") else ""


def values_of(ws, key: str) -> dict[date, tuple[float, str]]:
    with ws.read() as repo:
        return {v.day: (v.value, v.note) for v in repo.values(date(2026, 8, 1), TODAY) if v.kpi == key}


def notices(app, severity: str | None = None) -> list[str]:
    return [n.message for n in app._notifications if severity is None or n.severity == severity]


# -- add a KPI value -----------------------------------------------------------------------------


async def test_plus_opens_the_value_form_with_the_highlighted_kpi_and_today(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        dialog = app.screen
        assert isinstance(dialog, AddValueDialog)
        assert dialog.query_one("#kpi", Select).value == "performance.spend"
        assert dialog.query_one("#date", Input).value == "2026-11-24"
        assert app.focused is dialog.query_one("#value", Input)
        options = [str(label) for label, _ in dialog.query_one("#kpi", Select)._options]
        assert "Performance · Spend" in options
        assert not any("CPA" in o for o in options)  # a formula KPI is computed, not entered


async def test_value_with_spaces_and_comma_is_saved_with_its_note(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        await type_into(pilot, "#value", "1 234,5")
        await pilot.press("tab", *"from the invoice", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, AddValueDialog)
        assert values_of(ws, "performance.spend")[TODAY] == (1234.5, "from the invoice")
        assert any("Spend = $1,234.5 on" in n for n in notices(app))  # every decimal, as it was read
        week = app.query_one("#kpis-performance", KpiTable).get_row("performance.spend")[2]
        assert str(week).replace(",", "").startswith("14")  # 218 (Mon) → 1,234.5 + Monday's value


async def test_english_reads_3_000_as_three_thousand_and_says_so(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        await type_into(pilot, "#value", "3,000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, AddValueDialog)
        assert values_of(ws, "performance.spend")[TODAY] == (3000.0, "")
        assert any("Spend = $3,000 on" in n for n in notices(app))


async def test_russian_reads_3_000_as_three_and_says_so(ws, make_app):
    set_language("ru")  # the fixture puts English back
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        await type_into(pilot, "#value", "3,000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert values_of(ws, "performance.spend")[TODAY] == (3.0, "")
        assert any("= 3\u00a0$ за" in n for n in notices(app)), notices(app)  # the demo's currency is $


async def test_a_malformed_grouping_keeps_the_form_open_with_the_reason(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        dialog = app.screen
        before = values_of(ws, "performance.spend")
        await type_into(pilot, "#value", "1,2,3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(dialog, "value") == "Value: in “1,2,3” every group of thousands must have three digits."
        assert app.screen is dialog
        assert values_of(ws, "performance.spend") == before


async def test_date_typed_day_first_is_accepted(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "plus")
        await type_into(pilot, "#date", "20.11.2026")
        await type_into(pilot, "#value", "77")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert values_of(ws, "content.traffic")[date(2026, 11, 20)][0] == 77


async def test_every_bad_field_keeps_the_form_open_and_stores_nothing(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        dialog = app.screen
        before = values_of(ws, "performance.spend")
        cases = [
            ("#value", "12abc", "value", "“12abc” is not a number"),
            ("#value", "-5", "value", "cannot be negative"),
            ("#value", "", "value", "Enter a value"),
        ]
        for selector, text, field, message in cases:
            await type_into(pilot, selector, text)
            await pilot.press("ctrl+s")
            assert message in shown(dialog, field), (text, dialog.errors)
            assert app.screen is dialog
        await type_into(pilot, "#value", "100")
        await type_into(pilot, "#date", "31.02.2026")
        await pilot.click("#save")
        assert "“31.02.2026” is not a date" in shown(dialog, "date")
        assert shown(dialog, "value") == ""  # the earlier error went away
        assert app.screen is dialog and app.focused is dialog.query_one("#date", Input)
        for far in ("9999-12-31", "01.01.0001"):  # SPEC §5: dates lie in 1970–2100
            await type_into(pilot, "#date", far)
            await pilot.click("#save")
            assert f"“{far}” is outside the dates mkhats keeps (1970-01-01 to 2100-12-31)" in shown(dialog, "date")
            assert app.screen is dialog
        assert values_of(ws, "performance.spend") == before


async def test_a_formula_kpi_says_so_and_asks_for_a_measured_one(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AddValueDialog("performance.cpa"))
        await pilot.pause()
        dialog = app.screen
        assert "computed by its formula (spend / sales)" in shown(dialog, "kpi")
        assert dialog.query_one("#kpi", Select).is_blank()
        await type_into(pilot, "#value", "100")
        await pilot.press("enter", "enter")
        assert "Choose the KPI" in shown(dialog, "kpi")
        assert app.screen is dialog
        with ws.read() as repo:
            assert not [v for v in repo.values(TODAY, TODAY) if v.kpi == "performance.cpa"]


async def test_escape_cancels_without_saving(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        before = values_of(ws, "performance.spend")
        await type_into(pilot, "#value", "999")
        await pilot.press("escape")
        assert not isinstance(app.screen, AddValueDialog)
        assert values_of(ws, "performance.spend") == before


async def test_a_value_that_fires_a_stop_rule_is_returned_and_announced(ws, make_app):
    app = make_app(ws)
    results = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(AddValueDialog("performance.spend"), results.append)
        await pilot.pause()
        await type_into(pilot, "#value", "5000")
        await pilot.click("#save")
        await pilot.pause()
        assert results and results[0] and results[0][0].kpi == "performance.cpa"
        warnings = notices(app, "warning")
        assert any(w.startswith("STOP Performance CPA > 160 for 3 days") for w in warnings)
        assert any("Stop the campaign" in w for w in warnings)


# -- external check ------------------------------------------------------------------------------


async def test_check_by_someone_who_wears_a_hat_is_refused(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckDialog(("performance", "cmo")))
        await pilot.pause()
        dialog = app.screen
        with ws.read() as repo:
            before = len(repo.checks())
        await type_into(pilot, "#new", "Me")
        await pilot.press("ctrl+s")
        assert "Me wears both the Performance and the CMO hats" in shown(dialog, "new")
        assert app.screen is dialog
        with ws.read() as repo:
            assert len(repo.checks()) == before


async def test_check_by_a_new_name_adds_an_external_person(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckDialog(("performance", "cmo")))
        await pilot.pause()
        await type_into(pilot, "#new", "Oleg")
        await type_into(pilot, "#note", "ROMI matches the CRM")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CheckDialog)
        with ws.read() as repo:
            check = repo.checks()[-1]
            assert set(check.hats) == {"performance", "cmo"}
            assert (check.by, check.day, check.outcome) == ("Oleg", TODAY, "ok")
            assert check.note == "ROMI matches the CRM"
            assert repo.persons()["Oleg"].kind == "external"
        assert any("checked by Oleg" in n and "valid until 30 Nov 2026" in n for n in notices(app))


async def test_check_by_a_listed_person_with_problems_by_mouse(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckDialog(("performance", "cmo")))
        await pilot.pause()
        dialog = app.screen
        picker = dialog.query_one("#by", Select)
        assert picker.value == "Anna (accountant)"  # the last checker of this pair, who wears neither hat
        assert "Me" not in [v for _, v in picker._options]
        await pilot.click("#problems")
        assert dialog.query_one("#problems", Checkbox).value
        await pilot.click("#save")
        await pilot.pause()
        with ws.read() as repo:
            check = repo.checks()[-1]
        assert (check.by, check.outcome) == ("Anna (accountant)", "problems")


async def test_check_without_anyone_asks_for_a_name(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CheckDialog(("content", "performance")))
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#by", Select).is_blank()
        await pilot.press("ctrl+s")
        assert "A person needs a name" in shown(dialog, "by")
        assert app.screen is dialog


# -- decision on a stop alert --------------------------------------------------------------------


def _open_alert(app):
    from mkhats.domain.review import review

    return next(i.alert for i in review(app.snapshot) if i.category == "STOP")


async def test_kept_without_a_reason_is_refused_then_saved_with_one(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        alert = _open_alert(app)
        app.push_screen(DecisionDialog(alert))
        await pilot.pause()
        dialog = app.screen
        assert "Stop the campaign" in str(dialog.query_one(".intro", Static).content)
        assert app.focused is dialog.query_one("#decision", RadioSet)
        await pilot.press("down", "down", "enter")
        assert dialog.query_one("#decision", RadioSet).pressed_index == 2
        await pilot.press("ctrl+s")
        assert "needs a reason" in shown(dialog, "reason")
        assert app.focused is dialog.query_one("#reason", Input)
        with ws.read() as repo:
            assert repo.decisions() == []
        await pilot.press(*"Black Friday week", "enter")
        await pilot.pause()
        with ws.read() as repo:
            (decision,) = repo.decisions()
        assert (decision.kpi, decision.decision, decision.reason) == ("performance.cpa", "kept", "Black Friday week")
        assert (decision.first, decision.last) == (alert.first, alert.last)


async def test_stopped_is_the_suggested_decision(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DecisionDialog(_open_alert(app)))
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        with ws.read() as repo:
            assert [d.decision for d in repo.decisions()] == ["stopped"]


# -- roles and KPIs review -----------------------------------------------------------------------


async def test_roles_review_is_recorded_and_a_future_date_refused(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(RolesReviewDialog())
        await pilot.pause()
        dialog = app.screen
        with ws.read() as repo:
            before = len(repo.reviews())
        await pilot.press(*"Drop PR; raise the CPL target")
        await type_into(pilot, "#date", "2026-12-01")
        await pilot.press("enter")
        assert "cannot be dated after today" in shown(dialog, "date")
        with ws.read() as repo:
            assert len(repo.reviews()) == before
        await type_into(pilot, "#date", "2026-11-23")
        await pilot.press("enter")
        await pilot.pause()
        with ws.read() as repo:
            latest = repo.reviews()[-1]
        assert (latest.day, latest.notes) == (date(2026, 11, 23), "Drop PR; raise the CPL target")


# -- checklist editor ----------------------------------------------------------------------------


def _items(ws, hat: str) -> list:
    """The hat's items as they stand this week (the file also keeps their past versions)."""
    with ws.read() as repo:
        return [i for i in current_items(repo.checklist(), ws.today) if i.hat == hat]


async def _open_editor(app, pilot, hat_key: str = "1", hat: str = "content"):
    await pilot.press(hat_key)
    app.query_one(f"#checklist-{hat}", Checklist).focus()
    await pilot.press("e")
    assert isinstance(app.screen, ChecklistEditor)
    return app.screen


async def test_editor_adds_an_item_and_refuses_empty_text(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        editor = await _open_editor(app, pilot)
        before = _items(ws, "content")
        await pilot.press("a")
        dialog = app.screen
        assert isinstance(dialog, ItemDialog)
        await pilot.press("enter")
        assert "needs some text" in shown(dialog, "text")
        assert len(_items(ws, "content")) == len(before)
        await pilot.press(*"Check the Telegram channel stats", "enter")
        await pilot.pause()
        assert app.screen is editor
        added = [i for i in _items(ws, "content") if i.text == "Check the Telegram channel stats"]
        assert added and added[0].cadence == "weekly"
        assert editor.current() == added[0]  # the cursor lands on the new item
        await pilot.press("escape")
        await pilot.pause()
        table = app.query_one("#checklist-content", Checklist)
        assert added[0].id in [k.value for k in table.rows]


async def test_editor_edits_text_and_cadence(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        editor = await _open_editor(app, pilot)
        item = editor.current()
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ItemDialog)
        assert dialog.query_one("#text", Input).value == "Brief with segment and call to action"
        await type_into(pilot, "#text", "Brief with segment, offer and CTA")
        dialog.query_one("#cadence", Select).value = "monthly"
        await pilot.press("enter")
        await pilot.pause()
        (stored,) = [i for i in _items(ws, "content") if i.id == item.id]
        assert (stored.text, stored.cadence) == ("Brief with segment, offer and CTA", "monthly")
        assert editor.current().id == item.id


async def test_editor_deletes_after_confirmation(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        editor = await _open_editor(app, pilot)
        item = editor.current()
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert item.id in [i.id for i in _items(ws, "content")]
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert item.id not in [i.id for i in _items(ws, "content")]
        assert app.screen is editor


async def test_editor_moves_items_with_keys_and_buttons(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        editor = await _open_editor(app, pilot)
        first = editor.current()

        def order() -> list[str]:
            weekly = sorted((i for i in _items(ws, "content") if i.cadence == "weekly"), key=lambda i: i.position)
            return [i.id for i in weekly]

        await pilot.press("J")
        assert order()[1] == first.id and editor.current().id == first.id
        await pilot.press("ctrl+down")
        assert order()[2] == first.id
        await pilot.press("K")
        assert order()[1] == first.id
        await pilot.click("#up")
        assert order()[0] == first.id
