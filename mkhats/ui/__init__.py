"""The Textual app (SPEC §3). Imported only when the app opens: the CLI never loads Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkhats.services import Workspace


def run_app(workspace: Workspace, lang: str | None = None) -> int:
    """Open the app on ``workspace``; returns the exit code."""
    from mkhats.ui.app import MkhatsApp

    with workspace.read():
        pass  # refuse a corrupt file (and create a missing one) before the screen takes over
    result = MkhatsApp(workspace, own_process=True).run()
    return result or 0
