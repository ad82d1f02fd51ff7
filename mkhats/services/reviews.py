"""Use case of the quarterly roles and KPIs review: record that it was held, with its notes."""

from __future__ import annotations

from datetime import date

from mkhats.domain.models import InvalidRecord, RolesReview
from mkhats.errors import InputError
from mkhats.services.workspace import Workspace

_NOTES_LIMIT = 4000


def record_review(ws: Workspace, day: date, notes: str = "") -> RolesReview:
    """Record a roles and KPIs review held on ``day``.

    Args:
        ws: The workspace.
        day: When the review was held; not after today (a future review would never count).
        notes: What was decided: roles raised, KPIs added or dropped.

    Returns:
        The stored review.

    Raises:
        InputError: ``roles_review.future`` or ``roles_review.too_long``.
    """
    if day > ws.today:
        raise InputError("roles_review.future", day=day.isoformat())
    try:
        record = RolesReview(day=day, notes=notes or "")
    except InvalidRecord as error:
        if error.field != "notes":
            raise
        raise InputError("roles_review.too_long", limit=_NOTES_LIMIT) from None
    with ws.write() as repo:
        repo.add_review(record)
    return record
