"""The week entry grid's words: its title, row and column labels, cell texts and the line under it.

The grid (``ui/screens/week_entry.py``) shows a ``WeekSheet`` (``services/week_entry.py``); what
each cell and hint says is made here, in the UI language.
"""

from __future__ import annotations

from datetime import date

from mkhats.domain.models import Hat, Kpi
from mkhats.domain.sources import MANUAL
from mkhats.i18n import t
from mkhats.present.dates import weekday_day
from mkhats.present.labels import (
    format_exact,
    format_value,
    hat_name,
    kpi_title,
    unit_suffix,
    weekday_name,
)
from mkhats.present.views import week_title


def sheet_title(hat: Hat | str, week: str) -> str:
    """``Performance · the week's numbers · 2026-W48 · 23–29 Nov 2026``."""
    return t("week_entry.title", hat=hat_name(hat), week=week_title(week))


def row_label(kpi: Kpi, currency: str | None) -> str:
    """``Spend $``, ``Leads``: the KPI's title and unit, as the KPI table heads them."""
    suffix = unit_suffix(kpi, currency)
    return f"{kpi_title(kpi)} {suffix}" if suffix else kpi_title(kpi)


def column_label(day: date) -> str:
    """``Mon 23`` / ``пн 23``."""
    return f"{weekday_name(day)} {day.day}"


def day_text(day: date) -> str:
    """``Mon 23 Nov 2026`` / ``пн 23 нояб. 2026``."""
    return weekday_day(day)


def cell_text(value: float | None) -> str:
    """A stored value as the cell shows it: every decimal, grouped as the language writes numbers,
    so it reads back to the same number (``1,234.5`` / ``1 234,5``); "" for none."""
    return "" if value is None else format_exact(value)


def imported_text(kpi: Kpi, by_source: dict[str, float]) -> str:
    """``yandex-direct 1,750 + vk-ads 80``: what imports brought for the day."""
    joiner = " + " if kpi.aggregate == "sum" else " · "
    return joiner.join(f"{source} {format_value(kpi, value)}" for source, value in sorted(by_source.items()))


def cell_hint(kpi: Kpi, day: date, today: date, imported: dict[str, float] | None) -> str:
    """The line under the grid for a cell without an error: what the cell is, and why it is locked
    or how it adds up with what imports brought."""
    where = f"{kpi_title(kpi)} · {day_text(day)}"
    if day > today:
        return f"{where}: {t('week_entry.locked')}"
    others = {s: v for s, v in (imported or {}).items() if s != MANUAL}
    if not others:
        return where
    key = "week_entry.imported_sum" if kpi.aggregate == "sum" else "week_entry.imported_one"
    return f"{where}: {t(key, sources=imported_text(kpi, others))}"


def status_text(changed: int, invalid: int) -> str:
    """``2 changes not saved · 1 cell to fix`` (or "" when nothing is pending)."""
    parts = []
    if changed:
        parts.append(t("week_entry.changed", n=changed, count=changed))
    if invalid:
        parts.append(t("week_entry.to_fix", n=invalid, count=invalid))
    return " · ".join(parts)


def saved_text(hat: Hat | str, week: str, written: int, removed: int) -> str:
    """``Performance · 2026-W48: 5 values saved, 1 removed.`` (or that nothing changed)."""
    if not written and not removed:
        return t("week_entry.nothing", hat=hat_name(hat), week=week)
    parts = []
    if written:
        parts.append(t("week_entry.saved", n=written, count=written))
    if removed:
        parts.append(t("week_entry.removed", n=removed, count=removed))
    return t("week_entry.done", hat=hat_name(hat), week=week, what=", ".join(parts))


def pasted_text(filled: int, skipped: int) -> str:
    """``Pasted 7 cells.`` and how many values fell outside the cells that take one."""
    text = t("week_entry.pasted", n=filled, count=filled)
    if skipped:
        text += " " + t("week_entry.paste_skipped", n=skipped, count=skipped)
    return text
