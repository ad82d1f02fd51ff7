"""The weekly ritual in the app's frame (issue 16): the header's "Monday ritual done in 0:14" and
the offer, on a Monday, of the ritual not done yet.

Both are asked after the first paint (start-up pays nothing for the ritual), then the header's
words follow each reload of the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from mkhats.errors import MkhatsError
from mkhats.i18n import t

if TYPE_CHECKING:
    from mkhats.domain.ritual import Ritual
    from mkhats.services.workspace import Workspace
    from mkhats.ui.app import MkhatsApp


_READ: WeakKeyDictionary[Workspace, tuple[int, list[Ritual]]] = WeakKeyDictionary()
"""Per workspace: the completed rituals of every week, and the data version they were read at.
A week switch then reads nothing (SPEC §6); a change of the data reads them again."""


def done_rituals(app: MkhatsApp) -> list[Ritual]:
    """The selected week's completed rituals (the header says each, with the time it took)."""
    from mkhats.services.ritual import completed_rituals

    version = app.ws.version
    kept = _READ.get(app.ws)
    if kept is None or kept[0] != version:
        try:
            kept = _READ[app.ws] = (version, completed_rituals(app.ws))
        except MkhatsError:
            return []  # the file went bad: the reload says so once
    return [r for r in kept[1] if r.week == app.week]


def offer(app: MkhatsApp) -> None:
    """On a Monday, this week's Monday ritual not complete: say which key starts or resumes it."""
    if app.ws.today.weekday() != 0:
        return
    from mkhats.present.ritual_text import step_name
    from mkhats.services.ritual import ritual_state
    from mkhats.ui.keys import ACTIONS

    try:
        state = ritual_state(app.ws, app.ws.this_week(), "monday")
    except MkhatsError:
        return
    record = state.record
    if record is not None and record.completed is not None:
        return
    key = next(a.hint for a in ACTIONS if a.id == "ritual.monday")
    if record is None:
        app.notify(t("ritual.offer", key=key), timeout=12)
    else:
        app.notify(t("ritual.resume_offer", key=key, step=step_name(record.step)), timeout=12)
