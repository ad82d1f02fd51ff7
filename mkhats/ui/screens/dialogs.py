"""The forms of SPEC §3: add a KPI value, record an external check, decide a stop alert, record
the roles and KPIs review. Each calls one service; nothing is saved while a field is invalid."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Select, Static, TextArea

from mkhats.domain.conflicts import check_valid_until, find_rule
from mkhats.domain.models import DECISIONS, ConflictRule, ExternalCheck, RolesReview
from mkhats.domain.numbers import parse_number
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert
from mkhats.domain.weeks import parse_day
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.present.alerts import alert_sentence
from mkhats.present.labels import (
    conflict_check,
    conflict_reason,
    format_day,
    format_with_unit,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
)
from mkhats.ui import access
from mkhats.ui.access import workspace
from mkhats.ui.plain import plain
from mkhats.ui.screens.form import ConfirmDialog, FieldError, FormDialog, field_row


def current_snapshot(screen: DOMNode) -> Snapshot:
    """The app's snapshot of the selected week (read afresh if the app has none yet)."""
    return access.snapshot(screen)


def alert_line(alert: Alert, snapshot: Snapshot) -> str:
    """A fired stop alert in one line, as the CLI prints it after ``mkhats add``."""
    return alert_sentence("forms.alert", alert, snapshot.kpis, snapshot.settings.currency, snapshot.hats)


def _date_input(day: date) -> Input:
    return Input(day.isoformat(), placeholder=t("forms.date_hint"), id="date", max_length=10)


def _day(screen: FormDialog[Any], name: str = "date") -> date:
    try:
        return parse_day(screen.query_one(f"#{name}", Input).value)
    except InputError as error:
        raise FieldError(name, error) from None


class AddValueDialog(FormDialog[list[Alert]]):
    """A measured KPI's value for a day; returns the stop alerts it fired."""

    ERROR_FIELDS = {
        "kpi.unknown": "kpi",
        "kpi.unknown_close": "kpi",
        "kpi.is_formula": "kpi",
        "kpi.not_finite": "value",
        "kpi.negative": "value",
        "kpi.not_whole": "value",
        "value.note_too_long": "note",
        "error.date_format": "date",
    }

    def __init__(self, default_key: str | None) -> None:
        super().__init__()
        self.default_key = default_key
        self._ahead_ok: date | None = None
        """A day after today the user confirmed (the save asks first, then saves with it)."""

    def form_title(self) -> str:
        return t("forms.value.title")

    def compose_fields(self) -> ComposeResult:
        snapshot = current_snapshot(self)
        options = [
            (plain(f"{hat_name(hat)} · {kpi_title(kpi)}"), kpi.key)  # the user's names: literal
            for hat in snapshot.enabled_hats
            for kpi in snapshot.hat_kpis(hat.key)
            if kpi.formula is None
        ]
        keys = {key for _, key in options}
        value = self.default_key if self.default_key in keys else Select.NULL
        picker = Select(options, prompt=t("forms.value.kpi_prompt"), value=value, id="kpi")
        yield field_row("kpi", t("forms.value.kpi"), picker)
        yield field_row("date", t("forms.date"), _date_input(workspace(self).today))
        yield field_row("value", t("forms.value.value"), Input(placeholder=t("forms.value.value_hint"), id="value"))
        yield field_row("note", t("forms.note"), Input(placeholder=t("forms.optional"), id="note", max_length=500))

    def on_mount(self) -> None:
        snapshot = current_snapshot(self)
        kpi = snapshot.kpis.get(self.default_key or "")
        if kpi is not None and kpi.formula is not None:
            # The highlighted KPI is computed: say so, and let the user pick one of its operands.
            self.show_error("kpi", InputError("kpi.is_formula", kpi=kpi_title(kpi), formula=kpi.formula).render())
        elif self.query_one("#kpi", Select).is_blank():
            self.query_one("#kpi", Select).focus()
        else:
            self.query_one("#value", Input).focus()

    def action_save(self) -> None:
        """Save; a date after today is asked about first (a slip of a digit hides the value in a
        week to come), then saved as confirmed."""
        try:
            day = parse_day(self.query_one("#date", Input).value)
        except InputError:
            day = None  # the save shows why under the field
        today = workspace(self).today
        if day is None or day <= today or day == self._ahead_ok or not self._complete():
            super().action_save()  # saved, or the errors shown first: the question comes last
            return
        self.clear_errors()
        n = (day - today).days
        question = t("forms2.ahead.question", day=format_day(day), n=n, count=n)
        ask = ConfirmDialog(question, t("forms2.ahead.yes"), t("forms2.ahead.no"))
        self.app.push_screen(ask, lambda yes: self._ahead(day, bool(yes)))

    def _complete(self) -> bool:
        """A KPI is chosen and the value reads as a number (what the save checks besides the date)."""
        text = self.query_one("#value", Input).value
        if self.query_one("#kpi", Select).selection is None or not text.strip():
            return False
        try:
            parse_number(text, t("forms.value.value"), lang=current_language())
        except InputError:
            return False
        return True

    def _ahead(self, day: date, yes: bool) -> None:
        if yes:
            self._ahead_ok = day
            super().action_save()
        else:
            self.query_one("#date", Input).focus()

    def submit(self) -> list[Alert]:
        from mkhats.services.values import add_value

        key = self.query_one("#kpi", Select).selection
        if key is None:
            raise FieldError("kpi", InputError("forms.value.kpi_needed"))
        day = _day(self)
        text = self.query_one("#value", Input).value
        if not text.strip():
            raise FieldError("value", InputError("forms.value.value_needed"))
        try:
            number = parse_number(text, t("forms.value.value"), lang=current_language())
        except InputError as error:
            raise FieldError("value", error) from None
        note = self.query_one("#note", Input).value.strip()
        fired = add_value(workspace(self), key, number, day, note).alerts
        snapshot = current_snapshot(self)
        kpi = snapshot.kpis[key]
        self.app.notify(
            t(
                "forms.value.saved",
                hat=hat_name(snapshot.hats.get(kpi.hat, kpi.hat)),
                kpi=kpi_title(kpi),
                # Every decimal, in the language's format: how the typed text was read (SPEC §4).
                value=format_with_unit(kpi, number, snapshot.settings.currency, exact=True),
                day=format_day(day),
            )
        )
        for alert in fired:
            self.app.notify(alert_line(alert, snapshot), severity="warning", timeout=10)
        return fired


