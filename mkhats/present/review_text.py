"""One sentence per review warning, in the user's language (the ``check`` lines and the review)."""

from __future__ import annotations

from mkhats.domain.models import ExternalCheck
from mkhats.domain.review import ReviewItem
from mkhats.domain.snapshot import Snapshot
from mkhats.i18n import t
from mkhats.present.alerts import alert_sentence
from mkhats.present.cmo_text import DESK_KEYS, describe_desk
from mkhats.present.labels import (
    condition_text,
    conflict_check,
    format_day,
    format_number,
    format_with_unit,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
    run_text,
    signed_deviation,
)


def describe(item: ReviewItem, snapshot: Snapshot) -> str:
    """The warning as one sentence, without its category."""
    currency = snapshot.settings.currency
    p = item.params
    if item.category == "CONFLICT":
        rule = p["rule"]
        text = t(
            "review.conflict",
            pair=pair_name(rule.hats, snapshot.hats),
            level=t(f"level.{rule.level}"),
            person=person_name(p["person"]),
            check=conflict_check(rule),
        )
        if p.get("problems") is not None:
            return text + " " + problems_text(p["problems"])
        if p.get("expired"):
            text += " " + t("review.conflict_expired", day=format_day(p["expired"]))
        return text
    if item.category == "STOP":
        return alert_sentence("review.stop", p["alert"], {p["kpi"].key: p["kpi"]}, currency, snapshot.hats)
    if item.category in ("BUDGET", "GOAL"):
        from mkhats.present.money_text import budget_sentence, goal_sentence

        return budget_sentence(item, snapshot) if item.category == "BUDGET" else goal_sentence(item, snapshot)
    if item.category == "TARGET":
        kpi, verdict = p["kpi"], p["verdict"]
        key = {"final": "review.target", "pace": "review.target_pace", "partial": "review.target_partial"}
        return t(
            key[verdict.basis],
            hat=hat_name(snapshot.hats.get(kpi.hat, kpi.hat)),
            kpi=kpi_title(kpi),
            week=p["week"],
            value=format_with_unit(kpi, p["value"], currency),
            target=format_with_unit(kpi, kpi.target, currency),
            direction=t(f"direction.{kpi.direction}"),
            run=run_text(verdict),
            projection=format_with_unit(kpi, verdict.projection, currency),
            deviation=signed_deviation(verdict.deviation),
        )
    if item.category == "RITUAL":
        return t(item.key, hat=hat_name(snapshot.hats.get(p["hat"], p["hat"])), week=p["week"])
    if item.key == "review.roles_shift":
        kpi = p["kpi"]
        return t(
            item.key,
            kpi=kpi_title(kpi),
            week=p["week"],
            value=format_with_unit(kpi, p["value"], currency),
            average=format_with_unit(kpi, p["average"], currency),
            change=("+" if p["change"] >= 0 else "−") + format_number(abs(p["change"]), 0),
        )
    if item.key in DESK_KEYS:
        return describe_desk(item, snapshot)
    if item.category == "CADENCE":
        if "last" in p:
            return t(item.key, n=p["days"], days=p["days"], last=format_day(p["last"]))
        return t(item.key)
    if item.category == "HOURS":
        hat = p.get("hat", "cmo")
        return t(
            item.key,
            hat=hat_name(snapshot.hats.get(hat, hat)),
            week=p["week"],
            person=person_name(p.get("person")),
            hours=format_number(p["hours"], 1),
            budget=format_number(p.get("budget") or 0, 1),
            low=format_number(p.get("low") or 0, 0),
            high=format_number(p.get("high") or 0, 0),
        )
    if item.category == "SETUP":
        kpi = p["kpi"]
        return t(
            "review.setup_stop",
            hat=hat_name(snapshot.hats.get(kpi.hat, kpi.hat)),
            kpi=kpi_title(kpi),
            condition=condition_text(kpi.stop),
        )
    return t(item.key, **p)


def problems_text(check: ExternalCheck) -> str:
    """ "Checked by Anna on 2 Dec 2026: problems found — “spend does not match”." and what clears it."""
    key = "review.conflict_problems_note" if check.note else "review.conflict_problems"
    return t(key, by=person_name(check.by), day=format_day(check.day), note=check.note)


def check_line(item: ReviewItem, snapshot: Snapshot) -> str:
    """A ``mkhats check`` line: the category, then the sentence."""
    return f"{item.category} {describe(item, snapshot)}"
