"""The quarterly roles and KPIs review (``k``, or from the review's CADENCE rows): the date and
notes of ``RolesReviewDialog``, plus a raise / add / kill / keep decision for every KPI in use,
each channel KPI with its fading status (does it still move with revenue?).

Saving applies the decisions: a raise sets the new target, a kill retires the KPI (its history
stays), an add opens the add-KPI form of that hat once the review is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static, TextArea

from mkhats.domain.models import RolesReview
from mkhats.domain.numbers import parse_number
from mkhats.domain.safe_text import terminal_line
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.present.labels import format_day
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.plain import plain
from mkhats.ui.screens.dialogs import RolesReviewDialog, _day
from mkhats.ui.screens.form import FieldError

FADE_STYLE = {"fading": "bold red", "steady": "green", "no_data": "dim"}


@dataclass(frozen=True)
class RolesOutcome:
    """What the review dialog saved, and the hats that get a new KPI next."""

    review: RolesReview
    add_for: list[str] = field(default_factory=list)


class RolesKpiDialog(RolesReviewDialog):
    """The roles review with a decision per KPI; returns a ``RolesOutcome``."""

    DEFAULT_CSS = """
    RolesKpiDialog .kpi-title { width: 1fr; height: auto; padding: 1 1 0 0; }
    RolesKpiDialog .kpis-heading { margin-top: 1; text-style: bold; height: auto; }
    """
    WIDTH = 110
    """Wider than the other forms: a KPI, its fading status, a choice and a target on one line."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def compose_fields(self) -> ComposeResult:
        from mkhats.services.roles import CHOICES, review_rows

        yield from super().compose_fields()
        self.rows = review_rows(workspace(self), mkhats_app(self).week)
        yield Static(t("cmo.roles.kpis"), classes="kpis-heading")
        options = [(t(f"cmo.roles.choice.{c}"), c) for c in CHOICES]
        for n, row in enumerate(self.rows):
            title = plain(row.title)  # "Performance · CPL": the user's names, literal
            if row.fade_text:
                title.append(" · " + row.fade_text, style=FADE_STYLE.get(row.fade.status, "") if row.fade else "")
            hint = terminal_line(t("cmo.roles.target_hint", target=row.target))  # in the user's currency
            target = Input(placeholder=hint, id=f"t{n}", max_length=30)
            choice = Select(options, allow_blank=False, value="keep", id=f"k{n}")
            # forms.tcss makes a row's inputs 1fr, which wins over DEFAULT_CSS: fixed widths here.
            choice.styles.width, target.styles.width = 16, 22
            yield Vertical(
                Horizontal(Static(title, classes="kpi-title"), choice, target, classes="row kpi-row"),
                Static(id=f"err-k{n}", classes="error"),
                classes="field",
                id=f"field-k{n}",
            )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(".form").styles.width = self.WIDTH  # forms.tcss sets 78, which wins over DEFAULT_CSS

    def submit(self) -> RolesOutcome:  # type: ignore[override]
        from mkhats.services.roles import record_roles_review

        decisions: dict[str, str] = {}
        targets: dict[str, str] = {}
        index = {}
        for n, row in enumerate(self.rows):
            index[row.key] = n
            choice = str(self.query_one(f"#k{n}", Select).value)
            decisions[row.key] = choice
            text = self.query_one(f"#t{n}", Input).value.strip()
            if choice == "raise":
                if not text:
                    raise FieldError(f"k{n}", InputError("roles.target_needed", kpi=row.title))
                try:
                    parse_number(text, row.title, lang=current_language())
                except InputError as error:
                    raise FieldError(f"k{n}", error) from None
                targets[row.key] = text
        day = _day(self)
        try:
            review = record_roles_review(
                workspace(self), day, self.query_one("#notes", TextArea).text, decisions, targets
            )
        except InputError as error:
            key = error.params.get("key")
            if key in index:
                raise FieldError(f"k{index[key]}", error) from None
            raise
        self.app.notify(t("forms.roles.saved", day=format_day(review.day)))
        add_for = [row.hat for row in self.rows if decisions.get(row.key) == "add"]
        return RolesOutcome(review, list(dict.fromkeys(add_for)))
