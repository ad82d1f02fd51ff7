"""The records of SPEC §1 as pydantic models: what is stored and what is typed in.

Models are frozen, forbid unknown fields, reject NaN and infinity, and normalise names to Unicode
NFC. They are built lazily (``defer_build``) because the CLI must start fast (SPEC §6). Defaults
store catalogue keys (``key``/``action_key``), user-typed text is stored as typed: data stays
language-neutral.

The same limits hold for what is written and what is read (SPEC §5): every text has a length limit,
every date lies in 1970–2100, every time is an aware UTC instant. A record built from input that
breaks one raises :class:`InvalidRecord`, an ``InputError`` naming the field and the limit; a record
changed with :func:`revised` is validated again (pydantic's ``model_copy`` is not).
"""

# No ``from __future__ import annotations``: pydantic would evaluate every field's annotation from
# its text at class creation, ≈ 1 ms of every command (SPEC §6).
import unicodedata
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError, PydanticKnownError

from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.weeks import MAX_DAY, MIN_DAY

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
        if not value.isascii():
            _encodable(value)
            value = unicodedata.normalize("NFC", value)
        value = value.strip()
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


def _encodable(value: str) -> None:
    """Refuse lone surrogates (undecodable bytes of a command line): UTF-8 cannot store them."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise PydanticCustomError("not_text", "holds characters that are not valid text") from None


_FIRST_INSTANT = datetime(MIN_DAY.year, 1, 1, tzinfo=UTC)
_END_INSTANT = datetime(MAX_DAY.year + 1, 1, 1, tzinfo=UTC)


def _to_utc(value: datetime) -> datetime:
    """A naive time as the machine's local zone at that moment, an aware one as is, in UTC.

    Files written before times were aware hold naive local times: they are read (and written back)
    as the instant they meant on the machine that reads them, which assumes it is in the zone they
    were written in.
    """
    if MIN_DAY.year <= value.year <= MAX_DAY.year:  # first: ``astimezone`` overflows near year 1 or 9999
        value = value.astimezone(UTC)
        if _FIRST_INSTANT <= value < _END_INSTANT:
            return value
    raise PydanticCustomError("instant", "is not a time from 1970-01-01 to 2100-12-31")


class _Instant:
    """The schema of :data:`Instant`: a UTC time passes in pydantic-core alone (a file holds
    thousands of them, SPEC §6); a naive or other-zone one is converted by ``_to_utc``."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        utc = core_schema.datetime_schema(tz_constraint=0, ge=_FIRST_INSTANT, lt=_END_INSTANT)
        other = core_schema.no_info_after_validator_function(_to_utc, core_schema.datetime_schema())
        return core_schema.union_schema(
            [utc, other],
            mode="left_to_right",
            custom_error_type="instant",
            custom_error_message="is not a time from 1970-01-01 to 2100-12-31",
        )


def utc_instant(value: datetime) -> datetime:
    """``value`` as an aware UTC instant (a naive one is local time), as the models store it."""
    return value.astimezone(UTC)


def day_start(day: date) -> datetime:
    """The instant the local date ``day`` starts (00:00 in the machine's zone, its offset that day)."""
    return datetime.combine(day, time()).astimezone(UTC)


_YEAR = r"(?:19[7-9][0-9]|20[0-9][0-9]|2100)"  # the years of MIN_DAY..MAX_DAY
# [0-9], not \d: pydantic's \d takes any script's digits, and "2026-W０1" would be a week.
HatKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,23}$")]
KpiName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
KpiKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,23}\.[a-z][a-z0-9_]{0,39}$")]
WeekKey = Annotated[str, StringConstraints(pattern=rf"^{_YEAR}-W[0-9]{{2}}$")]
MonthKey = Annotated[str, StringConstraints(pattern=rf"^{_YEAR}-[0-9]{{2}}$")]
Name = Annotated[str, _text(60, min_length=1)]
LONG_TEXT_MAX = 4000
"""The longest free text a record keeps (notes, a log, a review, a session): a few pages."""
ShortText = Annotated[str, _text(500)]
LongText = Annotated[str, _text(LONG_TEXT_MAX)]
CatalogueKey = Annotated[str, StringConstraints(max_length=200)]
"""The key of a shipped text in the catalogues (``hat.cmo.check.1``…)."""
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,40}$")]
Position = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
"""An order among siblings; bounded so that it always fits the JSON the store writes."""
Day = Annotated[date, Field(ge=MIN_DAY, le=MAX_DAY)]
SourceName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,40}$")]
"""Where a value came from: ``manual`` (typed) or an import profile's source (SPEC §1, §9)."""
Instant = Annotated[datetime, _Instant()]
"""An aware UTC instant (naive input is local time: see ``_to_utc``)."""

M = TypeVar("M", bound="Model")


