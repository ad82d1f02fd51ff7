"""The action table: every key of the app declared once, and key descriptions bound by id.

``ACTIONS`` holds each action of the app and its hat tabs once: its id, key, action, the catalogue
key of its description, its scope, whether the footer shows it and its command palette entry. The
app's and the main screen's ``BINDINGS`` and the palette's hits are made from it.

Descriptions are bound by id, never rendered when a class is defined: a binding made here carries
its id, ``LABELS`` maps the id to its catalogue key, and ``KeyLabels`` renders the descriptions of
a node's bindings when the node is made (again with ``label_keys`` after a language switch). A screen's own
keys (``escape`` to go back…) are declared where they act, with ``key_binding``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, cast

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from mkhats.i18n import t

Scope = Literal["app", "main", "desk", "checklist"]
"""Where an action is bound: the app (every screen), the main screen, the main screen's CMO desk
(off unless its tab allows it), or the checklist widget (listed in the palette only)."""

LABELS: dict[str, str] = {}
"""Binding id → catalogue key of its description: every binding made by ``key_binding``."""


def key_binding(
    key: str,
    action: str,
    label: str,
    *,
    id: str,
    show: bool = True,
    key_display: str | None = None,
    priority: bool = False,
) -> Binding:
    """A ``Binding`` whose description (catalogue key ``label``) is rendered when its node is made.

    Until then the description is the catalogue key itself (Textual hides a binding made without one).
    """
    known = LABELS.setdefault(id, label)
    if known != label:  # one id, one description: ``label_keys`` finds it by id
        raise ValueError(f"binding id {id!r} is already described by {known!r}")
    return Binding(key, action, label, show=show, key_display=key_display, priority=priority, id=id)


@dataclass(frozen=True)
class Action:
    """One action of the app: its key, what it runs, how it is described and where it is offered."""

    id: str
    key: str
    """The key that runs it; "" for an action offered in the command palette only."""
    action: str
    label: str
    """Catalogue key of the footer's (and help's) description."""
    scope: Scope
    show: bool = True
    """Shown in the footer."""
    key_display: str | None = None
    priority: bool = False
    command: str | None = None
    """Catalogue key of its command palette entry; None: not in the palette."""
    tab: str | None = None
    """The palette shows this hat's tab first (the action acts on that tab only)."""

    @property
    def hint(self) -> str:
        """The key as the palette shows it beside the entry."""
        return self.key_display or self.key

    def binding(self) -> Binding:
        """Its ``Binding``; the description is bound at mount."""
        return key_binding(
            self.key,
            self.action,
            self.label,
            id=self.id,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
        )


