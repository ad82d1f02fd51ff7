"""Typed ways from a widget or screen to the app and its main screen.

``node.app`` is typed as any ``App``; the app's workspace, week and snapshot are ``MkhatsApp``'s.
These say so once, instead of ``self.app.ws  # type: ignore`` in every screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from mkhats.domain.snapshot import Snapshot
    from mkhats.services import Workspace
    from mkhats.ui.app import MkhatsApp
    from mkhats.ui.screens.main import MainScreen


def mkhats_app(node: DOMNode) -> MkhatsApp:
    """The running ``MkhatsApp`` of ``node``."""
    return cast("MkhatsApp", node.app)


def main_screen(node: DOMNode) -> MainScreen:
    """The screen of the hat tabs (the bottom of the stack, whatever is on top of it)."""
    return mkhats_app(node).main


def workspace(node: DOMNode) -> Workspace:
    """The app's workspace."""
    return mkhats_app(node).ws


def snapshot(node: DOMNode) -> Snapshot:
    """The app's snapshot of the selected week (read afresh if the app has none yet)."""
    app = mkhats_app(node)
    return app.snapshot if app.snapshot is not None else app.ws.snapshot(app.week)
