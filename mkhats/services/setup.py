"""Use cases that shape the setup: KPIs and stop rules, who wears which hat, wearing, checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime

from mkhats.domain.conflicts import find_rule, validate_checker
from mkhats.domain.edits import expect
from mkhats.domain.labels import format_span, hat_name, kpi_title, person_name
from mkhats.domain.models import (
    AlertDecision,
    ExternalCheck,
    Hat,
    Kpi,
    Person,
    StopRule,
    WearSpan,
    revised,
    utc_instant,
)
from mkhats.domain.numbers import parse_number
from mkhats.domain.stoprules import Alert, is_decided, parse_condition, parse_guard
from mkhats.domain.targets import validate_target, validate_threshold
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.services.values import find_kpi
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

_CLEAR = ("", "none", "-", "нет")


def _hat(repo: Repo, key: str):
    hats = repo.hats()
    key = (key or "").strip().lower()
    if key not in hats:
        raise InputError("hat.unknown", hat=key, hats=", ".join(hats))
    return hats[key]


@dataclass(frozen=True)
class KpiChange:
    """What ``kpi set`` is asked to change; None leaves a field as it is."""

    target: str | None = None
    stop: str | None = None
    guard: str | None = None
    action: str | None = None


def changed_kpi(kpi: Kpi, kpis: dict[str, Kpi], change: KpiChange) -> Kpi:
    """``kpi`` with ``change`` applied (parsed and checked against ``kpis``); nothing is written."""
    lang = current_language()
    updates: dict = {}
    if change.target is not None:
        text = change.target.strip().lower()
        updates["target"] = None if text in _CLEAR else parse_number(change.target, "--target", lang=lang)
        validate_target(kpi, updates["target"])
    rule = kpi.stop
    if change.stop is not None:
        if change.stop.strip().lower() in _CLEAR:
            rule = None
        else:
            op, threshold, days = parse_condition(change.stop, lang=lang, field="--stop")
            validate_threshold(kpi, threshold)
            rule = revised(rule or StopRule(), op=op, threshold=threshold, days=days)
    if change.guard is not None:
        if rule is None:
            raise InputError("kpi.guard_without_rule", kpi=kpi.key)
        guard = None
        if change.guard.strip().lower() not in _CLEAR:
            guard = parse_guard(change.guard, kpi.hat, lang=lang, field="--guard")
            if f"{kpi.hat}.{guard.kpi}" == kpi.key:
                raise InputError("kpi.guard_self", kpi=kpi.key)
            if f"{kpi.hat}.{guard.kpi}" not in kpis:
                raise InputError("kpi.guard_unknown", kpi=kpi.key, guard=f"{kpi.hat}.{guard.kpi}")
            validate_threshold(kpis[f"{kpi.hat}.{guard.kpi}"], guard.threshold)
        rule = revised(rule, guard=guard)
    if change.action is not None:
        if rule is None:
            raise InputError("kpi.action_without_rule", kpi=kpi.key)
        rule = revised(rule, action=change.action.strip())
    updates["stop"] = rule
    return revised(kpi, **updates)


def set_kpi(ws: Workspace, key: str, change: KpiChange, base: Mapping[str, str] | None = None) -> Kpi:
    """Change a KPI's target and stop rule, with the same parsers and messages everywhere.

    ``target``/``stop``/``guard`` of ``none`` (or empty) clear that setting. Numbers are read as
    the current language writes them (SPEC §4). ``base``: the KPI detail's form (target, condition,
    guard, action) as it was read; a field this change would overwrite that was changed since
    raises ``EditConflict`` and nothing is written. None (``kpi set``): each option given replaces
    that setting of the KPI as stored now, under the lock, so nothing read earlier goes stale.
    """
    with ws.write() as repo:
        kpis = repo.kpis()
        kpi = find_kpi(kpis, key)
        updated = changed_kpi(kpi, kpis, change)
        if base is not None:
            from mkhats.services.kpi_detail import rule_form  # the form's own words; not for the CLI

            labels = {f: t(f"detail.form.{f}") for f in ("target", "condition", "guard", "action")}
            what = t("edit.what.kpi_rule", kpi=kpi_title(kpi))
            expect(base, asdict(rule_form(updated)), asdict(rule_form(kpi)), what, labels)
        repo.upsert_kpi(updated)
        return updated


def wearer_fields(hat: Hat) -> dict[str, str]:
    """Who wears a hat, as the settings screen shows it (nobody: empty)."""
    return {"wearer": person_name(hat.wearer) if hat.wearer else ""}


def wearer_labels() -> dict[str, str]:
    """The settings screen's name of the wearer field."""
    return {"wearer": t("settings.hats.wearer")}


