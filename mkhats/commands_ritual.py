"""``mkhats ritual status [--week W] [--friday]``: what the week's ritual leaves (issue 16).

One line per step, its category first (as ``check``'s lines); exit 1 while anything is left, 0
when nothing is. Only ``ritual`` pays for this module; the Friday ritual reads the week's logs
alone, Monday's the review it is judged on.
"""

from __future__ import annotations

import argparse

from mkhats.services.workspace import Workspace


def run_ritual(args: argparse.Namespace, ws: Workspace) -> int:
    """Print what is left in ``--week``'s (default: this week's) ritual."""
    from mkhats.commands import _out, _week
    from mkhats.i18n import t
    from mkhats.present.ritual_text import status_lines
    from mkhats.services.ritual import ritual_state

    kind = "friday" if args.friday else "monday"
    state = ritual_state(ws, _week(args, ws), kind)
    _out(t("cli.ritual.title", ritual=t(f"ritual.kind.{kind}"), week=state.week))
    for line in status_lines(state.steps, state.hats):
        _out(line)
    if not state.left:
        _out(t("cli.ritual.all_done", week=state.week))
        return 0
    return 1
