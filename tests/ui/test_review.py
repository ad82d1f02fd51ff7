"""Pilot tests of the review screen: grouping, colours, and each warning leading to its fix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Checkbox, OptionList, Static

from mkhats.domain.models import WeeklyLog
from mkhats.services.workspace import Workspace
from mkhats.ui.screens.dialogs import CheckDialog, DecisionDialog, RolesReviewDialog
from mkhats.ui.screens.log_dialog import LogDialog
from mkhats.ui.screens.review import ReviewScreen
from mkhats.ui.widgets.weekly_log import LogField
from tests.ui.conftest import SIZE, TODAY
from tests.ui.test_forms import type_into


def rows(screen: ReviewScreen, category: str) -> list[str]:
    """The sentences of one category's rows."""
    return [screen.texts[row_id][0] for row_id in screen.row_ids(category)]


async def choose(pilot, screen: ReviewScreen, category: str, contains: str = "") -> None:
    """Highlight the first row of ``category`` whose text contains ``contains``, press enter."""
    listing = screen.query_one("#review-list", OptionList)
    row_id = next(r for r in screen.row_ids(category) if contains in screen.texts[r][0])
    listing.focus()
    listing.highlighted = listing.get_option_index(row_id)
    await pilot.press("enter")
    await pilot.pause()


async def open_review(app, pilot) -> ReviewScreen:
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def test_review_groups_and_colours_the_warnings(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        listing = screen.query_one("#review-list", OptionList)
        headings = [str(o.prompt) for o in listing.options if o.disabled]
        # Hours (0): no warning, but the hats' hours of the judged week are listed there.
        assert headings == [
            "Conflicts (3)",
            "Stop alerts (1)",
            "Budget pace (1)",
            "Off target (7)",
            "Rituals (1)",
            "Cadence (2)",
            "Hours (0)",
            "Setup (1)",
        ]
        assert any("Performance × CMO (high)" in r for r in rows(screen, "CONFLICT"))
        stop_text, stop_style = screen.texts[screen.row_ids("STOP")[0]]
        assert "red" in stop_style and "Stop the campaign" in stop_text
        assert screen.texts[screen.row_ids("TARGET")[0]][1] == "dark_orange"
        assert screen.texts[screen.row_ids("SETUP")[0]][1] == "dim"
        assert rows(screen, "RITUAL") == ["CRM: no plan for 2026-W48; it is due by the end of Monday."]
        # The demo's performance runs a quarter faster than its November budget: a high warning.
        [budget] = screen.row_ids("BUDGET")
        assert screen.texts[budget][0].startswith("Performance has spent $4,265 of $4,300 by 24 Nov 2026")
        assert "red" in screen.texts[budget][1]
        assert not screen.query_one("#review-empty", Static).display
        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)


async def test_a_check_by_a_new_external_name_clears_the_conflict(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "CONFLICT", "Performance × CMO")
        assert isinstance(app.screen, CheckDialog) and app.screen.pair == ("performance", "cmo")
        await type_into(pilot, "#new", "Oleg (agency)")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert not any("Performance × CMO" in r for r in rows(screen, "CONFLICT"))
        assert len(rows(screen, "CONFLICT")) == 2
        assert any("checked by Oleg (agency)" in text for text, _ in screen.texts.values())
        assert "15 warnings" in app.sub_title


async def test_deciding_the_alert_clears_the_stop_row(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "STOP")
        assert isinstance(app.screen, DecisionDialog)
        await pilot.click("#save")  # "stopped" is suggested by the rule's action
        await pilot.pause()
        assert app.screen is screen
        assert rows(screen, "STOP") == []
        with ws.read() as repo:
            assert [d.decision for d in repo.decisions()] == ["stopped"]


async def test_a_cancelled_fix_leaves_the_row(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "STOP")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and len(rows(screen, "STOP")) == 1


async def test_a_missing_plan_leads_to_the_hats_log(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "RITUAL", "CRM")
        await pilot.pause()
        assert not isinstance(app.screen, ReviewScreen)
        assert app.hat == "crm" and app.week == "2026-W48"
        await pilot.pause()
        assert isinstance(app.screen, LogDialog) and app.screen.hat == "crm"
        focused = app.focused
        assert isinstance(focused, LogField) and focused.field == "plan"
        await pilot.press(*"Two sends", "ctrl+s")
        await pilot.pause()
        with app.ws.read() as repo:
            assert repo.logs(["2026-W48"])[("crm", "2026-W48")].plan == "Two sends"
        assert not any(i.category == "RITUAL" for i in app.warnings)


