"""English messages: store."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    # Errors (one sentence each; {reason} is one of the store.reason.* messages below).
    "store.corrupt": "{file} cannot be used: {reason}. It was left untouched; the newest backup is {backup}.",
    "store.corrupt_no_backup": "{file} cannot be used: {reason}. It was left untouched, and there is no backup yet.",
    "store.backup_invalid": "{file} is not a usable mkhats backup: {reason}. Nothing was changed.",
    "store.backup_entry_invalid": (
        "{file} is not a usable mkhats backup: its file {entry} cannot be used: {reason}. Nothing was changed."
    ),
    "store.io_read": "Could not read {file}: {reason}.",
    "store.io_write": "Could not save {file}: {reason}. The file was left as it was.",
    "store.data_invalid": "Could not save {file}: {reason}. Nothing was written.",
    "store.lock_timeout": "Another mkhats is writing {file} right now; try again in a moment.",
    "store.io_commit": "Could not save {file}: {reason}. Nothing was changed: every data file was left as it was.",
    "store.io_pending": (
        "Could not finish saving {file}: {reason}. The change is recorded in a journal and will be completed"
        " the next time mkhats opens the data."
    ),
    "store.not_a_file": (
        "{file} is a device, a pipe or a socket, not a data file: give --db a file name in a folder of yours."
    ),
    "store.wrong_month": (
        "{file} holds the value of {kpi} on {day}, which belongs in another month's file; it was not changed."
        " The newest backup that loads is {backup}."
    ),
    "store.wrong_month_no_backup": (
        "{file} holds the value of {kpi} on {day}, which belongs in another month's file; it was not changed."
    ),
    "store.duplicate_value": (
        "{file} holds two values of {kpi} on {day}; it was not changed. The newest backup that loads is {backup}."
    ),
    "store.duplicate_value_no_backup": "{file} holds two values of {kpi} on {day}; it was not changed.",
    # Reasons.
    "store.reason.empty": "the file is empty (0 bytes)",
    "store.reason.bom": "it starts with a byte order mark (BOM), which mkhats never writes",
    "store.reason.not_utf8": "it is not UTF-8 text",
    "store.reason.not_json": "it is not valid JSON (line {line}, column {column}); it may have been cut short",
    "store.reason.not_object": "its content is not a JSON object",
    "store.reason.table_not_object": "its table “{table}” is not a JSON object",
    "store.reason.bad_doc_id": "its table “{table}” has a document id “{doc_id}” that is not a number",
    "store.reason.doc_not_object": "document {doc_id} of its table “{table}” is not a JSON object",
    "store.reason.meta_missing": "it has no “meta” table with the schema version",
    "store.reason.meta_bad": "its “meta” table does not hold one valid schema version",
    "store.reason.newer": (
        "it was written by a newer mkhats (schema version {found}; this one reads up to {supported}); update mkhats"
    ),
    "store.reason.no_migration": "its schema version {found} cannot be upgraded to {supported}",
    "store.reason.backup_format": "it is not an mkhats backup (it needs “mkhats_backup”: 1 and “files”)",
    "store.reason.backup_entry": "it holds an unexpected file “{entry}”",
    "store.reason.backup_no_main": "it holds no main file",
    "store.reason.missing": "the file does not exist",
    "store.reason.disk_full": "the disk is full",
    "store.reason.permission": "permission denied",
    "store.reason.read_only": "the file system is read-only",
    "store.reason.os": "{detail}",
    "store.reason.not_finite": "a number in table “{table}” is not finite (NaN or infinity)",
    "store.reason.not_serialisable": "a value cannot be written as JSON ({detail})",
}
