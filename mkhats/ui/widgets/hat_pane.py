"""One hat tab: who wears it and what it owns, its checklist, KPIs and weekly log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.views import HatView

if TYPE_CHECKING:
    from mkhats.present.cmo import ChannelView
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.log_view import LogView

WIDE = 160
"""From this width on, each week of a KPI's sparkline takes two cells (SPEC §3 "Layout")."""
CHECKLIST_MIN = 34
"""The checklist's narrowest beside the KPI table: its border, tick box and 28 cells of text."""


class TopRow(Horizontal):
    """The checklist beside the KPI table (stacked on a narrow screen): the table takes what its
    columns need, the checklist the rest; laid out again only when the row's width changes."""

    _fitted: tuple[int, int] | None = None

    def on_resize(self) -> None:
        # A tab shown again is resized to the size it had: nothing to lay out then (SPEC §6).
        if (self.size.width, self.app.size.width) != self._fitted:
            self.fit_tables()

    def fit_tables(self) -> None:
        """Give the KPI table its room: all the row when stacked, else all but the checklist's least."""
        width = self.size.width
        if not width:
            return
        self._fitted = (width, self.app.size.width)
        stacked = self.screen.has_class("-narrow")
        cells = 2 if self.app.size.width >= WIDE else 1
        for table in self.query(KpiTable).results():
            table.fit(width if stacked else width - CHECKLIST_MIN, cells, stacked)
            # The checklist's width is known now: wrapped at once, not after a layout and a resize.
            for checklist in self.query(Checklist).results():
                checklist.fit(width if stacked else width - table.needed)


class InfoLine(Static):
    """Who wears the hat and what it owns, then the open stop alerts: on the same line when they
    fit whole after it, else on a line of their own (a warning is never split)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._parts: tuple[Text, str] = (Text(), "")
        self._shown: Text | None = None
        self._width = 0

    def show(self, head: Text, alerts: str) -> None:
        """Show ``head`` and, if any, the ``alerts`` text."""
        self._parts = (head, alerts)
        self._lay_out()

    def on_resize(self) -> None:
        if self.size.width != self._width:  # a tab shown again keeps its width: nothing to redo
            self._lay_out()

    def _lay_out(self) -> None:
        head, alerts = self._parts
        self._width = self.size.width
        line = head.copy()
        if alerts:
            width = self.size.width
            last = head.wrap(self.app.console, width)[-1].cell_len if width else 0
            line.append("\n" if width and last + 3 + cell_len(alerts) > width else "   ")
            line.append(alerts, style="bold red")
        if line != self._shown:  # an update asks for a new layout: only when the line changed
            self._shown = line
            self.update(line)


class HatPane(VerticalScroll):
    """The content of a hat's tab; ``show`` fills it from a view model."""

    def __init__(self, hat: str) -> None:
        super().__init__(id=f"pane-{hat}", classes="hat-pane")
        self.hat = hat
        self.week: str | None = None
        self._ready_seen = False

    def compose(self) -> ComposeResult:
        yield InfoLine(id=f"info-{self.hat}", classes="hat-info")
        with TopRow(classes="hat-top"):
            yield Checklist(id=f"checklist-{self.hat}", classes="checklist")
            yield KpiTable(id=f"kpis-{self.hat}", classes="kpis")
        if self.hat == "cmo":  # the CMO desk: only this pane pays for the channel map
            from mkhats.ui.widgets.channel_map import ChannelMap

            yield ChannelMap(id="channels-cmo", classes="channel-map")
            yield Static(id="ritual-trend-cmo", classes="ritual-trend")  # the Monday ritual's 13 weeks
        yield LogView(self.hat, id=f"log-{self.hat}", classes="weekly-log")

    def on_mount(self) -> None:
        # Children are mounted after this handler: fill the pane once they are there. Until then a
        # reload (the 1 s poll, a settings rebuild) leaves it alone.
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        from mkhats.ui.access import main_screen

        main_screen(self).pane_mounted(self.hat)

    @property
    def ready(self) -> bool:
        """Its tables and log are mounted: before that, ``show`` would find nothing to fill.

        The info line can be there while the checklist inside the row below it is not yet, so each
        part ``show`` fills is looked for (once: a mounted part stays until the pane is removed).
        A pane being removed (the tabs rebuilt after the settings) loses its children first: it is
        never ready again (``_pruning``: Textual pinned to 8.2, see pyproject).
        """
        if self._pruning or self._closing or self._closed:
            return False
        if not self._ready_seen:
            self._ready_seen = all(self.query(kind) for kind in (Checklist, KpiTable, LogView))
        return self._ready_seen

    def show(self, view: HatView, week: str) -> None:
        """Fill every part from ``view``; a new week replaces unsaved log text, a refresh doesn't."""
        # The name, the wearer and the mission may be typed by the user: shown literally, on one line.
        worn_by = t("ui.worn_by", person=view.wearer, mission=view.mission)
        info = Text.assemble((terminal_line(view.name), "bold"), " — ", terminal_line(worn_by))
        alerts = t("ui.alerts_open", n=len(view.alerts), count=len(view.alerts)) if view.alerts else ""
        self.query_one(InfoLine).show(info, alerts)
        # The KPI table first: the checklist gets the width it leaves.
        self.query_one(KpiTable).show(view.kpis, view.week_label)
        self.query_one(TopRow).fit_tables()
        self.query_one(Checklist).show(view.checklist, view.done, view.total)
        self.query_one(LogView).show(view.log, week)
        self.week = week

    def show_channels(self, view: ChannelView, hint: str = "") -> None:
        """Fill the CMO pane's channel map (other panes have none)."""
        from mkhats.ui.widgets.channel_map import ChannelMap

        for channels in self.query("#channels-cmo").results(ChannelMap):
            channels.show(view, hint)
