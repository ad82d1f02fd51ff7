"""Use cases of the settings screen: people, hats, conflict rules and preferences (KPIs: ``kpi_settings``).

Every rule lives here, none in the widgets: who may be removed, that one hat stays enabled, which
pairs may have a rule, what a KPI name and formula must be. Each function opens one short
transaction (``edit_kpi`` checks first, then reuses ``set_kpi``) and raises ``InputError`` before
writing anything when the input is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mkhats.domain.checklist import current_items
from mkhats.domain.conflicts import active_conflicts
from mkhats.domain.edits import expect
from mkhats.domain.models import (
    CADENCES,
    PERSON_KINDS,
    ConflictRule,
    Hat,
    Kpi,
    Person,
    Settings,
    revised,
)
from mkhats.domain.numbers import parse_number
from mkhats.errors import InputError
from mkhats.i18n import LANGUAGES, current_language, t
from mkhats.present.labels import hat_name, person_name
from mkhats.services.form_rules import (  # noqa: F401 - MAX_* are part of this module's face
    _CLEAR,
    MAX_CURRENCY,
    MAX_HOURS,
    MAX_NAME,
    MAX_TEXT,
    _choice,
    _hat,
    _person,
    _text,
)
from mkhats.services.kpi_settings import (  # noqa: F401 - the settings screen's KPI use cases
    DIRECTIONS,
    KpiDraft,
    add_kpi,
    edit_kpi,
    kpi_name,
    retire_kpi,
)
from mkhats.services.wearers import assign, wearer_fields, wearer_labels
from mkhats.services.workspace import Workspace

LEVELS: tuple[str, ...] = ("high", "medium", "low")


@dataclass(frozen=True)
class SettingsState:
    """Everything the settings screen shows, read in one go."""

    settings: Settings
    persons: dict[str, Person]
    hats: dict[str, Hat]
    kpis: dict[str, Kpi]
    conflicts: list[ConflictRule]
    items: dict[str, int] = field(default_factory=dict)
    """Checklist items per hat."""

    def worn_by(self, name: str) -> list[str]:
        """The keys of the hats ``name`` wears, in tab order."""
        return [h.key for h in self.hats.values() if h.wearer == name]

    def active(self) -> list[ConflictRule]:
        """The conflict rules whose two hats one person wears now."""
        return active_conflicts(self.conflicts, self.hats)

    def hat_kpis(self, hat: str) -> list[Kpi]:
        """A hat's KPIs, retired ones last."""
        return sorted((k for k in self.kpis.values() if k.hat == hat), key=lambda k: (k.retired, k.position))


def load(ws: Workspace) -> SettingsState:
    """Read what the settings screen shows."""
    with ws.read() as repo:
        items: dict[str, int] = {}
        for item in current_items(repo.checklist(), ws.today):
            items[item.hat] = items.get(item.hat, 0) + 1
        return SettingsState(
            settings=repo.settings(),
            persons=repo.persons(),
            hats=repo.hats(),
            kpis=repo.kpis(),
            conflicts=repo.conflicts(),
            items=items,
        )


# -- people ----------------------------------------------------------------------------------------


def add_person(ws: Workspace, name: str, kind: str = "staff") -> Person:
    """Add someone who can wear hats or check them.

    Raises:
        InputError: an empty or too long name, a name already taken (case-insensitive), a bad kind.
    """
    text = _text(name, MAX_NAME)
    if not text:
        raise InputError("person.empty")
    _choice(kind, PERSON_KINDS, "kind")
    with ws.write() as repo:
        folded = text.casefold()
        if any(p.casefold() == folded for p in repo.persons()):
            raise InputError("settings.person_exists", person=text)
        person = Person(name=text, kind=kind)
        repo.upsert_person(person)
        return person


