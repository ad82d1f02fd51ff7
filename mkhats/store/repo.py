"""Typed access to the data: models in, models out; TinyDB documents never leave the store.

A ``Repo`` wraps one open view or transaction of ``Database``. Main-file tables hold settings,
people, hats, KPIs, checklists, logs, conflicts, checks, decisions (the plan and goals: ``money``);
month files hold daily values and closed wear spans. Natural keys identify records; writes upsert.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from tinydb import Query

from mkhats.domain import defaults
from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.models import (
    AlertDecision,
    ChecklistItem,
    ChecklistTick,
    ConflictRule,
    ExternalCheck,
    Hat,
    Kpi,
    KpiValue,
    Person,
    RolesReview,
    Settings,
    StrategySession,
    WearSpan,
    WeeklyLog,
    day_start,
)
from mkhats.domain.sources import MANUAL, add_daily
from mkhats.domain.weeks import add_days, month_key, months_between
from mkhats.store.validate import check_month, list_adapter, validated
from mkhats.store.view import Tx

if TYPE_CHECKING:
    from mkhats.domain.hypotheses import Hypothesis
    from mkhats.store.money_records import MoneyRecords

M = TypeVar("M", bound=BaseModel)
Q = Query()


def _dumps(records: Iterable[BaseModel]) -> list[dict[str, Any]]:
    """The documents to store for ``records``, checked by the validators that will read them back.

    However a record was made (``model_construct``, a copy), what is written is what the next open
    accepts (SPEC §5): a refused one raises ``InvalidRecord`` (exit 2) inside the transaction, so
    nothing is written.
    """
    records = list(records)
    docs = [record.model_dump(mode="json") for record in records]
    if docs:
        model = type(records[0])
        try:
            list_adapter(model).validate_python(docs)
        except ValidationError as exc:
            raise InvalidRecord(model.__name__, exc, listed=True) from None
    return docs


def _slot(doc: dict[str, Any]) -> tuple[str, str, str]:
    """Where a value lives: one per KPI, day and source."""
    return doc["kpi"], doc["day"], doc.get("source", MANUAL)


def _dump(record: BaseModel) -> dict[str, Any]:
    return _dumps([record])[0]


class Repo:
    """The typed repository over one view or transaction of the database."""

    def __init__(self, handle: Any, where: Any = None) -> None:
        """Wrap ``handle`` (a view or transaction); ``where(table)`` names the file and newest backup
        for an error about a record of ``table`` ("values 2026-11" for a month)."""
        self._h = handle
        self._where = where

    def _valid(self, model: type[M], docs: Iterable[dict[str, Any]], table: str) -> list[M]:
        return validated(model, docs, table, self._where)

    # -- seeding ---------------------------------------------------------------------------------

    def is_seeded(self) -> bool:
        """Whether the file already holds the shipped defaults (or the user's own set)."""
        return len(self._h.main("hats")) > 0

    def seed_defaults(self) -> None:
        """Write the shipped hats, person, KPIs, checklists and conflict rules (SPEC §2)."""
        self._h.main("persons").insert(_dump(defaults.default_person()))
        self._h.main("hats").insert_multiple(_dumps(defaults.default_hats()))
        self._h.main("kpis").insert_multiple(_dumps(defaults.default_kpis()))
        self._h.main("checklist").insert_multiple(_dumps(defaults.default_checklist()))
        self._h.main("conflicts").insert_multiple(_dumps(defaults.default_conflicts()))

    # -- settings, people, hats, KPIs ------------------------------------------------------------

    def settings(self) -> Settings:
        """The user's preferences."""
        docs = self._h.docs("settings")
        return self._valid(Settings, docs[:1], "settings")[0] if docs else Settings()

    def set_settings(self, settings: Settings) -> None:
        """Replace the user's preferences."""
        doc = _dump(settings)
        table = self._h.main("settings")
        table.truncate()
        table.insert(doc)

    def persons(self) -> dict[str, Person]:
        """People by name."""
        return {p.name: p for p in self._valid(Person, self._h.docs("persons"), "persons")}

    def upsert_person(self, person: Person) -> None:
        """Add or update a person by name."""
        self._h.main("persons").upsert(_dump(person), Q.name == person.name)

    def delete_person(self, name: str) -> None:
        """Remove a person (the caller makes sure they wear no hat)."""
        self._h.main("persons").remove(Q.name == name)

    def hats(self) -> dict[str, Hat]:
        """Every hat, enabled or not, in tab order."""
        hats = self._valid(Hat, self._h.docs("hats"), "hats")
        return {h.key: h for h in sorted(hats, key=lambda h: h.position)}

    def upsert_hat(self, hat: Hat) -> None:
        """Add or update a hat by key."""
        self._h.main("hats").upsert(_dump(hat), Q.key == hat.key)

    def kpis(self) -> dict[str, Kpi]:
        """Every KPI by key, retired ones included (their history stays)."""
        return {k.key: k for k in self._valid(Kpi, self._h.docs("kpis"), "kpis")}

    def upsert_kpi(self, kpi: Kpi) -> None:
        """Add or update a KPI by key."""
        self._h.main("kpis").upsert(_dump(kpi), Q.key == kpi.key)

    # -- checklists and logs ---------------------------------------------------------------------

    def checklist(self) -> list[ChecklistItem]:
        """Every version of every checklist item, by hat, position, then the weeks it shows in."""
        items = self._valid(ChecklistItem, self._h.docs("checklist"), "checklist")
        return sorted(items, key=lambda i: (i.hat, i.position, i.since or ""))

    def set_item(self, item_id: str, versions: Iterable[ChecklistItem]) -> None:
        """Replace every stored version of item ``item_id`` with ``versions`` (none: forget it)."""
        table = self._h.main("checklist")
        table.remove(Q.id == item_id)
        table.insert_multiple(_dump(v) for v in versions if v.id == item_id)

    def ticks(self) -> set[tuple[str, str]]:
        """Every (item id, period) that is done."""
        return {(t.item, t.period) for t in self._valid(ChecklistTick, self._h.docs("ticks"), "ticks")}

    def set_tick(self, item: str, period: str, done: bool) -> None:
        """Mark an item done or not done for a period."""
        table = self._h.main("ticks")
        cond = (Q.item == item) & (Q.period == period)
        if done:
            table.upsert(_dump(ChecklistTick(item=item, period=period)), cond)
        else:
            table.remove(cond)

    def logs(self, weeks: Iterable[str] | None = None) -> dict[tuple[str, str], WeeklyLog]:
        """Weekly logs by (hat, week), optionally only for ``weeks``."""
        docs = self._h.docs("logs")
        if weeks is not None:
            wanted = set(weeks)
            docs = [d for d in docs if d.get("week") in wanted]
        return {(log.hat, log.week): log for log in self._valid(WeeklyLog, docs, "logs")}

    def upsert_log(self, log: WeeklyLog) -> None:
        """Save a hat's log for a week."""
        self._h.main("logs").upsert(_dump(log), (Q.hat == log.hat) & (Q.week == log.week))

    # -- conflicts, checks, decisions, reviews ---------------------------------------------------

    def conflicts(self) -> list[ConflictRule]:
        """The conflict rules."""
        return self._valid(ConflictRule, self._h.docs("conflicts"), "conflicts")

    def set_conflicts(self, rules: Iterable[ConflictRule]) -> None:
        """Replace the conflict rules."""
        table = self._h.main("conflicts")
        docs = _dumps(rules)
        table.truncate()
        table.insert_multiple(docs)

    def checks(self) -> list[ExternalCheck]:
        """Every external check ever recorded."""
        return self._valid(ExternalCheck, self._h.docs("checks"), "checks")

    def add_check(self, check: ExternalCheck) -> None:
        """Record an external check."""
        self._h.main("checks").insert(_dump(check))

    def decisions(self) -> list[AlertDecision]:
        """Every decision recorded on a stop-rule alert."""
        return self._valid(AlertDecision, self._h.docs("decisions"), "decisions")

    def add_decision(self, decision: AlertDecision) -> None:
        """Record a decision on an alert."""
        self._h.main("decisions").insert(_dump(decision))

    def reviews(self) -> list[RolesReview]:
        """Every quarterly roles and KPIs review."""
        return self._valid(RolesReview, self._h.docs("reviews"), "reviews")

    def add_review(self, review: RolesReview) -> None:
        """Record a roles and KPIs review."""
        self._h.main("reviews").insert(_dump(review))

    def sessions(self) -> list[StrategySession]:
        """Every monthly strategy session."""
        return self._valid(StrategySession, self._h.docs("sessions"), "sessions")

    def upsert_session(self, session: StrategySession) -> None:
        """Save the strategy session of a month."""
        self._h.main("sessions").upsert(_dump(session), Q.month == session.month)

    def hypotheses(self) -> list[Hypothesis]:
        """Every hypothesis, in the order they were created."""
        docs = self._h.docs("hypotheses")
        if not docs:
            return []  # the model (and what it imports) is loaded only for files that hold some
        from mkhats.domain.hypotheses import Hypothesis

        return self._valid(Hypothesis, docs, "hypotheses")

    def upsert_hypothesis(self, hypothesis: Hypothesis) -> None:
        """Add or update a hypothesis by id."""
        self._h.main("hypotheses").upsert(_dump(hypothesis), Q.id == hypothesis.id)

    def money(self) -> MoneyRecords:
        """The media plan and the goals (SPEC §10): their own module, which ``add`` never loads."""
        from mkhats.store.money_records import MoneyRecords

        return MoneyRecords(self._h, self._valid)

    # -- wearing hats ----------------------------------------------------------------------------

    def wearing(self) -> WearSpan | None:
        """The span being worn now, if any (kept in the main file until it is closed)."""
        docs = self._h.docs("wearing")
        return self._valid(WearSpan, docs[:1], "wearing")[0] if docs else None

    def set_wearing(self, span: WearSpan | None) -> None:
        """Start wearing (a span with no end) or clear the open span."""
        doc = _dump(span) if span is not None else None
        table = self._h.main("wearing")
        table.truncate()
        if doc is not None:
            table.insert(doc)

    def add_span(self, span: WearSpan) -> None:
        """Store a closed span in the month file of its start's UTC date (the same on any machine)."""
        doc = _dump(span)
        self._h.month(month_key(span.start.astimezone(UTC).date()), "spans").insert(doc)

    def spans(self, first: date, last: date) -> list[WearSpan]:
        """Closed spans that started between ``first`` and ``last``, local dates."""
        out = []
        begin, end = day_start(first), day_start(add_days(last, 1))
        # Spans are filed by their UTC date, those written before aware times by their local date:
        # the months of both cover them. A month more is read only on the side the zone shifts to.
        utc_last = (end - timedelta(microseconds=1)).date()
        for month in self._present(min(first, begin.date()), max(last, utc_last)):
            docs = self._h.docs("spans", month)
            out += [s for s in self._valid(WearSpan, docs, f"spans {month}") if begin <= s.start < end]
        return sorted(out, key=lambda s: s.start)

    # -- daily values ----------------------------------------------------------------------------

    def _present(self, first: date, last: date) -> list[str]:
        present = set(self._h.months())
        return [m for m in months_between(first, last) if m in present]

    def values(self, first: date, last: date) -> list[KpiValue]:
        """Every value from ``first`` to ``last`` inclusive, loading only those months."""
        out: list[KpiValue] = []
        lo, hi = first.isoformat(), last.isoformat()
        for month in self._present(first, last):
            docs = [d for d in self._month_values(month) if lo <= d.get("day", "") <= hi]
            out += self._valid(KpiValue, docs, f"values {month}")
        return out

    def _month_values(self, month: str) -> list[dict[str, Any]]:
        """A month's stored values, refused if one belongs to another month or is there twice."""
        docs: list[dict[str, Any]] = self._h.docs("values", month)
        check_month(month, docs, self._where)
        return docs

    def daily(self, first: date, last: date) -> dict[str, dict[date, float]]:
        """``{kpi: {day: value}}`` from ``first`` to ``last``, sources combined: what the rules compute on."""
        values = self.values(first, last)
        kpis = self.kpis() if any(v.source != MANUAL for v in values) else {}
        return add_daily({}, values, kpis)

    def all_values(self) -> list[KpiValue]:
        """Every value of every month (export)."""
        out: list[KpiValue] = []
        for month in self._h.months():
            out += self._valid(KpiValue, self._month_values(month), f"values {month}")
        return out

    def set_values(self, values: Iterable[KpiValue]) -> tuple[int, int]:
        """Upsert values by (KPI, day, source): a day's value from that source gets replaced, never
        another source's (SPEC §1).

        Returns:
            (written, unchanged): how many values were new or different, how many were equal.
        """
        by_month: dict[str, list[KpiValue]] = {}
        for v in values:
            by_month.setdefault(month_key(v.day), []).append(v)
        # Every month is checked before any is changed in memory (one validator call per month).
        checked = {month: _dumps(batch) for month, batch in by_month.items()}
        written = unchanged = 0
        for month, docs in checked.items():
            table = self._h.month(month, "values")
            # A table checked before stays valid when the records put in pass the model, in their
            # month, one per (KPI, day): the commit then need not check the whole month again (a
            # one-value save stays a few ms, SPEC §6).
            vouch = isinstance(self._h, Tx) and self._h.checked(month, "values")
            index = {_slot(d): (d.doc_id, d) for d in table.all()}
            new_docs, updates = [], []
            for doc in docs:
                slot = _slot(doc)
                found = index.get(slot)
                if found is None:
                    new_docs.append(doc)
                    index[slot] = (None, doc)
                elif found[1] == doc:
                    unchanged += 1
                    continue
                elif found[0] is None:
                    new_docs[new_docs.index(found[1])] = doc
                    index[slot] = (None, doc)
                else:
                    updates.append((doc, found[0]))
                    index[slot] = (found[0], doc)
                written += 1
            if new_docs:
                table.insert_multiple(new_docs)
            if updates:
                changes = {_slot(doc): doc for doc, _ in updates}

                def apply(stored: dict[str, Any]) -> None:
                    stored.update(changes[_slot(stored)])  # noqa: B023 - used by this update only

                # One pass over the table: TinyDB rebuilds the whole table on every update call.
                table.update(apply, doc_ids=[doc_id for _, doc_id in updates])
            if vouch:  # the docs passed the model in _dumps, and by_month keeps them in their month
                self._h.vouch(month, "values")
        return written, unchanged

    def delete_value(self, kpi: str, day: date, source: str | None = None) -> bool:
        """Remove the value of ``kpi`` on ``day`` from ``source`` (None: every source's); whether
        there was one."""
        table = self._h.month(month_key(day), "values")
        found = (Q.kpi == kpi) & (Q.day == day.isoformat())
        if source is not None:
            found &= Q.source == source
        return bool(table.remove(found))

    def drop_source(self, source: str, kpis: Iterable[str], first: date, last: date, keep: Iterable[KpiValue]) -> int:
        """Remove ``source``'s values of ``kpis`` from ``first`` to ``last``, except those equal to
        one in ``keep`` (what an import is about to write): how many were removed. A re-import
        replaces what the source said of the days it covers (ad platforms restate past days)."""
        wanted, kept = set(kpis), {_slot(d) for d in _dumps(keep)}
        lo, hi = first.isoformat(), last.isoformat()
        removed = 0
        for month in self._present(first, last):
            table = self._h.month(month, "values")
            ids = [
                d.doc_id
                for d in table.all()
                if d.get("source") == source and d["kpi"] in wanted and lo <= d["day"] <= hi and _slot(d) not in kept
            ]
            if ids:
                table.remove(doc_ids=ids)
                removed += len(ids)
        return removed

    def clear_table(self, table: str) -> None:
        """Empty a main-file table (``demo --force``)."""
        self._h.main(table).truncate()

    def clear_values(self) -> None:
        """Remove every value and span (``demo --force``)."""
        for month in self._h.months():
            self._h.month(month, "values").truncate()
            self._h.month(month, "spans").truncate()
