"""An import's preview and outcome in words (SPEC §9): what ``--dry-run`` prints and the app shows.

The preview names the source recognised and how the file was read, the mapping, the per-day totals
per KPI, every skipped row with its reason, and what writing it would change; the summary is the one
line an import ends with. Both come from the same ``ImportPlan``, so the CLI and the app agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.imports.plan import ImportPlan
from mkhats.present.labels import format_exact

SKIPPED_SHOWN = 50
"""Skipped rows listed one by one; beyond, the count says how many more (a CRM export of a year
may skip thousands of lost deals' empty rows)."""


@dataclass(frozen=True)
class DayTable:
    """The per-day totals as a table: a header, then one row per day (newest last)."""

    header: list[str]
    rows: list[list[str]]


def day_table(
    plan: ImportPlan, day_text: Callable[[date], str] = date.isoformat, titles: Mapping[str, str] | None = None
) -> DayTable:
    """The values the import writes, one column per KPI, one row per day (``—`` where none).

    The command line prints ISO days and KPI keys (what a profile maps to); the app passes its own
    words: days as its lists show them (``Mon 23 Nov``), KPIs by their titles.
    """
    totals = plan.totals()
    keys = sorted(totals)
    rows = []
    for day in plan.days:
        cells = [day_text(day)]
        for key in keys:
            value = totals[key].get(day)
            cells.append("—" if value is None else format_exact(value))
        rows.append(cells)
    header = [titles.get(key, key) for key in keys] if titles is not None else keys
    return DayTable([t("import.preview.day"), *header], rows)


def _columns(table: DayTable) -> list[str]:
    rows = [table.header, *table.rows]
    widths = [max(len(r[i]) for r in rows) for i in range(len(table.header))]
    out = []
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def source_line(plan: ImportPlan) -> str:
    """Which source the file was recognised as."""
    if plan.profile is None:
        return t("import.preview.plain", file=plan.file)
    title = plan.profile.title or plan.profile.name
    return t("import.preview.source", file=plan.file, title=title, name=plan.profile.name, source=plan.source)


def layout_line(plan: ImportPlan) -> str | None:
    """How the file was read: encoding, separator, decimal mark, the header's line."""
    if plan.reading is None:
        return None
    layout = plan.reading.layout
    kind = t(f"import.preview.kind.{layout.kind}")
    if layout.kind != "spreadsheet" and layout.encoding:  # a text's or an HTML table's encoding
        kind += f" ({layout.encoding})"
    if layout.delimiter is None:
        delimiter = "—"
    elif layout.delimiter == "\t":
        delimiter = t("imports.word.tab")
    else:
        delimiter = t("imports.word.quoted", text=layout.delimiter)
    return t("import.preview.layout", kind=kind, delimiter=delimiter, decimal=layout.decimal, line=layout.header_line)


def mapping_lines(plan: ImportPlan) -> list[str]:
    """Each KPI the file feeds and from which columns; KPIs this data file does not measure."""
    from mkhats.imports import describe_mapping

    if plan.reading is None:
        return []
    lines = [t("import.preview.mapping")]
    lines += ["  " + describe_mapping(m).render() for m in plan.reading.mapping if m.kpi not in plan.skipped_kpis]
    lines += ["  " + t("import.preview.kpi_skipped", kpi=k) for k in plan.skipped_kpis]
    return lines


def note_lines(plan: ImportPlan) -> list[str]:
    """The reader's notes (a KPI column missing, micros divided…) and a currency conversion."""
    lines = []
    if plan.reading is not None:
        lines += [t(key, **params) for key, params in plan.reading.notes]
    if plan.rate is not None:
        lines.append(
            t("import.preview.rate", found=plan.file_currency, expected=plan.currency, rate=format_exact(plan.rate))
        )
    return lines


def skipped_lines(plan: ImportPlan) -> list[str]:
    """Every skipped row with its reason (the first ``SKIPPED_SHOWN``), and rows no KPI takes."""
    reading = plan.reading
    if reading is None:
        return []
    lines = []
    if reading.skipped_count:
        lines.append(t("import.preview.skipped", n=reading.skipped_count, count=reading.skipped_count))
        for line, key, params in reading.skipped[:SKIPPED_SHOWN]:
            lines.append("  " + t("import.row_line", line=line, reason=terminal_line(t(key, **params))))
        more = reading.skipped_count - min(len(reading.skipped), SKIPPED_SHOWN)
        if more > 0:
            lines.append("  " + t("import.preview.more", n=more, count=more))
    if reading.filtered:
        lines.append(t("import.preview.filtered", n=reading.filtered, count=reading.filtered))
    return lines


def removal_lines(plan: ImportPlan) -> list[str]:
    """The values of this source on the file's days that the file no longer holds: they go."""
    gone = [c for c in plan.changes if c.after is None]
    if not gone:
        return []
    lines = [t("import.preview.removes", source=plan.source, n=len(gone), count=len(gone))]
    lines += [f"  {c.day.isoformat()}  {c.kpi}  {format_exact(c.before or 0)}" for c in gone[:SKIPPED_SHOWN]]
    if len(gone) > SKIPPED_SHOWN:
        more = len(gone) - SKIPPED_SHOWN
        lines.append("  " + t("import.preview.more", n=more, count=more))
    return lines


def change_line(plan: ImportPlan, *, confirm: bool = False) -> str:
    """What writing the plan changes (dry run) or changed; ``confirm``: what it would change, asked
    before importing (the app's preview, where "dry run" means nothing)."""
    key = ("import.preview.confirm" if confirm else "import.preview.would") if plan.dry_run else "import.done"
    values = len(plan.values)
    return t(
        key,
        n=values,
        values=values,
        source=plan.source,
        written=plan.written,
        unchanged=plan.unchanged,
        removed=plan.removed,
    )


def preview_lines(plan: ImportPlan) -> list[str]:
    """The whole preview, line by line (``--dry-run``)."""
    lines = [source_line(plan)]
    layout = layout_line(plan)
    if layout:
        lines.append(layout)
    lines += mapping_lines(plan)
    lines += note_lines(plan)
    table = day_table(plan)
    if table.rows:
        lines.append(t("import.preview.totals"))
        lines += _columns(table)
    else:
        lines.append(t("import.preview.no_values"))
    lines += skipped_lines(plan)
    lines += removal_lines(plan)
    lines.append(change_line(plan))
    return [terminal_line(line) for line in lines]


def outcome_lines(plan: ImportPlan) -> list[str]:
    """What an import prints once written: the source, notes, skipped rows' count, the change."""
    lines = [source_line(plan), *note_lines(plan)]
    reading = plan.reading
    if reading is not None and reading.skipped_count:
        lines.append(t("import.preview.skipped", n=reading.skipped_count, count=reading.skipped_count).rstrip(":"))
    lines.append(change_line(plan))
    return [terminal_line(line) for line in lines]
