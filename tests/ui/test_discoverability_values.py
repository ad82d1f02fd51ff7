"""Pilot tests of issue 14 item 6, the values' side: a date ahead of today asked about and then
listed in the KPI detail, a formula KPI's week value in words, KPIs named by their titles in
messages, counts whole (the keys, clicks and focus: ``test_discoverability``)."""

from __future__ import annotations

from mkhats.ui.screens.dialogs import AddValueDialog
from tests.ui.conftest import SIZE

# -- 6. a value dated ahead of today -------------------------------------------------------------


async def _type(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector)
    field.value = ""
    field.focus()
    await pilot.press(*text)
    await pilot.pause()


def _traffic(ws) -> dict:
    with ws.read() as repo:
        return {v.day: v.value for v in repo.all_values() if v.kpi == "content.traffic"}


async def test_a_date_ahead_is_asked_about_then_saved_and_listed_in_the_detail(ws, make_app):
    from datetime import date

    from mkhats.ui.screens.form import ConfirmDialog
    from mkhats.ui.screens.kpi_detail import KpiDetailScreen
    from mkhats.ui.widgets.value_table import ValueTable

    ahead = date(2026, 12, 12)  # 18 days after today
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        dialog = app.screen
        assert isinstance(dialog, AddValueDialog)
        await _type(pilot, "#date", "2026-12-12")
        await _type(pilot, "#value", "321")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "12 Dec 2026 is 18 days ahead of today; save the value anyway?"
        await pilot.click("#confirm-no")  # change the date: back in the form, nothing saved
        await pilot.pause()
        assert app.screen is dialog and app.focused.id == "date"
        assert ahead not in _traffic(ws)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert not isinstance(app.screen, AddValueDialog)
        assert _traffic(ws)[ahead] == 321
        # The detail of this week lists it, first and marked: not hidden in a week to come.
        app.push_screen(KpiDetailScreen("content.traffic"))
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, KpiDetailScreen)
        first = detail.view.values[0]
        assert (first.day, first.value) == (ahead, 321)
        assert first.date_text.endswith("ahead")
        table = detail.query_one(ValueTable)
        assert table.row_count == len(detail.view.values)


async def test_today_and_days_before_are_saved_without_a_question(ws, make_app):
    from datetime import date

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await _type(pilot, "#date", "2026-11-24")
        await _type(pilot, "#value", "55")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AddValueDialog)
        assert _traffic(ws)[date(2026, 11, 24)] == 55


async def test_the_question_in_russian(ws, make_app):
    from mkhats.i18n import set_language
    from mkhats.ui.screens.form import ConfirmDialog

    set_language("ru")
    try:
        app = make_app(ws)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("plus")
            await _type(pilot, "#date", "2026-11-26")
            await _type(pilot, "#value", "5")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            assert "наступит только через 2 дня. Всё равно сохранить значение?" in app.screen.question
    finally:
        set_language("en")


# -- 4. a formula KPI's week value in words ------------------------------------------------------


def _week_value(dialog) -> str:
    from textual.widgets import Label, Select

    if dialog.query_one("#kpi-aggregate", Select).display:
        return "choose: " + str(dialog.query_one("#kpi-aggregate", Select).selection)
    return str(dialog.query_one("#kpi-week-words", Label).render())


async def test_the_kpi_editor_says_what_a_formula_kpis_week_value_is(ws, make_app):
    from mkhats.ui.screens.settings.dialogs import KpiDialog

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = KpiDialog("performance", app.snapshot.kpis["performance.cpa"])
        await app.push_screen(dialog)
        await pilot.pause()
        assert _week_value(dialog) == "the week's Spend ÷ the week's Sales"
        await _type(pilot, "#kpi-formula", "(revenue - spend) / leads")
        assert _week_value(dialog) == "(the week's Revenue − the week's Spend) ÷ the week's Leads"
        await _type(pilot, "#kpi-formula", "")
        assert _week_value(dialog) == "choose: sum"  # measured: the days' aggregate is chosen
        await app.pop_screen()
        measured = KpiDialog("performance", app.snapshot.kpis["performance.spend"])
        await app.push_screen(measured)
        await pilot.pause()
        assert _week_value(measured) == "choose: sum"


