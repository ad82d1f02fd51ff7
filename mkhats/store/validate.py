"""What a file must hold to be written: the records the next open would accept (SPEC §5).

The same models (and limits) that read a table check it before a write: a transaction that would
write a file holding an invalid record (new, or already there) is refused, naming the file, the
record and the newest backup that loads. A month file also holds only that month's values, at most
one per (KPI, day): reading refuses anything else, and so does writing and restoring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from mkhats.domain import models
from mkhats.errors import StoreError

if TYPE_CHECKING:
    from pydantic import TypeAdapter

M = TypeVar("M", bound=BaseModel)
Where = Callable[[str], tuple[str, str | None]]
"""``where(table)``: the file holding ``table`` (``values 2026-11`` for a month) and the newest backup."""

MAIN_TABLES: dict[str, type[BaseModel] | None] = {
    "settings": models.Settings,
    "persons": models.Person,
    "hats": models.Hat,
    "kpis": models.Kpi,
    "checklist": models.ChecklistItem,
    "ticks": models.ChecklistTick,
    "logs": models.WeeklyLog,
    "conflicts": models.ConflictRule,
    "checks": models.ExternalCheck,
    "decisions": models.AlertDecision,
    "budget_decisions": None,  # decisions on a channel off its budget's pace: its model lives with the plan's
    "reviews": models.RolesReview,
    "sessions": models.StrategySession,
    "hypotheses": None,  # its model is imported only for files that hold some (see the repository)
    "plans": None,  # the media plan (SPEC §10): its model too
    "goals": None,  # the quarterly goals (SPEC §10): its model too
    "wearing": models.WearSpan,
}
MONTH_TABLES: dict[str, type[BaseModel] | None] = {"values": models.KpiValue, "spans": models.WearSpan}


_ADAPTERS: dict[type[BaseModel], TypeAdapter[list[Any]]] = {}
_LABELS = (
    ("kpi", "day"),
    ("hat", "week"),
    ("hat", "month"),
    ("kpi", "quarter"),
    ("key",),
    ("id",),
    ("name",),
    ("month",),
    ("item", "period"),
    ("hat", "start"),
    ("day",),
)


def list_adapter(model: type[M]) -> TypeAdapter[list[M]]:
    """A validator of a list of ``model`` records, built once per model."""
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        from pydantic import TypeAdapter

        # One call into pydantic-core per table: about twice as fast as a call per document.
        adapter = _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
    return adapter


def validated(model: type[M], docs: Iterable[dict[str, Any]], table: str, where: Where | None = None) -> list[M]:
    """``docs`` (one table's documents) as ``model`` records, or a StoreError naming the first bad one.

    ``table`` names it in the message (``values 2026-11`` for a month); ``where(table)`` gives the
    file and the newest backup that loads.
    """
    docs = docs if isinstance(docs, list) else list(docs)
    if not docs:
        return []  # building a validator costs ~0.5 ms; empty tables (reviews, sessions…) need none
    try:
        return list_adapter(model).validate_python(docs)
    except ValidationError as exc:
        error = exc.errors()[0]
        index = error["loc"][0] if error["loc"] else 0
        field = ".".join(str(part) for part in error["loc"][1:])
        file, backup = where(table) if where is not None else ("?", None)
        key = "store.bad_record" if backup else "store.bad_record_no_backup"
        record = record_label(docs[index], index) if isinstance(index, int) and index < len(docs) else "?"
        raise StoreError(
            key, file=file, table=table.split()[0], record=record, field=field, reason=error["msg"], backup=backup
        ) from None


def record_label(doc: Any, index: int) -> str:
    """How a message names a stored record: its natural key (``performance.cpa 2026-11-03``), or its
    position in the table (``#3``)."""
    if isinstance(doc, dict):
        for names in _LABELS:
            parts = [doc.get(name) for name in names]
            if all(isinstance(part, (str, int)) and part != "" for part in parts):
                return " ".join(map(str, parts))[:80]
    return f"#{index + 1}"


def _model(table: str, month: str | None) -> type[BaseModel] | None:
    if month is not None:
        return MONTH_TABLES.get(table)
    if table == "budget_decisions":
        from mkhats.domain.media_plan import BudgetDecision

        return BudgetDecision
    if table == "hypotheses":
        from mkhats.domain.hypotheses import Hypothesis

        return Hypothesis
    if table == "plans":
        from mkhats.domain.media_plan import BudgetPlan

        return BudgetPlan
    if table == "goals":
        from mkhats.domain.goals import Goal

        return Goal
    return MAIN_TABLES.get(table)


def check_file(month: str | None, data: dict[str, Any], tables: Iterable[str], where: Where) -> None:
    """Check the ``tables`` of a file's ``data`` (main file, or month ``YYYY-MM``) with their models.

    Tables no model reads (``meta``) are left alone.

    Raises:
        StoreError: the first invalid record, naming the file, the record and the newest backup.
    """
    for table in tables:
        model = _model(table, month)
        docs = data.get(table)
        if model is None or not docs:
            continue
        label = table if month is None else f"{table} {month}"
        docs = list(docs.values())
        validated(model, docs, label, where)
        if table == "values" and month is not None:
            check_month(month, docs, where)


def check_month(month: str, docs: list[dict[str, Any]], where: Where | None) -> None:
    """Refuse values of another month, and two values of one KPI, day and source, in month ``month``'s file.

    Raises:
        StoreError: naming the file, the KPI and day, and the newest backup.
    """
    prefix = month + "-"
    seen: set[tuple[Any, str, Any]] = set()
    for doc in docs:
        day = doc.get("day")
        if type(day) is not str:
            continue  # not a date at all: the model says so
        key = (doc.get("kpi"), day, doc.get("source", "manual"))
        if not day.startswith(prefix):
            _refuse("store.wrong_month", f"values {month}", where, kpi=key[0], day=day[:10])
        if key in seen:
            _refuse("store.duplicate_value", f"values {month}", where, kpi=key[0], day=day[:10])
        seen.add(key)


def check_set(main: dict[str, Any], months: dict[str, dict[str, Any]], where: Where) -> None:
    """Check every table of a whole set (a backup about to be restored, or named as the one to use).

    Raises:
        StoreError: the first invalid record.
    """
    check_file(None, main, list(main), where)
    for month, data in sorted(months.items()):
        check_file(month, data, list(data), where)


def _refuse(key: str, table: str, where: Where | None, **params: Any) -> None:
    file, backup = where(table) if where is not None else ("?", None)
    if backup:
        raise StoreError(key, file=file, backup=backup, **{k: str(v)[:80] for k, v in params.items()})
    raise StoreError(f"{key}_no_backup", file=file, **{k: str(v)[:80] for k, v in params.items()})
