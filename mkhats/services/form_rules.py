"""The limits and small checks the settings use cases share (names, texts, choices, hats, people).

Each raises ``InputError`` with the catalogue's sentence before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from mkhats.domain.models import Hat, Person
from mkhats.errors import InputError
from mkhats.store.repo import Repo

MAX_NAME = 60
MAX_TEXT = 500
MAX_CURRENCY = 4
MAX_HOURS = 168.0
_CLEAR = ("", "none", "-", "нет")
_KPI_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _text(value: str | None, limit: int = MAX_TEXT) -> str:
    text = unicodedata.normalize("NFC", value or "").strip()
    if len(text) > limit:
        raise InputError("settings.too_long", limit=limit)
    return text


def _choice(value: str, choices: Sequence[str], what: str) -> str:
    if value not in choices:
        raise InputError("settings.bad_choice", what=what, value=value, choices=", ".join(choices))
    return value


def _hat(repo: Repo, key: str) -> Hat:
    hats = repo.hats()
    key = (key or "").strip().lower()
    if key not in hats:
        raise InputError("hat.unknown", hat=key, hats=", ".join(hats))
    return hats[key]


def _person(repo: Repo, name: str) -> Person:
    persons = repo.persons()
    if name not in persons:
        raise InputError("settings.person_unknown", person=name)
    return persons[name]