class Model(BaseModel):
    """Base of every record: strict shape, finite numbers, immutable.

    Building one from input (``Person(name=...)``) raises :class:`InvalidRecord`, never pydantic's
    own error: every caller, the CLI and every form, gets one sentence. Nested records given as
    instances are validated again (``revalidate_instances``), so a record is never stored around an
    unchecked part. Reading a file goes through pydantic's validators directly (``repo``).
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False, revalidate_instances="always"
    )

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise InvalidRecord(type(self).__name__, exc) from None

    # Marked as pydantic marks its own ``__init__`` (``RootModel`` does the same): pydantic-core then
    # builds nested and listed records itself instead of calling this per record, so reading a file
    # stays as fast as before and a bad record there is still a ``ValidationError`` (the store's).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]


def revised(record: M, **changes: Any) -> M:
    """``record`` with ``changes``, validated as a new record (``model_copy(update=…)`` is not)."""
    try:
        return type(record).model_validate({**record.model_dump(), **changes})
    except ValidationError as exc:
        raise InvalidRecord(type(record).__name__, exc) from None


class Settings(Model):
    """User preferences kept in the data file."""

    lang: Literal["en", "ru"] | None = None
    """UI language; None means "from --lang, MKHATS_LANG or the locale"."""
    currency: Annotated[str, StringConstraints(min_length=1, max_length=4)] | None = None
    """Currency sign; None means the language's default (₽ for Russian, $ for English)."""
    created: date | None = None
    """The day the data file was made: rituals and cadences count from it (SPEC §1 Running period).
    None in files made before it was kept: they are judged as if they had always existed."""
    theme: Annotated[str, StringConstraints(min_length=1, max_length=60)] | None = None
    """The app's theme as last chosen (a Textual theme's name); None: the default. An unknown name
    is ignored at start-up."""
    setup: Literal["due", "done"] | None = None
    """The first run's setup (SPEC §3): ``due`` in a file the app itself just made, until it is
    finished or skipped (``done``). None in files made by the command line or before it was kept:
    they are never offered it."""


class Person(Model):
    """Someone who can wear hats or check them."""

    name: Name
    kind: PersonKind = "staff"


class Hat(Model):
    """A role: its own checklist, KPIs and weekly log, worn by at most one person."""

    key: HatKey
    channel: bool
    position: Position = 0
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

    id: ItemId
    hat: HatKey
    cadence: Cadence = "weekly"
    position: Position = 0
    key: CatalogueKey | None = None
    """Catalogue key of a shipped item; ignored once ``text`` is set."""
    text: ShortText = ""
    since: WeekKey | None = None
    """First week this version of the item shows (the first week of the period it was added or
    changed in); None: since ever. Versions of one item share its ``id``, so ticks carry over."""
    until: WeekKey | None = None
    """First week this version no longer shows (renamed, re-cadenced or deleted); None: still on."""


class ChecklistTick(Model):
    """Item ``item`` is done for ``period`` (``2026-W48``, ``2026-11`` or ``2026-Q4``)."""

    item: ItemId
    period: Annotated[str, StringConstraints(pattern=rf"^{_YEAR}-(W[0-9]{{2}}|[0-9]{{2}}|Q[1-4])$")]


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
    action_key: CatalogueKey | None = None
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
    position: Position = 0
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
    """The value of a measured KPI on one day, from one source (SPEC §1)."""

    kpi: KpiKey
    day: Day
    value: float
    note: ShortText = ""
    source: SourceName = "manual"


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
    key: CatalogueKey | None = None
    """Catalogue base of a shipped rule (``<key>.reason``, ``<key>.check``)."""
    reason: ShortText = ""
    check: ShortText = ""


class ExternalCheck(Model):
    """A person wearing neither hat of a conflict checked it on ``day``."""

    hats: tuple[HatKey, HatKey]
    by: Name
    day: Day
    note: ShortText = ""
    outcome: Outcome = "ok"


class AlertDecision(Model):
    """What the user decided about the stop-rule alert of ``kpi`` that ran ``first``..``last``."""

    kpi: KpiKey
    first: Day
    last: Day
    decision: DecisionKind
    reason: ShortText = ""
    day: Day


class WearSpan(Model):
    """A time span during which ``person`` wore ``hat``; ``end`` None while it is worn.

    ``start`` and ``end`` are aware UTC instants, shown in local time: a change of time zone between
    putting a hat on and taking it off never turns seconds into hours. Files written before held
    naive local times; they are read as the machine's local zone at that moment (the zone they were
    written in, as long as the machine has not moved).
    """

    hat: HatKey
    person: Name | None = None
    start: Instant
    end: Instant | None = None

    def start_day(self) -> date:
        """The local date the span started on (the week and the month it counts in).

        To select many spans, compare ``start`` with ``day_start`` instead: it is cheaper.
        """
        return self.start.astimezone().date()


class RolesReview(Model):
    """The quarterly review of roles and KPIs."""

    day: Day
    notes: LongText = ""
    decisions: dict[KpiKey, Literal["raise", "add", "kill", "keep"]] = {}
    """What the review decided about each KPI it looked at (records made before it have none)."""


class StrategySession(Model):
    """The monthly strategy session: a verdict per channel hat."""

    month: MonthKey
    day: Day
    verdicts: dict[HatKey, Verdict] = {}
    notes: LongText = ""
