"""Use case of renaming a person (Settings → People, and the first run's "your name").

A person is known by their name: hats name their wearer and external checks their checker by it.
A rename therefore rewrites those references in the same transaction, so the person keeps the
hats they wear and the checks they recorded. Wear spans keep the name they were worn under: they
are the history of who wore what then, and no rule reads a span's person.
"""

from __future__ import annotations

from mkhats.domain.models import Person, revised
from mkhats.errors import InputError
from mkhats.services.form_rules import MAX_NAME, _person, _text
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo


def checked_name(text: str | None) -> str:
    """A typed name as it will be stored (NFC, trimmed).

    Raises:
        InputError: ``person.empty`` or ``settings.too_long``.
    """
    name = _text(text, MAX_NAME)
    if not name:
        raise InputError("person.empty")
    return name


def rename_in(repo: Repo, old: str, new: str) -> Person:
    """Rename ``old`` to the checked name ``new`` inside an open transaction.

    Raises:
        InputError: ``settings.person_unknown``, or ``people.rename_taken`` when another person
            already has that name (whatever its case).
    """
    stored = _person(repo, old)
    if new == old:
        return stored
    folded = new.casefold()
    if any(name != old and name.casefold() == folded for name in repo.persons()):
        raise InputError("people.rename_taken", person=new)
    person = revised(stored, name=new)
    repo.delete_person(old)
    repo.upsert_person(person)
    for hat in repo.hats().values():
        if hat.wearer == old:
            repo.upsert_hat(revised(hat, wearer=new))
    checks = repo.checks()
    if any(c.by == old for c in checks):
        # Checks have no key of their own: the table is written again, in its order.
        repo.clear_table("checks")
        for check in checks:
            repo.add_check(revised(check, by=new) if check.by == old else check)
    return person


def rename_person(ws: Workspace, old: str, new: str) -> Person:
    """Rename ``old`` to ``new``; the hats they wear and the checks they recorded follow.

    Raises:
        InputError: an empty or too long name, a name another person has, an unknown person.
    """
    name = checked_name(new)
    with ws.write() as repo:
        return rename_in(repo, old, name)
