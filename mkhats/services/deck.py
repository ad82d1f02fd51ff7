"""Use case of the weekly deck (SPEC §10): the HTML of a week, written where the user asked.

The app writes it to ``decks/`` beside the data file (as ``profiles/`` and ``inbox/`` live there),
the command line to the folder it runs in unless ``--out`` names a file. The file is written like
a report with ``--out``: atomically, owner-only, never over the data set (``services.output``).
"""

from __future__ import annotations

from pathlib import Path

from mkhats.errors import StoreError
from mkhats.services.output import os_reason_text, write_out_file
from mkhats.services.workspace import Workspace

DECKS_FOLDER = "decks"


def deck_name(week: str) -> str:
    """The file name of a week's deck: ``deck-2026-W48.html``."""
    return f"deck-{week}.html"


def deck_html(ws: Workspace, week: str) -> str:
    """The deck of ``week`` as one self-contained HTML document, in the current language."""
    from mkhats.present.deck import weekly_deck

    return weekly_deck(ws.snapshot(week))


def decks_folder(ws: Workspace) -> Path:
    """Where the app writes decks: ``decks/`` beside the data file."""
    return ws.path.parent / DECKS_FOLDER


def write_deck(ws: Workspace, week: str, path: Path | None = None) -> Path:
    """Write the deck of ``week`` to ``path`` (default: ``decks/deck-WEEK.html`` beside the data).

    Returns:
        The path written.

    Raises:
        InputError: ``cli.out_is_data`` when ``path`` is part of the data set.
        StoreError: ``cli.cannot_write`` with the reason (a folder that cannot be made, a full disk).
    """
    html = deck_html(ws, week)  # before any folder is made: a refused read leaves nothing behind
    if path is None:
        folder = decks_folder(ws)
        path = folder / deck_name(week)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("cli.cannot_write", file=str(path), reason=os_reason_text(exc)) from None
    write_out_file(ws, str(path), html)
    return path
