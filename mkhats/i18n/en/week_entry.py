"""English messages: the week entry grid (SPEC §3) and the grid widget's keys."""

MESSAGES = {
    "grid.key.next": "Next cell",
    "grid.key.previous": "Previous cell",
    "grid.key.clear": "Clear",
    "grid.key.edit": "Edit cell",
    "grid.key.paste": "Paste",
    "week_entry.key.save": "Save all",
    "week_entry.key.back": "Back",
    "week_entry.title": "{hat} · the week's numbers · {week}",
    "week_entry.keys": (
        "Type a number · enter ↓ · tab → · del empties a cell (its value is deleted on saving) · "
        "paste a row or a column copied from a spreadsheet · ctrl+s saves all · esc leaves"
    ),
    "week_entry.no_kpis": "This hat has no measured KPIs to enter: add one in the settings (s, KPIs).",
    "week_entry.future": "{day} is after today: a day's numbers are entered on that day or later.",
    "week_entry.locked": "after today: a day's numbers are entered on that day or later.",
    "week_entry.imported_sum": "imported {sources}; what you type here is added to it.",
    "week_entry.imported_one": "imported {sources}; a value you type here is taken instead.",
    "week_entry.changed": {"one": "{count} change not saved", "other": "{count} changes not saved"},
    "week_entry.to_fix": {"one": "{count} cell to fix", "other": "{count} cells to fix"},
    "week_entry.invalid": {
        "one": "Nothing saved: {count} cell cannot be stored.",
        "other": "Nothing saved: {count} cells cannot be stored.",
    },
    "week_entry.fix_first": {
        "one": "Nothing saved: fix the {count} cell marked in red first (its reason is above).",
        "other": "Nothing saved: fix the {count} cells marked in red first (the reason of each shows above).",
    },
    "week_entry.pasted": {"one": "Pasted {count} cell.", "other": "Pasted {count} cells."},
    "week_entry.paste_skipped": {
        "one": "{count} value fell outside the cells that take one (after today or past the edge) and was left out.",
        "other": "{count} values fell outside the cells that take one (after today or past the edge) and were left out.",
    },
    "week_entry.saved": {"one": "{count} value saved", "other": "{count} values saved"},
    "week_entry.removed": {"one": "{count} value deleted", "other": "{count} values deleted"},
    "week_entry.done": "{hat} · {week}: {what}.",
    "week_entry.nothing": "{hat} · {week}: nothing changed.",
    "week_entry.what": "The numbers of {hat} for {week}",
    "week_entry.discard": {
        "one": "Leave the week entry? {count} change is not saved and will be lost.",
        "other": "Leave the week entry? {count} changes are not saved and will be lost.",
    },
    "week_entry.discard_yes": "Leave without saving",
    "week_entry.keep": "Keep editing",
}
