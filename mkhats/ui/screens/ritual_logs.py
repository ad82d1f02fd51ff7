"""The ritual's log step: every enabled hat's plan (Monday) or facts (Friday) typed on one screen.

``plan``: last week's action above each hat's plan field. ``facts``: fact, conclusion and action
beside the hat's numbers of the week (its KPIs against target). ``ctrl+s`` saves every hat's changed
fields in one transaction (``plans.save_logs``: all or none, see ``StepScreen.save``) and ends the step.
"""

from __future__ import annotations

from typing import Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from mkhats.domain.safe_text import terminal_text
from mkhats.domain.weeks import shift_week
from mkhats.i18n import t
from mkhats.present.ritual_steps import HatWeek, hat_weeks, kpi_cells, log_text
from mkhats.present.views import week_title
from mkhats.ui.plain import plain
from mkhats.ui.screens.ritual_step import StepScreen, StepText

Part = Literal["plan", "facts"]
FACTS = ("fact", "conclusion", "action")
STATUS_STYLE = {"on": "green", "off": "red"}


def kpi_table(hat: HatWeek) -> Table | Text:
    """The hat's KPIs of the week: title, target, value, status with its signed deviation."""
    if not hat.kpis:
        return Text(t("ritual.logs.no_kpis"), style="dim")
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="dim")
    table.add_column(t("ritual.col.kpi"), no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column(t("ritual.col.target"), justify="right", no_wrap=True)
    table.add_column(hat.week_label or t("ritual.col.value"), justify="right", no_wrap=True)
    table.add_column(t("ritual.col.status"), no_wrap=True)
    for row in hat.kpis:
        title, target, value, status = kpi_cells(row)
        table.add_row(plain(title), target, value, Text(status, style=STATUS_STYLE.get(row.status or "", "")))
    return table


class LogsScreen(StepScreen):
    """Every enabled hat's plan, or its facts, for ``week``."""

    DEFAULT_CSS = """
    LogsScreen .logs-facts { height: auto; }
    LogsScreen .logs-kpis { width: 1fr; height: auto; }
    LogsScreen .logs-fields { width: 1fr; height: auto; }
    LogsScreen .logs-last { color: $text-muted; }
    LogsScreen.-narrow .logs-facts { layout: vertical; }
    LogsScreen.-narrow .logs-kpis { width: 100%; }
    LogsScreen.-narrow .logs-fields { width: 100%; }
    """

    def __init__(self, week: str, part: Part, progress: str | None = None) -> None:
        super().__init__(week, progress)
        self.part: Part = part

    def title_text(self) -> str:
        return t(f"ritual.logs.{self.part}_title", week=week_title(self.week))

    def hint_text(self) -> str:
        return t(f"ritual.logs.{self.part}_hint")

    def compose_body(self) -> ComposeResult:
        snapshot = self.read()
        previous = shift_week(self.week, -1)
        for hat in hat_weeks(snapshot):
            with Vertical(classes="step-block", id=f"block-{hat.key}"):
                yield Static(plain(hat.name), classes="step-heading")
                if self.part == "plan":
                    action = log_text(snapshot.logs.get((hat.key, previous)), "action")
                    yield Static(plain(t("ritual.logs.last_action", text=action), lines=True), classes="logs-last")
                    yield self._field(hat, "plan")
                else:
                    with Horizontal(classes="logs-facts"):
                        yield Static(kpi_table(hat), classes="logs-kpis")
                        with Vertical(classes="logs-fields"):
                            for name in FACTS:
                                yield self._field(hat, name)

    def _field(self, hat: HatWeek, name: str) -> StepText:
        stored = terminal_text(getattr(hat.log, name)) if hat.log is not None else ""
        return StepText(hat.key, name, stored, t(f"ui.log.{name}"))

    def on_mount(self) -> None:
        # The first field still empty: the hats already planned (or with facts) need no visit, and
        # the step is about the ones left.
        fields = list(self.query(StepText).results())
        first = next((f for f in fields if not f.text.strip()), fields[0] if fields else None)
        if first is not None:
            first.focus()  # Textual scrolls a focused widget into view once it is laid out
