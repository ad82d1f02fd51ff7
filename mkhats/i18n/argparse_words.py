"""argparse's own words (``usage:``, its errors, its section titles) in the current language.

argparse renders them through ``gettext`` with English msgids, and Python ships no Russian
catalogue for them; a system ``.mo`` file is not something a pip-installed tool can rely on. So
while a command line is parsed, the names argparse calls (``argparse._``, ``argparse.ngettext``)
are pointed at our catalogue. The English catalogue holds each msgid verbatim under an
``argparse.*`` key, which is how a msgid finds its key: a msgid we do not know (a newer Python's)
falls back to argparse's English instead of failing. The swap lasts for the parsing only, since it
is process-wide, and happens only away from English, where there is nothing to translate.

The placeholders of the usage lines (``HAT.KPI``, ``--date DATE``) are not argparse's words but
ours; they are renamed on the parser's actions, so the help and the errors show the same names.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from mkhats.i18n import _catalogue, current_language, has, t

_PREFIX = "argparse."
_METAVAR = "argparse.metavar."


def _keys() -> dict[str, str]:
    """argparse's msgid (the singular one of a plural message) → our key."""
    keys = {}
    for key, message in _catalogue("en").items():
        if key.startswith(_PREFIX) and not key.startswith(_METAVAR):
            keys[message["one"] if isinstance(message, dict) else message] = key
    return keys


@contextmanager
def _speaking(keys: dict[str, str]) -> Iterator[None]:
    """argparse's messages from our catalogue, for the duration of the block."""

    def gettext(msgid: str) -> str:
        key = keys.get(msgid)
        return t(key) if key else msgid

    def ngettext(singular: str, plural: str, n: int) -> str:
        key = keys.get(singular)
        return t(key, n=n) if key else (singular if n == 1 else plural)

    # argparse's functions look the two names up in the module's globals at each call; they are
    # private names, absent from the published types, hence the module's namespace, not attributes.
    names = vars(argparse)
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = gettext, ngettext
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved


def _rename_metavars(parser: argparse.ArgumentParser) -> None:
    """Give every placeholder of ``parser`` and its commands its name in the current language."""
    for action in parser._actions:
        name = action.metavar
        if name is None and action.option_strings and action.nargs != 0 and action.choices is None:
            name = action.dest.upper()  # what argparse would show
        if isinstance(name, str) and has(_METAVAR + name, "en"):
            action.metavar = t(_METAVAR + name)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _rename_metavars(sub)


def parse_args(build: Callable[[], argparse.ArgumentParser], argv: Sequence[str]) -> argparse.Namespace:
    """``build().parse_args(argv)``, the help and every parsing error in the current language."""
    if current_language() == "en":
        return build().parse_args(argv)
    with _speaking(_keys()):
        parser = build()  # the section titles and -h's help are rendered as the parser is built
        _rename_metavars(parser)
        return parser.parse_args(argv)
