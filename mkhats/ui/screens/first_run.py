"""The first run's setup (SPEC §3): five short steps over the main screen, each one skippable.

Offered by ``offer_setup`` when the app opens a file it has just made (``services.first_run``).
A step shows its widgets and a progress line (``2/5 · Language and currency``); ``Next`` (or
``enter`` in a field, ``ctrl+n``) checks the step through the service and moves on, ``Skip`` (or
``escape``) leaves the step's defaults, ``Back`` returns, ``Skip setup`` keeps what was answered.
The answers are stored together by ``first_run.finish`` when the last step is left. A language
chosen applies at once: the screen is composed again in it. After the setup the main screen is
rebuilt (the language, the hats) and a hint names the three keys that matter, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static, Switch

from mkhats.domain.defaults import DEFAULT_HATS, OPTIONAL_HATS
from mkhats.errors import InputError
from mkhats.i18n import current_language, set_language, t
from mkhats.present.labels import currency_sign, hat_name, person_name
from mkhats.services import first_run
from mkhats.services.first_run import STEPS, TARGETS, SetupAnswers
from mkhats.ui.access import mkhats_app, run_service
from mkhats.ui.keys import KeyLabels, key_binding, label_keys
from mkhats.ui.plain import plain
from mkhats.ui.screens.settings.people import language_names
from mkhats.ui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from mkhats.ui.app import MkhatsApp

_MONEY_TARGETS = frozenset({"performance.cpl", "performance.cpa"})


class FirstRunScreen(KeyLabels, Screen[bool]):
    """The setup's steps, one at a time; the result: True once the answers are stored."""

    CSS_PATH = "first_run.tcss"
    BINDINGS = [
        key_binding("escape", "skip", "first_run.key.skip", id="first_run.skip"),
        key_binding("ctrl+n", "next", "first_run.key.next", id="first_run.next"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.step = 0
        self.typed: dict[str, Any] = {}
        """What the widgets hold, kept while steps are composed again (another step, a language)."""
        self.answers: dict[str, Any] = {}
        """The steps answered, by name; a step skipped is absent (its default stays)."""
        self._first_lang = current_language()

    # -- composing ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        name = STEPS[self.step]
        yield Static(t("first_run.title"), id="fr-title")
        progress = t("first_run.progress", step=self.step + 1, steps=len(STEPS), title=t(f"first_run.step.{name}"))
        yield Static(progress, id="fr-progress")
        with VerticalScroll(id="fr-body", can_focus=False):
            yield from getattr(self, f"_compose_{name}")()
            yield Static(id="fr-error", classes="error")
        with Horizontal(id="fr-buttons"):
            yield Button(t("first_run.button.back"), id="fr-back", disabled=self.step == 0)
            yield Button(t("first_run.button.skip_all"), id="fr-skip-all")
            yield Label("", classes="spacer")
            yield Button(t("first_run.button.skip"), id="fr-skip")
            last = self.step == len(STEPS) - 1
            yield Button(
                t("first_run.button.finish" if last else "first_run.button.next"), id="fr-next", variant="primary"
            )
        yield KeyFooter()

    def _compose_name(self) -> ComposeResult:
        me = person_name("Me")
        yield Static(t("first_run.name.intro", me=me), classes="intro")
        with Horizontal(classes="fr-row"):
            yield Label(t("first_run.name.label"), classes="fr-label")
            yield Input(self.typed.get("name", ""), placeholder=me, id="fr-name", max_length=60)

    def _compose_language(self) -> ComposeResult:
        yield Static(t("first_run.language.intro"), classes="intro")
        with Horizontal(classes="fr-row"):
            yield Label(t("first_run.language.label"), classes="fr-label")
            yield Select(language_names(), allow_blank=False, value=current_language(), id="fr-lang")
        with Horizontal(classes="fr-row"):
            yield Label(t("first_run.currency.label"), classes="fr-label")
            sign = self.typed.get("currency", currency_sign(None))
            yield Input(sign, placeholder=currency_sign(None), id="fr-currency", max_length=4)

    def _compose_owner(self) -> ComposeResult:
        yield Static(t("first_run.owner.intro"), classes="intro")
        other = self.typed.get("owner_other", False)
        with RadioSet(id="fr-owner"):
            yield RadioButton(t("first_run.owner.me"), value=not other, id="fr-owner-me")
            yield RadioButton(t("first_run.owner.other"), value=other, id="fr-owner-other")
        with Horizontal(classes="fr-row"):
            yield Label(t("first_run.owner.name"), classes="fr-label")
            yield Input(self.typed.get("owner", ""), id="fr-owner-name", max_length=60)
        with Horizontal(classes="fr-row fr-switch-row"):
            yield Switch(value=self.typed.get("cmo", True), id="fr-cmo")
            yield Label(t("first_run.owner.cmo"), classes="fr-switch-label")

    def _compose_hats(self) -> ComposeResult:
        on = ", ".join(hat_name(key) for key in DEFAULT_HATS)
        yield Static(t("first_run.hats.intro", hats=on), classes="intro")
        chosen = self.typed.get("hats", ())
        for key in OPTIONAL_HATS:
            with Horizontal(classes="fr-row fr-switch-row"):
                yield Switch(value=key in chosen, id=f"fr-hat-{key}", classes="fr-hat")
                mission = t(f"hat.{key}.mission")
                yield Label(plain(f"{hat_name(key)} — {mission}"), classes="fr-switch-label")

    def _compose_targets(self) -> ComposeResult:
        yield Static(t("first_run.targets.intro"), classes="intro")
        typed = self.typed.get("targets", {})
        for key in TARGETS:
            label = t(f"first_run.target.{key}")
            if key in _MONEY_TARGETS:
                label += f", {currency_sign(self.typed.get('currency') or self._stored_currency())}"
            with Horizontal(classes="fr-row"):
                yield Label(plain(label), classes="fr-label fr-target-label")
                yield Input(typed.get(key, ""), id=f"fr-target-{key.replace('.', '-')}", max_length=20)

    def _stored_currency(self) -> str | None:
        snapshot = mkhats_app(self).snapshot
        return snapshot.settings.currency if snapshot else None

    def on_mount(self) -> None:
        self._focus_first()

    def _focus_first(self) -> None:
        for widget in self.query("#fr-body Input, #fr-body Select, #fr-body RadioSet, #fr-body Switch"):
            if widget.focusable:
                widget.focus()
                return

    # -- what the widgets hold ------------------------------------------------------------------

    def _value(self, selector: str) -> Any:
        return self.query_one(selector).value  # type: ignore[attr-defined]

    def _collect(self) -> None:
        """Keep what the current step's widgets hold in ``typed``."""
        name = STEPS[self.step]
        if name == "name":
            self.typed["name"] = self._value("#fr-name")
        elif name == "language":
            self.typed["currency"] = self._value("#fr-currency")
        elif name == "owner":
            self.typed["owner_other"] = self.query_one("#fr-owner-other", RadioButton).value
            self.typed["owner"] = self._value("#fr-owner-name")
            self.typed["cmo"] = self._value("#fr-cmo")
        elif name == "hats":
            self.typed["hats"] = tuple(k for k in OPTIONAL_HATS if self._value(f"#fr-hat-{k}"))
        else:
            self.typed["targets"] = {k: self._value(f"#fr-target-{k.replace('.', '-')}") for k in TARGETS}

    def _answer(self) -> None:
        """Check the current step through the service and keep its answer (``InputError`` if refused)."""
        name, typed = STEPS[self.step], self.typed
        if name == "name":
            self.answers["name"] = first_run.check_name(typed["name"])
        elif name == "language":
            lang = current_language()
            self.answers["language"] = (lang, first_run.check_currency(typed["currency"], lang))
        elif name == "owner":
            owner = first_run.check_owner(typed["owner"], self.answers.get("name", ""), typed["owner_other"])
            self.answers["owner"] = (owner, typed["cmo"])
        elif name == "hats":
            self.answers["hats"] = first_run.check_hats(typed["hats"])
        else:
            checked = run_service(self, lambda ws: first_run.check_targets(ws, typed["targets"]), refused=self._refused)
            if checked is None:
                raise _Shown()
            self.answers["targets"] = dict(typed["targets"])

    def setup_answers(self) -> SetupAnswers:
        """The answers given so far, as the service takes them."""
        lang, currency = self.answers.get("language", (None, None))
        owner, cmo = self.answers.get("owner", (None, True))
        return SetupAnswers(
            name=self.answers.get("name"),
            lang=lang,
            currency=currency,
            owner=owner,
            owner_wears_cmo=cmo,
            hats=self.answers.get("hats"),
            targets=self.answers.get("targets"),
        )

    # -- moving between steps -------------------------------------------------------------------

    async def _go(self, step: int) -> None:
        if step >= len(STEPS):
            self._finish()
            return
        self.step = step
        await self.recompose()
        self._focus_first()

    async def action_next(self) -> None:
        """Check this step, keep its answer and go on (the last one stores them all)."""
        self._collect()
        try:
            self._answer()
        except InputError as error:
            self._refused(error)
            return
        except _Shown:
            return
        await self._go(self.step + 1)

    async def action_skip(self) -> None:
        """Leave this step's defaults and go on."""
        self._collect()
        name = STEPS[self.step]
        self.answers.pop(name, None)
        if name == "language" and current_language() != self._first_lang:
            set_language(self._first_lang)  # skipped: the language the app opened in
            self.typed.pop("currency", None)
            label_keys(self.app)
            label_keys(self)
        await self._go(self.step + 1)

    async def _back(self) -> None:
        self._collect()
        await self._go(max(0, self.step - 1))

    def _finish(self) -> None:
        answers = self.setup_answers()
        if run_service(self, lambda ws: first_run.finish(ws, answers), refused=self._refused) is not None:
            self.dismiss(True)

    def _refused(self, error: InputError) -> None:
        box = self.query_one("#fr-error", Static)
        box.update(plain(error.render(), lines=True))
        box.display = True

    # -- the widgets' messages -------------------------------------------------------------------

    @on(Button.Pressed, "#fr-next")
    async def _next_pressed(self) -> None:
        await self.action_next()

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        """``enter`` in a field: to the step's next field, from its last one to the next step."""
        fields = list(self.query("#fr-body Input").results(Input))
        if event.input in fields and event.input is not fields[-1]:
            fields[fields.index(event.input) + 1].focus()
            return
        await self.action_next()

    @on(Button.Pressed, "#fr-skip")
    async def _skip_pressed(self) -> None:
        await self.action_skip()

    @on(Button.Pressed, "#fr-back")
    async def _back_pressed(self) -> None:
        await self._back()

    @on(Button.Pressed, "#fr-skip-all")
    def _skip_all(self) -> None:
        if STEPS[self.step] == "language" and current_language() != self._first_lang:
            # The app already speaks the language picked on this step: skipping the rest keeps it
            # (and the currency typed, if it is one), rather than storing none, which reopened the
            # app next time in the other language.
            self._collect()
            try:
                self._answer()
            except InputError:
                self.answers["language"] = (current_language(), first_run.check_currency("", current_language()))
        self._finish()

    @on(Input.Changed, "#fr-owner-name")
    def _owner_typed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.query_one("#fr-owner-other", RadioButton).value = True

    @on(Select.Changed, "#fr-lang")
    async def _language(self, event: Select.Changed) -> None:
        lang = event.value
        if not isinstance(lang, str) or lang == current_language():
            return
        self._collect()
        if self.typed.get("currency", "") in ("", currency_sign(None)):
            self.typed["currency"] = currency_sign(None, lang=lang)  # the sign of the language chosen
        set_language(lang)
        label_keys(self.app)  # help and quit, in the footer
        label_keys(self)
        await self.recompose()
        for select in self.query("#fr-lang").results(Select):  # unless a key moved on meanwhile
            select.focus()


class _Shown(Exception):
    """A refusal already shown under the step."""


def offer_setup(app: MkhatsApp) -> None:
    """Open the setup when the file asks for it (``open_setup``)."""
    if app.snapshot is not None and first_run.setup_due(app.snapshot.settings):
        open_setup(app)


def open_setup(app: MkhatsApp) -> None:
    """Open the setup; afterwards rebuild the tabs and show the three-key hint."""

    async def rebuild() -> None:
        await app.main.relabel()  # the language and the enabled hats may have changed
        app.notify(t("first_run.hint"), timeout=30)

    # The setup is still on the stack when its result arrives: rebuild once the tabs are back.
    def done(_: bool | None) -> None:
        app.call_after_refresh(rebuild)

    app.push_screen(FirstRunScreen(), done)