class CheckDialog(FormDialog[ExternalCheck]):
    """Someone who wears neither hat checked a conflict: who, when, what they found."""

    ERROR_FIELDS = {
        "person.empty": "by",
        "conflict.checker_wears_hat": "by",
        "conflict.checker_wears_both": "by",
        "error.date_format": "date",
    }

    def __init__(self, pair: tuple[str, str]) -> None:
        super().__init__()
        self.pair = pair

    def _rule(self) -> ConflictRule:
        return find_rule(current_snapshot(self).conflicts, *self.pair)

    def form_title(self) -> str:
        return t("forms.check.title")

    def compose_intro(self) -> ComposeResult:
        snapshot = current_snapshot(self)
        rule = self._rule()
        pair = pair_name(rule.hats, snapshot.hats)
        intro = t(
            "forms.check.intro",
            pair=pair,
            level=t(f"level.{rule.level}"),
            every=t(f"every.{rule.every}"),
            reason=conflict_reason(rule),
        )
        yield Static(plain(intro) + "\n" + plain(t("forms.check.what", check=conflict_check(rule))), classes="intro")

    def compose_fields(self) -> ComposeResult:
        snapshot = current_snapshot(self)
        wearers = {(snapshot.hats[h].wearer or "").casefold() for h in self.pair if h in snapshot.hats}
        eligible = [p for p in snapshot.persons.values() if p.name.casefold() not in wearers]
        options = [(plain(f"{person_name(p.name)} · {t(f'kind.{p.kind}')}"), p.name) for p in eligible]
        latest = [c.by for c in snapshot.checks if set(c.hats) == set(self.pair)]
        value = latest[-1] if latest and latest[-1] in {p.name for p in eligible} else Select.NULL
        if options:
            picker = Select(options, prompt=t("forms.check.by_prompt"), value=value, id="by")
            yield field_row("by", t("forms.check.by"), picker)
        else:
            yield field_row("by", t("forms.check.by"), Static(t("forms.check.nobody"), classes="hint"))
        new = Input(placeholder=t("forms.check.new_hint"), id="new", max_length=60)
        yield field_row("new", t("forms.check.new"), new)
        date_input = _date_input(workspace(self).today)
        date_input.add_class("short")
        yield field_row("date", t("forms.date"), date_input, Checkbox(t("forms.check.problems"), id="problems"))
        yield field_row("note", t("forms.note"), Input(placeholder=t("forms.optional"), id="note", max_length=500))

    def on_mount(self) -> None:
        pickers = self.query("#by").results(Select)
        picker = next(pickers, None)
        (picker or self.query_one("#new", Input)).focus()

    def submit(self) -> ExternalCheck:
        from mkhats.services.checks import verify

        new = self.query_one("#new", Input).value.strip()
        picker = next(self.query("#by").results(Select), None)
        by = new or (picker.selection if picker is not None else None) or ""
        day = _day(self)
        note = self.query_one("#note", Input).value
        problems = self.query_one("#problems", Checkbox).value
        try:
            check = verify(workspace(self), *self.pair, by, day, note, problems).check
        except InputError as error:
            if error.key.startswith("conflict.checker") and new:
                raise FieldError("new", error) from None
            raise
        rule = self._rule()
        pair = pair_name(rule.hats, current_snapshot(self).hats)
        if check.outcome == "problems":  # such a check never clears the conflict: no "valid until"
            self.app.notify(
                t("forms.check.saved_problems", pair=pair, by=person_name(check.by), day=format_day(check.day))
            )
            return check
        self.app.notify(
            t(
                "forms.check.saved",
                pair=pair,
                by=person_name(check.by),
                day=format_day(check.day),
                until=format_day(check_valid_until(check, rule.every)),
            )
        )
        return check


