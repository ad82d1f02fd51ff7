"""The Textual app (SPEC §3). Imported only when the app opens: the CLI never loads Textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkhats.services.workspace import Workspace


def run_app(workspace: Workspace, lang: str | None = None) -> int:
    """Open the app on ``workspace``; returns the exit code."""
    from mkhats.ui.app import MkhatsApp

    app = MkhatsApp(workspace, own_process=True)
    # Read (and create, when missing) the week the first screen shows before the screen takes over:
    # a refused file is then the CLI's one sentence and exit 1, not a traceback inside the app.
    app.prepare()
    result = app.run()
    return result or 0