ACTIONS: tuple[Action, ...] = (
    *(Action(f"hat.{n}", str(n), f"hat({n - 1})", "ui.key.hat", "main", show=False) for n in range(1, 9)),
    Action("overview", "0", "overview", "ui.key.overview", "main", show=False, command="ui.cmd.overview"),
    Action("week.prev", "left_square_bracket", "week(-1)", "ui.key.prev_week", "main", key_display="[",
           command="ui.cmd.prev_week"),
    Action("week.next", "right_square_bracket", "week(1)", "ui.key.next_week", "main", key_display="]",
           command="ui.cmd.next_week"),
    Action("week.this", "t", "this_week", "ui.key.this_week", "main", command="ui.cmd.this_week"),
    Action("checklist.tick", "space", "tick", "ui.key.tick", "main", show=False),
    Action("kpi.open", "enter", "open_kpi", "ui.key.open_kpi", "main", show=False),
    # a (and A, SPEC §3) enter the week's numbers in a grid; one value of any KPI and day: + (the
    # palette's "Add a KPI value", and a in a KPI's detail).
    Action("week.entry", "a", "week_entry", "ui.key.week_entry", "main", command="ui.cmd.week_entry"),
    Action("week.entry_shift", "A", "week_entry", "ui.key.week_entry", "main", show=False),
    Action("value.add", "plus", "add_value", "ui.key.add_value", "main", show=False, key_display="+",
           command="ui.cmd.add_value"),
    Action("log.open", "l", "edit_log", "ui.key.edit_log", "main"),
    Action("hat.wear", "w", "wear", "ui.key.wear", "main"),
    Action("review", "r", "review", "ui.key.review", "main", command="ui.cmd.review"),
    Action("settings", "s", "settings", "ui.key.settings", "main", command="ui.cmd.settings"),
    # Out of the footer (full at 80 columns): the help, the palette and the inbox's notice name it.
    Action("import.open", "i", "import_file", "ui.key.import_file", "main", show=False, command="ui.cmd.import_file"),
    # SPEC §3: the last change of this run; the palette's entry names it (``ui.undo``).
    Action("undo", "ctrl+z", "undo", "undo.key", "main", show=False),
    Action("help", "question_mark", "help", "ui.key.help", "app", key_display="?", command="ui.cmd.help"),
    Action("quit", "q", "quit", "ui.key.quit", "app"),
    # Ours rather than Textual's, whose description ("palette") is an English literal.
    Action("palette", "ctrl+p", "command_palette", "ui.key.palette", "app", show=False, priority=True),
    Action("checklist.toggle", "space", "tick", "ui.key.tick", "checklist"),
    Action("checklist.edit", "e", "edit_items", "ui.key.edit_items", "checklist", command="ui.cmd.edit_checklist"),
    # e edits the tab's checklist from any focus (the KPI table, the log, none); the footer names it
    # while the checklist has the focus (the binding above), out of the full footer otherwise.
    Action("checklist.edit_any", "e", "edit_items", "ui.key.edit_items", "main", show=False),
    # enter means "KPI detail" everywhere on the main screen (SPEC §3); a click still ticks.
    Action("checklist.open_kpi", "enter", "screen.open_kpi", "ui.key.open_kpi", "checklist", show=False),
    # Not in the footer (it is full at 80 columns): the CMO tab's map names them, so do ? and ctrl+p.
    Action("cmo.channels", "m", "channel_view", "cmo.key.channels", "desk", show=False, command="cmo.cmd.channels",
           tab="cmo"),
    Action("cmo.plan", "p", "plan_editor", "cmo.key.plan", "desk", show=False, command="cmo.cmd.plan", tab="cmo"),
    Action("cmo.strategy", "v", "strategy", "cmo.key.strategy", "desk", show=False, command="cmo.cmd.strategy"),
    Action("cmo.roles", "k", "roles_review", "cmo.key.roles", "desk", show=False, command="cmo.cmd.roles"),
    Action("hat.hypotheses", "h", "hypotheses", "cmo.key.hypotheses", "desk", show=False,
           command="cmo.cmd.hypotheses"),
    # The palette only: writing a file is rare enough not to spend a key on it.
    Action("deck.write", "", "write_deck", "ui.key.deck", "desk", show=False, command="ui.cmd.deck"),
    Action("values.export", "", "export_values", "ui.key.export_csv", "main", show=False, command="ui.cmd.export_csv"),
    Action("report.write", "", "write_report", "ui.key.report", "main", show=False, command="ui.cmd.report"),
    Action("data.backup", "", "back_up", "ui.key.backup", "main", show=False, command="ui.cmd.backup"),
    Action("data.restore", "", "restore", "ui.key.restore", "main", show=False, command="ui.cmd.restore"),
)  # fmt: skip


def bindings(*scopes: Scope) -> list[BindingType]:
    """The ``BINDINGS`` of the actions in ``scopes`` that have a key, in table order."""
    return [a.binding() for a in ACTIONS if a.scope in scopes and a.key]


def actions_of(*scopes: Scope) -> frozenset[str]:
    """The names of the actions in ``scopes`` (``week(-1)`` → ``week``)."""
    return frozenset(a.action.partition("(")[0] for a in ACTIONS if a.scope in scopes)


def label_keys(node: DOMNode) -> None:
    """Render the descriptions of ``node``'s bindings in the current language, from their ids."""
    # Why the private map: Textual has no public way to change a description after class creation.
    table = node._bindings.key_to_bindings
    changed = False
    for key, bound in table.items():
        fresh = [replace(b, description=t(LABELS[b.id])) if b.id in LABELS else b for b in bound]
        if fresh != bound:
            table[key], changed = fresh, True
    if changed:
        node.refresh_bindings()  # the footer redraws (nothing to do before the node is mounted)


class KeyLabels:
    """Base for a widget, screen or app with ``BINDINGS``: their descriptions rendered in the
    current language when the node is made (a node that outlives a language switch is relabelled
    by ``label_keys``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # A mixin before a DOMNode class (not one itself: Textual merges class-level CSS parts per base).
        super().__init__(*args, **kwargs)
        label_keys(cast(DOMNode, self))
