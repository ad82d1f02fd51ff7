"""Message catalogues (en, ru) and the one function that renders a message: ``t``.

Catalogues are plain dicts in Python modules (no file parsing at start-up). A message is a
``str.format`` template, or a dict of CLDR plural forms (``one``/``few``/``many``/``other``) chosen
by the integer parameter ``n``. Stored data keeps keys, never rendered text, so switching the
language re-labels everything. Importing this package installs ``t`` as the renderer of
``mkhats.errors`` (errors and their :class:`~mkhats.errors.Message` parameters), which the pure
rules raise without importing the catalogue.
"""

from __future__ import annotations

import os
from typing import Any

from mkhats.errors import Message, install_catalogue

LANGUAGES = ("en", "ru")
Template = str | dict[str, str]
"""A template, or its CLDR plural forms by category."""
Catalogue = dict[str, Template]
"""One language's messages by key."""
_current = "en"
_catalogues: dict[str, Catalogue] = {}


def _catalogue(lang: str) -> Catalogue:
    if lang not in _catalogues:
        if lang == "ru":
            from mkhats.i18n.ru import MESSAGES
        else:
            from mkhats.i18n.en import MESSAGES
        _catalogues[lang] = MESSAGES
    return _catalogues[lang]


def detect_language(explicit: str | None = None) -> str:
    """The language to use: ``--lang``, then ``MKHATS_LANG``, then the locale, then English."""
    for candidate in (explicit, os.environ.get("MKHATS_LANG")):
        if candidate:
            return candidate if candidate in LANGUAGES else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def set_language(lang: str) -> None:
    """Make ``lang`` the language of every message rendered from now on."""
    global _current
    _current = lang if lang in LANGUAGES else "en"


def current_language() -> str:
    """The language messages are rendered in."""
    return _current


def plural_form(lang: str, n: int) -> str:
    """The CLDR plural category of ``n`` in ``lang`` (Russian: one/few/many)."""
    n = abs(int(n))
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return "one"
        if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
            return "few"
        return "many"
    return "one" if n == 1 else "other"


def has(key: str, lang: str | None = None) -> bool:
    """Whether the catalogue of ``lang`` holds ``key``."""
    return key in _catalogue(lang or _current)


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """Render the message ``key`` with ``params`` in ``lang`` (default: the current language).

    A key missing from the Russian catalogue falls back to English; a key missing from both is
    returned as is, so a gap shows up on screen instead of crashing. A parameter that is a
    :class:`~mkhats.errors.Message` is rendered in ``lang`` too, so the sentence is in one language.
    """
    lang = lang or _current
    if params and any(isinstance(v, Message) for v in params.values()):
        params = {k: v.render(lang) if isinstance(v, Message) else v for k, v in params.items()}
    message = _catalogue(lang).get(key)
    if message is None and lang != "en":
        message = _catalogue("en").get(key)
    if message is None:
        return key
    if isinstance(message, dict):
        # The number the form agrees with: ``n``, else ``count`` (a message given only its count
        # read as zero: «3 значений» for «3 значения»).
        form = plural_form(lang, params.get("n", params.get("count", 0)))
        message = message.get(form) or message.get("other") or message.get("many", "")
    return message.format(**params) if params else message


def _known(key: str) -> bool:
    """Whether ``key`` renders as a message (``t`` falls back to English), not as the key itself."""
    return has(key) or has(key, "en")


install_catalogue(t, _known)