class DecisionDialog(FormDialog[str]):
    """What was done about a stop-rule alert: stopped, rewritten, or kept with a reason."""

    ERROR_FIELDS = {"decision.reason_needed": "reason"}

    def __init__(self, alert: Alert) -> None:
        from mkhats.services.decisions import decision_fields

        super().__init__()
        self.alert = alert
        self.base = decision_fields(None)  # the form opens on an open alert

    def form_title(self) -> str:
        return t("forms.decision.title")

    def compose_intro(self) -> ComposeResult:
        yield Static(plain(alert_line(self.alert, current_snapshot(self))), classes="intro alert")

    def compose_fields(self) -> ComposeResult:
        suggested = "rewritten" if "rewrite" in (self.alert.rule.action_key or "") else "stopped"
        buttons = [RadioButton(t(f"forms.decision.{d}"), value=d == suggested, id=f"d-{d}") for d in DECISIONS]
        yield field_row("decision", t("forms.decision.choice"), RadioSet(*buttons, id="decision"))
        reason = Input(placeholder=t("forms.decision.reason_hint"), id="reason", max_length=500)
        yield field_row("reason", t("forms.decision.reason"), reason)

    def on_mount(self) -> None:
        self.query_one("#decision", RadioSet).focus()

    def submit(self) -> str:
        from mkhats.services.decisions import decide

        index = self.query_one("#decision", RadioSet).pressed_index
        if index < 0:
            raise FieldError("decision", InputError("forms.decision.choose"))
        decision = DECISIONS[index]
        decide(workspace(self), self.alert, decision, self.query_one("#reason", Input).value, base=self.base)
        kpi = current_snapshot(self).kpis.get(self.alert.kpi)
        title = kpi_title(kpi) if kpi else self.alert.kpi
        self.app.notify(t("forms.decision.saved", kpi=title, decision=t(f"decision.{decision}")))
        return decision

    def load_fields(self, fields: dict[str, str]) -> None:
        """Take theirs: the decision by its name, the reason as written."""
        super().load_fields({k: v for k, v in fields.items() if k == "reason"})
        names = {t(f"decision.{d}"): d for d in DECISIONS}
        if fields.get("decision") in names:
            self.query_one(f"#d-{names[fields['decision']]}", RadioButton).value = True


class RolesReviewDialog(FormDialog[RolesReview]):
    """The quarterly review of roles and KPIs: when it was held and what was decided."""

    ERROR_FIELDS = {"roles_review.future": "date", "roles_review.too_long": "notes"}

    def form_title(self) -> str:
        return t("forms.roles.title")

    def compose_intro(self) -> ComposeResult:
        reviews = current_snapshot(self).reviews
        last = max((r.day for r in reviews), default=None)
        tail = t("forms.roles.last", day=format_day(last)) if last else t("forms.roles.never")
        yield Static(f"{t('forms.roles.intro')}\n{tail}", classes="intro")

    def compose_fields(self) -> ComposeResult:
        yield field_row("date", t("forms.date"), _date_input(workspace(self).today))
        notes = TextArea(id="notes", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        yield field_row("notes", t("forms.roles.notes"), notes)

    def on_mount(self) -> None:
        self.query_one("#notes", TextArea).focus()

    def submit(self) -> RolesReview:
        from mkhats.services.roles import record_roles_review

        record = record_roles_review(workspace(self), _day(self), self.query_one("#notes", TextArea).text.strip())
        self.app.notify(t("forms.roles.saved", day=format_day(record.day)))
        return record
