"""English messages: io (CSV import and export)."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    "csv.empty": "The file is empty: it needs a header line and at least one row of values.",
    "csv.encoding": ("The file is not text in UTF-8, UTF-16 or Windows-1251; save it as “CSV UTF-8”."),
    "csv.header": (
        "The first line must name the columns date,kpi,value[,note] or date,hat,kpi,value[,note] (found: {found})."
    ),
    "csv.malformed": "Row {row} cannot be split into cells; check its quotes.",
    "csv.row": "Row {row}: {reason}",
    "csv.row.missing": "the {column} cell is empty.",
    "csv.row.extra_cells": (
        "it has more cells than the header ({cells} instead of {expected}); "
        'in a comma-separated file a decimal comma must be quoted, as in "1234,5".'
    ),
    "csv.row.number": "“{value}” is not a number (write 1234.5, 1 234,5 or 1234,5).",
    "csv.row.mark_comma": {
        "one": "“{value}” can only be read with a decimal comma, and row {rows} only with a decimal "
        "point: write the whole file with one decimal mark.",
        "other": "“{value}” can only be read with a decimal comma, and rows {rows} only with a decimal "
        "point: write the whole file with one decimal mark.",
    },
    "csv.row.mark_point": {
        "one": "“{value}” can only be read with a decimal point, and row {rows} only with a decimal "
        "comma: write the whole file with one decimal mark.",
        "other": "“{value}” can only be read with a decimal point, and rows {rows} only with a decimal "
        "comma: write the whole file with one decimal mark.",
    },
    "csv.row.unknown_kpi": ("there is no KPI “{kpi}” (write it as hat.name; mkhats kpi list shows them)."),
    "csv.row.unknown_kpi_hint": "there is no KPI “{kpi}”; did you mean {hint}?",
    "csv.row.formula": "{kpi} is calculated by a formula, so its values cannot be imported.",
    "csv.row.source": "“{value}” is not a source (lower-case letters, digits and dashes, as manual or yandex-direct).",
    "csv.row.negative": "{kpi} cannot be negative, but the value is {value}.",
    "csv.row.note_too_long": "the note has {length} characters; at most {max} are allowed.",
    "csv.row.duplicate": "it sets {kpi} on {day} differently from row {first}.",
}
