"""The CMO desk's keys and actions, mixed into the app: channel map week/month, strategy session,
roles and KPIs review, hypotheses.

``m`` acts on the CMO tab only; ``v`` and ``k`` open the monthly session and the quarterly review
from any tab; ``h`` lists the hypotheses of the tab's hat. The channel map is built and filled only
in the CMO pane, when that pane is shown.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.binding import Binding

from mkhats.i18n import t
from mkhats.ui.widgets.channel_map import ChannelMap

DESK_BINDINGS = [
    # Not in the footer (it is full at 80 columns): the CMO tab's map names them, so do ? and ctrl+p.
    Binding("m", "channel_view", t("cmo.key.channels"), show=False, id="cmo.channels"),
    Binding("v", "strategy", t("cmo.key.strategy"), show=False, id="cmo.strategy"),
    Binding("k", "roles_review", t("cmo.key.roles"), show=False, id="cmo.roles"),
    Binding("h", "hypotheses", t("cmo.key.hypotheses"), show=False, id="hat.hypotheses"),
]
DESK_LABELS = {
    "cmo.channels": "cmo.key.channels",
    "cmo.strategy": "cmo.key.strategy",
    "cmo.roles": "cmo.key.roles",
    "hat.hypotheses": "cmo.key.hypotheses",
}
"""Binding id → catalogue key, to re-render the descriptions after a language switch."""
DESK_ACTIONS = frozenset({"channel_view", "strategy", "roles_review", "hypotheses"})
"""Actions that act on the hat tabs: off while another screen is on top."""


class DeskActions:
    """The app's CMO desk actions (a mixin of ``MkhatsApp``, which provides the rest)."""

    channel_mode: str = "week"
    """What the channel map adds up: ``week``, ``month`` (the last finished) or ``running``."""

    app: Any
    snapshot: Any
    hat: str

    def show_desk(self, pane: Any) -> None:
        """Fill the CMO pane's channel map for the selected week (or a month)."""
        from mkhats.domain.strategy import views
        from mkhats.present.cmo import channel_view

        if self.snapshot is not None:
            if self.channel_mode not in views(self.snapshot):
                self.channel_mode = "month"  # the running month has ended, or another week is shown
            pane.show_channels(channel_view(self.snapshot, self.channel_mode), t("cmo.map.hint"))

    def desk_allows(self, action: str) -> bool:
        """``m`` needs the CMO tab in front."""
        return action != "channel_view" or self.hat == "cmo"

    def action_channel_view(self) -> None:
        """Switch the CMO tab's channel map: the week → the last finished month → the running month."""
        from mkhats.domain.strategy import views

        shown = views(self.snapshot) if self.snapshot is not None else ("week", "month")
        at = shown.index(self.channel_mode) if self.channel_mode in shown else -1
        self.channel_mode = shown[(at + 1) % len(shown)]
        pane = next(self.query("#pane-cmo").results(), None)  # type: ignore[attr-defined]
        if pane is not None:
            self.show_desk(pane)

    def action_strategy(self) -> None:
        """Open the monthly strategy session of the selected week's month."""
        from mkhats.ui.screens.strategy import StrategyDialog

        self.push_screen(StrategyDialog(), lambda _: self.reload())  # type: ignore[attr-defined]

    def action_roles_review(self) -> None:
        """Open the quarterly roles and KPIs review."""
        from mkhats.ui.screens.roles import RolesKpiDialog

        self.push_screen(RolesKpiDialog(), self.after_roles_review)  # type: ignore[attr-defined]

    def after_roles_review(self, result: Any = None) -> None:
        """The review was saved: for each KPI to add, open the add-KPI form of its hat, one by one."""
        self.reload()  # type: ignore[attr-defined]
        hats = list(getattr(result, "add_for", []) or [])
        self._add_kpis(hats)

    def _add_kpis(self, hats: list[str]) -> None:
        if not hats:
            self.reload()  # type: ignore[attr-defined]
            return
        from mkhats.ui.screens.settings_dialogs import KpiDialog

        self.push_screen(KpiDialog(hats[0], None), lambda _: self._add_kpis(hats[1:]))  # type: ignore[attr-defined]

    def action_hypotheses(self) -> None:
        """List the hypotheses of this tab's hat."""
        from mkhats.ui.screens.hypotheses import HypothesesScreen

        if self.hat:
            self.push_screen(HypothesesScreen(self.hat), lambda _: self.reload())  # type: ignore[attr-defined]

    def on_channel_map_channel_chosen(self, event: ChannelMap.ChannelChosen) -> None:
        """A channel was chosen on the map: go to its tab."""
        hats = [h.key for h in self.snapshot.enabled_hats] if self.snapshot else []
        if event.hat in hats:
            self.action_hat(hats.index(event.hat))  # type: ignore[attr-defined]


def desk_commands(app: Any) -> list[tuple[str, object, str]]:
    """The desk's entries of the command palette."""
    return [
        (t("cmo.cmd.channels"), partial(_on_cmo, app, app.action_channel_view), "m"),
        (t("cmo.cmd.strategy"), app.action_strategy, "v"),
        (t("cmo.cmd.roles"), app.action_roles_review, "k"),
        (t("cmo.cmd.hypotheses"), app.action_hypotheses, "h"),
    ]


def _on_cmo(app: Any, then: Any) -> None:
    """Show the CMO tab, then run ``then`` once it is there."""
    hats = [h.key for h in app.snapshot.enabled_hats] if app.snapshot else []
    if "cmo" in hats:
        app.action_hat(hats.index("cmo"))
        app.call_after_refresh(then)
