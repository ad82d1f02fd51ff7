"""Typed ways from a widget or screen to the app and its main screen, and the one way to run a
service from the UI.

``node.app`` is typed as any ``App``; the app's workspace, week and snapshot are ``MkhatsApp``'s.
These say so once, instead of ``self.app.ws  # type: ignore`` in every screen. ``run_service``
runs a use case on the app's workspace: a refusal or a storage error becomes a notification (or
the caller's own handling of a refused input or a conflicting edit), and the app goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar, cast

from textual.dom import DOMNode

from mkhats.errors import EditConflict, InputError, MkhatsError

if TYPE_CHECKING:
    from mkhats.domain.snapshot import Snapshot
    from mkhats.services.workspace import Workspace
    from mkhats.ui.app import MkhatsApp
    from mkhats.ui.screens.main import MainScreen


R = TypeVar("R")


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


class Done(NamedTuple, Generic[R]):
    """A use case went through; ``value`` is what it returned (None for some)."""

    value: R


def run_service(
    node: DOMNode,
    use_case: Callable[[Workspace], R],
    *,
    refused: Callable[[InputError], object] | None = None,
    conflicted: Callable[[EditConflict], object] | None = None,
) -> Done[R] | None:
    """``use_case(workspace)``, ``Done`` when it went through, None when it did not.

    ``refused``: shows a refused input where the user typed it; ``conflicted``: asks about a value
    changed elsewhere meanwhile (SPEC §5). Without them, and for any other error (disk full, lock
    held…), the error is a notification.
    """
    app = mkhats_app(node)
    try:
        return Done(use_case(app.ws))
    except EditConflict as conflict:
        if conflicted is None:
            app.notify(conflict.render(), severity="error", timeout=8)
        else:
            conflicted(conflict)
    except InputError as error:
        if refused is None:
            app.notify(error.render(), severity="error", timeout=8)
        else:
            refused(error)
    except MkhatsError as error:
        app.notify(error.render(), severity="error", timeout=8)
    return None
