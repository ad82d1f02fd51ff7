"""The Russian catalogue: the union of the per-area message dicts beside this file."""

from mkhats.i18n import Catalogue
from mkhats.i18n.ru import (
    cli,
    cli_args,
    cmo,
    conflicts,
    core,
    deck,
    defaults,
    demo,
    detail,
    edits,
    fields,
    forms,
    import_ui,
    imports,
    io,
    kpis,
    report,
    review,
    settings,
    store,
    ui,
    week_entry,
)

MESSAGES: Catalogue = {}
for _part in (
    cli_args,
    core,
    fields,
    defaults,
    demo,
    kpis,
    conflicts,
    review,
    report,
    store,
    io,
    cli,
    ui,
    forms,
    detail,
    settings,
    cmo,
    imports,
    import_ui,
    edits,
    deck,
    week_entry,
):
    MESSAGES.update(_part.MESSAGES)
