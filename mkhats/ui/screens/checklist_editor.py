"""The checklist editor (``e`` on a checklist): add, rename, re-cadence, delete and reorder a hat's
items, all cadences at once, grouped under their headings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Select, Static

from mkhats.domain.checklist import current_items, week_periods
from mkhats.domain.models import CADENCES, ChecklistItem
from mkhats.domain.safe_text import terminal_line
from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.present.labels import hat_name, item_text
from mkhats.services import plans
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.access import snapshot as current_snapshot
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import literal, plain
from mkhats.ui.screens.form import FORMS_CSS, ConfirmDialog, FormDialog, field_row
from mkhats.ui.widgets.footer import KeyFooter


class ItemDialog(FormDialog[ChecklistItem]):
    """A checklist item's text and cadence: a new item of ``hat``, or ``item`` edited."""

    ERROR_FIELDS = {"checklist.empty": "text", "checklist.too_long": "text", "checklist.cadence": "cadence"}

    def __init__(self, hat: str, item: ChecklistItem | None = None, cadence: str = "weekly") -> None:
        super().__init__()
        self.hat = hat
        self.item = item
        self.cadence = item.cadence if item else cadence
        self.base = plans.item_fields(item) if item else None

    def form_title(self) -> str:
        return t("forms.item.edit_title" if self.item else "forms.item.add_title")

    def compose_fields(self) -> ComposeResult:
        text = terminal_line(item_text(self.item)) if self.item else ""  # shown as it can be, saved so
        yield field_row("text", t("forms.item.text"), Input(text, id="text", max_length=500))
        options = [(t(f"cadence.{c}"), c) for c in CADENCES]
        picker = Select(options, allow_blank=False, value=self.cadence, id="cadence")
        yield field_row("cadence", t("forms.item.cadence"), picker)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def submit(self) -> ChecklistItem:
        text = self.query_one("#text", Input).value
        cadence = str(self.query_one("#cadence", Select).value)
        if self.item is None:
            return plans.add_item(workspace(self), self.hat, text, cadence)
        return plans.edit_item(workspace(self), self.item.id, text, cadence, base=self.base)

    def load_fields(self, fields: dict[str, str]) -> None:
        """Take theirs: the text as typed, the cadence by its name."""
        if "text" in fields:
            self.query_one("#text", Input).value = fields["text"]
        names = {t(f"cadence.{c}"): c for c in CADENCES}
        if fields.get("cadence") in names:
            self.query_one("#cadence", Select).value = names[fields["cadence"]]


