"""Settings sections: people, hats, checklists, language and currency (``pane.SettingsPane``)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Select, Static, Switch

from mkhats import i18n
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import current_language, t
from mkhats.present.labels import (
    currency_sign,
    format_unit,
    hat_name,
    person_name,
)
from mkhats.services import settings as service
from mkhats.services.people import rename_person
from mkhats.services.settings import SettingsState
from mkhats.services.wearers import wearer_fields
from mkhats.ui.plain import plain
from mkhats.ui.screens.settings.pane import SettingsPane, hours_text, kind_options, selected, set_select


def language_names() -> list[tuple[str, str]]:
    """Each language by its own name (its catalogue's), for a ``Select``."""
    return [(t("settings.lang.name", lang=code), code) for code in i18n.LANGUAGES]


class PeoplePane(SettingsPane):
    """Persons with their kind and hats; add one, rename one, change a kind, remove one who wears no hat."""

    _want: str | None = None
    """A person to highlight at the next ``show`` (the one just added or renamed)."""
    _named: str | None = None
    """The person whose name the rename field holds."""

    def compose(self) -> ComposeResult:
        yield DataTable(id="people-table", cursor_type="row", classes="settings-table")
        with Horizontal(classes="form-row"):
            # The highlighted person's name, to type a new one over (``enter`` or Rename saves it).
            yield Input(placeholder=t("people.rename.placeholder"), id="people-rename", max_length=60)
            yield Button(t("people.rename.button"), id="people-rename-save")
            yield Select(kind_options(), allow_blank=False, id="people-kind", classes="kind")
            yield Button(t("settings.people.remove"), id="people-remove", variant="error")
        with Horizontal(classes="form-row"):
            yield Input(placeholder=t("settings.people.name"), id="people-name", max_length=60)
            yield Select(kind_options(), allow_blank=False, value="staff", id="people-new-kind", classes="kind")
            yield Button(t("settings.people.add"), id="people-add", variant="primary")
        yield Static(classes="error")

    def setup(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("settings.col.person"), key="name")
        table.add_column(t("settings.col.kind"), key="kind")
        table.add_column(t("settings.col.hats"), key="hats")

    def show(self, state: SettingsState) -> None:
        super().show(state)
        table = self.query_one(DataTable)
        current, self._want = self._want or self.current(), None
        table.clear()
        for name, person in sorted(state.persons.items(), key=lambda item: item[0].casefold()):
            hats = ", ".join(hat_name(state.hats[h]) for h in state.worn_by(name)) or "—"
            # A str cell would be read as markup: names are the user's, shown literally.
            table.add_row(plain(person_name(name)), t(f"settings.kind.{person.kind}"), plain(hats), key=name)
        if current in state.persons:
            table.move_cursor(row=table.get_row_index(current))
        self._show_selected()

    def _show_selected(self) -> None:
        name = self.current()
        person = self.state.persons.get(name or "")
        field = self.query_one("#people-rename", Input)
        if not field.has_focus or name != self._named:  # a name being typed stays, for its person
            field.value = terminal_line(person_name(name)) if person else ""
            self._named = name
        set_select(self.query_one("#people-kind", Select), kind_options(), person.kind if person else "staff")

    @on(DataTable.RowHighlighted, "#people-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(Select.Changed, "#people-kind")
    def _kind(self, event: Select.Changed) -> None:
        name = self.current()
        person = self.state.persons.get(name or "")
        if person is not None and selected(event.select) not in (None, person.kind):
            base = {"kind": t(f"settings.kind.{person.kind}")}
            self.save(service.set_person_kind, person.name, event.select.value, base=base)

    @on(Button.Pressed, "#people-rename-save")
    @on(Input.Submitted, "#people-rename")
    def _rename(self) -> None:
        name = self.current()
        field = self.query_one("#people-rename", Input)
        if name is None or field.value.strip() == person_name(name):
            return  # nothing typed over the name shown
        person = self.save(rename_person, name, field.value)
        if person is not None:
            self._want = person.name
            field.value = terminal_line(person_name(person.name))
            self.app.notify(t("people.renamed", old=person_name(name), new=person.name), timeout=4)

    @on(Button.Pressed, "#people-remove")
    def _remove(self) -> None:
        name = self.current()
        if name is not None:
            self.save(service.remove_person, name)

    @on(Button.Pressed, "#people-add")
    @on(Input.Submitted, "#people-name")
    def _add(self) -> None:
        field = self.query_one("#people-name", Input)
        kind = selected(self.query_one("#people-new-kind", Select)) or "staff"
        person = self.save(service.add_person, field.value, kind)
        if person is not None:
            field.value = ""
            self._want = person.name


class HatsPane(SettingsPane):
    """Every hat: who wears it, whether it is enabled, its weekly hour budget."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="hat-row hat-head"):
            yield Label(t("settings.hats.hat"), classes="hat-name")
            yield Label(t("settings.hats.wearer"), classes="hat-wearer")
            yield Label(t("settings.hats.enabled"), classes="hat-enabled")
            yield Label(t("settings.hats.hours"), classes="hat-hours")
        for hat in self.state.hats.values():
            with Horizontal(classes="hat-row"):
                kind = t("settings.hats.channel" if hat.channel else "settings.hats.process")
                yield Label(Text.assemble(terminal_line(hat_name(hat)), "\n", (kind, "dim")), classes="hat-name")
                yield Select([], prompt=t("settings.hats.nobody"), id=f"hat-wearer-{hat.key}", classes="hat-wearer")
                yield Switch(value=hat.enabled, id=f"hat-enabled-{hat.key}", classes="hat-enabled")
                yield Input(placeholder="—", id=f"hat-hours-{hat.key}", classes="hat-hours", max_length=6)
        yield Static(classes="error")

    def show(self, state: SettingsState) -> None:
        super().show(state)
        people = [(plain(person_name(name)), name) for name in sorted(state.persons, key=str.casefold)]
        for hat in state.hats.values():
            for select in self.query(f"#hat-wearer-{hat.key}").results(Select):
                set_select(select, people, hat.wearer if hat.wearer in state.persons else None)
            for switch in self.query(f"#hat-enabled-{hat.key}").results(Switch):
                with switch.prevent(Switch.Changed):
                    switch.value = hat.enabled
            for field in self.query(f"#hat-hours-{hat.key}").results(Input):
                if not field.has_focus:
                    field.value = hours_text(hat.hours_budget)

    @staticmethod
    def _key(widget_id: str | None, prefix: str) -> str:
        return (widget_id or "").removeprefix(prefix)

    @on(Select.Changed, ".hat-wearer")
    def _wearer(self, event: Select.Changed) -> None:
        hat = self.state.hats.get(self._key(event.select.id, "hat-wearer-"))
        person = selected(event.select)
        if hat is not None and person != hat.wearer:
            self.save(service.set_wearer, hat.key, person, base=wearer_fields(hat))

    @on(Switch.Changed, ".hat-enabled")
    def _enabled(self, event: Switch.Changed) -> None:
        hat = self.state.hats.get(self._key(event.switch.id, "hat-enabled-"))
        if hat is None or event.value == hat.enabled:
            return
        if self.save(service.set_hat_enabled, hat.key, event.value) is None:
            with event.switch.prevent(Switch.Changed):
                event.switch.value = hat.enabled

    @on(Input.Submitted, ".hat-hours")
    @on(Input.Blurred, ".hat-hours")
    def _hours(self, event: Input.Submitted | Input.Blurred) -> None:
        hat = self.state.hats.get(self._key(event.input.id, "hat-hours-"))
        if hat is not None and event.value.strip() != hours_text(hat.hours_budget):
            self._typed = event.input
            self.save(service.set_hours_budget, hat.key, event.value, base={"hours": hours_text(hat.hours_budget)})

    _typed: Input | None = None
    """The hours field last saved from (take theirs shows the stored budget in it)."""

    def took_theirs(self, theirs: dict[str, str]) -> None:
        if "hours" in theirs and self._typed is not None:
            self._typed.value = theirs["hours"]


class ChecklistsPane(SettingsPane):
    """A button per hat that opens its checklist editor."""

    def compose(self) -> ComposeResult:
        yield Static(t("settings.checklists.intro"), classes="intro")
        for hat in self.state.hats.values():
            yield Button("", id=f"checklist-{hat.key}", classes="checklist-button")
        yield Static(classes="error")

    def show(self, state: SettingsState) -> None:
        super().show(state)
        for hat in state.hats.values():
            n = state.items.get(hat.key, 0)
            label = t("settings.checklists.button", hat=hat_name(hat), n=n, count=n)
            if not hat.enabled:
                label += f" · {t('settings.hats.off')}"
            for button in self.query(f"#checklist-{hat.key}").results(Button):
                button.label = plain(label)

    def _checklist_saved(self) -> None:
        self.post_message(self.Saved())

    @on(Button.Pressed, ".checklist-button")
    def _open(self, event: Button.Pressed) -> None:
        from mkhats.ui.screens.checklist_editor import ChecklistEditor

        hat = (event.button.id or "").removeprefix("checklist-")
        self.app.push_screen(ChecklistEditor(hat), lambda _: self._checklist_saved())


class LanguagePane(SettingsPane):
    """The UI language and the currency sign, stored in the data file."""

    class LanguageChanged(Message):
        """The language was saved: everything must be re-labelled."""

        def __init__(self, lang: str) -> None:
            super().__init__()
            self.lang = lang

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(t("settings.lang.language"), classes="row-label")
            yield Select(language_names(), allow_blank=False, value=current_language(), id="pref-lang")
        with Horizontal(classes="form-row"):
            yield Label(t("settings.lang.currency"), classes="row-label")
            yield Input(id="pref-currency", max_length=4, classes="currency")
            yield Button(t("settings.save"), id="pref-save", variant="primary")
        yield Static(id="pref-example", classes="intro")
        yield Static(t("settings.lang.note"), classes="intro")
        yield Static(classes="error")

    def show(self, state: SettingsState) -> None:
        super().show(state)
        field = self.query_one("#pref-currency", Input)
        field.placeholder = t("settings.lang.currency_default", sign=currency_sign(None))
        if not field.has_focus:
            field.value = terminal_line(state.settings.currency or "")
        set_select(self.query_one("#pref-lang", Select), language_names(), current_language())
        amount = format_unit("money", 1234567, state.settings.currency)
        self.query_one("#pref-example", Static).update(plain(t("settings.lang.example", amount=amount)))

    @on(Select.Changed, "#pref-lang")
    def _language(self, event: Select.Changed) -> None:
        lang = selected(event.select)
        if lang is None or lang == current_language():
            return
        if self.save(service.set_language_setting, lang) is not None:
            self.post_message(self.LanguageChanged(lang))

    @on(Button.Pressed, "#pref-save")
    @on(Input.Submitted, "#pref-currency")
    def _currency(self) -> None:
        base = {"currency": self.state.settings.currency or ""}
        if self.save(service.set_currency, self.query_one("#pref-currency", Input).value, base=base) is not None:
            self.app.notify(t("settings.saved"), timeout=3)

    def took_theirs(self, theirs: dict[str, str]) -> None:
        if "currency" in theirs:
            self.query_one("#pref-currency", Input).value = theirs["currency"]
