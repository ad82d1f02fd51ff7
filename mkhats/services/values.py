"""Use cases on daily KPI values: add one, delete one, export them (imports: ``services.importing``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.kpi_names import named
from mkhats.domain.kpis import validate_typed
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Kpi, KpiValue
from mkhats.domain.numbers import parse_number
from mkhats.domain.sources import MANUAL
from mkhats.domain.stoprules import Alert, evaluate_stop_rule, open_alerts
from mkhats.domain.weeks import add_days
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

if TYPE_CHECKING:
    from mkhats.domain.csvrows import RowError

# Beyond the longest rule, a month either side shows a streak's true extent.
_RULE_MARGIN = 31


class BadRowsError(InputError):
    """An import file with bad rows: every one is listed, nothing was written."""

    def __init__(self, path: Path, errors: list[RowError]) -> None:
        super().__init__("import.bad_rows", file=str(path), n=len(errors), count=len(errors))
        self.errors = errors

    def render(self) -> str:
        """The summary line, then one line per bad row; one bad row is one line."""
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        """The summary, then each bad row (a cell it quotes may hold a newline: the CLI keeps it on its line)."""
        if len(self.errors) == 1:
            error = self.errors[0]
            return [
                t("import.bad_row", file=self.params["file"], row=error.row, reason=t(error.reason_key, **error.params))
            ]
        return [super().render(), *(e.render() for e in self.errors)]


def find_kpi(kpis: dict[str, Kpi], key: str) -> Kpi:
    """The KPI ``hat.name``; an unknown key is an error that suggests the nearest ones."""
    key = (key or "").strip().lower()
    if key in kpis:
        return kpis[key]
    import difflib  # only for this error: ``add`` pays for no import it does not use (SPEC §6)

    close = difflib.get_close_matches(key, list(kpis), n=3, cutoff=0.5)
    if close:
        raise InputError("kpi.unknown_close", key=key, close=", ".join(close))
    raise InputError("kpi.unknown", key=key)


def _depends_on(kpis: dict[str, Kpi], key: str, changed: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether KPI ``key``'s values move when ``changed`` does (itself, or through its formula)."""
    from mkhats.domain.formula import formula_refs

    if key == changed:
        return True
    kpi = kpis.get(key)
    if kpi is None or kpi.formula is None or key in seen:
        return False
    try:
        refs = formula_refs(kpi.formula, kpi.hat)
    except InputError:
        return False
    return any(_depends_on(kpis, ref, changed, seen | {key}) for ref in refs)


def _fired(repo: Repo, kpis: dict[str, Kpi], day: date, changed: str) -> list[Alert]:
    """Open alerts whose streak includes ``day``, of the rules the changed KPI feeds or guards."""
    return fired_alerts(repo, kpis, [(changed, day)])


def fired_alerts(repo: Repo, kpis: dict[str, Kpi], cells: Collection[tuple[str, date]]) -> list[Alert]:
    """Open alerts, each of a rule that a changed KPI feeds or guards, whose streak includes a day
    that KPI changed on; ``cells`` are the (KPI, day)s changed. The rules are judged once over a
    window around all the days (a week's grid saved at once costs one evaluation, not one per cell)."""
    hats = repo.hats()

    def feeds(rule: Kpi, changed: str) -> bool:
        guard = rule.stop.guard if rule.stop is not None else None
        return _depends_on(kpis, rule.key, changed) or (guard is not None and f"{rule.hat}.{guard.kpi}" == changed)

    changed = {key for key, _ in cells}
    rules = {
        k.key: [day for key, day in cells if feeds(k, key)]
        for k in kpis.values()
        if k.stop is not None
        and k.stop.threshold is not None
        and not k.retired
        and k.hat in hats
        and hats[k.hat].enabled
        and any(feeds(k, key) for key in changed)
    }
    if not rules:
        return []
    longest = max(kpis[key].stop.days for key in rules if kpis[key].stop is not None)  # type: ignore[union-attr]
    days = [day for _, day in cells]
    first, last = add_days(min(days), -longest - _RULE_MARGIN), add_days(max(days), longest + _RULE_MARGIN)
    daily = repo.daily(first, last)
    alerts: list[Alert] = []
    for key in rules:
        alerts += evaluate_stop_rule(kpis[key], kpis, daily, first, last)
    opened = open_alerts(alerts, repo.decisions())
    return [a for a in opened if any(a.first <= day <= a.last for day in rules[a.kpi])]


@light_dataclass(frozen=True)
class Added:
    """A value as stored, and the stop-rule alerts whose streak now includes its day."""

    kpi: Kpi
    day: date
    value: float
    alerts: list[Alert]
    kpis: dict[str, Kpi]
    """Every KPI, to name those the alerts are about (a guard's, a formula's inputs)."""
    currency: str | None
    """The sign money values are shown with."""


