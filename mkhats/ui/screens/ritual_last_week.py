"""The ritual's look back: per enabled hat, last week's plan beside its fact (then the conclusion and
the action), its KPIs against targets with their deviations, and its checklist items still open.

A hat whose facts of that week are missing (fact, conclusion or action empty: the review's RITUAL
rule) gets the three fields right here, filled with what is there; ``ctrl+s`` saves them for every
hat at once (``plans.save_logs``) and ends the step, so the "facts of last week" warning is cleared
in this step. ``enter`` with nothing typed ends it; ``escape`` leaves it.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from mkhats.domain.safe_text import terminal_text
from mkhats.i18n import t
from mkhats.present.ritual_steps import HatWeek, hat_weeks, log_text
from mkhats.present.views import week_title
from mkhats.ui.plain import plain
from mkhats.ui.screens.ritual_logs import FACTS, kpi_table
from mkhats.ui.screens.ritual_step import StepScreen, StepText


def log_grid(hat: HatWeek, fields: tuple[str, ...]) -> Table:
    """The log's fields, each under its label: plan beside fact, conclusion beside action."""
    grid = Table.grid(padding=(0, 2), expand=True)
    pairs = [fields[i : i + 2] for i in range(0, len(fields), 2)]
    for _ in range(min(2, len(fields))):
        grid.add_column(ratio=1)
    for pair in pairs:
        grid.add_row(*(Text(t(f"ritual.last.{name}"), style="dim") for name in pair))
        cells = [plain(log_text(hat.log, name), lines=True) for name in pair]
        grid.add_row(*cells)
    return grid


class LastWeekScreen(StepScreen):
    """Every enabled hat's ``week`` looked back on: the log, the numbers, the open items."""

    DEFAULT_CSS = """
    LastWeekScreen .last-row { height: auto; }
    LastWeekScreen .last-log { width: 1fr; height: auto; margin: 0 2 0 0; }
    LastWeekScreen .last-kpis { width: 1fr; height: auto; }
    LastWeekScreen .last-missing { color: $warning; }
    LastWeekScreen .last-open { color: $text-muted; }
    LastWeekScreen.-narrow .last-row { layout: vertical; }
    LastWeekScreen.-narrow .last-log { width: 100%; margin: 0 0 1 0; }
    LastWeekScreen.-narrow .last-kpis { width: 100%; }
    """

    def title_text(self) -> str:
        return t("ritual.last.title", week=week_title(self.week))

    def hint_text(self) -> str:
        return t("ritual.last.hint")

    def compose_body(self) -> ComposeResult:
        for hat in hat_weeks(self.read()):
            with Vertical(classes="step-block", id=f"block-{hat.key}"):
                yield Static(plain(hat.name), classes="step-heading")
                with Horizontal(classes="last-row"):
                    with Vertical(classes="last-log"):
                        if hat.facts_missing:
                            yield Static(log_grid(hat, ("plan",)))
                            yield Static(plain(t("ritual.last.missing")), classes="last-missing")
                            for name in FACTS:
                                stored = terminal_text(getattr(hat.log, name)) if hat.log is not None else ""
                                yield StepText(hat.key, name, stored, t(f"ui.log.{name}"))
                        else:
                            yield Static(log_grid(hat, ("plan", "fact", "conclusion", "action")))
                    yield Static(kpi_table(hat), classes="last-kpis")
                yield Static(self._open_items(hat), classes="last-open")

    @staticmethod
    def _open_items(hat: HatWeek) -> Text:
        if not hat.open_items:
            return Text(t("ritual.last.all_done"), style="green")
        lines = Text.assemble((t("ritual.last.open") + ":", "bold"))
        for item in hat.open_items:
            lines.append("\n☐ ")
            lines.append(plain(item))
        return lines

    def on_mount(self) -> None:
        first = next(iter(self.fields()), None)
        if first is not None:
            first.focus()
