"""Use case of ``mkhats assign`` and the settings' wearer field: who wears a hat."""

from __future__ import annotations

from collections.abc import Mapping

from mkhats.domain.defaults import DEFAULT_PERSON
from mkhats.domain.edits import expect
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Hat, Person, revised
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import hat_name, person_name
from mkhats.services.form_rules import _hat
from mkhats.services.workspace import Workspace


def wearer_fields(hat: Hat) -> dict[str, str]:
    """Who wears a hat, as the settings screen shows it (nobody: empty)."""
    return {"wearer": person_name(hat.wearer) if hat.wearer else ""}


def wearer_labels() -> dict[str, str]:
    """The settings screen's name of the wearer field."""
    return {"wearer": t("settings.hats.wearer")}


@light_dataclass(frozen=True)
class Assigned:
    """Who now wears which hat, and whether that person was created for it."""

    person: Person
    hat: Hat
    created: bool


def assign(
    ws: Workspace, hat_key: str, person: str, kind: str | None = None, base: Mapping[str, str] | None = None
) -> Assigned:
    """``person`` now wears ``hat_key`` (created if new; an optional hat is enabled).

    ``base``: ``wearer_fields`` of the hat as the settings screen showed it; another wearer set
    since raises ``EditConflict`` and nothing is written. None (``mkhats assign``): a plain set.

    Returns:
        The person, the hat as stored, and whether the person was created.
    """
    name = (person or "").strip()
    if not name:
        raise InputError("person.empty")
    with ws.write() as repo:
        hat = _hat(repo, hat_key)
        persons = repo.persons()
        existing = match_person(persons, name)
        created = existing is None
        record = Person(name=name, kind=kind or "staff") if existing is None else existing
        if existing is not None and kind and kind != existing.kind:
            record = revised(existing, kind=kind)
        updated = revised(hat, wearer=record.name, enabled=True)
        expect(base, wearer_fields(updated), wearer_fields(hat), hat_name(hat), wearer_labels())
        repo.upsert_person(record)
        repo.upsert_hat(updated)
        return Assigned(record, updated, created)


def match_person(persons: dict[str, Person], name: str) -> Person | None:
    """The person called ``name``, whatever the case it is typed in; None if nobody is.

    The shipped "Me" also answers to the name the screen shows it by («Я» in Russian): a user types
    what the screen says, and a second person called «Я» would wear nothing.
    """
    folded = name.casefold()
    found = next((p for p in persons.values() if p.name.casefold() == folded), None)
    if found is None and DEFAULT_PERSON in persons and folded == t("person.me").casefold():
        return persons[DEFAULT_PERSON]
    return found
