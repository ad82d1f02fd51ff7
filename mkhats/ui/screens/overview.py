"""The overview (``0``): every enabled hat as a card, for a quick Monday look.

The cards render ``present.overview`` on the app's snapshot; the screen follows the app (``[`` ``]``
and ``t`` move the week here too, a change made elsewhere shows up). One column of cards on a
narrow terminal, two or three on a wide one; ``enter`` or a click on a card shows that hat's tab.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from mkhats.i18n import current_language, t
from mkhats.present.overview import HatCard, card_lines, card_title, overview
from mkhats.present.views import week_title
from mkhats.ui.access import mkhats_app
from mkhats.ui.keys import KeyLabels, key_binding, label_keys
from mkhats.ui.plain import literal, plain
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

WIDE = 100
"""From this width two columns of cards; from ``WIDER`` three."""
WIDER = 170


class CardView(Static, can_focus=True):
    """One hat's card: its name on the border, its lines inside."""

    class Chosen(Message):
        """The user chose this hat."""

        def __init__(self, hat: str) -> None:
            super().__init__()
            self.hat = hat

    def __init__(self, card: HatCard) -> None:
        super().__init__(id=f"card-{card.key}", classes="card")
        self.show(card)

    def show(self, card: HatCard) -> None:
        """Render ``card`` (names and KPI titles are the user's words: literal)."""
        self.card = card
        self.border_title = literal(card_title(card))
        self.set_class(card.trouble, "-trouble")
        self.update(plain("\n".join(card_lines(card)), lines=True))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Chosen(self.card.key))


class OverviewScreen(KeyLabels, Screen[None]):
    """Every enabled hat: KPIs off target, stop alerts, the log, the checklist, the budget."""

    AUTO_FOCUS = ".card"
    BINDINGS = [
        key_binding("escape", "back", "detail.key.back", id="overview.back"),
        key_binding("enter", "open", "overview.key.open", id="overview.open"),
        key_binding("down,right", "app.focus_next", "overview.key.next", show=False, id="overview.next"),
        key_binding("up,left", "app.focus_previous", "overview.key.prev", show=False, id="overview.prev"),
        key_binding("left_square_bracket", "week(-1)", "ui.key.prev_week", key_display="[", id="overview.prev_week"),
        key_binding("right_square_bracket", "week(1)", "ui.key.next_week", key_display="]", id="overview.next_week"),
        key_binding("t", "this_week", "ui.key.this_week", show=False, id="overview.this_week"),
        key_binding("ctrl+z", "undo", "undo.key", show=False, id="overview.undo"),
    ]
    DEFAULT_CSS = """
    OverviewScreen #overview-heading { padding: 0 1; text-style: bold; }
    OverviewScreen #overview-cards { grid-size: 1; grid-rows: auto; grid-gutter: 0 1; height: auto; padding: 0 1; }
    OverviewScreen .card { border: round $primary-darken-2; padding: 0 1; height: auto; }
    OverviewScreen .card.-trouble { border: round $error; }
    OverviewScreen .card:focus { border: double $accent; background: $boost; }
    """

    def __init__(self) -> None:
        super().__init__(id="overview")
        self._seen: object = None

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="overview-body"):
            yield Static(id="overview-heading")
            with Grid(id="overview-cards"):
                snapshot = mkhats_app(self).snapshot
                self._seen = snapshot
                yield from (CardView(card) for card in (overview(snapshot) if snapshot else []))
        yield KeyFooter()

    def on_mount(self) -> None:
        self._columns(self.size.width)
        self._heading()
        self.watch(self.app, "version", self._follow, init=False)

    def on_resize(self, event: events.Resize) -> None:
        self._columns(event.size.width)

    def _columns(self, width: int) -> None:
        columns = 3 if width >= WIDER else 2 if width >= WIDE else 1
        self.query_one("#overview-cards", Grid).styles.grid_size_columns = columns

    # -- data ------------------------------------------------------------------------------------

    def _follow(self) -> None:
        """The app's data or week changed: show it."""
        if mkhats_app(self).snapshot is not self._seen:
            self._refresh()

    def _refresh(self) -> None:
        app = mkhats_app(self)
        snapshot = app.snapshot
        if snapshot is None:
            return
        self._seen = snapshot
        self._heading()
        grid = self.query_one("#overview-cards", Grid)
        cards = overview(snapshot)
        shown = list(grid.query(CardView).results())
        if [c.card.key for c in shown] == [c.key for c in cards]:
            for view, card in zip(shown, cards, strict=True):
                view.show(card)
            return
        focused = self.focused.card.key if isinstance(self.focused, CardView) else None
        grid.remove_children()
        grid.mount_all(CardView(card) for card in cards)
        if focused is not None:
            self.call_after_refresh(self._focus, focused)

    def _heading(self) -> None:
        week = week_title(mkhats_app(self).week)
        self.query_one("#overview-heading", Static).update(plain(t("overview.title", week=week)))

    def _focus(self, hat: str) -> None:
        for view in self.query(CardView).results():
            if view.card.key == hat:
                view.focus()

    # -- actions ---------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the hat tabs."""
        self.dismiss(None)

    def action_open(self) -> None:
        """Show the focused card's hat in the tabs."""
        if isinstance(self.focused, CardView):
            self._go(self.focused.card.key)

    def on_card_view_chosen(self, event: CardView.Chosen) -> None:
        self._go(event.hat)

    def _go(self, hat: str) -> None:
        app = mkhats_app(self)
        hats = [h.key for h in app.snapshot.enabled_hats] if app.snapshot else []
        self.dismiss(None)
        if hat in hats:
            app.main.action_hat(hats.index(hat))

    def action_week(self, offset: int) -> None:
        """Move the selected week."""
        mkhats_app(self).shift_week(offset)

    def action_this_week(self) -> None:
        """Back to the week of today."""
        mkhats_app(self).this_week()

    async def action_undo(self) -> None:
        """``ctrl+z`` here as on the hats: undo this run's last change; the cards follow the app,
        and an undone language relabels this screen too."""
        lang = current_language()
        await mkhats_app(self).main.action_undo()
        if current_language() != lang:
            await self.recompose()
            label_keys(self)
            self._columns(self.size.width)
            self._heading()
