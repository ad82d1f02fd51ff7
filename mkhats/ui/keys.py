"""Key ids, and their descriptions in the current language for screens that outlive a language switch.

Textual reads ``BINDINGS`` once, when the class is created, so a description rendered with ``t``
stays in the language of that moment. ``relabel_bindings`` re-renders the descriptions of a
node's bindings from their ids (``id`` → catalogue key) and asks the footer to redraw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from textual.dom import DOMNode

from mkhats.i18n import t


def relabel_bindings(node: DOMNode, labels: Mapping[str, str]) -> None:
    """Render the descriptions of ``node``'s bindings whose id is in ``labels`` in the current language."""
    # Why the private map: Textual has no public way to change a description after class creation.
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(labels[b.id])) if b.id in labels else b for b in bindings]
    node.refresh_bindings()


MAIN_ONLY = frozenset(
    {"hat", "week", "this_week", "add_value", "wear", "review", "settings", "open_kpi", "tick", "edit_log"}
)
"""App actions that act on the hat tabs: off while another screen is on top of them."""

KEY_LABELS = {
    **{f"hat.{n}": "ui.key.hat" for n in range(1, 9)},
    "week.prev": "ui.key.prev_week",
    "week.next": "ui.key.next_week",
    "week.this": "ui.key.this_week",
    "value.add": "ui.key.add_value",
    "hat.wear": "ui.key.wear",
    "review": "ui.key.review",
    "settings": "ui.key.settings",
    "help": "ui.key.help",
    "quit": "ui.key.quit",
    "palette": "ui.key.palette",
    "checklist.toggle": "ui.key.tick",
    "checklist.tick": "ui.key.tick",
    "kpi.open": "ui.key.open_kpi",
    "checklist.edit": "ui.key.edit_items",
    "log.save": "ui.key.save",
    "log.open": "ui.key.edit_log",
    "log.edit": "ui.key.edit_log",
    "log.close": "ui.key.back",
}
"""Binding id → catalogue key of the main screen's keys, to re-render them after a language switch."""


def _reverse_catalogue() -> dict[str, str]:
    """Every simple message's text, in every catalogue loaded, → its key."""
    from mkhats.i18n import LANGUAGES, _catalogue

    reverse: dict[str, str] = {}
    for lang in LANGUAGES:
        for key, message in _catalogue(lang).items():
            if isinstance(message, str) and "{" not in message:
                reverse.setdefault(message, key)
    return reverse


def relabel_tree(root: DOMNode) -> None:
    """Re-render, in the current language, every key description under ``root`` that is a message.

    For screens and widgets whose ``BINDINGS`` were rendered at import, in another language: the
    description is looked up back to its catalogue key.
    """
    reverse = _reverse_catalogue()
    for node in (root, *root.walk_children()):
        table = node._bindings.key_to_bindings
        changed = False
        for key, bindings in table.items():
            fresh = [
                replace(b, description=t(reverse[b.description])) if b.description in reverse else b for b in bindings
            ]
            if fresh != bindings:
                table[key], changed = fresh, True
        if changed:
            node.refresh_bindings()