def set_person_kind(ws: Workspace, name: str, kind: str, base: Mapping[str, str] | None = None) -> Person:
    """Make ``name`` staff, an owner or an external (agency, contractor).

    ``base``: ``{"kind": …}`` as the screen showed it; changed elsewhere since: ``EditConflict``.
    """
    _choice(kind, PERSON_KINDS, "kind")
    with ws.write() as repo:
        stored = _person(repo, name)
        person = revised(stored, kind=kind)
        mine, theirs = ({"kind": t(f"settings.kind.{p.kind}")} for p in (person, stored))
        expect(base, mine, theirs, person_name(name), {"kind": t("settings.col.kind")})
        repo.upsert_person(person)
        return person


def remove_person(ws: Workspace, name: str) -> None:
    """Remove a person who wears no hat (enabled or not); their past checks stay as history.

    Raises:
        InputError: ``settings.person_wears`` naming the hats they wear.
    """
    with ws.write() as repo:
        _person(repo, name)
        worn = [h for h in repo.hats().values() if h.wearer == name]
        if worn:
            hats = ", ".join(hat_name(h) for h in worn)
            raise InputError("settings.person_wears", person=person_name(name), hats=hats)
        repo.delete_person(name)


# -- hats ------------------------------------------------------------------------------------------


def set_wearer(ws: Workspace, hat: str, person: str | None, base: Mapping[str, str] | None = None) -> Hat:
    """``person`` wears ``hat`` (``assign``: a disabled hat is enabled); None: nobody wears it.

    ``base``: ``{"wearer": …}`` as the screen showed it; changed elsewhere since: ``EditConflict``.
    """
    if person is not None:
        assign(ws, hat, person, base=base)
        with ws.read() as repo:
            return _hat(repo, hat)
    with ws.write() as repo:
        stored = _hat(repo, hat)
        updated = revised(stored, wearer=None)
        expect(base, wearer_fields(updated), wearer_fields(stored), hat_name(stored), wearer_labels())
        repo.upsert_hat(updated)
        return updated


def set_hat_enabled(ws: Workspace, hat: str, enabled: bool) -> Hat:
    """Enable or disable a hat (default or optional); at least one hat stays enabled.

    Raises:
        InputError: ``settings.last_hat`` when ``hat`` is the only enabled one.
    """
    with ws.write() as repo:
        record = _hat(repo, hat)
        others = [h for h in repo.hats().values() if h.enabled and h.key != record.key]
        if not enabled and not others:
            raise InputError("settings.last_hat")
        updated = revised(record, enabled=enabled)
        repo.upsert_hat(updated)
        return updated


def _hours(hours: float | None) -> str:
    """An hour budget as the screen shows it: ``6``, ``7.5``, or empty."""
    if hours is None:
        return ""
    return str(int(hours)) if float(hours).is_integer() else str(hours)


def set_hours_budget(ws: Workspace, hat: str, text: str, base: Mapping[str, str] | None = None) -> Hat:
    """Set a hat's weekly hour budget from what was typed; empty clears it.

    ``base``: ``{"hours": …}`` as the screen showed it; changed elsewhere since: ``EditConflict``.

    Raises:
        InputError: not a number, or outside 0–168 hours.
    """
    raw = (text or "").strip()
    hours = None
    if raw:
        hours = parse_number(raw, t("settings.hats.hours"), lang=current_language())
        if not 0 <= hours <= MAX_HOURS:
            raise InputError("settings.hours_range", value=raw, limit=int(MAX_HOURS))
    with ws.write() as repo:
        stored = _hat(repo, hat)
        updated = revised(stored, hours_budget=hours)
        mine, theirs = ({"hours": _hours(h.hours_budget)} for h in (updated, stored))
        expect(base, mine, theirs, hat_name(stored), {"hours": t("settings.hats.hours")})
        repo.upsert_hat(updated)
        return updated


# -- conflict rules --------------------------------------------------------------------------------


def _same_pair(rule: ConflictRule, hats: Sequence[str]) -> bool:
    return frozenset(rule.hats) == frozenset(hats)


