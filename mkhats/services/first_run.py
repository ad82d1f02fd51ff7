"""Use cases of the first run (SPEC §3): a file the app makes is offered a short setup, stored at once.

Only a file the app itself creates is marked ``setup="due"`` (``start_file``); files made by the
command line, the demo and older files have no mark and are never offered it. The setup's answers
(``SetupAnswers``, each step's None meaning "skipped") are checked step by step as they are typed
(``check_*``, nothing written) and stored by ``finish`` in one transaction, which marks the setup
done (with every step skipped, the mark alone).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from mkhats.domain.defaults import DEFAULT_PERSON, OPTIONAL_HATS
from mkhats.domain.models import Person, Settings, revised
from mkhats.domain.numbers import parse_number
from mkhats.domain.targets import validate_target
from mkhats.errors import InputError
from mkhats.i18n import LANGUAGES, current_language, t
from mkhats.present.labels import currency_sign
from mkhats.services.form_rules import MAX_CURRENCY, MAX_NAME, _choice, _text
from mkhats.services.people import checked_name, rename_in
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

TARGETS: tuple[str, ...] = ("performance.leads", "performance.cpl", "performance.cpa")
"""The targets the setup asks for: the week's leads and what a lead and a sale may cost. Every
other target can wait for the first weeks' numbers (Settings → KPIs)."""

STEPS: tuple[str, ...] = ("name", "language", "owner", "hats", "targets")
"""The setup's steps, in order."""


@dataclass(frozen=True)
class SetupAnswers:
    """What the setup's steps gave; a step skipped leaves its answer None (the file keeps its default)."""

    name: str | None = None
    """Your name: the default person "Me" is renamed to it; "" keeps "Me"."""
    lang: str | None = None
    currency: str | None = None
    """The currency sign as typed; "" is the language's own (₽ Russian, $ English)."""
    owner: str | None = None
    """The owner's name; "" means you are the owner."""
    owner_wears_cmo: bool = True
    """The owner wears the CMO hat (else it stays with you, or with nobody when you are the owner)."""
    hats: tuple[str, ...] | None = None
    """The optional hats to enable (the others stay off)."""
    targets: Mapping[str, str] | None = None
    """KPI key → the weekly target as typed ("" leaves it unset)."""


def start_file(ws: Workspace) -> bool:
    """Create a missing data file, marked for the setup; False (nothing done) when it exists."""
    if ws.db.exists():
        return False
    with ws.write() as repo:
        # ``write`` seeds the defaults and the settings of a new file; the mark goes on top.
        repo.set_settings(revised(repo.settings(), setup="due"))
    return True


def setup_due(settings: Settings) -> bool:
    """Whether the app should offer the setup on this file."""
    return settings.setup == "due"


def check_name(text: str) -> str:
    """Your name as it will be stored; "" (nothing typed) keeps "Me".

    Raises:
        InputError: a name that is too long.
    """
    name = _text(text, MAX_NAME)
    return checked_name(name) if name else ""


def check_currency(text: str, lang: str) -> str:
    """The currency sign to store: as typed, or the language's own when nothing is.

    Raises:
        InputError: ``settings.currency_long`` for more than four characters.
    """
    _choice(lang, LANGUAGES, "lang")
    sign = _text(text, 100)
    if len(sign) > MAX_CURRENCY:
        raise InputError("settings.currency_long", value=sign, limit=MAX_CURRENCY)
    return sign or currency_sign(None, lang=lang)


def check_owner(owner: str, me: str, someone_else: bool = True) -> str:
    """The owner's name as it will be stored; "" when you are the owner.

    ``me``: your name as the first step gave it ("" for "Me"); ``someone_else``: the owner is
    another person, named by ``owner`` (False: you are, whatever was typed).

    Raises:
        InputError: ``first_run.owner_empty`` for someone else without a name,
            ``first_run.owner_is_you`` for your own name (choose "me" instead).
    """
    if not someone_else:
        return ""
    name = _text(owner, MAX_NAME)
    if not name:
        raise InputError("first_run.owner_empty")
    if name.casefold() in {(me or DEFAULT_PERSON).casefold(), DEFAULT_PERSON.casefold(), t("person.me").casefold()}:
        raise InputError("first_run.owner_is_you", person=name)
    return name


