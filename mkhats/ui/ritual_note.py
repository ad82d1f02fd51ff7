"""The weekly ritual in the app's frame (issue 16): the header's "Monday ritual done in 0:14" and
the offer, on a Monday, of the ritual not done yet.

Both are asked after the first paint (start-up pays nothing for the ritual), then the header's
words follow each reload of the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkhats.errors import MkhatsError
from mkhats.i18n import t

if TYPE_CHECKING:
    from mkhats.domain.ritual import Ritual
    from mkhats.ui.app import MkhatsApp


def done_rituals(app: MkhatsApp) -> list[Ritual]:
    """The selected week's completed rituals (the header says each, with the time it took)."""
    from mkhats.services.ritual import completed_rituals

    try:
        return completed_rituals(app.ws, app.week)
    except MkhatsError:
        return []  # the file went bad: the reload says so once


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
