"""Undo the app's last change (SPEC §3: ``ctrl+z``, until the app closes).

The app keeps a history of its own writes (:func:`keep_history`): every transaction of its
workspace is remembered by the store (``store/undo.py``) with the files it replaced, so no call
site has to hand anything over. :func:`undo_last` puts the newest change's files back as one
commit, refusing when the data was written since by anyone else. Each change is named in words
from what it did to the data (:func:`last_change`): the before and after content of the files it
touched are compared, so a value saved, a tick, a log or a KPI edit reads as such wherever the app
made it (a form, the week grid, an import, a dialog).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from mkhats.domain.models import Kpi
from mkhats.errors import InputError, Message
from mkhats.present.labels import format_day, format_value, hat_name, item_text, kpi_title
from mkhats.services.workspace import Workspace
from mkhats.store import undo as store_undo

_TABLES = (
    "settings",
    "persons",
    "hats",
    "kpis",
    "checklist",
    "ticks",
    "logs",
    "conflicts",
    "checks",
    "decisions",
    "reviews",
    "sessions",
    "hypotheses",
    "plans",
    "goals",
    "wearing",
    "spans",
)
"""Tables with a name of their own in the catalogue (``undo.table.<name>``)."""


Docs = dict[bytes, dict[str, Any]]
"""A table's documents by their canonical JSON (sorted keys)."""


@dataclass(frozen=True)
class Undone:
    """A change that was undone: ``what`` names it (rendered in the language of the moment)."""

    what: Message


def keep_history(ws: Workspace) -> None:
    """Remember every change ``ws`` commits from now on, so that it can be undone (the app's)."""
    if ws.db.undo_log is None:
        ws.db.undo_log = store_undo.UndoLog()


def last_change(ws: Workspace) -> Message | None:
    """What ``ctrl+z`` would undo, in words; None when this run changed nothing (or all is undone).

    Raises:
        StoreError: a file could not be read.
    """
    log = ws.db.undo_log
    change = log.last() if log is not None else None
    if change is None:
        return None
    if not change.unchanged_since():
        return Message("undo.what.change")  # undoing it is refused anyway: no detail to give
    return _describe(ws, change)


def undo_last(ws: Workspace) -> Undone:
    """Undo this run's newest change: every file it touched back as it was, all or none.

    Raises:
        InputError: nothing to undo, or the data was changed since (by another window or the
            command line): nothing was written.
        StoreError: a file could not be read or written (nothing changed, or the journal finishes
            the undo on the next open).
    """
    what = last_change(ws)
    if what is None:
        raise InputError("undo.nothing")
    try:
        store_undo.undo_last(ws.db, ws.today)
    finally:
        ws._forget()  # the data version moves on: the app re-reads and shows the undone state
    return Undone(what)


# -- naming a change -------------------------------------------------------------------------------


def _describe(ws: Workspace, change: store_undo.Change) -> Message:
    """The change in words, from the tables it changed: values, then ticks, logs, KPIs, decisions."""
    now = change.current()
    main = ws.db.layout.main
    slots: list[tuple[tuple[str, str, str], Any, Any]] = []
    main_tables: dict[str, tuple[Docs, Docs]] = {}
    for path, old in change.files:
        before, after = _tables(old), _tables(now[path])
        if before is None or after is None:
            return Message("undo.what.change")
        if path == main:
            for name in sorted(set(before) | set(after)):
                if before.get(name) == after.get(name):
                    continue  # the same documents under the same ids: no need to sort them
                old_docs, new_docs = _docs(before.get(name)), _docs(after.get(name))
                if old_docs.keys() != new_docs.keys():
                    main_tables[name] = (old_docs, new_docs)
        else:
            found = _slot_changes(list(_docs(before.get("values")).values()), list(_docs(after.get("values")).values()))
            slots += found
            if not found and before != after:  # a month file's other table: the hats worn
                main_tables.setdefault("spans", ({}, {}))
    with ws.read() as repo:
        kpis = repo.kpis()
        if slots:
            return _values(slots, kpis)
        if "ticks" in main_tables:
            return _tick(*main_tables["ticks"], {i.id: i for i in repo.checklist()})
        if "logs" in main_tables:
            hats = {log.get("hat") for log in _added(*main_tables["logs"])}
            if len(hats) == 1:
                hat = next(iter(hats))
                return Message("undo.what.log", {"hat": hat_name(repo.hats().get(str(hat), str(hat)))})
    for table, key in (("kpis", "undo.what.kpi"), ("decisions", "undo.what.decision")):
        if table in main_tables:
            names = {doc.get("key" if table == "kpis" else "kpi") for doc in _added(*main_tables[table])}
            if len(names) == 1:
                name = str(next(iter(names)))
                return Message(key, {"kpi": kpi_title(kpis[name]) if name in kpis else name})
    named = [name for name in main_tables if name in _TABLES]
    if named:
        return Message("undo.what.tables", {"tables": ", ".join(str(Message(f"undo.table.{n}")) for n in named)})
    return Message("undo.what.change")


