"""English messages: the app's import screen and the inbox (SPEC §9)."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    "ui.key.import_file": "Import",
    "ui.cmd.import_file": "Import a file (ad accounts, analytics, CRM)",
    "import_ui.title": "Import a file",
    "import_ui.path": "File",
    "import_ui.path_hint": "type or paste a path, then enter",
    "import_ui.intro": (
        "Exports in your downloads and in inbox/ beside the data file, newest first. "
        "Pick one to see what it brings before anything is written."
    ),
    "import_ui.none": "No exports in your downloads or in inbox/: type the file's path above.",
    "import_ui.col.name": "Name",
    "import_ui.col.folder": "Folder",
    "import_ui.col.size": "Size",
    "import_ui.col.age": "Changed",
    "import_ui.reading": "Reading {file}…",
    "import_ui.refused": "Nothing was written; the file is left as it was.",
    # The preview's last line in the app, where nothing is a dry run (present.import_text.change_line).
    "import.preview.confirm": {
        "one": "{values} value from “{source}”: {written} to write, {unchanged} unchanged, {removed} to remove.",
        "other": "{values} values from “{source}”: {written} to write, {unchanged} unchanged, {removed} to remove.",
    },
    "import_ui.currency": (
        "{file} is in {found} but the data file is in {expected}: type how many {expected} one {found} is worth, "
        "then enter (or set the currency in Settings)."
    ),
    "import_ui.rate": "{expected} per 1 {found}",
    "import_ui.rate_field": "Rate",
    "import_ui.rate_positive": "The rate must be a number above 0 (got “{value}”).",
    "import_ui.import": "Import",
    "import_ui.back": "Back",
    "import_ui.moved": "{file} moved to {to}.",
    "import_ui.stuck": "{file} is imported but stays in the inbox: {reason}.",
    "import_ui.inbox": {
        "one": "{count} file waits in inbox/: press {key} to import it.",
        "other": "{count} files wait in inbox/: press {key} to import them.",
    },
    "import_ui.age.now": "just now",
    "import_ui.age.minutes": {"one": "{count} min ago", "other": "{count} min ago"},
    "import_ui.age.hours": {"one": "{count} h ago", "other": "{count} h ago"},
    "import_ui.age.days": {"one": "{count} day ago", "other": "{count} days ago"},
    "import_ui.size.b": "{size} B",
    "import_ui.size.kb": "{size} KB",
    "import_ui.size.mb": "{size} MB",
    "import_ui.size.gb": "{size} GB",
}
