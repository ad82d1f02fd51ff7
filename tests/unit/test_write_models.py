"""What the models accept at write, the next open reads back as the same record (SPEC §5).

Every record type is generated over its fields' limits (names 1–60 characters, short texts ≤ 500,
long texts ≤ 4000, any Unicode with control characters, dates 1970–2100, aware and naive times,
finite floats), written through the repository into a real data file and read back by a fresh
workspace on the same file. A record refused at write raises one sentence and writes nothing.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from mkhats.domain.goals import Goal
from mkhats.domain.hypotheses import Hypothesis
from mkhats.domain.media_plan import BudgetPlan
from mkhats.domain.models import (
    AlertDecision,
    ChecklistItem,
    ChecklistTick,
    ConflictRule,
    ExternalCheck,
    Guard,
    Hat,
    InvalidRecord,
    Kpi,
    KpiValue,
    Person,
    RolesReview,
    Settings,
    StopRule,
    StrategySession,
    WearSpan,
    WeeklyLog,
    revised,
)
from mkhats.errors import InputError, StoreError
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)
FIRST, LAST = date(1970, 1, 1), date(2100, 12, 31)

# Any Unicode scalar (control characters, combining marks, private use); lone surrogates are not
# text and are refused (see ``test_lone_surrogates_are_refused``).
CHARS = st.characters(exclude_categories=("Cs",))


def text(limit: int, min_size: int = 0) -> st.SearchStrategy[str]:
    """Texts up to ``limit`` characters, and long ones up to the limit itself (the edge cases).

    A long text repeats a short random one: any characters, little entropy per example.
    """
    short = st.text(CHARS, min_size=min_size, max_size=min(limit, 80))
    long = st.builds(
        lambda piece, length: (piece * limit)[:length],
        st.text(CHARS, min_size=1, max_size=12),
        st.integers(max(min_size, limit - 3), limit),
    )
    return st.one_of(short, long)


NAME = text(60, min_size=1)
SHORT = text(500)
LONG = text(4000)
DAYS = st.dates(FIRST, LAST)
FLOATS = st.floats(allow_nan=False, allow_infinity=False)
POSITION = st.integers(-(2**31), 2**31 - 1)
HAT = st.from_regex(r"[a-z][a-z0-9_]{0,23}", fullmatch=True)
KPI_NAME = st.from_regex(r"[a-z][a-z0-9_]{0,39}", fullmatch=True)
KPI = st.builds(lambda h, n: f"{h}.{n}", HAT, KPI_NAME)
ITEM_ID = st.from_regex(r"[A-Za-z0-9_-]{1,40}", fullmatch=True)
YEAR = st.integers(1970, 2100)
WEEK = st.builds(lambda y, w: f"{y}-W{w:02d}", YEAR, st.integers(0, 99))
MONTH = st.builds(lambda y, m: f"{y}-{m:02d}", YEAR, st.integers(0, 99))
ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-5, minutes=-30))])
# A day inside the range on both sides of UTC, so that any zone keeps the instant in 1970–2100.
INSTANTS = st.datetimes(datetime(1970, 1, 2), datetime(2100, 12, 30), timezones=ZONES)
CATALOGUE_KEY = st.none() | st.text(CHARS, max_size=200)

GUARDS = st.builds(Guard, kpi=KPI_NAME, op=st.sampled_from([">", ">=", "<", "<="]), threshold=st.none() | FLOATS)
STOPS = st.builds(
    StopRule,
    op=st.sampled_from([">", ">=", "<", "<="]),
    threshold=st.none() | FLOATS,
    days=st.integers(1, 90),
    action_key=CATALOGUE_KEY,
    action=SHORT,
    guard=st.none() | GUARDS,
)


def built(model: type, **fields: st.SearchStrategy) -> st.SearchStrategy:
    """Records of ``model``; a draw its model refuses (an NFC form over the limit…) is dropped."""

    @st.composite
    def draw(data: st.DrawFn) -> object:
        values = {name: data(strategy) for name, strategy in fields.items()}
        try:
            return model(**values)
        except InvalidRecord:
            reject()

    return draw()


RECORDS = {
    "settings": built(Settings, lang=st.sampled_from([None, "en", "ru"]), currency=st.none() | text(4, 1)),
    "person": built(Person, name=NAME, kind=st.sampled_from(["staff", "owner", "external"])),
    "hat": built(
        Hat,
        key=HAT,
        channel=st.booleans(),
        position=POSITION,
        enabled=st.booleans(),
        wearer=st.none() | NAME,
        name=st.none() | SHORT,
        mission=st.none() | SHORT,
        hours_budget=st.none() | st.floats(0, 168),
    ),
    "kpi": built(
        Kpi,
        key=KPI,
        unit=st.sampled_from(["count", "money", "percent", "ratio", "hours", "days"]),
        direction=st.sampled_from(["up", "down"]),
        aggregate=st.sampled_from(["sum", "mean", "last", "min", "max"]),
        formula=st.none() | st.text(CHARS, max_size=300),
        target=st.none() | FLOATS,
        title=st.none() | SHORT,
        stop=st.none() | STOPS,
        position=POSITION,
        retired=st.booleans(),
    ),
    "item": built(
        ChecklistItem,
        id=ITEM_ID,
        hat=HAT,
        cadence=st.sampled_from(["weekly", "monthly", "quarterly"]),
        position=POSITION,
        key=CATALOGUE_KEY,
        text=SHORT,
    ),
    "tick": built(
        ChecklistTick,
        item=ITEM_ID,
        period=st.one_of(WEEK, MONTH, st.builds(lambda y, q: f"{y}-Q{q}", YEAR, st.integers(1, 4))),
    ),
    "value": built(KpiValue, kpi=KPI, day=DAYS, value=FLOATS, note=SHORT),
    "log": built(WeeklyLog, hat=HAT, week=WEEK, plan=LONG, fact=LONG, conclusion=LONG, action=LONG),
    "conflict": built(
        ConflictRule,
        hats=st.tuples(HAT, HAT),
        level=st.sampled_from(["high", "medium", "low"]),
        every=st.sampled_from(["weekly", "monthly", "quarterly"]),
        key=CATALOGUE_KEY,
        reason=SHORT,
        check=SHORT,
    ),
    "check": built(
        ExternalCheck,
        hats=st.tuples(HAT, HAT),
        by=NAME,
        day=DAYS,
        note=SHORT,
        outcome=st.sampled_from(["ok", "problems"]),
    ),
    "decision": built(
        AlertDecision,
        kpi=KPI,
        first=DAYS,
        last=DAYS,
        decision=st.sampled_from(["stopped", "rewritten", "kept"]),
        reason=SHORT,
        day=DAYS,
    ),
    "span": built(WearSpan, hat=HAT, person=st.none() | NAME, start=INSTANTS, end=INSTANTS),
    "wearing": built(WearSpan, hat=HAT, person=st.none() | NAME, start=INSTANTS, end=st.none() | INSTANTS),
    "review": built(
        RolesReview,
        day=DAYS,
        notes=LONG,
        decisions=st.dictionaries(KPI, st.sampled_from(["raise", "add", "kill", "keep"]), max_size=3),
    ),
    "session": built(
        StrategySession,
        month=MONTH,
        day=DAYS,
        notes=LONG,
        verdicts=st.dictionaries(HAT, st.sampled_from(["scale", "test", "cut"]), max_size=3),
    ),
    "hypothesis": built(
        Hypothesis,
        id=ITEM_ID,
        hat=HAT,
        statement=SHORT,
        kpi=KPI,
        baseline_first=DAYS,
        baseline_last=DAYS,
        test_first=DAYS,
        test_last=DAYS,
        verdict=st.sampled_from([None, "confirmed", "rejected", "inconclusive"]),
        created=DAYS,
    ),
    "plan": built(
        BudgetPlan,
        hat=HAT,
        month=MONTH,
        budget=FLOATS,
        leads=st.none() | FLOATS,
        tolerance=st.floats(-1, 101, allow_nan=False),
    ),
    "goal": built(Goal, kpi=KPI, quarter=st.builds(lambda y, q: f"{y}-Q{q}", YEAR, st.integers(0, 5)), value=FLOATS),
}


# How each record goes in through the repository, and how the next open finds it.
WRITE = {
    "settings": lambda repo, r: repo.set_settings(r),
    "person": lambda repo, r: repo.upsert_person(r),
    "hat": lambda repo, r: repo.upsert_hat(r),
    "kpi": lambda repo, r: repo.upsert_kpi(r),
    "item": lambda repo, r: repo.set_item(r.id, [r]),
    "tick": lambda repo, r: repo.set_tick(r.item, r.period, True),
    "value": lambda repo, r: repo.set_values([r]),
    "log": lambda repo, r: repo.upsert_log(r),
    "conflict": lambda repo, r: repo.set_conflicts([*repo.conflicts(), r]),
    "check": lambda repo, r: repo.add_check(r),
    "decision": lambda repo, r: repo.add_decision(r),
    "span": lambda repo, r: repo.add_span(r),
    "wearing": lambda repo, r: repo.set_wearing(r),
    "review": lambda repo, r: repo.add_review(r),
    "session": lambda repo, r: repo.upsert_session(r),
    "hypothesis": lambda repo, r: repo.upsert_hypothesis(r),
    "plan": lambda repo, r: repo.money().upsert_plan(r),
    "goal": lambda repo, r: repo.money().upsert_goal(r),
}
READ = {
    "settings": lambda repo, r: repo.settings(),
    "person": lambda repo, r: repo.persons()[r.name],
    "hat": lambda repo, r: repo.hats()[r.key],
    "kpi": lambda repo, r: repo.kpis()[r.key],
    "item": lambda repo, r: next(i for i in repo.checklist() if i.id == r.id),
    "tick": lambda repo, r: r if (r.item, r.period) in repo.ticks() else None,
    "value": lambda repo, r: next(v for v in repo.values(r.day, r.day) if v.kpi == r.kpi),
    "log": lambda repo, r: repo.logs()[(r.hat, r.week)],
    "conflict": lambda repo, r: repo.conflicts()[-1],
    "check": lambda repo, r: repo.checks()[-1],
    "decision": lambda repo, r: repo.decisions()[-1],
    "span": lambda repo, r: next((s for s in repo.spans(r.start_day(), r.start_day()) if s == r), None),
    "wearing": lambda repo, r: repo.wearing(),
    "review": lambda repo, r: repo.reviews()[-1],
    "session": lambda repo, r: next(s for s in repo.sessions() if s.month == r.month),
    "hypothesis": lambda repo, r: next(h for h in repo.hypotheses() if h.id == r.id),
    "plan": lambda repo, r: next(p for p in repo.money().plans() if (p.hat, p.month) == (r.hat, r.month)),
    "goal": lambda repo, r: next(g for g in repo.money().goals() if (g.kpi, g.quarter) == (r.kpi, r.quarter)),
}


@pytest.mark.parametrize("kind", list(RECORDS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_what_the_models_accept_is_read_back_the_same(kind: str, data: st.DataObject) -> None:
    record = data.draw(RECORDS[kind], label=kind)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mkhats.json"
        with Workspace(path, TODAY).write() as repo:
            WRITE[kind](repo, record)
        with Workspace(path, TODAY).read() as repo:  # a fresh workspace: the file as reopened
            back = READ[kind](repo, record)
    assert back == record
    assert back.model_dump(mode="json") == record.model_dump(mode="json")


def test_a_record_that_bypassed_its_model_is_refused_at_write_and_nothing_is_written(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    with ws.write():
        pass
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.json")}
    kpi = Kpi(key="performance.cpa")
    bad = [
        Person.model_construct(name="N" * 61, kind="staff"),
        kpi.model_copy(
            update={
                "stop": StopRule.model_construct(
                    op=">", threshold=None, days=1, action_key=None, action="x" * 501, guard=None
                )
            }
        ),
        KpiValue.model_construct(kpi="performance.spend", day=date(9999, 12, 31), value=1.0, note=""),
        KpiValue.model_construct(kpi="performance.spend", day=date(2026, 11, 24), value=float("nan"), note=""),
    ]
    writers = ["upsert_person", "upsert_kpi", "set_values", "set_values"]
    keys = ["field.too_long", "field.too_long", "field.date_range", "field.invalid"]
    for record, writer, key in zip(bad, writers, keys, strict=True):
        with pytest.raises(InvalidRecord) as raised, ws.write() as repo:
            getattr(repo, writer)([record] if writer == "set_values" else record)
        assert raised.value.key == key
        assert "\n" not in raised.value.render()
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.json")} == before


@pytest.mark.parametrize(
    ("build", "sentence"),
    [
        (
            lambda: Person(name="N" * 61),
            "The person's name is too long: at most 60 characters (61 given). Nothing was saved.",
        ),
        (lambda: Person(name="  "), "The person's name cannot be empty. Nothing was saved."),
        (
            lambda: KpiValue(kpi="a.b", day=date(1969, 12, 31), value=1),
            "The date: 1969-12-31 is outside the dates mkhats keeps (1970-01-01 to 2100-12-31). Nothing was saved.",
        ),
        (
            lambda: revised(Kpi(key="a.b", stop=StopRule()), stop=StopRule.model_construct(action="x" * 501)),
            "The stop rule's action is too long: at most 500 characters (501 given). Nothing was saved.",
        ),
        (
            lambda: WeeklyLog(hat="cmo", week="2026-W48", plan="p" * 4001),
            "The plan is too long: at most 4000 characters (4001 given). Nothing was saved.",
        ),
        (
            lambda: Settings(currency="€€€€€"),
            "The currency sign is too long: at most 4 characters (5 given). Nothing was saved.",
        ),
        (
            lambda: WearSpan(hat="cmo", start=datetime(2101, 1, 1)),
            "The start: 2101-01-01 00:00:00 is not a time from 1970-01-01 to 2100-12-31. Nothing was saved.",
        ),
    ],
)
def test_a_refused_record_is_one_sentence_naming_the_field_and_the_limit(build, sentence: str) -> None:
    with pytest.raises(InputError) as raised:
        build()
    assert raised.value.render() == sentence


def test_lone_surrogates_are_refused() -> None:
    # What Python makes of undecodable bytes on a command line: UTF-8 cannot store it.
    with pytest.raises(InvalidRecord) as raised:
        Person(name="caf\udce9")
    assert raised.value.key == "field.not_text"


def test_a_bad_record_in_a_file_is_still_the_stores_refusal(tmp_path: Path) -> None:
    # Models raise one sentence when built from input; reading a file stays pydantic-core's own
    # validation (not the Python ``__init__``), refused as a file.
    import json

    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    with ws.write():
        pass
    data = json.loads(ws.path.read_text())
    next(iter(data["persons"].values()))["name"] = "N" * 61
    ws.path.write_text(json.dumps(data))
    with pytest.raises(StoreError) as raised:
        Workspace(ws.path, TODAY).snapshot()
    assert not isinstance(raised.value, InvalidRecord)
    assert "invalid record in persons" in raised.value.render()


@pytest.fixture
def zone():
    """Set the process's local time zone (``TZ``) for one test."""
    old = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_a_naive_time_from_an_older_file_is_the_local_zone_at_that_moment(zone) -> None:
    zone("Asia/Tokyo")
    span = WearSpan.model_validate({"hat": "cmo", "start": "2026-11-24T09:00:00", "end": "2026-11-24T10:30:00"})
    assert span.start == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    assert span.end - span.start == timedelta(minutes=90)
    assert span.start_day() == date(2026, 11, 24)
    zone("America/New_York")  # shown in the zone of the machine reading it
    assert span.start.astimezone().hour == 19 and span.start_day() == date(2026, 11, 23)