def check_hats(hats: tuple[str, ...]) -> tuple[str, ...]:
    """The optional hats to enable, each one of the shipped optional hats."""
    return tuple(_choice(hat, OPTIONAL_HATS, "hat") for hat in hats)


def check_targets(ws: Workspace, typed: Mapping[str, str]) -> dict[str, float | None]:
    """The targets typed, read as the current language writes numbers; "" leaves one unset.

    Raises:
        InputError: not a number, below zero, a fraction of a count, or too large.
    """
    with ws.read() as repo:
        kpis = repo.kpis()
    out: dict[str, float | None] = {}
    for key in TARGETS:
        text = (typed.get(key) or "").strip()
        if not text:
            out[key] = None
            continue
        label = t(f"first_run.target.{key}")
        value = parse_number(text, label, lang=current_language())
        if value < 0 or not math.isfinite(value):
            raise InputError("first_run.target_negative", what=label)
        if kpis[key].unit == "count" and not float(value).is_integer():
            raise InputError("first_run.target_whole", what=label)
        validate_target(kpis[key], value)
        out[key] = value
    return out


def finish(ws: Workspace, answers: SetupAnswers) -> Settings:
    """Store every answer given, and mark the setup done, in one transaction.

    Raises:
        InputError: an answer ``check_*`` refuses (then nothing is written).
    """
    name = check_name(answers.name) if answers.name is not None else ""
    lang = _choice(answers.lang, LANGUAGES, "lang") if answers.lang is not None else None
    currency = check_currency(answers.currency, lang or current_language()) if answers.currency is not None else None
    owner = check_owner(answers.owner, name, bool(answers.owner)) if answers.owner is not None else None
    hats = check_hats(answers.hats) if answers.hats is not None else None
    targets = check_targets(ws, answers.targets) if answers.targets is not None else {}
    with ws.write() as repo:
        me = DEFAULT_PERSON
        if name and DEFAULT_PERSON in repo.persons():
            me = rename_in(repo, DEFAULT_PERSON, name).name
        if owner is not None:
            _set_owner(repo, me, owner, answers.owner_wears_cmo)
        if hats is not None:
            persons = repo.persons()
            for hat in repo.hats().values():
                if hat.key in OPTIONAL_HATS and hat.enabled != (hat.key in hats):
                    # The step asks for the hats "you also wear": one switched on is worn by you.
                    wearer = me if hat.key in hats and hat.wearer is None and me in persons else hat.wearer
                    repo.upsert_hat(revised(hat, enabled=hat.key in hats, wearer=wearer))
        kpis = repo.kpis()
        for key, value in targets.items():
            if value is not None:
                repo.upsert_kpi(revised(kpis[key], target=value))
        settings = repo.settings()
        changes: dict[str, object] = {"setup": "done"}
        if lang is not None:
            changes["lang"] = lang
        if currency is not None:
            changes["currency"] = currency
        settings = revised(settings, **changes)
        repo.set_settings(settings)
        return settings


def _set_owner(repo: Repo, me: str, owner: str, wears_cmo: bool) -> None:
    """Record the owner (you, or a new person) and who wears the CMO hat."""
    persons = repo.persons()
    if owner:
        existing = next((p for p in persons.values() if p.name.casefold() == owner.casefold()), None)
        person = revised(existing, kind="owner") if existing else Person(name=owner, kind="owner")
    else:
        person = revised(persons[me], kind="owner") if me in persons else Person(name=me, kind="owner")
    repo.upsert_person(person)
    cmo = repo.hats().get("cmo")
    if cmo is None:
        return
    if wears_cmo:
        repo.upsert_hat(revised(cmo, wearer=person.name, enabled=True))
    elif not owner and cmo.wearer == person.name:
        repo.upsert_hat(revised(cmo, wearer=None))  # you are the owner and leave the CMO hat unworn
