"""Pilot tests of the CMO desk: the channel map, the strategy session, the roles and KPIs review,
hypotheses, and the review's CADENCE rows leading to them."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, RadioButton, Select

from mkhats.ui.screens.hypotheses import HypothesesScreen, HypothesisDialog, VerdictDialog
from mkhats.ui.screens.roles import RolesKpiDialog
from mkhats.ui.screens.settings.dialogs import KpiDialog
from mkhats.ui.screens.strategy import StrategyDialog
from mkhats.ui.widgets.channel_map import ChannelMap
from tests.ui.conftest import SIZE
from tests.ui.test_forms import notices, shown, type_into
from tests.ui.test_review import choose, open_review


def channel_map(app) -> ChannelMap:
    return app.query_one("#pane-cmo").query_one(ChannelMap)


def line(app, hat: str) -> list[str]:
    return next(x.cells for x in channel_map(app).view.lines if x.hat == hat)


async def cmo_tab(app, pilot) -> None:
    await pilot.press("5")
    await pilot.pause()
    await pilot.pause()


# -- channel map ---------------------------------------------------------------------------------


async def test_the_cmo_tab_shows_the_channel_map_and_m_switches_week_and_month(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # another hat's pane has no channel map, and m does nothing there
        await pilot.pause()
        assert not app.query("#pane-performance ChannelMap")
        await pilot.press("m")
        assert app.main.channel_mode == "week"
        await cmo_tab(app, pilot)
        cmap = channel_map(app)
        assert cmap.border_title == "Channel map · 2026-W48"
        assert [x.hat for x in cmap.view.lines] == ["content", "performance", "crm"]
        assert cmap.row_count == 3
        spend, revenue = cmap.view.header.index("Spend"), cmap.view.header.index("Revenue")
        # The demo's media plan adds its budget and pace beside the spend (SPEC §10).
        assert cmap.view.header[3:6] == ["Budget", "Spend", "Pace"]
        assert [line(app, "content")[i] for i in (spend, revenue)] == ["—", "—"]  # no spend or revenue KPI
        assert line(app, "performance")[-1] == "test"  # October's demo session (November still runs)
        assert line(app, "crm")[-1] == "test"
        week_spend = line(app, "performance")[spend]
        await pilot.press("m")  # monthly work: the last finished month
        await pilot.pause()
        assert cmap.border_title == "Channel map · October 2026 (1–31 Oct 2026)"
        october_spend = line(app, "performance")[spend]
        assert october_spend != week_spend
        await pilot.press("m")  # the running month so far, one key away
        await pilot.pause()
        assert cmap.border_title == "Channel map · November 2026 so far (1–24 Nov 2026)"
        assert line(app, "performance")[spend] not in (week_spend, october_spend)
        await pilot.press("m")
        await pilot.pause()
        assert cmap.border_title == "Channel map · 2026-W48"


async def test_choosing_a_channel_goes_to_its_tab(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await cmo_tab(app, pilot)
        cmap = channel_map(app)
        cmap.focus()
        cmap.move_cursor(row=2)
        await pilot.press("enter")
        await pilot.pause()
        assert app.hat == "crm"


# -- strategy session ----------------------------------------------------------------------------


async def test_strategy_session_is_saved_and_shown_in_the_map(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await cmo_tab(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StrategyDialog)
        # 24 Nov: the session is about October, the last finished month, held on 3 Nov.
        assert dialog.query_one("#month", Input).value == "2026-10"
        assert dialog.query_one("#v-crm", Select).value == "test"  # October's session, to revise
        assert "October 2026 (1–31 Oct 2026)" in str(dialog.query_one("#month-numbers").render())
        await pilot.press("ctrl+t")  # the running month, one key away: no session yet
        await pilot.pause()
        assert dialog.query_one("#month", Input).value == "2026-11"
        assert dialog.query_one("#v-crm", Select).value == Select.NULL
        assert "November 2026 (1–24 Nov 2026)" in str(dialog.query_one("#month-numbers").render())
        await type_into(pilot, "#month", "2026-09")
        await pilot.press("tab")  # leaving the month shows September's session
        await pilot.pause()
        assert dialog.query_one("#v-crm", Select).value == "scale"
        await type_into(pilot, "#month", "2026-11")
        await pilot.press("tab")
        await pilot.pause()
        dialog.query_one("#v-content", Select).value = "scale"
        dialog.query_one("#v-crm", Select).value = "scale"
        dialog.query_one("#v-performance", Select).value = "cut"
        dialog.query_one("#notes").text = "CPA does not settle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, StrategyDialog)
        with ws.read() as repo:
            session = next(s for s in repo.sessions() if s.month == "2026-11")
        assert session.verdicts == {"content": "scale", "performance": "cut", "crm": "scale"}
        assert (session.notes, session.day) == ("CPA does not settle", date(2026, 11, 24))
        await pilot.pause()
        assert line(app, "performance")[-1] == "test"  # the map shows October's verdicts until November ends
        assert "Strategy session of November 2026 recorded." in [n.message for n in app._notifications]


async def test_strategy_session_validation_keeps_the_form_open(empty_ws, make_app):
    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StrategyDialog)
        assert "No sessions recorded before." in str(dialog.query_one("#history").content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "at least one channel" in shown(dialog, "v-content")
        dialog.query_one("#v-crm", Select).value = "scale"
        await type_into(pilot, "#month", "2026-13")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "is not a month" in shown(dialog, "month")
        await type_into(pilot, "#month", "2026-12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "has not started yet" in shown(dialog, "month")
        with empty_ws.read() as repo:
            assert repo.sessions() == []
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StrategyDialog)


# -- roles and KPIs review -----------------------------------------------------------------------


def row_of(dialog: RolesKpiDialog, key: str) -> int:
    return next(n for n, row in enumerate(dialog.rows) if row.key == key)


async def test_roles_review_raise_needs_a_target_then_applies_every_decision(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await cmo_tab(app, pilot)
        await pilot.press("k")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RolesKpiDialog)
        cpl = row_of(dialog, "performance.cpl")
        assert dialog.rows[cpl].fade_text.startswith("not enough data")  # 12 demo weeks, 26 needed
        dialog.query_one(f"#k{cpl}", Select).value = "raise"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "type the new target" in shown(dialog, f"k{cpl}")
        with ws.read() as repo:
            reviews = len(repo.reviews())
        await type_into(pilot, f"#t{cpl}", "22")
        dialog.query_one(f"#k{row_of(dialog, 'content.published')}", Select).value = "kill"
        dialog.query_one(f"#k{row_of(dialog, 'crm.sends')}", Select).value = "add"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, KpiDialog) and app.screen.hat == "crm"  # add: the new KPI's form
        with ws.read() as repo:
            kpis, stored = repo.kpis(), repo.reviews()
        assert kpis["performance.cpl"].target == 22 and kpis["content.published"].retired
        assert len(stored) == reviews + 1
        assert stored[-1].decisions["crm.sends"] == "add" and stored[-1].decisions["cmo.cac"] == "keep"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (KpiDialog, RolesKpiDialog))
        await pilot.press("1")
        await pilot.pause()
        assert "content.published" not in [key.value for key in app.query_one("#kpis-content", DataTable).rows]


async def test_roles_review_kill_in_use_is_shown_on_its_row(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await pilot.pause()
        dialog = app.screen
        spend = row_of(dialog, "performance.spend")
        dialog.query_one(f"#k{spend}", Select).value = "kill"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "the formulas of CPA" in shown(dialog, f"k{spend}")  # by title
        with ws.read() as repo:
            assert not repo.kpis()["performance.spend"].retired


# -- hypotheses ----------------------------------------------------------------------------------


async def test_hypotheses_create_validate_and_judge(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HypothesesScreen) and screen.hat == "content"
        assert [r.hypothesis.id for r in screen.rows] == ["h1"]  # the demo's, judged
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HypothesisDialog)
        assert dialog.query_one("#kpi", Select).value == "content.traffic"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "Write the hypothesis" in shown(dialog, "statement")
        await type_into(pilot, "#statement", "Case studies convert better")
        dialog.query_one("#kpi", Select).value = "content.conversion"
        await type_into(pilot, "#test-first", "2026-11-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and "must start after the baseline" in shown(dialog, "test")
        await type_into(pilot, "#test-first", "2026-31-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and shown(dialog, "test")
        await type_into(pilot, "#base-first", "2026-10-26")
        await type_into(pilot, "#base-last", "2026-11-08")
        await type_into(pilot, "#test-first", "2026-11-09")
        await type_into(pilot, "#test-last", "2026-11-22")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        with ws.read() as repo:
            new = next(h for h in repo.hypotheses() if h.statement == "Case studies convert better")
        assert (new.hat, new.kpi, new.test_first, new.verdict) == (
            "content",
            "content.conversion",
            date(2026, 11, 9),
            None,
        )
        first = screen.rows[0]
        assert first.hypothesis.id == new.id and first.open  # the test ended on the 22nd: a verdict is due
        assert first.uplift.endswith("%") and first.verdict == "awaiting verdict"
        table = screen.query_one(DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("v")
        await pilot.pause()
        verdict = app.screen
        assert isinstance(verdict, VerdictDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is verdict and "Choose a verdict" in shown(verdict, "verdict")
        verdict.query_one("#hv-inconclusive", RadioButton).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.rows[0].verdict == "inconclusive"
        with ws.read() as repo:
            assert next(h for h in repo.hypotheses() if h.id == new.id).verdict == "inconclusive"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HypothesesScreen)


# -- the review's CADENCE rows -------------------------------------------------------------------


async def test_a_missed_session_leads_to_the_strategy_form(ws, make_app):
    with ws.write() as repo:
        repo.clear_table("sessions")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "CADENCE", "No strategy session recorded for October 2026")
        dialog = app.screen
        assert isinstance(dialog, StrategyDialog)
        await type_into(pilot, "#month", "2026-10")
        dialog.query_one("#v-performance", Select).value = "test"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert not any("strategy session" in screen.texts[r][0] for r in screen.row_ids("CADENCE"))


async def test_an_open_hypothesis_leads_to_the_hats_hypotheses(ws, make_app):
    from mkhats.services.hypotheses import HypothesisDraft, add_hypothesis

    add_hypothesis(
        ws,
        "crm",
        HypothesisDraft(
            "Win-back mail brings repeat sales",
            "crm.repeat_sales",
            date(2026, 10, 1),
            date(2026, 10, 14),
            date(2026, 10, 15),
            date(2026, 10, 28),
        ),
    )
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "CADENCE", "Win-back mail")
        assert isinstance(app.screen, HypothesesScreen) and app.screen.hat == "crm"


async def test_hours_are_listed_in_the_review(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        hours = [text for key, (text, _) in screen.texts.items() if key.startswith("hours-")]
        assert hours and all(" in 2026-W47: " in text and text.endswith(" h") for text in hours)


async def test_desk_commands_are_in_the_palette(ws, make_app):
    from mkhats.ui.palette import table_commands

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = [name for name, _, _ in table_commands(app.main, "desk")]
        assert names == [
            "Channel map: switch week / month",
            "Media plan of the quarter: budget, leads, tolerance",
            "Monthly strategy session",
            "Quarterly roles and KPIs review",
            "Hypotheses of this hat",
            "Write the weekly deck (HTML)",
        ]
        table_commands(app.main, "desk")[0][1]()  # from any tab: goes to the CMO tab, then switches the map
        await pilot.pause()
        await pilot.pause()
        assert app.hat == "cmo" and app.main.channel_mode == "month"


async def test_the_palette_writes_the_deck_of_the_week_shown(ws, make_app):
    from mkhats.ui.palette import table_commands

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left_square_bracket")  # the week before this one
        await pilot.pause()
        commands = {name: run for name, run, _ in table_commands(app.main)}
        commands["Write the weekly deck (HTML)"]()
        await pilot.pause()
        path = ws.path.parent / "decks" / "deck-2026-W47.html"
        assert f"The deck of 2026-W47 is written: {path}" in notices(app)
        html = path.read_text(encoding="utf-8")
        assert "<title>Weekly deck 2026-W47</title>" in html and html.count('<section class="slide') == 4


async def test_beside_a_plan_the_shares_leave_only_when_the_map_would_be_cut(ws, make_app):
    def labels(cmap) -> list[str]:
        return [str(column.label) for column in cmap.columns.values()]

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:  # 120 columns: the plan's three need the room
        await cmo_tab(app, pilot)
        cmap = channel_map(app)
        assert labels(cmap)[:9] == [
            "Channel",
            "Worn by",
            "Leads",
            "Budget",
            "Spend",
            "Pace",
            "Revenue",
            "Plan CPL",
            "CPL",
        ]
        assert labels(cmap)[-1] == "Verdict" and "Revenue share" not in labels(cmap)
        assert sum(column.get_render_width(cmap) for column in cmap.columns.values()) <= cmap.size.width - 2
        assert cmap.view is not None and len(cmap.view.header) == 13  # the view keeps them all
    app = make_app(ws)
    async with app.run_test(size=(170, 40)) as pilot:  # wide: every column, none left out
        await cmo_tab(app, pilot)
        cmap = channel_map(app)
        assert cmap.view is not None and labels(cmap) == cmap.view.header
