"""The Russian catalogue: the union of the per-area message dicts beside this file."""

from mkhats.i18n.ru import cli, conflicts, core, defaults, io, kpis, report, review, store

MESSAGES: dict = {}
for _part in (core, defaults, kpis, conflicts, review, report, store, io, cli):
    MESSAGES.update(_part.MESSAGES)
