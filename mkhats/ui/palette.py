"""The command palette (``ctrl+p``): every action of the app, hats and weeks included.

Textual's own words (the palette's prompt, its "No matches found", its system commands: theme,
quit, keys…; the header icon's tooltip; the ctrl+c hint and the screenshot toasts) are English
literals with no catalogue behind them; ``LocalizedPalette`` puts ours in their place, so they read
in the user's language like the rest of the app. Two of them are private parts of Textual
(``CommandPalette._start_no_matches_countdown``, the toasts' texts): pyproject pins the minor
version they were read from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from rich.align import Align
from rich.text import Text
from textual.actions import parse
from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.fuzzy import Matcher
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets import OptionList
from textual.widgets._header import HeaderIcon
from textual.widgets.option_list import Option

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.labels import hat_name
from mkhats.ui.access import main_screen, run_service
from mkhats.ui.keys import ACTIONS, Scope

if TYPE_CHECKING:
    from mkhats.ui.screens.main import MainScreen


Command = tuple[str, Callable[[], object], str]
"""A palette entry: its name, what it runs, its help (the key)."""

ALSO = (
    "ui.cmd.import_file",
    "ui.cmd.export_csv",
    "ui.cmd.report",
    "ui.cmd.backup",
    "ui.cmd.restore",
    "ui.cmd.deck",
    "ui.cmd.week_entry",
)
"""Entries also found by other words (``<key>.also``): the Russian screen says «Загрузить», but a
user searches «импорт», or the English word the tool's manual uses."""


def also_words() -> dict[str, str]:
    """Entry name → the other words it is found by, in the current language."""
    return {t(key): t(f"{key}.also") for key in ALSO}


def table_commands(main: MainScreen, *scopes: Scope) -> list[Command]:
    """The palette entries of the action table's actions in ``scopes`` (all: every scope)."""
    commands: list[Command] = []
    for action in ACTIONS:
        if action.command is None or (scopes and action.scope not in scopes):
            continue
        _, name, params = parse(action.action)
        owner: DOMNode = main.app if action.scope == "app" else main
        run = partial(getattr(owner, f"action_{name}"), *params)
        if action.tab is not None:
            run = partial(_on_tab, main, action.tab, run)
        commands.append((t(action.command), run, action.hint))
    return commands


def _on_tab(main: MainScreen, hat: str, then: Callable[[], object]) -> None:
    """Show ``hat``'s tab, then run ``then`` once it is there."""
    hats = [h.key for h in main.snapshot.enabled_hats] if main.snapshot else []
    if hat in hats:
        main.action_hat(hats.index(hat))
        main.call_after_refresh(then)


class MkhatsCommands(Provider):
    """Jump to a hat, move a week, add a value, wear a hat, open the review or settings."""

    def _commands(self) -> list[Command]:
        main = main_screen(self.app)
        if self.screen is not main:
            # Over the stepper, a dialog or a detail, the main screen's commands would act on the
            # screen hidden below (a second stepper over the first, a hat switched out of sight):
            # there the palette offers the app's own commands (theme, help, quit) only.
            return []
        commands: list[Command] = []
        hats = main.snapshot.enabled_hats if main.snapshot else []
        for index, hat in enumerate(hats):
            name = terminal_line(hat_name(hat))  # typed by the user; shown literally (``_highlight``)
            commands.append((t("ui.cmd.go_hat", hat=name), partial(main.action_hat, index), t("ui.cmd.go_hat_help")))
            commands.append((t("ui.cmd.wear_hat", hat=name), partial(self._wear, index), t("ui.cmd.wear_help")))
        commands.append((main.undo_command_name(), main.action_undo, "ctrl+z"))
        return commands + table_commands(main)

    def _wear(self, index: int) -> None:
        main = main_screen(self.app)
        main.action_hat(index)
        self.app.call_later(main.action_wear)

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        also = also_words()
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score <= 0 and name in also:
                score = matcher.match(also[name]) * 0.9  # below an entry named by the words typed
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, help=help_text)


def _highlight(matcher: Matcher, name: str) -> Content:
    """``Matcher.highlight`` without reading ``name`` as markup: a hat's name is the user's text."""
    content = Content(name)
    score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    if not score:
        return content
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


