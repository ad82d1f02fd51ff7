"""The main screen: one tab per enabled hat for the selected week, and the keys of SPEC §3.

The tabs render view models the app computed (``MkhatsApp.hat_view``); the screen watches the
app's ``version`` and fills the tab shown when the data or the week changes. Widgets post messages
(an item ticked, a KPI chosen); the screen calls services through the app and opens the dialogs.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import TabbedContent, TabPane

from mkhats.present.labels import hat_name
from mkhats.services import plans
from mkhats.ui.access import mkhats_app, run_service
from mkhats.ui.desk import DeskActions
from mkhats.ui.files import FileActions
from mkhats.ui.keys import KeyLabels, actions_of, bindings, label_keys
from mkhats.ui.plain import literal
from mkhats.ui.undo import UndoAction
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.hat_pane import HatPane
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.log_view import LogView
from mkhats.ui.widgets.title_bar import TitleBar

DESK_ACTIONS = actions_of("desk")
TAB_ACTIONS = actions_of("main", "desk")


class MainScreen(KeyLabels, UndoAction, FileActions, DeskActions):
    """Every hat with its checklist, money KPIs and weekly log."""

    BINDINGS = bindings("main", "desk")

    def __init__(self) -> None:
        super().__init__()
        self._shown: dict[str, int] = {}
        """Hat → the app's data ``version`` its pane shows."""
        self._panes: dict[str, HatPane] = {}
        self._rebuilding = False
        """The tabs are being rebuilt: nothing is shown until the new tree is mounted."""

    def compose(self) -> ComposeResult:
        """Nothing at start: the app mounts ``tabs()`` with itself, so its first frame has them
        (a screen composes on its own, after the app is ready). A rebuild composes them here."""
        if self._rebuilding:
            yield from self.tabs()

    def tabs(self) -> ComposeResult:
        """The title, one tab per enabled hat, the footer."""
        snapshot = self.snapshot
        yield TitleBar()
        self._tabs = TabbedContent(id="hats")
        with self._tabs:
            for index, hat in enumerate(snapshot.enabled_hats if snapshot else []):
                with TabPane(literal(hat_name(hat)), id=f"tab-{hat.key}"):
                    # Only the first tab is built now; the others on first visit (start-up budget).
                    if index == 0:
                        yield HatPane(hat.key)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "version", self.show_data, init=False)

    def show_data(self) -> None:
        """The app replaced its snapshot (another week, or data written): refresh the tab shown."""
        self._show_pane(self.hat)

    def _show_pane(self, hat: str) -> None:
        """Render one tab (others render when activated: a week switch touches one tab)."""
        app = mkhats_app(self)
        if self._rebuilding or app.snapshot is None or hat not in app.snapshot.hats:
            return
        if self._shown.get(hat) == app.version:
            return
        pane = self._panes.get(hat)
        if pane is None or not pane.is_attached:
            pane = next(self.query(f"#pane-{hat}").results(HatPane), None)
            if pane is None:
                self.query_one(f"#tab-{hat}", TabPane).mount(HatPane(hat))
                return  # HatPane.on_mount asks again once it is there
            self._panes[hat] = pane
        if not pane.ready:
            return  # still being built: it asks again once its children are there
        pane.show(app.hat_view(hat), app.week)
        if hat == "cmo":
            self.show_desk(pane)
        self._shown[hat] = app.version

    def pane_mounted(self, hat: str) -> None:
        """A hat's pane was just built: fill it."""
        self._show_pane(hat)
        mkhats_app(self).refreeze_soon()  # the pane's objects live on

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The tabs' keys are off (and out of the footer seen under a dialog) while a screen is on
        top of them; ``m`` acts on the CMO tab only."""
        if action in TAB_ACTIONS and self.app.screen is not self:
            return False
        return not (action in DESK_ACTIONS and not self.desk_allows(action))

    # -- messages from the widgets ---------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        # The focus stays where it is: moving it restyles the whole pane and doubles the cost of a
        # tab switch (SPEC §6). space and enter act on the shown tab from anywhere.
        self._show_pane(self.hat)

    @on(Checklist.ItemToggled)
    def _toggle(self, event: Checklist.ItemToggled) -> None:
        row = event.line.row
        run_service(self, lambda ws: plans.tick(ws, row.item.id, row.period, not row.done))
        mkhats_app(self).reload()

    @on(Checklist.EditRequested)
    def _edit_checklist(self) -> None:
        self.action_edit_items()

    @on(LogView.EditRequested)
    def _edit_log(self, event: LogView.EditRequested) -> None:
        self.open_log(event.hat, mkhats_app(self).week, event.field or "plan")

    @on(KpiTable.KpiChosen)
    def _kpi(self, event: KpiTable.KpiChosen) -> None:
        from mkhats.ui.screens.kpi_detail import KpiDetailScreen

        self.app.push_screen(KpiDetailScreen(event.key), self.reload)

    # -- settings: the tabs and their words rebuilt ----------------------------------------------

    def action_settings(self) -> None:
        """Open the settings."""
        from mkhats.ui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(), self._after_settings)

    def _after_settings(self, rebuild: bool | None) -> None:
        # The settings screen is still on the stack here: rebuild once this screen is back.
        self.call_after_refresh(self.relabel if rebuild else self.reload)

    async def relabel(self) -> None:
        """Rebuild what carries words or the set of enabled hats: key descriptions, tabs, headers."""
        app = mkhats_app(self)
        hat = self.hat
        self._shown.clear()
        self._panes.clear()
        # The 1 s poll may fire while the old tree is torn down: nothing is shown until it is built.
        self._rebuilding = True
        try:
            app.reload()  # the tabs are made from the snapshot: the one the settings left
            await self.recompose()
        finally:
            self._rebuilding = False
        label_keys(app)
        label_keys(self)
        hats = [h.key for h in self.snapshot.enabled_hats] if self.snapshot else []
        if hat in hats:
            self.query_one("#hats", TabbedContent).active = f"tab-{hat}"
        app.reload()
        self._show_pane(self.hat)
        app.refreeze_soon()  # the old tree is garbage now
