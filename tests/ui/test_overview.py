"""Pilot tests of the overview (``0``): every enabled hat's card on the demo data, the way to a
hat's tab, the week and the data it follows, its columns at 80, 120 and 200 columns."""

from __future__ import annotations

from mkhats.services.settings import set_hat_enabled
from mkhats.services.values import add_value
from mkhats.ui.screens.main import MainScreen
from mkhats.ui.screens.overview import CardView, OverviewScreen
from tests.ui.conftest import SIZE


def cards(app) -> dict[str, str]:
    """Hat → the card's text, its title first."""
    return {view.card.key: f"{view.border_title}\n{view.render()}" for view in app.screen.query(CardView).results()}


async def open_overview(app, pilot) -> None:
    await pilot.press("0")
    await pilot.pause()
    assert isinstance(app.screen, OverviewScreen)


async def test_every_enabled_hat_with_its_kpis_off_target_alerts_log_and_checklist(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot)
        shown = cards(app)
        assert list(shown) == ["content", "performance", "crm", "pm", "cmo"]  # tab order
        performance = shown["performance"].splitlines()
        assert performance == [
            "Performance · Me",
            "STOP CPA > 160 for 3 days: 20–24 Nov 2026 ($206, $227, $220, $218, $218)",
            "CPA $  ✗ +82\u00a0% STOP",  # as the KPI table's status column says it
            "ROAS %  ✗ −66\u00a0%",
            "Log: plan ✓ · facts —",
            "Checklist 4/8",
            "Budget November 2026: $4,265 of $4,300, pace ✗ +24\u00a0%",
        ]
        assert shown["cmo"].splitlines()[1:] == ["CAC $  ✗ +3\u00a0%", "Log: plan ✓ · facts —", "Checklist 7/8"]
        assert shown["crm"].splitlines()[1:] == ["No KPI off target", "Log: plan — · facts —", "Checklist 5/8"]
        assert app.screen.query_one("#card-performance").has_class("-trouble")
        assert not app.screen.query_one("#card-crm").has_class("-trouble")
        assert "Every hat · 2026-W48" in str(app.screen.query_one("#overview-heading").render())


async def test_a_disabled_hat_is_left_out(ws, make_app):
    set_hat_enabled(ws, "pm", False)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot)
        assert list(cards(app)) == ["content", "performance", "crm", "cmo"]


async def test_enter_or_a_click_goes_to_the_hats_tab(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot)
        assert app.focused is app.screen.query_one("#card-content")
        await pilot.press("down", "down")  # content → performance → crm
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.hat == "crm"
        await open_overview(app, pilot)
        await pilot.click("#card-cmo")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.hat == "cmo"
        await open_overview(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.hat == "cmo"


async def test_it_follows_the_week_and_the_data(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_overview(app, pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.week == "2026-W47"
        assert "Every hat · 2026-W47" in str(app.screen.query_one("#overview-heading").render())
        await pilot.press("t")
        await pilot.pause()
        assert app.week == "2026-W48"
        before = cards(app)["performance"]
        add_value(ws, "performance.revenue", 1_000_000, ws.today)  # written elsewhere; the app's poll notices
        app.reload()
        await pilot.pause()
        after = cards(app)["performance"]
        assert "ROAS %  ✗ −66\u00a0%" in before and "ROAS" not in after


async def test_one_column_narrow_two_or_three_wide(ws, make_app):
    for size, columns in (((80, 24), 1), ((120, 40), 2), ((200, 60), 3)):
        app = make_app(ws)
        async with app.run_test(size=size) as pilot:
            await open_overview(app, pilot)
            await pilot.pause()
            lefts = {view.region.x for view in app.screen.query(CardView).results()}
            assert len(lefts) == columns, size
            assert all(view.region.right <= size[0] for view in app.screen.query(CardView).results())


async def test_ctrl_z_works_here_too_and_the_cards_follow(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_overview(app, pilot)
        before = cards(app)["performance"]
        add_value(ws, "performance.revenue", 1_000_000, ws.today)  # through the app's own workspace
        app.reload()
        await pilot.pause()
        assert cards(app)["performance"] != before
        await pilot.press("ctrl+z")
        for _ in range(3000):
            await pilot.pause(0.02)
            if cards(app)["performance"] == before:
                break
        assert isinstance(app.screen, OverviewScreen) and cards(app)["performance"] == before
        assert any(n.message.startswith("Undone: ") for n in app._notifications)