async def test_the_week_value_words_in_russian(ws, make_app):
    from mkhats.i18n import set_language
    from mkhats.ui.screens.settings.dialogs import KpiDialog

    set_language("ru")
    try:
        app = make_app(ws)
        async with app.run_test(size=SIZE) as pilot:
            dialog = KpiDialog("cmo", app.snapshot.kpis["cmo.romi"])
            await app.push_screen(dialog)
            await pilot.pause()
            assert _week_value(dialog) == (
                "(Выручка за неделю − Расходы на маркетинг за неделю) ÷ Расходы на маркетинг за неделю × 100"
            )
    finally:
        set_language("en")


# -- 5 and 7. KPI titles in messages; counts whole -----------------------------------------------


async def _value_error(pilot, kpi: str, text: str) -> str:
    app = pilot.app
    app.push_screen(AddValueDialog(kpi))
    await pilot.pause()
    await _type(pilot, "#value", text)
    await pilot.press("enter")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, AddValueDialog)  # refused: the form stays
    return dialog.errors["value"]


async def test_the_value_form_refuses_a_fraction_of_a_count_naming_the_kpi_by_its_title(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        with ws.read() as repo:
            before = [v for v in repo.all_values() if v.kpi == "content.published"]
        said = await _value_error(pilot, "content.published", "1.5")
        assert said == "Published counts whole things: 1.5 is not a whole number."
        await pilot.press("escape")
        said = await _value_error(pilot, "performance.spend", "-5")
        assert said == "The value of Spend cannot be negative (got -5)."
        with ws.read() as repo:
            assert [v for v in repo.all_values() if v.kpi == "content.published"] == before


async def test_the_grid_refuses_a_fraction_of_a_count_naming_the_kpi_by_its_title(ws, make_app):
    from tests.ui.test_week_grid import hint, open_grid

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "1", "a")
        grid.go_to(("content.published", "2026-11-23"))
        await pilot.press(*"1.5", "enter")
        assert grid.errors().keys() == {("content.published", "2026-11-23")}
        grid.go_to(("content.published", "2026-11-23"))
        await pilot.pause()
        assert hint(screen) == "✗ Published counts whole things: 1.5 is not a whole number."


async def test_messages_name_kpis_in_the_users_language(ws, make_app):
    from mkhats.i18n import set_language

    set_language("ru")
    try:
        app = make_app(ws)
        async with app.run_test(size=SIZE) as pilot:
            said = await _value_error(pilot, "content.published", "1,5")
            assert said.startswith("Публикации ") and "content.published" not in said
    finally:
        set_language("en")


async def test_a_title_the_user_typed_names_the_kpi(ws, make_app):
    from mkhats.services.kpi_settings import KpiDraft, edit_kpi

    edit_kpi(ws, "content.published", KpiDraft(title="Posts out"))  # a count, summed, as shipped
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        said = await _value_error(pilot, "content.published", "2.5")
        assert said == "Posts out counts whole things: 2.5 is not a whole number."


async def test_the_kpi_settings_name_the_kpi_by_its_title(ws, make_app):
    from textual.widgets import Static

    from mkhats.ui.screens.settings.dialogs import KpiDialog

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = KpiDialog("performance", app.snapshot.kpis["performance.spend"])
        await app.push_screen(dialog)
        await pilot.pause()
        await _type(pilot, "#kpi-target", "-5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = str(dialog.query_one(".error", Static).render())
        assert said.startswith("The target of Spend cannot be negative"), said


def test_a_kpi_in_use_is_named_with_its_users_by_their_titles(ws):
    import pytest

    from mkhats.errors import InputError
    from mkhats.i18n import set_language
    from mkhats.services.kpi_settings import retire_kpi

    with pytest.raises(InputError) as caught:
        retire_kpi(ws, "performance.sales")
    assert caught.value.render() == "Sales cannot be retired: the formulas of CPA use it."
    set_language("ru")
    try:
        with pytest.raises(InputError) as caught:
            retire_kpi(ws, "performance.spend")
        said = caught.value.render()
        assert said.startswith("Расход нельзя отправить в архив: его используют формулы ") and "CPL" in said
    finally:
        set_language("en")


async def test_a_missing_value_is_said_before_the_date_is_asked_about(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        dialog = app.screen
        await _type(pilot, "#date", "2026-12-12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "value" in dialog.errors
