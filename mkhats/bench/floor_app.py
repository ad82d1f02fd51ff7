"""The floor of SPEC §6: the minimal Textual app with the widgets of mkhats's main screen.

``mkhats.bench`` compares mkhats's start-up, peak memory and tab switch with this app's, measured in
the same run. It holds the widget kinds a hat tab shows, built the plain way, with filler text:

- a ``Header`` with a title and a sub-title (mkhats: ``TitleBar``, a ``Header``);
- a ``TabbedContent`` of five ``TabPane``s, one per hat of the benchmark's data set;
- in each pane: a one-line ``Static`` (the hat, its wearer, its mission); a ``Horizontal`` holding
  the checklist, a ``DataTable`` without header of 8 rows (tick box, item), beside the KPI table, a
  ``DataTable`` of 6 rows by 6 columns (KPI, target, week, previous week, 13 weeks, status); then
  the weekly log, a bordered ``Static`` holding a four-column grid (plan, fact, conclusion, action);
- a ``Footer`` showing ten keys (week back and forth, this week, add value, log, wear, review,
  settings, help, quit); ``1``…``5`` switch tabs, the others do nothing.

The sizes (items and KPIs per hat, widths, heights, borders) are those of the seeded demo and of
``mkhats.tcss``, so both apps lay out the same screen. Unlike mkhats, every tab is built at start-up
and nothing is loaded: no data file, no catalogue, no models. Run it alone with
``python mkhats/bench/floor_app.py``; the benchmark runs it by path (``runpy``).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

HATS = ("Content", "Performance", "CRM", "PM", "CMO")
ITEMS = 8
KPIS = 6
SPARK = "▁▂▃▄▅▆▇█▇▆▅▄▃"


def _log() -> Table:
    grid = Table.grid(expand=True, padding=(0, 1))
    for _ in range(4):
        grid.add_column(ratio=1)
    grid.add_row(
        *(
            Text.assemble((field, "bold"), "\n", field.lower() + " text " * 4)
            for field in ("Plan", "Fact", "Conclusion", "Action")
        )
    )
    return grid


class Floor(App[None]):
    """Header, five hat tabs (info line, checklist beside KPI table, weekly log), footer."""

    BINDINGS = [
        *(Binding(str(n), f"hat({n})", "Hat", show=False) for n in range(1, len(HATS) + 1)),
        *(
            Binding(key, f"nothing('{key}')", label, key_display=shown)
            for key, label, shown in (
                ("left_square_bracket", "Previous week", "["),
                ("right_square_bracket", "Next week", "]"),
                ("t", "This week", None),
                ("a", "Add value", None),
                ("l", "Log", None),
                ("w", "Wear", None),
                ("r", "Review", None),
                ("s", "Settings", None),
                ("question_mark", "Help", "?"),
            )
        ),
        Binding("q", "quit", "Quit"),
    ]

    CSS = """
    TabbedContent { height: 1fr; }
    TabPane { padding: 0 1; }
    .top { height: auto; }
    .checklist { width: 2fr; height: auto; max-height: 14; border: round $primary 50%; }
    .kpis { width: 3fr; height: auto; max-height: 14; border: round $primary 50%; }
    .log { height: 8; border: round $primary 50%; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent():
            for name in HATS:
                with TabPane(name):
                    yield Static(f"{name} — worn by Me: the hat's mission in one line")
                    with Horizontal(classes="top"):
                        yield DataTable(cursor_type="row", show_header=False, classes="checklist")
                        yield DataTable(cursor_type="row", zebra_stripes=True, classes="kpis")
                    yield Static(_log(), classes="log")
        yield Footer()

    def on_mount(self) -> None:
        self.title, self.sub_title = "floor · 2026-W48 · 23–29 Nov 2026", "3 warnings"
        for checklist in self.query(".checklist").results(DataTable):
            checklist.border_title = "Checklist"
            checklist.add_columns("", "Item")
            for i in range(ITEMS):
                checklist.add_row("☑" if i % 2 else "☐", f"checklist item number {i}")
        for kpis in self.query(".kpis").results(DataTable):
            kpis.border_title = "KPIs"
            kpis.add_columns("KPI", "Target", "W48", "W47", "13 weeks", "Status")
            for i in range(KPIS):
                kpis.add_row(
                    f"kpi number {i}",
                    Text("1,000", justify="right"),
                    Text("950", justify="right"),
                    Text("1,020", justify="right"),
                    SPARK,
                    Text("on track", style="green"),
                )
        for log in self.query(".log").results(Static):
            log.border_title = "Weekly log · 2026-W48"

    def action_hat(self, n: int) -> None:
        self.query_one(TabbedContent).active = f"tab-{n}"

    def action_nothing(self, key: str) -> None:
        """A key shown in the footer, as mkhats shows it; what it does is not measured."""


if __name__ == "__main__":
    Floor().run()