def _tables(raw: bytes | None) -> dict[str, Any] | None:
    """A file's tables (an absent file has none); None when it does not parse as ours."""
    if raw is None:
        return {}
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _docs(table: Any) -> Docs:
    """A TinyDB table's documents by their content (ids are how TinyDB stores them, not data)."""
    if not isinstance(table, dict):
        return {}
    return {orjson.dumps(doc, option=orjson.OPT_SORT_KEYS): doc for doc in table.values() if isinstance(doc, dict)}


def _added(old: Docs, new: Docs) -> list[dict[str, Any]]:
    """Documents in ``new`` not in ``old`` (made or changed), else those removed."""
    made = [new[key] for key in new.keys() - old.keys()]
    return made or [old[key] for key in old.keys() - new.keys()]


def _slot_changes(old: list[Any], new: list[Any]) -> list[tuple[tuple[str, str, str], Any, Any]]:
    """Each (kpi, day, source) whose value changed: its value before and after (None: none)."""

    def by_slot(docs: list[Any]) -> dict[tuple[str, str, str], Any]:
        return {
            (str(d.get("kpi")), str(d.get("day")), str(d.get("source", "manual"))): d
            for d in docs
            if isinstance(d, dict)
        }

    before, after = by_slot(old), by_slot(new)
    return [(slot, before.get(slot), after.get(slot)) for slot in sorted(before.keys() | after.keys())
            if before.get(slot) != after.get(slot)]  # fmt: skip


def _values(slots: list[tuple[tuple[str, str, str], Any, Any]], kpis: dict[str, Kpi]) -> Message:
    """One value: ``Spend on 2 Dec: 1,200``; several: how many."""
    if len(slots) > 1:
        return Message("undo.what.values", {"count": len(slots)})
    (kpi_key, day_text, _source), _old, new = slots[0]
    kpi = kpis.get(kpi_key)
    try:
        day = format_day(date.fromisoformat(day_text), year=False)
    except ValueError:
        day = day_text
    name = kpi_title(kpi) if kpi is not None else kpi_key
    if new is None:
        return Message("undo.what.value_removed", {"kpi": name, "day": day})
    value = new.get("value")
    shown = format_value(kpi, value) if kpi is not None and isinstance(value, int | float) else str(value)
    return Message("undo.what.value", {"kpi": name, "day": day, "value": shown})


def _tick(old: Docs, new: Docs, items: dict[str, Any]) -> Message:
    """A checklist item ticked or unticked (by its text), or a change of ticks when several."""
    ticked = [new[key] for key in new.keys() - old.keys()]
    unticked = [old[key] for key in old.keys() - new.keys()]
    if len(ticked) + len(unticked) != 1:
        return Message("undo.what.tables", {"tables": str(Message("undo.table.ticks"))})
    doc = (ticked or unticked)[0]
    item = items.get(str(doc.get("item")))
    text = item_text(item) if item is not None else str(doc)
    return Message("undo.what.ticked" if ticked else "undo.what.unticked", {"item": text})
