"""The plan editor's words (the CMO tab's ``p``, SPEC §10): its title, rows, columns and hints.

The grid's rows are each channel hat's three figures (budget, planned leads, tolerance), its
columns the quarter's months; the cells hold the numbers as the UI language writes them.
"""

from __future__ import annotations

from mkhats.domain.models import Hat
from mkhats.i18n import t
from mkhats.present.cmo_text import format_month
from mkhats.present.labels import currency_sign, format_exact, format_unit, hat_name


def editor_title(quarter: str, months: list[str]) -> str:
    """``Media plan · 2026-Q4 (October 2026 – December 2026)``."""
    return t("plan_editor.title", quarter=quarter, first=format_month(months[0]), last=format_month(months[-1]))


def field_label(field: str, currency: str | None) -> str:
    """``Budget $``, ``Leads plan``, ``Tolerance %``."""
    label = t(f"plan_editor.field.{field}")
    return f"{label} {currency_sign(currency)}".rstrip() if field == "budget" else label


def row_label(hat: Hat, field: str, currency: str | None) -> str:
    """``Performance · Budget $``."""
    return t("plan_editor.row", hat=hat_name(hat), field=field_label(field, currency))


def column_label(month: str) -> str:
    """``November 2026``."""
    return format_month(month)


def cell_hint(hat: Hat, field: str, month: str, budget: float | None, leads: float | None, currency: str | None) -> str:
    """What the figure under the cursor means, and the planned CPL the month's figures give."""
    text = t(f"plan_editor.hint.{field}", hat=hat_name(hat), month=format_month(month))
    if budget is not None and leads:
        text += " " + t("plan_editor.hint.cpl", cpl=format_unit("money", budget / leads, currency))
    return text


def keys_text(default_tolerance: float) -> str:
    """The line of keys under the grid."""
    return t("plan_editor.keys", default=format_exact(default_tolerance))


def saved_text(quarter: str, months: int) -> str:
    """``Media plan 2026-Q4: 2 months saved.`` (or that nothing changed)."""
    if not months:
        return t("plan_editor.nothing", quarter=quarter)
    return t("plan_editor.saved", quarter=quarter, n=months, count=months)