async def test_roles_review_due_leads_to_recording_one(tmp_path, make_app):
    # A file made 100 days ago with no roles review yet: one is due (92 days after the file's first day).
    with Workspace(tmp_path / "mkhats.json", TODAY - timedelta(days=100)).write():
        pass
    app = make_app(Workspace(tmp_path / "mkhats.json", TODAY))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert rows(screen, "CADENCE")
        await choose(pilot, screen, "CADENCE")
        assert isinstance(app.screen, RolesReviewDialog)
        await pilot.press(*"Roles as they are", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and rows(screen, "CADENCE") == []


async def test_target_row_opens_the_kpi_detail(ws, make_app):
    detail = pytest.importorskip("mkhats.ui.screens.kpi_detail")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "TARGET", "CPA in 2026-W47")
        await pilot.pause()
        assert isinstance(app.screen, detail.KpiDetailScreen) and app.screen.key == "performance.cpa"
        # Last week's final miss, listed while this week runs: the detail opens on that week.
        assert app.week == "2026-W47" and app.hat == "performance"


async def test_a_budget_row_opens_the_plan_over_the_channel_map_of_the_month(ws, make_app):
    from mkhats.ui.screens.plan_editor import PlanEditorScreen
    from mkhats.ui.widgets.channel_map import ChannelMap

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "BUDGET")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PlanEditorScreen)  # the fix: revise the plan
        await pilot.press("escape")  # nothing typed: it closes without asking
        await pilot.pause()
        assert not isinstance(app.screen, (ReviewScreen, PlanEditorScreen))
        assert app.hat == "cmo" and app.main.channel_mode == "running"
        cmap = app.query_one("#pane-cmo").query_one(ChannelMap)
        assert cmap.border_title == "Channel map · November 2026 so far (1–24 Nov 2026)"
        assert cmap.view is not None and cmap.view.header[3:6] == ["Budget", "Spend", "Pace"]
        [perf] = [line.cells for line in cmap.view.lines if line.hat == "performance"]
        assert perf[3:6] == ["$4,300", "$4,265", "✗ +24\u00a0%"]


async def test_a_goal_out_of_reach_opens_its_kpis_detail(ws, make_app):
    from mkhats.domain.goals import Goal

    detail = pytest.importorskip("mkhats.ui.screens.kpi_detail")
    with ws.write() as repo:
        repo.money().upsert_goal(Goal(kpi="cmo.new_customers", quarter="2026-Q4", value=100_000))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        [row] = rows(screen, "GOAL")
        assert row.startswith("CMO New customers goal for 2026-Q4 is out of reach:")
        assert "17 warnings" in app.sub_title  # the demo's 16 and this one
        await choose(pilot, screen, "GOAL")
        await pilot.pause()
        assert isinstance(app.screen, detail.KpiDetailScreen) and app.screen.key == "cmo.new_customers"
        assert app.week == "2026-W47" and app.hat == "cmo"  # the last week over, the one judged


async def test_last_weeks_facts_row_opens_last_weeks_log(ws, make_app):
    with ws.write() as repo:
        repo.upsert_log(WeeklyLog(hat="pm", week="2026-W47", plan="Ship the brief"))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        assert app.week == "2026-W48"
        await choose(pilot, screen, "RITUAL", "PM: no facts for 2026-W47")
        await pilot.pause()
        assert app.week == "2026-W47" and app.hat == "pm"
        assert isinstance(app.screen, LogDialog) and (app.screen.hat, app.screen.week) == ("pm", "2026-W47")
        focused = app.focused
        assert isinstance(focused, LogField) and focused.field == "fact"


async def test_a_check_with_problems_keeps_the_conflict(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        await choose(pilot, screen, "CONFLICT", "Performance × CMO")
        assert isinstance(app.screen, CheckDialog)
        await type_into(pilot, "#new", "Pavel")
        await type_into(pilot, "#note", "spend does not match")
        app.screen.query_one("#problems", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        [row] = [r for r in rows(screen, "CONFLICT") if "Performance × CMO" in r]
        assert "Checked by Pavel on 24 Nov 2026: problems found — “spend does not match”" in row
        assert not any("checked by Pavel" in text for text, _ in screen.texts.values())
        with ws.read() as repo:
            assert repo.checks()[-1].outcome == "problems"


async def test_an_empty_review_says_so(empty_ws, make_app):
    from mkhats.services.settings import set_hat_enabled

    # A new file with one hat: no pair of hats to conflict, no stop rule waiting for a threshold,
    # no ritual before the file existed.
    for hat in ("performance", "crm", "pm", "cmo"):
        set_hat_enabled(empty_ws, hat, False)
    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        empty = screen.query_one("#review-empty", Static)
        assert empty.display and "No warnings for 2026-W48" in str(empty.content)


async def test_a_click_on_a_row_opens_its_fix(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        await pilot.click("#review-list", offset=(6, 2))  # border, "Conflicts (3)", then the first row
        await pilot.pause()
        assert isinstance(app.screen, CheckDialog) and app.screen.pair == ("performance", "cmo")
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
