"""The records of SPEC §1 as pydantic models: what is stored and what is typed in.

Models are frozen, forbid unknown fields, reject NaN and infinity, and normalise names to Unicode
NFC. They are built lazily (``defer_build``) because the CLI must start fast (SPEC §6). Defaults
store catalogue keys (``key``/``action_key``), user-typed text is stored as typed: data stays
language-neutral.
"""

# No ``from __future__ import annotations``: pydantic would evaluate every field's annotation from
# its text at class creation, ≈ 1 ms of every command (SPEC §6).
import unicodedata
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticKnownError

Cadence = Literal["weekly", "monthly", "quarterly"]
Unit = Literal["count", "money", "percent", "ratio", "hours", "days"]
Direction = Literal["up", "down"]
Aggregate = Literal["sum", "mean", "last", "min", "max"]
Op = Literal[">", ">=", "<", "<="]
PersonKind = Literal["staff", "owner", "external"]
Level = Literal["high", "medium", "low"]
Outcome = Literal["ok", "problems"]
DecisionKind = Literal["stopped", "rewritten", "kept"]
Verdict = Literal["scale", "test", "cut"]

CADENCES: tuple[str, ...] = ("weekly", "monthly", "quarterly")
UNITS: tuple[str, ...] = ("count", "money", "percent", "ratio", "hours", "days")
AGGREGATES: tuple[str, ...] = ("sum", "mean", "last", "min", "max")
OPS: tuple[str, ...] = (">", ">=", "<", "<=")
PERSON_KINDS: tuple[str, ...] = ("staff", "owner", "external")
DECISIONS: tuple[str, ...] = ("stopped", "rewritten", "kept")


def _text(max_length: int, min_length: int = 0) -> AfterValidator:
    """NFC, stripped, then the length limits, in one call per value.

    As ``AfterValidator(nfc), StringConstraints(...)`` would, with the same errors; but those limits
    cannot apply inside pydantic-core after a Python validator, so they would cost a second Python
    call per value (thousands in a snapshot, ≈ 1 ms, SPEC §6).
    """

    def check(value: str) -> str:
        value = unicodedata.normalize("NFC", value).strip()
        if len(value) < min_length:
            raise PydanticKnownError(
                "too_short", {"field_type": "Value", "min_length": min_length, "actual_length": len(value)}
            )
        if len(value) > max_length:
            raise PydanticKnownError(
                "too_long", {"field_type": "Value", "max_length": max_length, "actual_length": len(value)}
            )
        return value

    return AfterValidator(check)


HatKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,23}$")]
KpiName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
KpiKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,23}\.[a-z][a-z0-9_]{0,39}$")]
WeekKey = Annotated[str, StringConstraints(pattern=r"^\d{4}-W\d{2}$")]
MonthKey = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]
Name = Annotated[str, _text(60, min_length=1)]
ShortText = Annotated[str, _text(500)]
LongText = Annotated[str, _text(4000)]


class Model(BaseModel):
    """Base of every record: strict shape, finite numbers, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)


class Settings(Model):
    """User preferences kept in the data file."""

    lang: Literal["en", "ru"] | None = None
    """UI language; None means "from --lang, MKHATS_LANG or the locale"."""
    currency: Annotated[str, StringConstraints(min_length=1, max_length=4)] | None = None
    """Currency sign; None means the language's default (₽ for Russian, $ for English)."""


class Person(Model):
    """Someone who can wear hats or check them."""

    name: Name
    kind: PersonKind = "staff"


class Hat(Model):
    """A role: its own checklist, KPIs and weekly log, worn by at most one person."""

    key: HatKey
    channel: bool
    position: int = 0
    enabled: bool = True
    wearer: Name | None = None
    name: ShortText | None = None
    """A user-typed name; None shows the catalogue's ``hat.<key>.name``."""
    mission: ShortText | None = None
    """A user-typed mission; None shows the catalogue's ``hat.<key>.mission``."""
    hours_budget: Annotated[float, Field(ge=0, le=168)] | None = None


