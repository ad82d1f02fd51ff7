"""English messages: imports (reading the exports of ad accounts, analytics and CRMs; profiles)."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    # Refusals of a whole file
    "imports.empty": "The file is empty.",
    "imports.encoding": "The file is not text in UTF-8, UTF-16 or Windows-1251, nor a spreadsheet mkhats reads.",
    "imports.malformed": "Line {line} cannot be split into cells; check its quotes.",
    "imports.spreadsheet": "The file looks like a spreadsheet but cannot be read (damaged, or protected by a password).",
    "imports.html": "The file looks like an HTML table but cannot be read.",
    "imports.timezone": "“{value}” is not a time zone (write it as Europe/Moscow).",
    "imports.unknown_layout": (
        "The file does not have the columns of the profile “{profile}”; its header reads “{line}”. "
        "See docs/profiles.md to write a profile for it."
    ),
    "imports.unknown_file": (
        "mkhats does not recognise this file; its header reads “{line}”. "
        "Write a profile for it (docs/profiles.md; mkhats profile list shows those there are)."
    ),
    "imports.no_day": (
        "The report has no day column (“{column}”, profile “{profile}”): export it broken down by day; "
        "mkhats never spreads a total over its period."
    ),
    "imports.nothing": "The file has none of the columns the profile “{profile}” takes ({columns}).",
    "imports.where_missing": "The file has no column “{column}”, which the profile “{profile}” needs to tell which rows count (a won deal from a lost one): export it with that column.",
    # Profile files
    "imports.profile.toml": "{file} is not valid TOML: line {line}, column {column} (“{text}”).",
    "imports.profile.unreadable": "{file} cannot be read as a UTF-8 text file.",
    "imports.profile.unknown_field": "{file}: there is no field “{field}” in a profile (see docs/profiles.md).",
    "imports.profile.missing": "{file}: the field “{field}” is required.",
    "imports.profile.choice": "{file}: “{field}” must be one of {expected}.",
    "imports.profile.invalid": "{file}: “{field}” has a value of the wrong kind ({value}).",
    "imports.profile.empty_name": "{file}: “{field}” holds an empty column name.",
    "imports.profile.regex": "{file}: “{field}” is not a regular expression ({value}: {error}).",
    "imports.profile.one_test": "{file}: the condition “{field}” needs exactly one of in, not_in, matches, not_matches.",
    "imports.profile.encoding": "{file}: “{field}” names an unknown encoding “{value}”.",
    "imports.profile.date_format": "{file}: “{field}”: the date format “{value}” uses a code other than {codes}.",
    "imports.profile.timezone": "{file}: “{field}”: “{value}” is not a time zone (write it as Europe/Moscow).",
    "imports.profile.one_currency": "{file}: “{field}” may give the currency one way only: column, fixed or from_header.",
    "imports.profile.kpi_key": "{file}: “{field}”: “{value}” is not a KPI key (write it as hat.name).",
    "imports.profile.sum_column": '{file}: “{field}” adds up a column, so it needs “column” (or aggregate = "count").',
    "imports.profile.slug": "{file}: “{field}”: “{value}” must be lower-case letters, digits and dashes.",
    "imports.profile.manual": "{file}: “{field}” cannot be “manual”: that is the source of the values you type, which an import would then replace.",
    # Rows
    "imports.skip.total": "a totals row (“{label}”)",
    "imports.skip.no_day": "no day in “{column}”",
    "imports.skip.summary": "a summary row (no campaign, ad set or ad name)",
    "imports.skip.period": "it covers {first} to {last}, not one day",
    "imports.row.day": "“{value}” is not a day ({formats})",
    "imports.row.number": "“{value}” in “{column}” is not a number",
    "imports.row.currency": "the currency is {found}, but earlier rows are in {expected}",
    # Notes
    "imports.note.kpi_missing": "{kpi} is not imported: the file has no column “{column}”.",
    "imports.note.column_missing": "The file has no column “{column}”: it reads as empty.",
    "imports.note.stopped": "Reading stopped at line {line}: another table starts there.",
    "imports.note.micros": "Money is in millionths (micros) and was divided by 1,000,000.",
    # A profile in words (mkhats profile show)
    "imports.show.title": "{name} — {title}",
    "imports.show.origin": "Defined in: {origin}",
    "imports.show.source": "Values are stored with the source “{source}”.",
    "imports.show.required": "Recognised by a header with {names}.",
    "imports.show.file": "Encoding: {encoding}; separator: {delimiter}; decimal mark: {decimal}.",
    "imports.show.comment": "Lines starting with “{comment}” are comments.",
    "imports.show.day": "The day comes from {column} ({formats}); times are read in {zone}.",
    "imports.show.period": "A row whose {column} is not its day covers a period and is skipped.",
    "imports.show.skip": "Rows without a day whose first cell matches {patterns} are totals and skipped.",
    "imports.show.summary": "A row with {columns} all empty is a summary row and skipped.",
    "imports.show.money.units": "Money is in currency units.",
    "imports.show.money.micros": "Money is in millionths (micros) of the currency.",
    "imports.show.money.micros-or-units": "Money is in millionths (micros), unless written with decimals.",
    "imports.show.currency.none": "The file states no currency: it is taken as the data file's.",
    "imports.show.currency.column": "The currency comes from {column}.",
    "imports.show.currency.fixed": "The currency is {code}.",
    "imports.show.currency.header": "The currency comes from the money column's name, as in “Amount spent (USD)”.",
    "imports.show.where": "Only rows where {condition}.",
    "imports.show.where_tail": ", where {conditions}",
    "imports.show.kpi.sum": "{kpi} ← sum of {columns}{money}{where}",
    "imports.show.kpi.count": "{kpi} ← count of rows{where}",
    "imports.show.money_mark": " (money)",
    "imports.cond.in": "{column} is one of {values}",
    "imports.cond.not_in": "{column} is none of {values}",
    "imports.cond.matches": "{column} matches “{pattern}”",
    "imports.cond.not_matches": "{column} does not match “{pattern}”",
    "imports.word.quoted": "“{text}”",
    "imports.word.and": " and ",
    "imports.word.auto": "by content",
    "imports.word.tab": "tab",
    "imports.word.builtin": "built into mkhats",
    "imports.word.user_zone": "your time zone",
    # Importing a file (mkhats import, the app's import screen)
    "import.directory": "{file} is a folder, not a file.",
    "import.not_a_file": "{file} is not a regular file (a pipe or a device): save the export as a file first.",
    "import.too_large": "{file} is larger than {limit}: export a shorter period.",
    "import.profile_unknown": "There is no profile “{name}”; there are: {names}.",
    "import.rate": "--rate must be a number above 0 (got {value}).",
    "import.currency": (
        "{file} is in {found} but the data file is in {expected}: "
        "give the rate with --rate (1 {found} in {expected}), or set the currency in Settings."
    ),
    "import.bad_total": "{kpi} on {day}: {reason}",
    "import.no_kpi": "The profile “{profile}” feeds {kpis}, none of which this data file measures.",
    "import.row_line": "line {line}: {reason}",
    "import.preview.plain": "{file}: plain rows of date, KPI and value, stored as your own (manual).",
    "import.preview.source": "{file}: {title} (profile {name}), stored with the source “{source}”.",
    "import.preview.layout": "Read as {kind}, separator {delimiter}, decimal mark “{decimal}”, header on line {line}.",
    "import.preview.kind.text": "text",
    "import.preview.kind.spreadsheet": "a spreadsheet",
    "import.preview.kind.html": "an HTML table",
    "import.preview.mapping": "Mapping:",
    "import.preview.kpi_skipped": "{kpi} is not imported: this data file does not measure it.",
    "import.preview.rate": "Money in {found} is converted at {rate} {expected} per {found}.",
    "import.preview.totals": "Per day:",
    "import.preview.day": "Day",
    "import.preview.no_values": "The file holds no value for any day.",
    "import.preview.skipped": {
        "one": "{count} row skipped:",
        "other": "{count} rows skipped:",
    },
    "import.preview.removes": {
        "one": "{count} value of “{source}” on these days is no longer in the file and goes:",
        "other": "{count} values of “{source}” on these days are no longer in the file and go:",
    },
    "import.preview.more": {
        "one": "… and {count} more",
        "other": "… and {count} more",
    },
    "import.preview.filtered": {
        "one": "{count} row is outside the profile's filters (not counted).",
        "other": "{count} rows are outside the profile's filters (not counted).",
    },
    "import.preview.would": {
        "one": "Dry run: {values} value from “{source}”; {written} would be written, {unchanged} unchanged, {removed} would be removed. Nothing was written.",
        "other": "Dry run: {values} values from “{source}”; {written} would be written, {unchanged} unchanged, {removed} would be removed. Nothing was written.",
    },
    "import.done": {
        "one": "Imported {values} value from “{source}”: {written} written, {unchanged} unchanged, {removed} removed.",
        "other": "Imported {values} values from “{source}”: {written} written, {unchanged} unchanged, {removed} removed.",
    },
    "profile.list_line": "{name}  {title}  ({origin})",
    "profile.folder": "Your own profiles: {folder}",
}