_SYSTEM = {
    "Change the current theme": "ui.sys.theme",
    "Quit the application as soon as possible": "ui.sys.quit",
    "Show help for the focused widget and a summary of available keys": "ui.sys.keys_show",
    "Hide the keys and widget help panel": "ui.sys.keys_hide",
    "Maximize the focused widget": "ui.sys.maximize",
    "Minimize the widget and restore to normal size": "ui.sys.minimize",
    "Save an SVG 'screenshot' of the current screen": "ui.sys.screenshot",
}
"""Textual's system commands, known by their English help → our catalogue key (``.title``, ``.help``).

One a newer Textual adds is not here: it stays in English rather than disappearing."""


class KeptThemes(ThemeProvider):
    """Textual's theme picker whose choice is stored in the settings: the next start shows it too."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        return [(name, partial(self._choose, name)) for name, _ in super().commands]

    def _choose(self, name: str) -> None:
        from mkhats.services.settings import set_theme

        self.app.theme = name
        run_service(self.app, lambda ws: set_theme(ws, name))


class LocalPalette(CommandPalette):
    """Textual's palette whose "No matches found" is the catalogue's."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own body (8.2), its literal replaced: the text is made inside a timer callback.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one("CommandList", OptionList).add_option(
                    Option(
                        Align.center(Text(t("ui.palette.no_matches"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


_TOASTS = {"Saved screenshot": "ui.screenshot.saved", "Failed to save screenshot": "ui.screenshot.failed"}
"""Textual's screenshot toasts (``App._on_delivery_complete``/``_failed``) → our catalogue key."""
_SAVED_TO = "Saved screenshot to [$text-success]"


class LocalizedPalette:
    """App mixin: Textual's own words (palette, system commands, theme picker, header icon, toasts)
    from the catalogue."""

    def on_mount(self) -> None:
        # Every screen's header icon (Textual's ``Header`` sets an English tooltip when mounted).
        app = cast("App[Any]", self)
        app.screen_change_signal.subscribe(app, self._label_header_icon)
        self._label_header_icon(app.screen)

    def _label_header_icon(self, screen: Screen[Any]) -> None:
        # Published as the screen is pushed, before its widgets mount: label them after the next
        # refresh, from the app's queue (a screen's own queue must not run before it starts).
        def label() -> None:
            if not screen.is_attached:
                return  # closed meanwhile
            for icon in screen.query(HeaderIcon):
                if icon.tooltip is not None:  # None: the palette is off, the icon disabled
                    icon.tooltip = t("ui.palette.open")

        cast("App[Any]", self).call_after_refresh(label)

    def action_help_quit(self) -> None:
        """ctrl+c no longer quits: say which key does (Textual's hint, in the current language)."""
        app = cast("App[Any]", self)
        for key, active in app.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                app.notify(t("ui.quit_hint", key=active.binding.key_display or key), title=t("ui.quit_hint.title"))
                return

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's own toasts (the screenshot's) in the current language; any other as it is."""
        if title == "Screenshot":
            title = t("ui.screenshot.title")
            if message.startswith(_SAVED_TO):
                message = t("ui.screenshot.saved_to", file=message.removeprefix(_SAVED_TO).strip("'\""))
            elif message in _TOASTS:
                message = t(_TOASTS[message])
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)  # type: ignore[misc]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's system commands with their title and help in the current language."""
        for command in super().get_system_commands(screen):  # type: ignore[misc]
            key = _SYSTEM.get(command.help)
            if key == "ui.sys.keys_show":
                # Textual's keys panel lists Textual's own bindings in English (tab "Focus Next",
                # ctrl+c "Copy selected text"…): the help screen lists the keys in the user's language.
                yield command._replace(title=t(f"{key}.title"), help=t(f"{key}.help"), callback=self._show_help)
            else:
                yield command if key is None else command._replace(title=t(f"{key}.title"), help=t(f"{key}.help"))

    def _show_help(self) -> None:
        from mkhats.ui.screens.help import HelpScreen

        cast("App[Any]", self).push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        """The command palette, its prompt in the current language."""
        self._open_palette(None, "ui.palette.prompt", "--command-palette")

    def search_themes(self) -> None:
        """The theme picker, its prompt in the current language."""
        self._open_palette([KeptThemes], "ui.palette.themes")

    def _open_palette(self, providers: list[type[Provider]] | None, prompt: str, screen_id: str | None = None) -> None:
        app = cast("App[Any]", self)
        if app.use_command_palette and not CommandPalette.is_open(app):
            app.push_screen(LocalPalette(providers=providers, placeholder=t(prompt), id=screen_id))