def add_value(
    ws: Workspace,
    key: str,
    value: str | float,
    day: date | None = None,
    note: str = "",
    base: Mapping[str, str] | None = None,
) -> Added:
    """Set a measured KPI's value for a day (replacing any earlier one).

    ``base``: the day's value and note as an edit form read them (``value_fields``); when another
    writer changed what this would overwrite since, ``EditConflict`` is raised and nothing is
    written. None (``add``, the add form): a plain set, the last value typed is the day's value.

    Returns:
        The value as stored and the open stop-rule alerts whose streak now includes that day,
        judged in the same transaction (what was just written, nothing another process wrote since).
    """
    day = day or ws.today
    if isinstance(value, str):
        number = parse_number(value, t("forms.value.value"), lang=current_language())
    else:
        number = float(value)
    with ws.write() as repo:
        kpis = repo.kpis()
        kpi = find_kpi(kpis, key)
        if kpi.retired:
            raise InputError("kpi.retired", kpi=named(kpi))
        validate_typed(kpi, number)
        record = _value(kpi.key, day, number, note)
        if base is not None:
            record = _checked_value(repo, kpi, record, base)
        repo.set_values([record])
        alerts = _fired(repo, kpis, day, kpi.key)
        return Added(kpi, day, record.value, alerts, kpis, repo.settings().currency)


def _checked_value(repo: Repo, kpi: Kpi, record: KpiValue, base: Mapping[str, str]) -> KpiValue:
    """The value to write: what the form left as it read it follows the stored value (merged);
    raises ``EditConflict`` when it would overwrite a value or note changed elsewhere since."""
    from mkhats.domain.edits import expect
    from mkhats.domain.models import revised
    from mkhats.present.kpi_detail import value_fields
    from mkhats.present.labels import format_day, kpi_title

    stored = next((v for v in repo.values(record.day, record.day) if v.kpi == kpi.key and v.source == MANUAL), None)
    if stored is not None:
        mine = value_fields(record)
        if mine["value"] == base.get("value"):
            record = revised(record, value=stored.value)
        if mine["note"] == base.get("note"):
            record = revised(record, note=stored.note)
    what = t("edit.what.value", kpi=kpi_title(kpi), day=format_day(record.day))
    labels = {"value": t("detail.edit.value"), "note": t("detail.edit.note")}
    expect(base, value_fields(record), value_fields(stored), what, labels)
    return record


def _value(key: str, day: date, number: float, note: str) -> KpiValue:
    try:
        return KpiValue(kpi=key, day=day, value=number, note=note)
    except InvalidRecord as error:
        if error.field == "note" and error.key == "field.too_long":
            raise InputError("value.note_too_long", limit=500) from None
        raise


def delete_value(ws: Workspace, key: str, day: date) -> bool:
    """Remove the user's own value of a KPI for a day (an import's stays: the next import would
    bring it back anyway); whether there was one."""
    with ws.write() as repo:
        kpi = find_kpi(repo.kpis(), key)
        return repo.delete_value(kpi.key, day, MANUAL)


def export_csv(ws: Workspace) -> str:
    """Every KPI value as CSV (``date,kpi,value,note``)."""
    from mkhats.domain.csvrows import format_values_csv

    with ws.read() as repo:
        return format_values_csv(repo.all_values())


def value_notes(ws: Workspace, key: str, first: date, last: date) -> dict[date, str]:
    """The notes of a KPI's values from ``first`` to ``last`` (days without a note are left out)."""
    with ws.read() as repo:
        return {v.day: v.note for v in repo.values(first, last) if v.kpi == key and v.note}


def values_after(ws: Workspace, key: str, after: date) -> dict[date, float]:
    """A measured KPI's values dated after ``after`` (sources combined): days ahead of today, which
    the form takes once confirmed and ``add`` takes as it is, and a week's window does not reach."""
    from datetime import timedelta

    from mkhats.domain.weeks import MAX_DAY

    if after >= MAX_DAY:
        return {}
    with ws.read() as repo:
        return repo.daily(after + timedelta(days=1), MAX_DAY).get(key, {})


def value_sources(ws: Workspace, key: str, first: date, last: date) -> dict[date, dict[str, float]]:
    """``{day: {source: value}}`` of a KPI from ``first`` to ``last``, for the days an import fed
    (days of the user's own values alone are left out: they need no breakdown)."""
    from mkhats.domain.sources import sources_by_day

    with ws.read() as repo:
        by_day = sources_by_day(repo.values(first, last), key)
    return {day: found for day, found in by_day.items() if set(found) != {MANUAL}}