def test_hours_are_instants_subtracted_across_a_zone_change(zone) -> None:
    from mkhats.domain.hours import week_hours

    zone("Asia/Tokyo")
    start = WearSpan(hat="cmo", start=datetime(2026, 11, 25, 9, 0)).start  # naive: Tokyo time
    zone("America/New_York")
    span = WearSpan(hat="cmo", start=start, end=start + timedelta(seconds=2))
    assert week_hours([span], "2026-W48") == pytest.approx({"cmo": 2 / 3600})


@pytest.mark.parametrize(
    ("tz", "local", "utc_month"),
    [
        ("Asia/Tokyo", datetime(2026, 12, 1, 5, 0), "2026-11"),
        ("America/New_York", datetime(2026, 11, 30, 20, 0), "2026-12"),
    ],
)
def test_a_span_is_filed_by_its_utc_date_and_found_by_its_local_date(
    tmp_path: Path, zone, tz, local, utc_month
) -> None:
    zone(tz)
    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    span = WearSpan(hat="cmo", start=local, end=local + timedelta(hours=1))
    with ws.write() as repo:
        repo.add_span(span)
    assert ws.db.months() == [utc_month]
    with Workspace(ws.path, TODAY).read() as repo:
        assert repo.spans(local.date(), local.date()) == [span]
        # The whole local month, as the snapshot asks for it: the span is in the other month's file.
        first = local.date().replace(day=1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        assert repo.spans(first, last) == [span]


def test_a_naive_span_of_an_older_file_is_found_in_the_month_of_its_local_date(tmp_path: Path, zone) -> None:
    import json

    zone("Asia/Tokyo")
    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    with ws.write() as repo:
        repo.add_span(WearSpan(hat="cmo", start=datetime(2026, 12, 10, 9), end=datetime(2026, 12, 10, 10)))
    month = ws.db.layout.month_path("2026-12")
    data = json.loads(month.read_text())
    doc = next(iter(data["spans"].values()))
    doc.update(start="2026-12-01T05:00:00", end="2026-12-01T06:00:00")  # as files before aware times hold
    month.write_text(json.dumps(data))
    with Workspace(ws.path, TODAY).read() as repo:
        (span,) = repo.spans(date(2026, 12, 1), date(2026, 12, 1))
    assert span.start == datetime(2026, 11, 30, 20, 0, tzinfo=UTC)
    assert span.end - span.start == timedelta(hours=1)
