"""``mkhats deck [--week W] [--out FILE.html]``: the weekly deck as one HTML file (SPEC §10).

Without ``--out`` the deck lands in the folder the command runs in, named after its week
(``deck-2026-W48.html``), and the line printed names it; ``--out -`` sends it to stdout.
"""

from __future__ import annotations

import argparse

from mkhats.services.workspace import Workspace


def write_deck_command(args: argparse.Namespace, ws: Workspace) -> int:
    """Write the deck of ``--week`` (default: this week) and say where."""
    from mkhats.commands import _week, _write_out
    from mkhats.services.deck import deck_html, deck_name

    week = _week(args, ws)
    html = deck_html(ws, week)
    _write_out(ws, None if args.out == "-" else args.out or deck_name(week), html)
    return 0
