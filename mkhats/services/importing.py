"""Use case: bring an export in (SPEC §9) — read it, preview what it changes, then write all or nothing.

A file is recognised by its content: a source profile (``mkhats.imports``) or the plain
``date,kpi,value`` rows of SPEC §4. A profile's per-day totals are stored with its source, and
replace what that source said of the days the file covers (ad platforms restate past days); other
sources' values, and the user's own, are never touched. The same plan is what ``--dry-run`` and the
app's import screen show and what the import then writes, in one transaction.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkhats.domain.models import KpiValue
from mkhats.domain.sources import MANUAL
from mkhats.errors import InputError, StoreError
from mkhats.i18n import current_language, t
from mkhats.imports.plan import Change, ImportPlan
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

if TYPE_CHECKING:
    from mkhats.imports import Profile

PROFILES_FOLDER = "profiles"
"""The user's own profiles: ``*.toml`` in this folder beside the data file."""


class SystemZone(tzinfo):
    """The computer's time zone, with the offset in force at each moment (summer time included).

    Export times are turned into the user's days in it. ``datetime.now().astimezone().tzinfo``
    would be today's offset only: read in winter, a Berlin sale at 22:30 UTC one July evening
    (00:30 the next day, CEST) would land on the day before.
    """

    def fromutc(self, dt: datetime) -> datetime:
        return dt.replace(tzinfo=UTC).astimezone().replace(tzinfo=self)  # the OS's rules for that moment

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None if dt is None else dt.replace(tzinfo=None).astimezone().utcoffset()

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


class ImportBadRows(InputError):
    """An export with bad rows: each is listed with its line number, nothing was written."""

    def __init__(self, path: Path, rows: list[tuple[int | None, str, dict[str, Any]]], count: int) -> None:
        super().__init__("import.bad_rows", file=str(path), n=count, count=count)
        self.rows = rows

    def render(self) -> str:
        """The summary, then one line per bad row."""
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """The summary, then each bad row as ``line N: reason``."""
        return [
            super().render(),
            *(
                t(key, **p) if n is None else t("import.row_line", line=n, reason=t(key, **p))
                for n, key, p in self.rows
            ),
        ]


FILE_MAX = 1 << 30
"""The largest export read (1 GiB: a year of a large account's campaign × day rows is ≈ 50 MB)."""


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or one sentence why not (a FIFO or a device is refused, not waited on)."""
    import stat

    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("import.directory", file=str(path))
        if not stat.S_ISREG(mode):
            raise InputError("import.not_a_file", file=str(path))
        with Path(path).open("rb") as handle:
            data = handle.read(FILE_MAX + 1)  # a file still growing cannot exhaust memory
    except FileNotFoundError:
        raise InputError("import.missing", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("import.directory", file=str(path)) from None
    except OSError as exc:
        raise StoreError("import.unreadable", file=str(path), reason=exc.strerror or str(exc)) from None
    if len(data) > FILE_MAX:
        raise InputError("import.too_large", file=str(path), limit="1 GiB")
    return data


def profiles_folder(ws: Workspace) -> Path:
    """Where the user's own profiles live: ``profiles/`` beside the data file."""
    return ws.path.parent / PROFILES_FOLDER


def list_profiles(ws: Workspace) -> dict[str, Profile]:
    """The built-in profiles and the user's own (theirs win by name)."""
    from mkhats.imports import load_profiles

    return load_profiles(profiles_folder(ws))


def find_profile(ws: Workspace, name: str) -> Profile:
    """A profile by name, or from a ``.toml`` file; an unknown name lists those there are."""
    from mkhats.imports import load_profile

    if name.lower().endswith(".toml"):
        return load_profile(Path(name))
    profiles = list_profiles(ws)
    found = profiles.get(name.strip().lower())
    if found is None:
        raise InputError("import.profile_unknown", name=name, names=", ".join(sorted(profiles)))
    return found


def plan_import(ws: Workspace, path: Path, profile: str | None = None, rate: float | None = None) -> ImportPlan:
    """Read ``path`` and say what importing it would change; nothing is written.

    Raises:
        InputError: the file cannot be read, is not recognised, has bad rows (``ImportBadRows``),
            is in another currency without ``rate``, or feeds no KPI this data file measures.
    """
    data = read_bytes(path)
    with ws.read() as repo:
        return _plan(repo, ws, Path(path), data, profile, rate)


def import_file(
    ws: Workspace, path: Path, profile: str | None = None, rate: float | None = None, dry_run: bool = False
) -> ImportPlan:
    """Import ``path``: all of its values in one transaction, or none (SPEC §5, §9).

    The plan is made again inside the transaction, so what is written is judged against the data
    as it is when written (another process may have changed it since a preview).
    """
    if rate is not None and not rate > 0:
        raise InputError("import.rate", value=rate)
    data = read_bytes(path)
    if dry_run:
        with ws.read() as repo:
            return _plan(repo, ws, Path(path), data, profile, rate)
    with ws.write() as repo:
        plan = _plan(repo, ws, Path(path), data, profile, rate)
        _apply(repo, plan)
    return _done(plan)


def _done(plan: ImportPlan) -> ImportPlan:
    from dataclasses import replace

    return replace(plan, dry_run=False)


