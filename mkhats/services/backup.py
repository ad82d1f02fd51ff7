"""Full backups: ``export --format json`` writes one, ``restore`` puts one back after checking it.

A restore is refused (exit 2, nothing written) when any record of the backup would be refused by
the next open: a model's limits, an unknown KPI, a value out of its KPI's range, a value stored in
another month's file or twice for one KPI and day.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from mkhats.domain.kpi_names import named
from mkhats.domain.kpis import validate_value
from mkhats.domain.models import Kpi
from mkhats.domain.targets import validate_target, validate_threshold
from mkhats.errors import InputError, MkhatsError
from mkhats.services.workspace import Workspace
from mkhats.store import CorruptFileError, read_backup
from mkhats.store.repo import Repo


def export_json(ws: Workspace, dest: Path | None = None) -> str:
    """Write a full backup of the data set to ``dest``; without ``dest``, return it as text."""
    with ws.read():
        pass  # a missing file is first created with the defaults, so the backup is never empty
    if dest is not None:
        ws.db.write_backup(Path(dest))
        return ""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "backup.json"
        ws.db.write_backup(path)
        return path.read_text(encoding="utf-8")


class _Table:
    def __init__(self, docs: dict[str, Any] | None) -> None:
        self._docs = list((docs or {}).values())

    def all(self) -> list[dict[str, Any]]:
        return self._docs


class _BackupView:
    """A backup's tables, read like a database view so the repository validates every record."""

    def __init__(self, main: dict[str, Any], months: dict[str, dict[str, Any]]) -> None:
        self._main, self._months = main, months

    def main(self, table: str) -> _Table:
        return _Table(self._main.get(table))

    def month(self, month: str, table: str) -> _Table:
        return _Table(self._months.get(month, {}).get(table))

    def months(self) -> list[str]:
        return sorted(self._months)

    def docs(self, table: str, month: str | None = None) -> list[dict[str, Any]]:
        return (self.main(table) if month is None else self.month(month, table)).all()


def check_backup(src: Path) -> None:
    """Refuse a backup holding any record mkhats would not accept from a user (exit 2)."""
    if not src.is_file():
        raise InputError("import.missing", file=str(src))
    try:
        backup = read_backup(src)
    except CorruptFileError as error:
        raise InputError("restore.invalid", file=str(src), detail=error.render()) from None
    months = {key.removeprefix("values-"): data for key, data in backup.months.items()}
    repo = Repo(_BackupView(backup.main, months), lambda table: (_entry(src, table), None))
    try:
        for read in (
            repo.settings,
            repo.persons,
            repo.hats,
            repo.checklist,
            repo.ticks,
            repo.logs,
            repo.conflicts,
            repo.checks,
            repo.decisions,
            repo.reviews,
            repo.sessions,
            repo.wearing,
            repo.hypotheses,
            repo.money().plans,
            repo.money().goals,
            repo.money().budget_decisions,
        ):
            read()
        kpis = repo.kpis()
        for kpi in kpis.values():
            validate_target(kpi, kpi.target)
            if kpi.stop is not None:
                validate_threshold(kpi, kpi.stop.threshold)
                guard = kpi.stop.guard
                if guard is not None and f"{kpi.hat}.{guard.kpi}" in kpis:
                    validate_threshold(kpis[f"{kpi.hat}.{guard.kpi}"], guard.threshold)
        _check_rules(kpis)
        for value in repo.all_values():
            of = kpis.get(value.kpi)
            if of is None:
                raise InputError("kpi.unknown", key=value.kpi)
            validate_value(of, value.value)
    except MkhatsError as error:
        raise InputError("restore.invalid", file=str(src), detail=error.render()) from None


def _check_rules(kpis: dict[str, Kpi]) -> None:
    """What ``kpi set`` and the settings refuse: a formula that does not parse, names an unknown KPI
    or is part of a cycle (itself included: a cycle silently drops a stop alert); a guard on the
    KPI itself or on a KPI that does not exist."""
    from mkhats.domain.formula import check_formulas

    check_formulas(kpis)
    for kpi in kpis.values():
        guard = kpi.stop.guard if kpi.stop is not None else None
        if guard is None:
            continue
        ref = f"{kpi.hat}.{guard.kpi}"
        if ref == kpi.key:
            raise InputError("kpi.guard_self", kpi=named(kpi))
        if ref not in kpis:
            raise InputError("kpi.guard_unknown", kpi=named(kpi), guard=ref)


def _entry(src: Path, table: str) -> str:
    """The backup, and which of its files holds ``table`` (``values 2026-11``: that month's file)."""
    parts = table.split()
    return f"{src} (values-{parts[1]}.json)" if len(parts) > 1 else str(src)


def restore(ws: Workspace, src: Path) -> Path | None:
    """Replace the data set with backup ``src`` after validating every record in it.

    Returns:
        Where the data set that was replaced has been kept (None if there was none).
    """
    check_backup(Path(src))
    try:
        return ws.db.restore(Path(src), ws.today)
    finally:
        ws._forget()
