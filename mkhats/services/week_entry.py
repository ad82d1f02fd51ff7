"""Week entry (SPEC §3): a hat's measured KPIs × the seven days of a week, read and saved at once.

``read_week`` gives what the grid shows: the rows (the hat's measured KPIs in the KPI table's
order), the days, the user's own (``manual``) values and, per (KPI, day), what imports brought.
``set_week`` checks every changed cell, then writes them all in one transaction or none: the grid
edits the user's own values only, so an imported value is never touched (SPEC §1), a changed cell
keeps its stored note, and an emptied cell deletes the user's value of that day.

Days after today are refused here (the grid shows them read-only): a value is entered on its day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from mkhats.domain.kpis import validate_typed
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Hat, Kpi, KpiValue
from mkhats.domain.numbers import parse_number, plain_number
from mkhats.domain.sources import MANUAL
from mkhats.domain.stoprules import Alert
from mkhats.domain.weeks import week_days
from mkhats.errors import InputError, MkhatsError
from mkhats.i18n import current_language, t
from mkhats.services.values import fired_alerts
from mkhats.services.workspace import Workspace

Cell = tuple[str, date]
"""A cell of the grid: (KPI key, day)."""


@light_dataclass(frozen=True)
class WeekSheet:
    """What the grid of one hat and week shows, as stored when it was read."""

    hat: str
    week: str
    days: list[date]
    """Monday to Sunday."""
    today: date
    kpis: list[Kpi]
    """The hat's measured KPIs that are not retired, in the KPI table's order."""
    manual: dict[Cell, float]
    """The user's own values."""
    imported: dict[Cell, dict[str, float]]
    """``{source: value}`` of the other sources (imports), for the cells they fed."""
    currency: str | None

    def editable(self, day: date) -> bool:
        """Whether the grid takes a value for ``day`` (not after today)."""
        return day <= self.today


def read_week(ws: Workspace, hat: str, week: str) -> WeekSheet:
    """The grid of ``hat`` for ``week`` (``2026-W48``), read in one view of the data."""
    days = week_days(week)
    with ws.read() as repo:
        kpis = repo.kpis()
        values = repo.values(days[0], days[-1])
        currency = repo.settings().currency
    rows = sorted(
        (k for k in kpis.values() if k.hat == hat and not k.retired and k.formula is None), key=lambda k: k.position
    )
    keys = {k.key for k in rows}
    manual: dict[Cell, float] = {}
    imported: dict[Cell, dict[str, float]] = {}
    for v in values:
        if v.kpi not in keys:
            continue
        if v.source == MANUAL:
            manual[(v.kpi, v.day)] = v.value
        else:
            imported.setdefault((v.kpi, v.day), {})[v.source] = v.value
    return WeekSheet(hat, week, days, ws.today, rows, manual, imported, currency)


def cell_value(kpi: Kpi, text: str | None) -> float | None:
    """The number a cell holds, read as the UI language writes numbers; None for an empty cell.

    Raises:
        InputError: the text is not a number, or the KPI does not take it (negative money…); the
            message names the KPI by its title.
    """
    from mkhats.present.labels import kpi_title

    if text is None or not text.strip():
        return None
    title = kpi_title(kpi)
    number = parse_number(text, title, lang=current_language())
    try:
        validate_typed(kpi, number)
    except InputError as error:
        raise InputError(error.key, **{**error.params, "kpi": title}) from None
    return number


class CellErrors(InputError):
    """Cells of the grid that cannot be saved, each with its reason. Nothing was written."""

    def __init__(self, errors: Mapping[Cell, MkhatsError]) -> None:
        super().__init__("week_entry.invalid", n=len(errors), count=len(errors))
        self.errors = dict(errors)


@light_dataclass(frozen=True)
class WeekSaved:
    """What one save of the grid did."""

    hat: str
    week: str
    written: list[KpiValue]
    """The user's values stored, new or changed."""
    removed: list[Cell]
    """The cells whose value of the user's was deleted."""
    unchanged: int
    """Cells given the value they already held."""
    alerts: list[Alert]
    """Open stop-rule alerts whose streak includes a changed day, judged in the same transaction."""
    kpis: dict[str, Kpi]
    currency: str | None


