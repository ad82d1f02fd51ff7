"""The monthly strategy session (``v``): a verdict per channel — scale, test or cut — notes, and
the sessions held before.

The form opens on the month of monthly work — the selected week's month once it has ended, else the
last finished one — with that month's channel numbers above the verdicts; ``ctrl+t`` turns to the
running month so far, and typing another month loads its session if there is one.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static, TextArea

from mkhats.domain.channels import channel_map
from mkhats.domain.models import Hat, StrategySession
from mkhats.domain.safe_text import terminal_text
from mkhats.domain.strategy import loaded_month_days, past_sessions, session_of, work_month
from mkhats.domain.weeks import month_key
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.cmo_text import format_month, verdict_text
from mkhats.present.labels import format_day, format_span, format_unit, hat_name
from mkhats.ui.access import workspace
from mkhats.ui.keys import key_binding
from mkhats.ui.plain import plain
from mkhats.ui.screens.dialogs import current_snapshot
from mkhats.ui.screens.form import FieldError, FormDialog, field_row

VERDICTS = ("scale", "test", "cut")
HISTORY = 6
"""Past sessions listed under the form."""


class StrategyDialog(FormDialog[StrategySession]):
    """Which channels earn (scale), which we test, what we cut: one verdict per channel hat."""

    BINDINGS = [
        key_binding("ctrl+t", "running_month", "cmo.strategy.key_running", id="strategy.running"),
    ]

    ERROR_FIELDS = {
        "strategy.month_format": "month",
        "strategy.month_future": "month",
        "strategy.too_long": "notes",
    }

    def __init__(self) -> None:
        super().__init__()
        self.month = ""

    def _channels(self) -> list[Hat]:
        return [h for h in current_snapshot(self).enabled_hats if h.channel]

    def form_title(self) -> str:
        return t("cmo.strategy.title")

    def compose_intro(self) -> ComposeResult:
        yield Static(t("cmo.strategy.intro"), classes="intro")
        # Hat names, the currency sign and notes are the user's: shown literally (``plain``).
        yield Static(plain(self._numbers(self._start_month()), lines=True), id="month-numbers", classes="intro")

    def _start_month(self) -> str:
        return work_month(current_snapshot(self).week, workspace(self).today)

    def _numbers(self, month: str) -> str:
        """The month's channel numbers (its days loaded, up to today) above the verdicts."""
        snapshot = current_snapshot(self)
        currency = snapshot.settings.currency
        days = loaded_month_days(snapshot, month)
        span = format_span(days[0], days[-1]) if days else "—"
        lines = [t("cmo.map.month", month=format_month(month), span=span)]
        for row in channel_map(snapshot, days, month):
            if row.source is not None:  # the verdict is the channel's: its sources' parts are in the map
                continue
            lines.append(
                t(
                    "cmo.strategy.numbers",
                    hat=hat_name(snapshot.hats[row.hat]),
                    leads=format_unit("count", row.leads, currency),
                    spend=format_unit("money", row.spend, currency),
                    romi=format_unit("percent", row.romi, currency),
                )
            )
        return "\n".join(lines)

    def compose_fields(self) -> ComposeResult:
        snapshot = current_snapshot(self)
        self.month = self._start_month()
        session = session_of(snapshot.sessions, self.month)
        self.base = self._fields(session)
        month = Input(self.month, placeholder="YYYY-MM", id="month", max_length=7)
        month.add_class("short")
        yield field_row("month", t("cmo.strategy.month"), month)
        options = [(t(f"verdict.{v}"), v) for v in VERDICTS]
        for hat in self._channels():
            value = session.verdicts.get(hat.key, Select.NULL) if session else Select.NULL
            picker = Select(options, prompt="—", value=value, id=f"v-{hat.key}")
            yield field_row(f"v-{hat.key}", plain(hat_name(hat)), picker)
        notes = TextArea(
            terminal_text(session.notes) if session else "",
            id="notes",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
        )
        yield field_row("notes", t("cmo.notes"), notes)
        yield Static(plain(self._history(snapshot.sessions), lines=True), id="history", classes="intro")

    def _fields(self, session: StrategySession | None) -> dict[str, str]:
        from mkhats.services.strategy import session_fields

        return session_fields(session, [h.key for h in self._channels()])

    def load_fields(self, fields: dict[str, str]) -> None:
        """Take theirs: a verdict by its name, the notes as written."""
        names = {t(f"verdict.{v}"): v for v in VERDICTS}
        for name, text in fields.items():
            if name == "notes":
                self.query_one("#notes", TextArea).load_text(text)
                continue
            picker = self.query_one(f"#{name}", Select)
            if text in names:
                picker.value = names[text]
            else:
                picker.clear()

    def action_running_month(self) -> None:
        """Turn to the running month (so far): its numbers, and its session if one was held."""
        month = month_key(workspace(self).today)
        self.query_one("#month", Input).value = month
        self._load(month)

    def _history(self, sessions: list[StrategySession]) -> str:
        past = past_sessions(sessions)[:HISTORY]
        if not past:
            return t("cmo.strategy.no_history")
        lines = [t("cmo.strategy.history")]
        hats = current_snapshot(self).hats
        for s in past:
            verdicts = ", ".join(f"{hat_name(hats.get(h, h))} {verdict_text(v)}" for h, v in s.verdicts.items())
            text = " ".join(s.notes.split())
            notes = f" — {text[:60]}…" if len(text) > 60 else f" — {text}" if text else ""
            lines.append(f"• {format_month(s.month)} ({format_day(s.day)}): {verdicts}{notes}")
        return "\n".join(lines)

    def on_mount(self) -> None:
        channels = self._channels()
        if channels:
            self.query_one(f"#v-{channels[0].key}", Select).focus()

    @on(Input.Blurred, "#month")
    def _month_changed(self, event: Input.Blurred) -> None:
        """Another month typed: show its session's verdicts and notes, if it has one, to revise them.

        On leaving the field, not on each key: ``2026-1`` on the way to ``2026-11`` is not a choice.
        """
        from mkhats.services.strategy import parse_month

        try:
            month = parse_month(event.value)
        except InputError:
            return
        self._load(month)

    def _load(self, month: str) -> None:
        """Show ``month``'s numbers and its session's verdicts and notes, if it has one."""
        if month == self.month:
            return
        self.month = month
        self.query_one("#month-numbers", Static).update(plain(self._numbers(month), lines=True))
        session = session_of(current_snapshot(self).sessions, month)
        self.base = self._fields(session)
        for hat in self._channels():
            picker = self.query_one(f"#v-{hat.key}", Select)
            verdict = session.verdicts.get(hat.key) if session else None
            if verdict is None:
                picker.clear()
            else:
                picker.value = verdict
        self.query_one("#notes", TextArea).text = terminal_text(session.notes) if session else ""

    def submit(self) -> StrategySession:
        from mkhats.services.strategy import parse_month, record_session

        channels = self._channels()
        verdicts = {h.key: self.query_one(f"#v-{h.key}", Select).selection for h in channels}
        if channels and not any(verdicts.values()):
            raise FieldError(f"v-{channels[0].key}", InputError("strategy.no_verdict"))
        typed = self.query_one("#month", Input).value
        try:
            month = parse_month(typed)
        except InputError:
            month = self.month  # record_session says what is wrong with it
        if month != self.month:
            # Typed but not loaded: nothing of that month was read, so any session it has is theirs.
            self.month, self.base = month, self._fields(None)
            self.query_one("#month-numbers", Static).update(self._numbers(month))
        notes = self.query_one("#notes", TextArea).text
        session = record_session(workspace(self), typed, verdicts, notes, base=self.base)
        self.app.notify(t("cmo.strategy.saved", month=format_month(session.month)))
        return session
