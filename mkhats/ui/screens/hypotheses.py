"""A hat's hypotheses (``h``): statement, KPI, baseline and test windows, the KPI over each, the
uplift and the verdict; ``n`` records a new one, ``v`` (or ``enter``) records a verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkhats.services.hypotheses import HypothesisRow

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Input, RadioButton, RadioSet, Select, Static

from mkhats.domain.hypotheses import HYPOTHESIS_VERDICTS, Hypothesis
from mkhats.domain.safe_text import terminal_line
from mkhats.domain.weeks import add_days, week_start
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import hat_name, kpi_title
from mkhats.ui.access import workspace
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import plain
from mkhats.ui.screens.dialogs import _day, current_snapshot
from mkhats.ui.screens.form import FORMS_CSS, FieldError, FormDialog, field_row
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

VERDICT_STYLE = {"confirmed": "green", "rejected": "red", "inconclusive": "yellow"}


_UPLIFT_STYLE = {True: "bold green", False: "bold red", None: "bold"}
"""A signed uplift coloured by whether it is good for the KPI (SPEC §1 Status)."""


class HypothesesScreen(KeyLabels, Screen[None]):
    """Every hypothesis of one hat, newest first."""

    CSS_PATH = FORMS_CSS
    DEFAULT_CSS = """
    HypothesesScreen #hyp-head { padding: 0 1; height: auto; }
    HypothesesScreen #hyp-empty { padding: 1 2; color: $text-muted; height: auto; }
    HypothesesScreen DataTable { height: 1fr; }
    """
    BINDINGS = [
        key_binding("escape", "back", "ui.key.back", id="hyp.back"),
        key_binding("n", "new", "cmo.key.new_hypothesis", id="hyp.new"),
        key_binding("v", "verdict", "cmo.key.verdict", id="hyp.verdict"),
    ]

    def __init__(self, hat: str) -> None:
        super().__init__()
        self.hat = hat
        self.rows: list[HypothesisRow] = []
        """What is shown (for tests): ``HypothesisRow`` per line."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static(id="hyp-head")
        yield DataTable(id="hyp-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="hyp-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.rebuild()
        self.query_one(DataTable).focus()

    def rebuild(self) -> None:
        """Re-read the hat's hypotheses and show them."""
        from mkhats.services.hypotheses import hypothesis_rows

        snapshot = current_snapshot(self)
        name = hat_name(snapshot.hats.get(self.hat, self.hat))
        self.query_one("#hyp-head", Static).update(
            Text.assemble((terminal_line(t("cmo.hyp.title", hat=name)), "bold"), "  ", (t("cmo.hyp.hint"), "dim"))
        )
        self.rows = hypothesis_rows(workspace(self), self.hat)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        # Statements, hat and KPI names, the currency sign: typed by the user, shown literally.
        clean = terminal_line
        columns = {
            "kpi": (t("cmo.col.kpi"), [clean(r.kpi) for r in self.rows]),
            "baseline": (t("cmo.col.baseline"), [r.baseline for r in self.rows]),
            "test": (t("cmo.col.test"), [r.test for r in self.rows]),
            "change": (t("cmo.col.change"), [clean(f"{r.before} → {r.after}") for r in self.rows]),
            "uplift": (t("cmo.col.uplift"), [r.uplift for r in self.rows]),
            "verdict": (t("col.verdict"), [r.verdict for r in self.rows]),
        }
        widths = {k: max(cell_len(c) for c in [label, *cells]) for k, (label, cells) in columns.items()}
        # The statement takes what the other columns leave (each column has a cell of padding each side).
        room = max(20, (self.size.width or 120) - sum(widths.values()) - 2 * (len(widths) + 1) - 2)
        table.add_column(t("cmo.col.hypothesis"), key="hypothesis", width=room)
        for key, (label, _) in columns.items():
            table.add_column(label, key=key, width=widths[key])
        for n, row in enumerate(self.rows):
            style = "bold dark_orange" if row.open else VERDICT_STYLE.get(row.hypothesis.verdict or "", "dim")
            statement = clean(row.hypothesis.statement)
            if cell_len(statement) > room:
                statement = statement[: room - 1] + "…"
            table.add_row(
                Text(statement),
                *(Text(columns[k][1][n]) for k in ("kpi", "baseline", "test", "change")),
                Text(row.uplift, style=_UPLIFT_STYLE[row.uplift_good]),
                Text(row.verdict, style=style),
                key=row.hypothesis.id,
            )
        empty = self.query_one("#hyp-empty", Static)
        empty.update(t("cmo.hyp.empty") if not self.rows else "")
        empty.display = not self.rows

    def _current(self) -> Hypothesis | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((r.hypothesis for r in self.rows if r.hypothesis.id == key), None)

    def action_new(self) -> None:
        """Record a new hypothesis of this hat."""
        self.app.push_screen(HypothesisDialog(self.hat), lambda _: self.rebuild())

    def action_verdict(self) -> None:
        """Record the verdict of the highlighted hypothesis."""
        current = self._current()
        if current is not None:
            self.app.push_screen(VerdictDialog(current), lambda _: self.rebuild())

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_verdict()

    def action_back(self) -> None:
        """Back to the hats."""
        self.dismiss(None)


def _date_input(name: str, day: date) -> Input:
    widget = Input(day.isoformat(), placeholder=t("forms.date_hint"), id=name, max_length=10)
    widget.add_class("short")
    return widget


class HypothesisDialog(FormDialog[Hypothesis]):
    """A new hypothesis: the statement, the KPI it should move, a baseline and a test window."""

    ERROR_FIELDS = {
        "hypothesis.statement_empty": "statement",
        "hypothesis.statement_long": "statement",
        "hypothesis.kpi_unknown": "kpi",
        "hypothesis.baseline_order": "baseline",
        "hypothesis.test_order": "test",
        "hypothesis.overlap": "test",
        "hypothesis.window_long": "test",
    }

    def __init__(self, hat: str) -> None:
        super().__init__()
        self.hat = hat

    def form_title(self) -> str:
        snapshot = current_snapshot(self)
        return t("cmo.hyp.new_title", hat=hat_name(snapshot.hats.get(self.hat, self.hat)))

    def compose_fields(self) -> ComposeResult:
        snapshot = current_snapshot(self)
        today = workspace(self).today
        monday = week_start(snapshot.week) if snapshot.week else today
        own = [(plain(kpi_title(k)), k.key) for k in snapshot.hat_kpis(self.hat)]
        others = [
            (plain(f"{hat_name(h)} · {kpi_title(k)}"), k.key)
            for h in snapshot.enabled_hats
            if h.key != self.hat
            for k in snapshot.hat_kpis(h.key)
        ]
        yield field_row(
            "statement",
            t("cmo.hyp.statement"),
            Input(placeholder=t("cmo.hyp.statement_hint"), id="statement", max_length=500),
        )
        value = own[0][1] if own else Select.NULL
        yield field_row(
            "kpi", t("col.kpi"), Select(own + others, prompt=t("forms.value.kpi_prompt"), value=value, id="kpi")
        )
        yield field_row(
            "baseline",
            t("cmo.col.baseline"),
            _date_input("base-first", add_days(monday, -28)),
            _date_input("base-last", add_days(monday, -1)),
        )
        yield field_row(
            "test", t("cmo.col.test"), _date_input("test-first", monday), _date_input("test-last", add_days(monday, 27))
        )

    def on_mount(self) -> None:
        self.query_one("#statement", Input).focus()

    def submit(self) -> Hypothesis:
        from mkhats.services.hypotheses import HypothesisDraft, add_hypothesis

        kpi = self.query_one("#kpi", Select).selection
        if kpi is None:
            raise FieldError("kpi", InputError("forms.value.kpi_needed"))
        dates = {}
        for name, field in (
            ("base-first", "baseline"),
            ("base-last", "baseline"),
            ("test-first", "test"),
            ("test-last", "test"),
        ):
            try:
                dates[name] = _day(self, name)
            except FieldError as error:
                raise FieldError(field, error.error) from None
        draft = HypothesisDraft(
            self.query_one("#statement", Input).value,
            kpi,
            dates["base-first"],
            dates["base-last"],
            dates["test-first"],
            dates["test-last"],
        )
        record = add_hypothesis(workspace(self), self.hat, draft)
        self.app.notify(t("cmo.hyp.saved", statement=record.statement))
        return record


class VerdictDialog(FormDialog[Hypothesis]):
    """The verdict on a hypothesis: confirmed, rejected or inconclusive."""

    def __init__(self, hypothesis: Hypothesis) -> None:
        super().__init__()
        self.hypothesis = hypothesis

    def form_title(self) -> str:
        return t("cmo.hyp.verdict_title")

    def compose_intro(self) -> ComposeResult:
        from mkhats.services.hypotheses import hypothesis_rows

        row = next(
            (r for r in hypothesis_rows(workspace(self), self.hypothesis.hat) if r.hypothesis.id == self.hypothesis.id),
            None,
        )
        text = plain(self.hypothesis.statement)
        if row is not None:
            text = (
                text
                + "\n"
                + plain(
                    t(
                        "cmo.hyp.numbers",
                        kpi=row.kpi,
                        baseline=row.baseline,
                        before=row.before,
                        test=row.test,
                        after=row.after,
                        uplift=row.uplift,
                    )
                )
            )
        yield Static(text, classes="intro")

    def compose_fields(self) -> ComposeResult:
        buttons = [
            RadioButton(t(f"cmo.hyp.verdict.{v}"), value=v == self.hypothesis.verdict, id=f"hv-{v}")
            for v in HYPOTHESIS_VERDICTS
        ]
        yield field_row("verdict", t("col.verdict"), RadioSet(*buttons, id="verdict"))

    def on_mount(self) -> None:
        self.query_one("#verdict", RadioSet).focus()

    def submit(self) -> Hypothesis:
        from mkhats.services.hypotheses import set_verdict

        index = self.query_one("#verdict", RadioSet).pressed_index
        if index < 0:
            raise FieldError("verdict", InputError("cmo.hyp.choose"))
        record = set_verdict(workspace(self), self.hypothesis.id, HYPOTHESIS_VERDICTS[index])
        self.app.notify(t("cmo.hyp.judged", statement=record.statement, verdict=t(f"cmo.hyp.verdict.{record.verdict}")))
        return record