def add_conflict(
    ws: Workspace, hat_a: str, hat_b: str, level: str, every: str, reason: str, check: str
) -> ConflictRule:
    """Add a conflict rule for two different hats that have none yet.

    Raises:
        InputError: an unknown or repeated hat, a pair that already has a rule, a bad level or
            cadence, an empty reason or check.
    """
    if not (hat_a or "").strip() or not (hat_b or "").strip():
        raise InputError("settings.conflict_hats")
    _choice(level, LEVELS, "level")
    _choice(every, CADENCES, "every")
    reason_text, check_text = _text(reason), _text(check)
    if not reason_text:
        raise InputError("settings.conflict_reason_empty")
    if not check_text:
        raise InputError("settings.conflict_check_empty")
    with ws.write() as repo:
        a, b = _hat(repo, hat_a).key, _hat(repo, hat_b).key
        if a == b:
            raise InputError("settings.conflict_same")
        rules = repo.conflicts()
        if any(_same_pair(r, (a, b)) for r in rules):
            raise InputError("settings.conflict_exists", a=a, b=b)
        rule = ConflictRule(hats=(a, b), level=level, every=every, reason=reason_text, check=check_text)
        repo.set_conflicts([*rules, rule])
        return rule


def update_conflict(
    ws: Workspace, hats: Sequence[str], level: str | None = None, every: str | None = None
) -> ConflictRule:
    """Change the level or the check frequency of the rule for ``hats`` (either order)."""
    updates: dict[str, str] = {}
    if level is not None:
        updates["level"] = _choice(level, LEVELS, "level")
    if every is not None:
        updates["every"] = _choice(every, CADENCES, "every")
    with ws.write() as repo:
        rules = repo.conflicts()
        index = _rule_index(rules, hats)
        rules[index] = revised(rules[index], **updates)
        repo.set_conflicts(rules)
        return rules[index]


def remove_conflict(ws: Workspace, hats: Sequence[str]) -> None:
    """Remove the rule for ``hats``; the checks recorded for it stay as history."""
    with ws.write() as repo:
        rules = repo.conflicts()
        del rules[_rule_index(rules, hats)]
        repo.set_conflicts(rules)


def _rule_index(rules: list[ConflictRule], hats: Sequence[str]) -> int:
    for i, rule in enumerate(rules):
        if _same_pair(rule, hats):
            return i
    a, b = (list(hats) + ["", ""])[:2]
    pairs = ", ".join(f"{x} × {y}" for x, y in (r.hats for r in rules)) or "—"
    raise InputError("conflict.unknown_pair", a=a, b=b, pairs=pairs)


# -- language and currency -------------------------------------------------------------------------


def set_language_setting(ws: Workspace, lang: str | None) -> Settings:
    """Store the UI language (None: from ``--lang``, ``MKHATS_LANG`` or the locale)."""
    if lang is not None:
        _choice(lang, LANGUAGES, "lang")
    with ws.write() as repo:
        settings = revised(repo.settings(), lang=lang)
        repo.set_settings(settings)
        return settings


def set_theme(ws: Workspace, theme: str | None) -> Settings:
    """Store the app's theme (None: the default); written only when it changed."""
    with ws.write() as repo:
        stored = repo.settings()
        if stored.theme == theme:
            return stored
        settings = revised(stored, theme=theme)
        repo.set_settings(settings)
        return settings


def set_currency(ws: Workspace, text: str, base: Mapping[str, str] | None = None) -> Settings:
    """Store the currency sign; empty means the language's default (₽ Russian, $ English).

    ``base``: ``{"currency": …}`` as the screen showed it; changed elsewhere since: ``EditConflict``.
    """
    sign = _text(text, 100) or None
    if sign is not None and len(sign) > MAX_CURRENCY:
        raise InputError("settings.currency_long", value=sign, limit=MAX_CURRENCY)
    with ws.write() as repo:
        stored = repo.settings()
        settings = revised(stored, currency=sign)
        mine, theirs = ({"currency": s.currency or ""} for s in (settings, stored))
        expect(base, mine, theirs, t("settings.title"), {"currency": t("settings.lang.currency")})
        repo.set_settings(settings)
        return settings
