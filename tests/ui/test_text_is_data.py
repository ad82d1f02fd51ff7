"""Text the user typed is shown literally and without control characters (SPEC §5, issue 11 item 4).

A person, a KPI title, a checklist item, a stop rule's action, a note, a log field and a hypothesis
hold console markup (``[bold red]``, ``[@click=app.quit]``), escape sequences (ESC[2J, an OSC 8
link, the 8-bit CSI), a bidi override and stray C0 characters. Every screen that shows them is
drawn, and what reaches the terminal is read segment by segment: the markup shows as typed, and no
control character is in any text the app draws.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta

from textual.widgets import TabbedContent

from mkhats.domain.kpis import KpiChange
from mkhats.services import plans
from mkhats.services.hypotheses import HypothesisDraft, add_hypothesis
from mkhats.services.kpi_rules import set_kpi
from mkhats.services.settings import KpiDraft, edit_kpi
from mkhats.services.values import add_value
from mkhats.services.wearers import assign
from mkhats.services.workspace import Workspace
from mkhats.ui.scenes import settle
from mkhats.ui.screens.kpi_detail import KpiDetailScreen
from mkhats.ui.screens.review import ReviewScreen
from mkhats.ui.screens.settings import SettingsScreen
from tests.ui.conftest import SIZE, TODAY

NAME = "[@click=app.quit]Eve\x1b[2J\u202e[bold red]x[/]"
TITLE = "[bold red]CPA[/]\x1b]8;;http://x\x1b\\ln\x1b]8;;\x1b\\\x9b31m"
ITEM = "[@click=app.quit]Call\x1b[2J back\r\x07"
ACTION = "[b]halt[/]\x1bc now"
NOTE = "[i]promo[/]\x1b[31m"
PLAN = "plan [red]x[/]\x1b[2J"
STATEMENT = "[i]faster[/]\x1b[2J pages"

SHOWN_NAME = "[@click=app.quit]Eve[bold red]x[/]"
SHOWN_TITLE = "[bold red]CPA[/]ln"
SHOWN_ITEM = "[@click=app.quit]Call back"
SHOWN_ACTION = "[b]halt[/]"
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def hostile(ws: Workspace) -> None:
    """The demo data with the user's texts above in every place that shows them."""
    assign(ws, "performance", NAME)
    assign(ws, "cmo", NAME)  # performance × cmo: a conflict row naming the person
    draft = KpiDraft(title=TITLE, unit="money", direction="down", aggregate="sum", formula="spend / sales")
    edit_kpi(ws, "performance.cpa", draft)
    set_kpi(ws, "performance.cpa", KpiChange(action=ACTION))
    plans.add_item(ws, "performance", ITEM)
    plans.save_log(ws, "performance", "2026-W48", plan=PLAN)
    add_value(ws, "performance.spend", "700", TODAY, NOTE)
    monday = TODAY - timedelta(days=TODAY.weekday())
    add_hypothesis(
        ws,
        "performance",
        HypothesisDraft(
            STATEMENT,
            "performance.cpl",
            monday - timedelta(days=28),
            monday - timedelta(days=1),
            monday,
            monday + timedelta(days=27),
        ),
    )


def drawn(app) -> str:
    """What the top screen sends to the terminal, as text; no control character may be in it."""
    screen = app.screen
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    lines = []
    for line in update.strips:
        text = "".join(segment.text for strip in line for segment in strip if not segment.control)
        bad = {c for c in text if unicodedata.category(c) == "Cc" or c in BIDI}
        assert not bad, f"control characters {sorted(map(hex, map(ord, bad)))} drawn in {text!r}"
        lines.append(text)
    return "\n".join(lines)


async def test_user_text_is_shown_literally_on_every_screen(ws, make_app):
    hostile(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # the Performance tab: who wears it, the checklist, the KPIs, the log
        await settle(pilot)  # a pane is filled after its first refresh: on a busy machine, later
        text = drawn(app)
        assert SHOWN_NAME in text and SHOWN_ITEM in text and SHOWN_TITLE in text
        assert "plan [red]x[/]" in text

        await pilot.press("5")  # the CMO tab: the channel map names each channel's wearer
        await settle(pilot)  # a pane is filled after its first refresh: on a busy machine, later
        assert SHOWN_NAME in drawn(app)

        await pilot.press("r")
        await settle(pilot)  # a pane is filled after its first refresh: on a busy machine, later
        assert isinstance(app.screen, ReviewScreen)
        text = drawn(app)
        assert SHOWN_NAME in text and SHOWN_TITLE in text and SHOWN_ACTION in text
        assert not any("\x1b" in sentence for sentence, _ in app.screen.texts.values())
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("s")
        await settle(pilot)  # a pane is filled after its first refresh: on a busy machine, later
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        tabs = {"people": [SHOWN_NAME], "hats": [SHOWN_NAME], "conflicts": [SHOWN_NAME], "kpis": []}
        for tab, shown in tabs.items():
            screen.query_one(TabbedContent).active = f"settings-{tab}"
            await pilot.pause()
            text = drawn(app)
            assert all(s in text for s in shown), (tab, text)
        await pilot.press("escape")
        await pilot.pause()

        app.push_screen(KpiDetailScreen("performance.cpa"))
        await pilot.pause()
        text = drawn(app)
        assert SHOWN_TITLE in text and SHOWN_ACTION in text
        app.pop_screen()
        await pilot.pause()

        app.push_screen(KpiDetailScreen("performance.spend"))
        await pilot.pause()
        assert "[i]promo[/]" in drawn(app)  # the note of a day's value
        app.pop_screen()
        await pilot.pause()

        await pilot.press("2", "h")  # the hypotheses of the Performance hat
        await pilot.pause()
        assert "[i]faster[/] pages" in drawn(app)
        assert app.is_running  # nothing typed ran as an action


async def test_a_toast_quoting_user_text_is_literal(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.notify(f"Saved {NAME}", markup=True)  # even asked for, a toast is never markup
        await pilot.pause()
        (toast,) = app._notifications
        assert toast.message == f"Saved {SHOWN_NAME}" and not toast.markup
