"""Settings section: the conflict rules (see each, change its level and frequency, add, remove)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Select, Static

from mkhats.domain.models import ConflictRule
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.labels import (
    conflict_check,
    conflict_reason,
    pair_name,
    person_name,
)
from mkhats.services import settings as service
from mkhats.services.settings import SettingsState
from mkhats.ui.plain import plain
from mkhats.ui.screens.settings.dialogs import ConflictDialog
from mkhats.ui.screens.settings.pane import SettingsPane, every_options, level_options, selected, set_select
from mkhats.ui.widgets.wrap_table import WrapTable

_LEVEL_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _rule_key(rule: ConflictRule) -> str:
    return "|".join(rule.hats)


class ConflictsPane(SettingsPane):
    """The conflict rules: see each one, change its level and frequency, add one, remove one."""

    def compose(self) -> ComposeResult:
        yield WrapTable(wrap="reason", id="conflicts-table", cursor_type="row", classes="settings-table")
        yield Static(id="conflict-detail", classes="detail")
        with Horizontal(classes="form-row"):
            yield Select(level_options(), allow_blank=False, id="conflict-level", classes="level")
            yield Select(every_options(), allow_blank=False, id="conflict-every", classes="every")
            yield Button(t("settings.remove"), id="conflict-remove", variant="error")
            yield Button(t("settings.conflicts.add"), id="conflict-add", variant="primary")
        yield Static(classes="error")

    def setup(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("settings.col.hats"), key="hats")
        table.add_column(t("settings.col.level"), key="level")
        table.add_column(t("settings.col.every"), key="every")
        table.add_column(t("settings.col.now"), key="now")
        table.add_column(t("settings.col.reason"), key="reason")

    def show(self, state: SettingsState) -> None:
        super().show(state)
        table = self.query_one(DataTable)
        current = self.current()
        active = {_rule_key(r) for r in state.active()}
        table.clear()
        for rule in state.conflicts:
            key = _rule_key(rule)
            wearer = state.hats[rule.hats[0]].wearer if rule.hats[0] in state.hats else None
            now: Text | str = "—"
            if key in active:
                now = plain(t("settings.conflicts.active", person=person_name(wearer)), "yellow")
            reason = terminal_line(conflict_reason(rule))
            # Names and reasons are the user's: never read as markup (a str cell would be).
            table.add_row(
                plain(pair_name(rule.hats, state.hats)),
                Text(t(f"level.{rule.level}"), style=_LEVEL_STYLE[rule.level]),
                t(f"cadence.{rule.every}"),
                now,
                Text(reason),  # wrapped, never cut (SPEC §3 "Layout")
                key=key,
            )
        if current is not None and any(_rule_key(r) == current for r in state.conflicts):
            table.move_cursor(row=table.get_row_index(current))
        self._show_selected()

    def rule(self) -> ConflictRule | None:
        """The highlighted rule."""
        key = self.current()
        return next((r for r in self.state.conflicts if _rule_key(r) == key), None)

    def _show_selected(self) -> None:
        rule = self.rule()
        detail = self.query_one("#conflict-detail", Static)
        if rule is None:
            detail.update(t("settings.conflicts.none"))
            return
        detail.update(
            Text.assemble(
                (t("settings.conflicts.reason") + ": ", "bold"),
                terminal_line(conflict_reason(rule)),
                "\n",
                (t("settings.conflicts.check") + ": ", "bold"),
                terminal_line(conflict_check(rule)),
            )
        )
        set_select(self.query_one("#conflict-level", Select), level_options(), rule.level)
        set_select(self.query_one("#conflict-every", Select), every_options(), rule.every)

    @on(DataTable.RowHighlighted, "#conflicts-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(Select.Changed, "#conflict-level")
    def _level(self, event: Select.Changed) -> None:
        rule = self.rule()
        if rule is not None and selected(event.select) not in (None, rule.level):
            self.save(service.update_conflict, rule.hats, level=event.select.value)

    @on(Select.Changed, "#conflict-every")
    def _every(self, event: Select.Changed) -> None:
        rule = self.rule()
        if rule is not None and selected(event.select) not in (None, rule.every):
            self.save(service.update_conflict, rule.hats, every=event.select.value)

    @on(Button.Pressed, "#conflict-remove")
    def _remove(self) -> None:
        rule = self.rule()
        if rule is not None:
            self.save(service.remove_conflict, rule.hats)

    @on(Button.Pressed, "#conflict-add")
    def _add(self) -> None:
        self.app.push_screen(ConflictDialog(self.state), self._added)

    def _added(self, saved: bool | None) -> None:
        if saved:
            self.show_error("")
            self.post_message(self.Saved())