def set_week(
    ws: Workspace,
    hat: str,
    changes: Mapping[Cell, str | None],
    base: Mapping[Cell, float | None] | None = None,
) -> WeekSaved:
    """Store the changed cells of ``hat``'s grid as the user's own values, all or none.

    Args:
        ws: The workspace.
        hat: The hat whose grid this is (it names the grid in a conflict).
        changes: ``{(kpi, day): text}`` as typed (read as the UI language writes numbers); None or
            an empty text deletes the user's value of that day.
        base: The user's values of those cells as the grid read them (None: none there). A cell
            changed elsewhere since then raises ``EditConflict`` (SPEC §5); None: no check.

    Raises:
        CellErrors: a cell's text is not a number the KPI takes, the KPI is unknown, retired or a
            formula, or the day is after today; every such cell is named, nothing is written.
        EditConflict: see ``base``.
    """
    typed: dict[Cell, float | None] = {}
    errors: dict[Cell, MkhatsError] = {}
    with ws.write() as repo:
        kpis = repo.kpis()
        for (key, day), text in changes.items():
            try:
                typed[(key, day)] = _checked(kpis, key, day, text, ws.today)
            except InputError as error:
                errors[(key, day)] = error
        if errors:
            raise CellErrors(errors)
        if not typed:
            return WeekSaved(hat, _week(changes), [], [], 0, [], kpis, repo.settings().currency)
        days = [day for _, day in typed]
        stored = {
            (v.kpi, v.day): v
            for v in repo.values(min(days), max(days))
            if v.source == MANUAL and (v.kpi, v.day) in typed
        }
        if base is not None:
            _expect(repo.hats().get(hat, hat), kpis, typed, stored, base)
        written: list[KpiValue] = []
        removed: list[Cell] = []
        unchanged = 0
        for cell, number in typed.items():
            before = stored.get(cell)
            if number is None:
                if before is not None:
                    repo.delete_value(cell[0], cell[1], MANUAL)
                    removed.append(cell)
                continue
            if before is not None and before.value == number:
                unchanged += 1
                continue
            # The note the user wrote for that day stays with the new value.
            written.append(KpiValue(kpi=cell[0], day=cell[1], value=number, note=before.note if before else ""))
        repo.set_values(written)
        cells = {(v.kpi, v.day) for v in written} | set(removed)
        alerts = fired_alerts(repo, kpis, cells) if cells else []
        return WeekSaved(hat, _week(changes), written, removed, unchanged, alerts, kpis, repo.settings().currency)


def cell_field(cell: Cell) -> str:
    """A cell's name among the fields of an ``EditConflict``: ``performance.spend@2026-11-23``."""
    return f"{cell[0]}@{cell[1].isoformat()}"


def _checked(kpis: Mapping[str, Kpi], key: str, day: date, text: str | None, today: date) -> float | None:
    """The number a changed cell stores (None: delete), or ``InputError`` saying why not."""
    kpi = kpis.get(key)
    if kpi is None:
        raise InputError("kpi.unknown", key=key)
    if kpi.retired:
        from mkhats.present.labels import kpi_title

        raise InputError("kpi.retired", kpi=kpi_title(kpi))
    if day > today:
        raise InputError("week_entry.future", day=_day_text(day))
    return cell_value(kpi, text)


def _week(changes: Mapping[Cell, object]) -> str:
    from mkhats.domain.weeks import week_key

    return week_key(min(day for _, day in changes)) if changes else ""


def _day_text(day: date) -> str:
    from mkhats.present.dates import weekday_day

    return weekday_day(day)


def _expect(
    hat: Hat | str,
    kpis: Mapping[str, Kpi],
    typed: Mapping[Cell, float | None],
    stored: Mapping[Cell, KpiValue],
    base: Mapping[Cell, float | None],
) -> None:
    """Raise ``EditConflict`` when a cell this save changes was changed elsewhere since the grid read it."""
    from mkhats.domain.edits import expect
    from mkhats.present.labels import hat_name, kpi_title

    def text(value: float | None) -> str:
        return "" if value is None else plain_number(value)

    names = {cell: cell_field(cell) for cell in typed if cell in base}
    mine = {names[c]: text(typed[c]) for c in names}
    theirs = {names[c]: text(stored[c].value if c in stored else None) for c in names}
    read = {names[c]: text(base[c]) for c in names}
    labels = {names[c]: f"{kpi_title(kpis[c[0]])} · {_day_text(c[1])}" for c in names}
    what = t("week_entry.what", hat=hat_name(hat), week=_week(typed))
    expect(read, mine, theirs, what, labels)