def assign(
    ws: Workspace, hat_key: str, person: str, kind: str | None = None, base: Mapping[str, str] | None = None
) -> tuple[Person, bool]:
    """``person`` now wears ``hat_key`` (created if new; an optional hat is enabled).

    ``base``: ``wearer_fields`` of the hat as the settings screen showed it; another wearer set
    since raises ``EditConflict`` and nothing is written. None (``mkhats assign``): a plain set.

    Returns:
        The person and whether they were created.
    """
    name = (person or "").strip()
    if not name:
        raise InputError("person.empty")
    with ws.write() as repo:
        hat = _hat(repo, hat_key)
        persons = repo.persons()
        existing = _match_person(persons, name)
        created = existing is None
        record = Person(name=name, kind=kind or "staff") if created else existing
        if not created and kind and kind != existing.kind:
            record = revised(existing, kind=kind)
        updated = revised(hat, wearer=record.name, enabled=True)
        expect(base, wearer_fields(updated), wearer_fields(hat), hat_name(hat), wearer_labels())
        repo.upsert_person(record)
        repo.upsert_hat(updated)
        return record, created


def _match_person(persons: dict[str, Person], name: str) -> Person | None:
    folded = name.casefold()
    return next((p for p in persons.values() if p.name.casefold() == folded), None)


@dataclass(frozen=True)
class WearResult:
    """What ``wear`` changed: the span it closed, the one it started, or that the hat was on already."""

    closed: WearSpan | None = None
    started: WearSpan | None = None
    already: WearSpan | None = None


def wear(ws: Workspace, hat_key: str | None, now: datetime) -> WearResult:
    """Start wearing ``hat_key`` (None: stop wearing); one hat at a time, switching closes the last.

    ``now`` is an instant (a naive one is local time); spans are stored in UTC.
    """
    now = utc_instant(now)
    with ws.write() as repo:
        hat = _hat(repo, hat_key) if hat_key is not None else None
        current = repo.wearing()
        if current is not None and hat is not None and current.hat == hat.key:
            return WearResult(already=current)
        closed = None
        if current is not None:
            closed = revised(current, end=max(now, current.start))
            repo.add_span(closed)
            repo.set_wearing(None)
        started = None
        if hat is not None:
            started = WearSpan(hat=hat.key, person=hat.wearer, start=now)
            repo.set_wearing(started)
        return WearResult(closed=closed, started=started)


def verify(
    ws: Workspace, hat_a: str, hat_b: str, by: str, day: date, note: str = "", problems: bool = False
) -> tuple[ExternalCheck, bool]:
    """Record that ``by`` (wearing neither hat) checked the conflict of two hats.

    Returns:
        The check and whether ``by`` was added as a new external person.
    """
    name = (by or "").strip()
    if not name:
        raise InputError("person.empty")
    with ws.write() as repo:
        hats = repo.hats()
        rule = find_rule(repo.conflicts(), hat_a.strip().lower(), hat_b.strip().lower())
        persons = repo.persons()
        person = _match_person(persons, name)
        created = person is None
        if created:
            person = Person(name=name, kind="external")
        validate_checker(rule, hats, person.name)
        if created:
            repo.upsert_person(person)
        check = ExternalCheck(
            hats=rule.hats, by=person.name, day=day, note=note.strip(), outcome="problems" if problems else "ok"
        )
        repo.add_check(check)
        return check, created


def decision_fields(decision: AlertDecision | None) -> dict[str, str]:
    """A decision as its form shows it (none yet: both fields empty)."""
    if decision is None:
        return {"decision": "", "reason": ""}
    return {"decision": t(f"decision.{decision.decision}"), "reason": decision.reason}


def decide(
    ws: Workspace, alert: Alert, decision: str, reason: str = "", base: Mapping[str, str] | None = None
) -> AlertDecision:
    """Record the decision on a stop-rule alert; the alert closes.

    ``base``: ``decision_fields`` of the decision the form saw (None when the alert was open). If
    someone decided the alert otherwise since, ``EditConflict`` is raised and nothing is written;
    the same decision taken twice is recorded once.
    """
    if decision == "kept" and not reason.strip():
        raise InputError("decision.reason_needed")
    record = AlertDecision(
        kpi=alert.kpi, first=alert.first, last=alert.last, decision=decision, reason=reason.strip(), day=ws.today
    )
    with ws.write() as repo:
        if base is not None:
            theirs = [d for d in repo.decisions() if is_decided(alert, [d])]
            latest = theirs[-1] if theirs else None
            if decision_fields(latest) == decision_fields(record):
                return latest  # type: ignore[return-value]  # decided alike elsewhere: nothing to add
            labels = {"decision": t("forms.decision.choice"), "reason": t("forms.decision.reason")}
            kpis = repo.kpis()
            title = kpi_title(kpis[alert.kpi]) if alert.kpi in kpis else alert.kpi
            what = t("edit.what.decision", kpi=title, span=format_span(alert.first, alert.last))
            expect(base, decision_fields(record), decision_fields(latest), what, labels)
        repo.add_decision(record)
    return record
