"""Words, tables and documents made from domain results (SPEC §7).

Labels and number formats, the review's sentences, the view models the screens show, the Markdown
report and the CMO's summary: pure functions of a ``Snapshot`` (or of domain objects) rendered
through the message catalogue in the current language. Nothing here opens the store or knows a
front end; the CLI and the app both print what these functions return.
"""
