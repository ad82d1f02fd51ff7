"""The main screen's actions (SPEC §3 keys): hats, weeks, values, wearing, review, settings, quit.

A mixin of ``MkhatsApp``: it works on the app's workspace, week, snapshot and tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual import work
from textual.widgets import TabbedContent

from mkhats.domain.weeks import shift_week
from mkhats.errors import MkhatsError
from mkhats.ui.desk import DESK_LABELS
from mkhats.ui.keys import KEY_LABELS, relabel_bindings
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable

R = TypeVar("R")


class MainActions:
    """``action_*`` of the hat tabs; ``self`` is the running ``MkhatsApp``."""

    def action_hat(self, index: int) -> None:
        """Show the hat at ``index`` in tab order."""
        hats = self.snapshot.enabled_hats if self.snapshot else []
        if 0 <= index < len(hats):
            # Let go of the focus first: a focused widget left in the old tab would pull the
            # TabbedContent back to it while the new tab is still being built.
            self.set_focus(None)
            self.query_one("#hats", TabbedContent).active = f"tab-{hats[index].key}"

    def action_week(self, offset: int) -> None:
        """Move the selected week."""
        self.week = shift_week(self.week, offset)
        self.reload()

    def action_this_week(self) -> None:
        """Back to the week of today."""
        self.week = self.ws.this_week()
        self.reload()

    def _current_kpi(self) -> str | None:
        """The KPI highlighted in this tab's table (None while the tab is still being built)."""
        table = next(self.query(f"#kpis-{self.hat}").results(KpiTable), None)
        return table.current_key() if table is not None else None

    def action_edit_log(self) -> None:
        """Edit this tab's weekly log."""
        self.open_log(self.hat, self.week)

    def action_tick(self) -> None:
        """Tick or untick the item highlighted in this tab's checklist."""
        checklist = next(self.query(f"#checklist-{self.hat}").results(Checklist), None)
        if checklist is not None:
            checklist.action_toggle()

    def action_open_kpi(self) -> None:
        """Open the detail of the KPI highlighted in this tab's table."""
        key = self._current_kpi()
        if key:
            self.post_message(KpiTable.KpiChosen(key))

    def action_add_value(self) -> None:
        """Add a KPI value (the highlighted KPI is preselected)."""
        from mkhats.ui.screens.dialogs import AddValueDialog

        self.push_screen(AddValueDialog(self._current_kpi()), lambda _: self.reload())

    def action_wear(self) -> None:
        """Start wearing this tab's hat, or stop if it is the one worn."""
        from mkhats.services.wear import wear

        wearing = self.snapshot.wearing if self.snapshot else None
        target = None if wearing is not None and wearing.hat == self.hat else self.hat
        result = self.call(wear, target, self.now())
        if result is not None:
            self.reload()

    def action_review(self) -> None:
        """Open the review."""
        from mkhats.ui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(), lambda _: self.reload())

    def action_settings(self) -> None:
        """Open the settings."""
        from mkhats.ui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen(), self._after_settings)

    def _after_settings(self, rebuild: bool | None) -> None:
        # The settings screen is still on the stack here: rebuild once the default screen is back.
        self.call_after_refresh(self.relabel if rebuild else self.reload)

    async def relabel(self) -> None:
        """Rebuild what carries words or the set of enabled hats: key descriptions, tabs, headers."""
        hat = self.hat
        self._shown.clear()
        self._panes.clear()
        # The 1 s poll may fire while the old tree is torn down: nothing is shown until it is built.
        self._rebuilding = True
        try:
            await self.recompose()
        finally:
            self._rebuilding = False
        relabel_bindings(self, {**KEY_LABELS, **DESK_LABELS})
        hats = [h.key for h in self.snapshot.enabled_hats] if self.snapshot else []
        if hat in hats:
            self.query_one("#hats", TabbedContent).active = f"tab-{hat}"
        self.reload()
        self.refreeze_soon()  # the old tree is garbage now

    def action_help(self) -> None:
        """Show the keys."""
        from mkhats.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    @work(exclusive=True, group="quit")
    async def action_quit(self) -> None:
        """Stop wearing the hat and quit."""
        if self.snapshot is not None and self.snapshot.wearing is not None:
            from mkhats.services.wear import wear

            self.call(wear, None, self.now())
        self.exit(0)

    def call(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
        """Run a service; a refusal or a storage error becomes a notification, the app goes on."""
        try:
            return fn(self.ws, *args, **kwargs)
        except MkhatsError as error:
            self.notify(error.render(), severity="error", timeout=8)
            return None

    def open_log(self, hat: str, week: str, field: str = "plan") -> None:
        """Open the log editor of ``hat`` for ``week``, in ``field``."""
        from mkhats.ui.screens.log_dialog import LogDialog

        if self.snapshot is None:
            return
        if week != self.week:
            self.week = week
            self.reload()
        log = self.snapshot.logs.get((hat, week))
        self.push_screen(LogDialog(hat, week, log, field), lambda _: self.reload())
