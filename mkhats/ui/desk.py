"""The CMO desk's actions, a base of the main screen: channel map week/month, strategy session,
roles and KPIs review, hypotheses, the media plan, the weekly deck (palette only), the weekly
ritual (``M``, ``F``: any tab) and its 13-week trend on the CMO tab.

Their keys are the action table's ``desk`` scope (``ui.keys``). ``m`` and ``p`` act on the CMO tab only; ``v`` and ``k`` open the monthly session and the quarterly review
from any tab; ``h`` lists the hypotheses of the tab's hat. The channel map is built and filled only
in the CMO pane, when that pane is shown.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.ui.access import mkhats_app, run_service
from mkhats.ui.actions import MainActions
from mkhats.ui.widgets.channel_map import ChannelMap
from mkhats.ui.widgets.hat_pane import HatPane


class DeskActions(MainActions):
    """The main screen's CMO desk actions."""

    channel_mode: str = "week"
    """What the channel map adds up: ``week``, ``month`` (the last finished) or ``running``."""

    def show_desk(self, pane: HatPane) -> None:
        """Fill the CMO pane's channel map for the selected week (or a month)."""
        from mkhats.domain.strategy import views
        from mkhats.present.cmo import channel_view

        if self.snapshot is not None:
            if self.channel_mode not in views(self.snapshot):
                self.channel_mode = "month"  # the running month has ended, or another week is shown
            pane.show_channels(channel_view(self.snapshot, self.channel_mode), t("cmo.map.hint"))
            self._show_ritual_trend(pane, self.snapshot.week)

    def _show_ritual_trend(self, pane: HatPane, week: str) -> None:
        """The CMO pane's line of the Monday ritual's time over the 13 weeks ending with ``week``."""
        from mkhats.present.ritual_text import minutes_text, trend_text
        from mkhats.services.ritual import ritual_trend

        done = run_service(self, lambda ws: ritual_trend(ws, week))
        if done is None:
            return
        minutes = [m for _, m in done.value]
        last = next((m for m in reversed(minutes) if m is not None), None)
        if last is None:
            text = t("ritual.trend_none")
        else:
            text = t("ritual.trend", spark=trend_text(minutes), last=minutes_text(last * 60))
        for line in pane.query("#ritual-trend-cmo").results(Static):
            line.update(text)

    def desk_allows(self, action: str) -> bool:
        """``m`` and ``p`` need the CMO tab in front."""
        return action not in ("channel_view", "plan_editor") or self.hat == "cmo"

    def action_channel_view(self) -> None:
        """Switch the CMO tab's channel map: the week → the last finished month → the running month."""
        from mkhats.domain.strategy import views

        shown = views(self.snapshot) if self.snapshot is not None else ("week", "month")
        at = shown.index(self.channel_mode) if self.channel_mode in shown else -1
        self.channel_mode = shown[(at + 1) % len(shown)]
        pane = next(self.query("#pane-cmo").results(HatPane), None)
        if pane is not None:
            self.show_desk(pane)

    def show_budget_month(self) -> None:
        """The channel map of the month a BUDGET warning judges, plan beside fact: the running month
        while it runs, else the month of monthly work (the review's fix until a plan editor exists)."""
        from mkhats.domain.strategy import views

        shown = views(self.snapshot) if self.snapshot is not None else ("week", "month")
        self.channel_mode = "running" if "running" in shown else "month"
        pane = next(self.query("#pane-cmo").results(HatPane), None)
        if pane is not None:
            self.show_desk(pane)

    def action_plan_editor(self) -> None:
        """Open the media plan of the selected week's quarter; the channel map shows what was saved."""
        from mkhats.ui.screens.plan_editor import PlanEditorScreen

        self.app.push_screen(PlanEditorScreen(), self.reload)

    def action_strategy(self) -> None:
        """Open the monthly strategy session of the selected week's month."""
        from mkhats.ui.screens.strategy import StrategyDialog

        self.app.push_screen(StrategyDialog(), self.reload)

    def action_roles_review(self) -> None:
        """Open the quarterly roles and KPIs review."""
        from mkhats.ui.screens.roles import RolesKpiDialog

        self.app.push_screen(RolesKpiDialog(), self.after_roles_review)

    def after_roles_review(self, result: Any = None) -> None:
        """The review was saved: for each KPI to add, open the add-KPI form of its hat, one by one."""
        mkhats_app(self).reload()
        hats = list(getattr(result, "add_for", []) or [])
        self._add_kpis(hats)

    def _add_kpis(self, hats: list[str]) -> None:
        if not hats:
            mkhats_app(self).reload()
            return
        from mkhats.ui.screens.settings.dialogs import KpiDialog

        self.app.push_screen(KpiDialog(hats[0], None), lambda _: self._add_kpis(hats[1:]))

    def action_hypotheses(self) -> None:
        """List the hypotheses of this tab's hat."""
        from mkhats.ui.screens.hypotheses import HypothesesScreen

        if self.hat:
            self.app.push_screen(HypothesesScreen(self.hat), self.reload)

    def action_write_deck(self) -> None:
        """Write the deck of the week shown (``decks/`` beside the data) and say where it is."""
        from mkhats.services.deck import write_deck

        app = mkhats_app(self)
        week = app.week
        done = run_service(self, lambda ws: write_deck(ws, week))
        if done is not None:
            path = terminal_line(str(done.value))  # a folder's name may hold anything
            app.notify(t("ui.deck.written", week=week, file=path), markup=False, timeout=12)

    def on_channel_map_channel_chosen(self, event: ChannelMap.ChannelChosen) -> None:
        """A channel was chosen on the map: go to its tab."""
        hats = [h.key for h in self.snapshot.enabled_hats] if self.snapshot else []
        if event.hat in hats:
            self.action_hat(hats.index(event.hat))

    def action_ritual(self, kind: str) -> None:
        """Open the weekly ritual of ``kind`` (``monday``, ``friday``) over the selected week."""
        from mkhats.ui.screens.ritual import RitualScreen

        self.app.push_screen(RitualScreen(kind), self.reload)
