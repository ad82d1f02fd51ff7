"""Use cases on the weekly ritual: the log (plan, fact, conclusion, action) and checklists."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date

from mkhats.domain.checklist import added, current_items, retired
from mkhats.domain.checklist import revised as revised_versions
from mkhats.domain.edits import expect
from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.models import LONG_TEXT_MAX, ChecklistItem, WeeklyLog, revised
from mkhats.domain.weeks import week_start
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import hat_name, item_text
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

LOG_FIELDS = ("plan", "fact", "conclusion", "action")


def log_fields(log: WeeklyLog | None) -> dict[str, str]:
    """A log's four fields as the editor shows them (no log: four empty fields)."""
    return {f: getattr(log, f) if log is not None else "" for f in LOG_FIELDS}


def save_log(ws: Workspace, hat: str, week: str, base: Mapping[str, str] | None = None, **fields: str) -> WeeklyLog:
    """Save some fields of a hat's log for a week; the other fields keep their stored text.

    Args:
        base: The fields as the editor read them. A field saved here that another writer changed
            since then raises ``EditConflict`` and nothing is written; a field only they changed
            keeps their text (field by field). None: no check.
    """
    return save_logs(ws, week, {hat: fields}, {hat: base} if base is not None else None)[hat]


def save_logs(
    ws: Workspace,
    week: str,
    changes: Mapping[str, Mapping[str, str]],
    bases: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, WeeklyLog]:
    """Save the changed fields of several hats' logs for one week in one transaction: all or none.

    Args:
        changes: ``{hat: {field: text}}``; a hat's other fields keep their stored text.
        bases: ``{hat: fields as the editor read them}``; a hat without one is not checked. A field
            another writer changed since raises ``EditConflict`` and nothing at all is written.

    Returns:
        Every saved log by hat.
    """
    week_start(week)
    for fields in changes.values():
        unknown = set(fields) - set(LOG_FIELDS)
        if unknown:
            raise InputError("log.unknown_field", field=", ".join(sorted(unknown)))
    saved: dict[str, WeeklyLog] = {}
    with ws.write() as repo:
        stored_logs = repo.logs([week])
        hats = repo.hats()
        for hat, fields in changes.items():
            stored = stored_logs.get((hat, week))
            current = stored or WeeklyLog(hat=hat, week=week)
            try:
                log = revised(current, **fields)
            except InvalidRecord as error:
                if error.key != "field.too_long":
                    raise
                raise InputError("log.too_long", field=error.field, limit=LONG_TEXT_MAX) from None
            base = (bases or {}).get(hat)
            if base is not None:
                what = t("edit.what.log", hat=hat_name(hats.get(hat, hat)), week=week)
                labels = {f: t(f"ui.log.{f}") for f in LOG_FIELDS}
                expect(base, log_fields(log), log_fields(stored), what, labels)
            saved[hat] = log
        for log in saved.values():
            repo.upsert_log(log)
    return saved


def tick(ws: Workspace, item_id: str, period: str, done: bool) -> None:
    """Mark a checklist item done (or not) for its period."""
    with ws.write() as repo:
        repo.set_tick(item_id, period, done)


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InputError("checklist.empty")
    if len(text) > 500:
        raise InputError("checklist.too_long", limit=500)
    return text


def add_item(ws: Workspace, hat: str, text: str, cadence: str = "weekly") -> ChecklistItem:
    """Add an item at the end of a hat's checklist, from its current period on."""
    text = _text(text)
    if cadence not in ("weekly", "monthly", "quarterly"):
        raise InputError("checklist.cadence", cadence=cadence)
    with ws.write() as repo:
        items = [i for i in repo.checklist() if i.hat == hat]
        position = max((i.position for i in items), default=-1) + 1
        item = ChecklistItem(id=uuid.uuid4().hex[:12], hat=hat, cadence=cadence, position=position, text=text)
        item = added(item, ws.today)
        repo.set_item(item.id, [item])
        return item


def _current(repo: Repo, item_id: str, today: date) -> tuple[list[ChecklistItem], ChecklistItem]:
    """All versions of an item, and the one that shows this week."""
    versions = [i for i in repo.checklist() if i.id == item_id]
    current = next(iter(current_items(versions, today)), None)
    if current is None:
        raise InputError("checklist.missing")
    return versions, current


def item_fields(item: ChecklistItem) -> dict[str, str]:
    """An item's text and cadence as its form shows them."""
    return {"text": item_text(item), "cadence": t(f"cadence.{item.cadence}")}


def edit_item(
    ws: Workspace, item_id: str, text: str, cadence: str | None = None, base: Mapping[str, str] | None = None
) -> ChecklistItem:
    """Change an item's text (a shipped item becomes the user's own) and cadence from its current
    period on; past periods keep the item as it was.

    ``base``: the item's fields as the form read them (``item_fields``); a field changed elsewhere
    since, that this would overwrite, raises ``EditConflict`` and nothing is written.
    """
    text = _text(text)
    if cadence is not None and cadence not in ("weekly", "monthly", "quarterly"):
        raise InputError("checklist.cadence", cadence=cadence)
    with ws.write() as repo:
        versions, item = _current(repo, item_id, ws.today)
        cadence = cadence or item.cadence
        mine = {"text": text, "cadence": t(f"cadence.{cadence}")}
        theirs = item_fields(item)
        if base is not None:  # what the form left as it read it follows the stored item
            if mine["text"] == base.get("text"):
                text = mine["text"] = theirs["text"]
            if mine["cadence"] == base.get("cadence"):
                cadence, mine["cadence"] = item.cadence, theirs["cadence"]
        labels = {"text": t("forms.item.text"), "cadence": t("forms.item.cadence")}
        expect(base, mine, theirs, t("edit.what.item", item=item_text(item)), labels)
        if text == item_text(item) and cadence == item.cadence:
            return item  # nothing changed: no new version, a shipped text stays the catalogue's
        versions = revised_versions(versions, item, ws.today, text=text, cadence=cadence)
        repo.set_item(item_id, versions)
        return current_items(versions, ws.today)[0]


def delete_item(ws: Workspace, item_id: str) -> None:
    """Remove an item from its current period on (past periods keep it, its ticks stay)."""
    with ws.write() as repo:
        versions, item = _current(repo, item_id, ws.today)
        repo.set_item(item_id, retired(versions, item, ws.today))


def move_item(ws: Workspace, item_id: str, offset: int) -> None:
    """Move an item up (negative) or down among its hat's current items of the same cadence.

    The order is not history: every version of an item takes the new position.
    """
    with ws.write() as repo:
        every = repo.checklist()
        items = current_items(every, ws.today)
        item = next((i for i in items if i.id == item_id), None)
        if item is None:
            raise InputError("checklist.missing")
        group = sorted((i for i in items if i.hat == item.hat and i.cadence == item.cadence), key=lambda i: i.position)
        index = group.index(item)
        target = min(max(index + offset, 0), len(group) - 1)
        group.insert(target, group.pop(index))
        for position, member in enumerate(group):
            if member.position != position:
                versions = [revised(v, position=position) for v in every if v.id == member.id]
                repo.set_item(member.id, versions)
