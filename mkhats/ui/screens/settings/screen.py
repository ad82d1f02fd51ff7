"""The settings screen (``s``): people, hats, conflict rules, KPIs, checklists, language and currency.

The screen reads a ``SettingsState`` and hands it to its sections; a section saves through
``services.settings`` and posts ``SettingsPane.Saved``, and the screen re-reads and re-shows.
Switching the language re-renders the screen in place. ``escape`` goes back; the result says
whether the app must rebuild its tabs and labels (the set of enabled hats or the language changed).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from mkhats.i18n import current_language, set_language, t
from mkhats.services.settings import SettingsState, load
from mkhats.ui.access import run_service, workspace
from mkhats.ui.keys import KeyLabels, key_binding, label_keys
from mkhats.ui.screens.settings.conflicts import ConflictsPane
from mkhats.ui.screens.settings.kpis import KpisPane
from mkhats.ui.screens.settings.pane import SettingsPane
from mkhats.ui.screens.settings.people import ChecklistsPane, HatsPane, LanguagePane, PeoplePane
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

SECTIONS = (
    ("people", PeoplePane),
    ("hats", HatsPane),
    ("conflicts", ConflictsPane),
    ("kpis", KpisPane),
    ("checklists", ChecklistsPane),
    ("language", LanguagePane),
)


class SettingsScreen(KeyLabels, Screen[bool]):
    """Everything the user sets up once and revisits at the quarterly review."""

    CSS_PATH = "settings.tcss"
    BINDINGS = [key_binding("escape", "back", "settings.key.back", id="settings.back")]

    def __init__(self) -> None:
        super().__init__()
        self.state: SettingsState | None = None
        self._tab = "settings-people"
        self._opened: tuple[str, tuple[str, ...]] | None = None

    def compose(self) -> ComposeResult:
        self.state = load(workspace(self))
        if self._opened is None:
            self._opened = self._shape(self.state)
        self.title = t("settings.title")
        self.sub_title = str(workspace(self).path)
        yield ScreenHeader()
        with TabbedContent(id="settings-tabs", initial=self._tab):
            for name, pane in SECTIONS:
                with TabPane(t(f"settings.tab.{name}"), id=f"settings-{name}"):
                    yield pane(self.state, id=f"{name}-pane")
        yield KeyFooter()

    @staticmethod
    def _shape(state: SettingsState) -> tuple[str, tuple[str, ...]]:
        """What the app's tabs depend on: the language and the enabled hats."""
        return current_language(), tuple(h.key for h in state.hats.values() if h.enabled)

    def refresh_all(self) -> None:
        """Re-read the state and show it in every section."""
        done = run_service(self, load)
        if done is None:
            return
        self.state = done.value
        for pane in self.query(SettingsPane):
            pane.show(self.state)

    @on(SettingsPane.Saved)
    def _saved(self, event: SettingsPane.Saved) -> None:
        event.stop()
        self.refresh_all()

    @on(LanguagePane.LanguageChanged)
    async def _language(self, event: LanguagePane.LanguageChanged) -> None:
        event.stop()
        set_language(event.lang)
        self._tab = "settings-language"
        await self.recompose()
        label_keys(self)
        self.query_one("#pref-lang").focus()

    def action_back(self) -> None:
        """Back to the hats; tell the app whether its tabs must be rebuilt."""
        changed = self.state is not None and self._opened != self._shape(self.state)
        self.dismiss(changed)