class ChecklistItem(Model):
    """One version of a recurring thing to do for a hat; its done-state is stored per period.

    An item renamed, re-cadenced or deleted keeps its older versions, each for the weeks it showed
    in, so a past period keeps its items and its done/total (SPEC §1).
    """

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
    hat: HatKey
    cadence: Cadence = "weekly"
    position: int = 0
    key: str | None = None
    """Catalogue key of a shipped item; ignored once ``text`` is set."""
    text: ShortText = ""
    since: WeekKey | None = None
    """First week this version of the item shows (the first week of the period it was added or
    changed in); None: since ever. Versions of one item share its ``id``, so ticks carry over."""
    until: WeekKey | None = None
    """First week this version no longer shows (renamed, re-cadenced or deleted); None: still on."""


class ChecklistTick(Model):
    """Item ``item`` is done for ``period`` (``2026-W48``, ``2026-11`` or ``2026-Q4``)."""

    item: str
    period: Annotated[str, StringConstraints(pattern=r"^\d{4}-(W\d{2}|\d{2}|Q[1-4])$")]


class Guard(Model):
    """A data guard: the stop rule judges only days when KPI ``kpi`` (same hat) meets it."""

    kpi: KpiName
    op: Op
    threshold: float | None = None


class StopRule(Model):
    """``OP THRESHOLD for N days`` on a KPI's daily values, with an action to take."""

    op: Op = ">"
    threshold: float | None = None
    """None: the rule is inactive until the user sets it (the review lists it as setup)."""
    days: Annotated[int, Field(ge=1, le=90)] = 1
    action_key: str | None = None
    """Catalogue key of a shipped action; ignored once ``action`` is set."""
    action: ShortText = ""
    guard: Guard | None = None


class Kpi(Model):
    """A money KPI of a hat: measured per day, or a formula over other KPIs."""

    key: KpiKey
    unit: Unit = "count"
    direction: Direction = "up"
    aggregate: Aggregate = "sum"
    formula: Annotated[str, StringConstraints(max_length=300)] | None = None
    target: float | None = None
    """Weekly target; None means no status."""
    title: ShortText | None = None
    """A user-typed title; None shows the catalogue's ``kpi.<key>``."""
    stop: StopRule | None = None
    position: int = 0
    retired: bool = False

    @property
    def hat(self) -> str:
        """The hat this KPI belongs to."""
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The KPI's name within its hat."""
        return self.key.split(".", 1)[1]


class KpiValue(Model):
    """The value of a measured KPI on one day."""

    kpi: KpiKey
    day: date
    value: float
    note: ShortText = ""


class WeeklyLog(Model):
    """Monday plan and Friday facts of one hat for one ISO week."""

    hat: HatKey
    week: WeekKey
    plan: LongText = ""
    fact: LongText = ""
    conclusion: LongText = ""
    action: LongText = ""


class ConflictRule(Model):
    """Two hats one person should not wear without an external check."""

    hats: tuple[HatKey, HatKey]
    level: Level
    every: Cadence
    key: str | None = None
    """Catalogue base of a shipped rule (``<key>.reason``, ``<key>.check``)."""
    reason: ShortText = ""
    check: ShortText = ""


class ExternalCheck(Model):
    """A person wearing neither hat of a conflict checked it on ``day``."""

    hats: tuple[HatKey, HatKey]
    by: Name
    day: date
    note: ShortText = ""
    outcome: Outcome = "ok"


class AlertDecision(Model):
    """What the user decided about the stop-rule alert of ``kpi`` that ran ``first``..``last``."""

    kpi: KpiKey
    first: date
    last: date
    decision: DecisionKind
    reason: ShortText = ""
    day: date


class WearSpan(Model):
    """A time span during which ``person`` wore ``hat``; ``end`` None while it is worn."""

    hat: HatKey
    person: Name | None = None
    start: datetime
    end: datetime | None = None


class RolesReview(Model):
    """The quarterly review of roles and KPIs."""

    day: date
    notes: LongText = ""
    decisions: dict[KpiKey, Literal["raise", "add", "kill", "keep"]] = {}
    """What the review decided about each KPI it looked at (records made before it have none)."""


class StrategySession(Model):
    """The monthly strategy session: a verdict per channel hat."""

    month: MonthKey
    day: date
    verdicts: dict[HatKey, Verdict] = {}
    notes: LongText = ""