def _apply(repo: Repo, plan: ImportPlan) -> None:
    """Write a plan: this source's values on the file's days are replaced by the file's."""
    if plan.reading is not None and plan.reading.covered is not None:
        first, last = plan.reading.covered
        repo.drop_source(plan.source, _kpis_of(plan), first, last, plan.values)
    repo.set_values(plan.values)


def _kpis_of(plan: ImportPlan) -> list[str]:
    assert plan.reading is not None
    return [m.kpi for m in plan.reading.mapping if m.kpi not in plan.skipped_kpis]


def _plan(repo: Repo, ws: Workspace, path: Path, data: bytes, name: str | None, rate: float | None) -> ImportPlan:
    from mkhats.imports import recognise, unknown_file

    kpis = repo.kpis()
    chosen = find_profile(ws, name) if name else None
    if chosen is None:
        match = recognise(data, list_profiles(ws))
        chosen = match.profile if match is not None else None
    if chosen is None:
        return _plain(repo, path, data, kpis, unknown_file)
    return _profile_plan(repo, path, data, chosen, rate)


def _plain(repo: Repo, path: Path, data: bytes, kpis: dict[str, Any], unknown: Any) -> ImportPlan:
    """Plain ``date,kpi,value`` rows (SPEC §4): the user's own values, upserted day by day."""
    from mkhats.domain.csvrows import parse_value_rows
    from mkhats.services.values import BadRowsError

    try:
        values, errors = parse_value_rows(data, kpis, lang=current_language())
    except InputError as error:
        table = data.startswith((b"PK", b"\xd0\xcf\x11\xe0")) or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
        if error.key == "csv.header" or (error.key == "csv.encoding" and table):  # no profile knows it
            raise unknown(data) from None
        raise
    if errors:
        raise BadRowsError(path, errors)
    changes, unchanged = _diff(repo, MANUAL, values, [], None)
    return ImportPlan(str(path), MANUAL, values, changes, unchanged)


def _profile_plan(repo: Repo, path: Path, data: bytes, profile: Profile, rate: float | None) -> ImportPlan:
    from mkhats.domain.kpis import validate_value
    from mkhats.imports import read
    from mkhats.imports.cells import currency_code

    reading = read(data, profile, SystemZone())
    if not reading.ok:
        raise ImportBadRows(path, list(reading.bad), reading.bad_count)
    settings, kpis = repo.settings(), repo.kpis()
    currency = currency_code(settings.currency) if settings.currency else None
    file_currency = reading.currency
    money = {m.kpi for m in reading.mapping if m.money}
    factor = None
    if money and file_currency and currency and file_currency != currency:
        if rate is None:
            raise InputError("import.currency", file=str(path), found=file_currency, expected=currency)
        factor = rate
    skipped = tuple(m.kpi for m in reading.mapping if m.kpi not in kpis or kpis[m.kpi].formula is not None)
    values: list[KpiValue] = []
    bad: list[tuple[int | None, str, dict[str, Any]]] = []
    for (key, day), total in sorted(reading.totals.items()):
        if key in skipped:
            continue
        value = round(total * factor, 2) if factor is not None and key in money else total
        try:
            validate_value(kpis[key], value)
            values.append(KpiValue(kpi=key, day=day, value=value, source=reading.source))
        except InputError as error:
            bad.append((None, "import.bad_total", {"kpi": key, "day": day.isoformat(), "reason": error.render()}))
    if bad:
        raise ImportBadRows(path, bad, len(bad))
    if not values and skipped and len(skipped) == len(reading.mapping):
        raise InputError("import.no_kpi", profile=profile.name, kpis=", ".join(skipped))
    kpi_keys = [m.kpi for m in reading.mapping if m.kpi not in skipped]
    changes, unchanged = _diff(repo, reading.source, values, kpi_keys, reading.covered)
    return ImportPlan(
        str(path),
        reading.source,
        values,
        changes,
        unchanged,
        reading=reading,
        profile=profile,
        rate=factor,
        file_currency=file_currency,
        currency=currency,
        skipped_kpis=skipped,
    )


def _diff(
    repo: Repo, source: str, values: list[KpiValue], kpis: list[str], covered: tuple[date, date] | None
) -> tuple[list[Change], int]:
    """The (KPI, day)s whose value from ``source`` changes, and how many stay as they are."""
    days = [v.day for v in values]
    if covered is not None:
        days += list(covered)
    if not days:
        return [], 0
    stored = {(v.kpi, v.day, v.source): v for v in repo.values(min(days), max(days))}
    changes: list[Change] = []
    unchanged = 0
    for v in values:
        old = stored.get((v.kpi, v.day, v.source))
        if old == v:
            unchanged += 1
        else:
            changes.append(Change(v.kpi, v.day, old.value if old is not None else None, v.value))
    if covered is not None:
        first, last = covered
        new = {(v.kpi, v.day) for v in values}
        wanted = set(kpis)
        for (kpi, day, src), old in stored.items():
            if src == source and kpi in wanted and first <= day <= last and (kpi, day) not in new:
                changes.append(Change(kpi, day, old.value, None))
    changes.sort(key=lambda c: (c.kpi, c.day))
    return changes, unchanged