class ChecklistEditor(KeyLabels, ModalScreen[None]):
    """A hat's checklist items, weekly then monthly then quarterly, with keys to change them."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        key_binding("a", "add", "forms.items.add", id="items.add"),
        key_binding("e", "edit", "forms.items.edit", id="items.edit"),
        key_binding("d,delete", "delete", "forms.items.delete", id="items.delete"),
        key_binding("ctrl+up,K", "move(-1)", "forms.items.up", key_display="K", id="items.up"),
        key_binding("ctrl+down,J", "move(1)", "forms.items.down", key_display="J", id="items.down"),
        key_binding("escape", "close", "forms.close", id="items.close"),
    ]

    def __init__(self, hat: str) -> None:
        super().__init__()
        self.hat = hat
        self._items: dict[str, ChecklistItem] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="form editor") as box:
            hat = current_snapshot(self).hats.get(self.hat)
            box.border_title = literal(t("forms.items.title", hat=hat_name(hat or self.hat)))
            yield Static(self.hint(), id="items-hint", classes="intro")
            yield DataTable(id="items", cursor_type="row", show_header=False, zebra_stripes=False)
            yield Static(id="err-form", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("forms.items.add"), id="add", variant="primary")
                yield Button(t("forms.items.edit"), id="edit")
                yield Button(t("forms.items.delete"), id="delete")
                yield Button("↑", id="up", tooltip=t("forms.items.up"))
                yield Button("↓", id="down", tooltip=t("forms.items.down"))
                yield Button(t("forms.close"), id="close")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#items", DataTable)
        table.add_column("", key="text")
        self.refresh_items()
        table.focus()

    def hint(self) -> str:
        """Which periods an edit changes: today's, even while the app shows a past week."""
        this_week = workspace(self).this_week()
        periods = week_periods(this_week)
        shown = mkhats_app(self).week
        key = "forms.items.hint_past" if shown < this_week else "forms.items.hint"
        return t(key, viewed=shown, week=periods["weekly"], month=periods["monthly"], quarter=periods["quarterly"])

    # -- the list --------------------------------------------------------------------------------

    def items(self) -> list[ChecklistItem]:
        """The hat's items as they stand this week (past versions are history), by cadence then position."""
        with workspace(self).read() as repo:
            items = [i for i in current_items(repo.checklist(), workspace(self).today) if i.hat == self.hat]
        return sorted(items, key=lambda i: (CADENCES.index(i.cadence), i.position))

    def refresh_items(self, select: str | None = None) -> None:
        """Re-read the items; put the cursor on ``select`` (an item id), else where it was."""
        table = self.query_one("#items", DataTable)
        row = table.cursor_row
        table.clear()
        self._items = {}
        items = self.items()
        for cadence in CADENCES:
            table.add_row(Text(t(f"cadence.{cadence}"), style="bold"), key=f"heading-{cadence}")
            group = [i for i in items if i.cadence == cadence]
            if not group:
                table.add_row(Text("  " + t("forms.items.empty"), style="dim italic"), key=f"empty-{cadence}")
            for item in group:
                table.add_row(plain("  " + item_text(item)), key=item.id)
                self._items[item.id] = item
        if select in self._items:
            row = table.get_row_index(select)
        elif row == 0 and self._items:
            row = 1
        table.move_cursor(row=min(row, table.row_count - 1))

    def _row_key(self) -> str:
        table = self.query_one("#items", DataTable)
        if not table.row_count:
            return ""
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""

    def current(self) -> ChecklistItem | None:
        """The item under the cursor (None on a heading)."""
        return self._items.get(self._row_key())

    def _cadence_here(self) -> str:
        """The cadence of the group the cursor is in (new items go there)."""
        key = self._row_key()
        item = self._items.get(key)
        if item is not None:
            return item.cadence
        return key.split("-", 1)[1] if "-" in key else "weekly"

    def _call(self, fn: Callable[..., object], *args: Any) -> bool:
        """Run a service; a refusal shows under the list."""
        error = self.query_one("#err-form", Static)
        error.update("")
        error.remove_class("-shown")
        try:
            fn(workspace(self), *args)
        except MkhatsError as exc:
            error.update(plain(exc.render(), lines=True))
            error.add_class("-shown")
            return False
        return True

    # -- actions ---------------------------------------------------------------------------------

    def action_add(self) -> None:
        """Add an item to the group under the cursor."""
        self.app.push_screen(ItemDialog(self.hat, cadence=self._cadence_here()), self._saved)

    def action_edit(self) -> None:
        """Edit the text and cadence of the item under the cursor."""
        item = self.current()
        if item is not None:
            self.app.push_screen(ItemDialog(self.hat, item), self._saved)

    def _saved(self, item: ChecklistItem | None) -> None:
        self.refresh_items(select=item.id if item else None)

    def action_delete(self) -> None:
        """Delete the item under the cursor, after asking."""
        item = self.current()
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self._call(plans.delete_item, item.id):
                self.refresh_items()

        question = t("forms.items.confirm_delete", text=item_text(item))
        self.app.push_screen(ConfirmDialog(question, t("forms.confirm.delete")), answered)

    def action_move(self, offset: int) -> None:
        """Move the item under the cursor up or down within its cadence."""
        item = self.current()
        if item is not None and self._call(plans.move_item, item.id, offset):
            self.refresh_items(select=item.id)

    def action_close(self) -> None:
        """Back to the hat."""
        self.dismiss(None)

    @on(DataTable.RowSelected, "#items")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.current() is not None:
            self.action_edit()
        else:
            self.action_add()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {
            "add": self.action_add,
            "edit": self.action_edit,
            "delete": self.action_delete,
            "up": lambda: self.action_move(-1),
            "down": lambda: self.action_move(1),
            "close": self.action_close,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()
