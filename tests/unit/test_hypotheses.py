"""Hypotheses: the uplift between a baseline and a test window, open ones in the review, the service."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.defaults import default_kpis
from mkhats.domain.hypotheses import (
    Hypothesis,
    earliest_day,
    is_open,
    measure,
    next_id,
    open_hypotheses,
    uplift_percent,
)
from mkhats.domain.review import review
from mkhats.errors import InputError
from mkhats.present.report import weekly_report
from mkhats.present.review_text import check_line
from mkhats.services.hypotheses import HypothesisDraft, add_hypothesis, hypothesis_rows, set_verdict
from mkhats.services.workspace import Workspace
from tests.unit.cmo_snapshot import make

KPIS = {k.key: k for k in default_kpis()}
NOV = {n: date(2026, 11, n) for n in range(1, 31)}
OCT = {n: date(2026, 10, n) for n in range(1, 32)}


def hyp(
    kpi: str = "content.leads",
    base=(OCT[1], OCT[14]),
    test=(OCT[15], OCT[28]),
    verdict=None,
    hat: str = "content",
    id: str = "h1",
) -> Hypothesis:
    return Hypothesis(
        id=id,
        hat=hat,
        statement="Case studies bring leads",
        kpi=kpi,
        baseline_first=base[0],
        baseline_last=base[1],
        test_first=test[0],
        test_last=test[1],
        verdict=verdict,
        created=base[0],
    )


# ---------------------------------------------------------------- uplift


@pytest.mark.parametrize(
    ("baseline", "test", "expected"),
    [
        (30, 45, 50.0),
        (100, 60, -40.0),
        (-20, -10, 50.0),  # against |baseline|: a loss halved is +50 %
        (0, 10, None),  # no uplift from zero
        (None, 10, None),
        (10, None, None),
    ],
)
def test_uplift_percent(baseline, test, expected) -> None:
    assert uplift_percent(baseline, test) == (pytest.approx(expected) if expected is not None else None)


def test_a_measured_kpi_sums_each_window() -> None:
    daily = {"content.leads": {OCT[2]: 10, OCT[9]: 20, OCT[16]: 30, OCT[20]: 15, OCT[30]: 999}}
    result = measure(hyp(), KPIS, daily)  # 30 → 45; the 30th is outside both windows
    assert (result.baseline, result.test, result.uplift) == (30, 45, pytest.approx(50.0))


def test_a_formula_kpi_is_computed_on_each_windows_sums() -> None:
    # Baseline CPL = (900 + 100) / (3 + 7) = 100 (the mean of daily CPLs would be 157.1);
    # test CPL = 1200 / 20 = 60 → −40 %.
    daily = {
        "performance.spend": {OCT[1]: 900, OCT[2]: 100, OCT[15]: 1200},
        "performance.leads": {OCT[1]: 3, OCT[2]: 7, OCT[16]: 20},
    }
    result = measure(hyp("performance.cpl", hat="performance"), KPIS, daily)
    assert (result.baseline, result.test) == (pytest.approx(100.0), pytest.approx(60.0))
    assert result.uplift == pytest.approx(-40.0)


def test_a_mean_kpi_averages_each_window() -> None:
    daily = {"pm.cycle_days": {OCT[1]: 4, OCT[2]: 6, OCT[15]: 3, OCT[16]: 3}}
    result = measure(hyp("pm.cycle_days", hat="pm"), KPIS, daily)
    assert (result.baseline, result.test, result.uplift) == (5.0, 3.0, pytest.approx(-40.0))


def test_no_value_in_a_window_gives_no_uplift() -> None:
    result = measure(hyp(), KPIS, {"content.leads": {OCT[2]: 10}})
    assert (result.baseline, result.test, result.uplift) == (10, None, None)
    result = measure(hyp(), KPIS, {"content.leads": {OCT[2]: 0, OCT[20]: 5}})
    assert (result.baseline, result.test, result.uplift) == (0, 5, None)  # from zero: no percentage


# ---------------------------------------------------------------- open hypotheses


@pytest.mark.parametrize(
    ("verdict", "day", "expected"),
    [
        (None, OCT[29], True),  # the test ended on the 28th
        (None, OCT[28], False),  # its last day is still running
        ("confirmed", NOV[20], False),
        ("inconclusive", NOV[20], False),
    ],
)
def test_is_open(verdict, day, expected) -> None:
    assert is_open(hyp(verdict=verdict), day) is expected


def test_open_hypotheses_oldest_first_and_by_hat() -> None:
    late = hyp(id="h2", test=(OCT[15], NOV[5]))
    early = hyp(id="h3", hat="crm", kpi="crm.revenue")
    assert [h.id for h in open_hypotheses([late, early, hyp(id="h4", verdict="rejected")], NOV[20])] == ["h3", "h2"]
    assert [h.id for h in open_hypotheses([late, early], NOV[20], hats=["content"])] == ["h2"]


def test_next_id_and_earliest_day() -> None:
    assert next_id([]) == "h1"
    assert next_id([hyp(id="h2"), hyp(id="h10"), hyp(id="x7")]) == "h11"
    judged = hyp(
        verdict="confirmed", base=(date(2026, 5, 1), date(2026, 5, 31)), test=(date(2026, 6, 1), date(2026, 6, 30))
    )
    running = hyp(id="h2", base=(date(2026, 8, 1), date(2026, 8, 31)), test=(date(2026, 9, 1), date(2026, 9, 30)))
    assert earliest_day([judged, running], date(2026, 8, 31)) == date(2026, 8, 1)
    assert earliest_day([judged], date(2026, 8, 31)) is None  # judged and over before the view


# ---------------------------------------------------------------- review and report


def test_an_open_hypothesis_is_a_cadence_warning() -> None:
    snapshot = make(hypotheses=[hyp(), hyp(id="h2", verdict="confirmed"), hyp(id="h3", test=(NOV[16], NOV[30]))])
    items = [i for i in review(snapshot) if i.key == "review.hypothesis_open"]
    assert [i.params["hypothesis"].id for i in items] == ["h1"]
    assert (items[0].category, items[0].hat, items[0].kpi) == ("CADENCE", "content", "content.leads")
    assert check_line(items[0], snapshot) == (
        "CADENCE Content: the test of “Case studies bring leads” (Content Leads, 15–28 Oct 2026) is over; "
        "record its verdict."
    )


def test_a_disabled_hats_hypothesis_is_not_reported() -> None:
    snapshot = make(hats={"content": {"enabled": False}}, hypotheses=[hyp()])
    assert not [i for i in review(snapshot) if i.key == "review.hypothesis_open"]


def test_report_lists_hypotheses_with_their_uplift() -> None:
    daily = {"content.leads": {OCT[2]: 10, OCT[9]: 20, OCT[16]: 30, OCT[20]: 15}}
    running = hyp(id="h2", base=(NOV[2], NOV[8]), test=(NOV[23], NOV[29]), hat="content")
    report = weekly_report(
        make(
            daily=daily,
            hypotheses=[
                hyp(),
                running,
                hyp(
                    id="h3",
                    hat="pm",
                    kpi="pm.hypotheses",
                    test=(OCT[15], OCT[28]),
                    verdict="rejected",
                    base=(OCT[1], OCT[14]),
                ),
            ],
        )
    )
    section = report[report.index("### Hypotheses") :]
    assert (
        "| Content | Case studies bring leads | Content Leads | 1–14 Oct 2026 | 15–28 Oct 2026 | 30 | 45 | +50.0\u00a0% | awaiting verdict |"
        in section
    )
    assert (
        "| Content | Case studies bring leads | Content Leads | 2–8 Nov 2026 | 23–29 Nov 2026 | — | — | — | testing |"
        in section
    )
    assert (
        "| PM | Case studies bring leads | PM Hypotheses | 1–14 Oct 2026 | 15–28 Oct 2026 | — | — | — | rejected |"
        in section
    )


def test_report_says_when_there_are_no_hypotheses() -> None:
    assert "- No hypotheses under test." in weekly_report(make())


def test_report_uses_the_older_values_loaded_for_baselines() -> None:
    old = hyp(base=(date(2026, 7, 1), date(2026, 7, 31)), test=(OCT[1], OCT[31]))
    snapshot = make(
        daily={"content.leads": {OCT[5]: 60}}, history={"content.leads": {date(2026, 7, 3): 40}}, hypotheses=[old]
    )
    assert "| 40 | 60 | +50.0\u00a0% |" in weekly_report(snapshot)


# ---------------------------------------------------------------- the service


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "mkhats.json", NOV[24])
    with workspace.write():
        pass
    return workspace


def draft(**changes) -> HypothesisDraft:
    fields = dict(
        statement="  Case   studies bring leads ",
        kpi="content.leads",
        baseline_first=OCT[1],
        baseline_last=OCT[14],
        test_first=OCT[15],
        test_last=OCT[28],
    )
    fields.update(changes)
    return HypothesisDraft(**fields)


def test_add_and_judge_a_hypothesis(ws: Workspace) -> None:
    from mkhats.services.values import add_value

    for day, value in ((OCT[2], 10), (OCT[9], 20), (OCT[16], 30), (OCT[20], 15)):
        add_value(ws, "content.leads", value, day)
    first = add_hypothesis(ws, "content", draft())
    assert (first.id, first.statement, first.created, first.verdict) == (
        "h1",
        "Case studies bring leads",
        NOV[24],
        None,
    )
    [row] = hypothesis_rows(ws, "content")
    assert (row.kpi, row.baseline, row.test, row.before, row.after, row.uplift, row.verdict, row.open) == (
        "Leads",
        "1–14 Oct",
        "15–28 Oct",
        "30",
        "45",
        "+50.0\u00a0%",
        "awaiting verdict",
        True,
    )
    set_verdict(ws, "h1", "confirmed")
    with ws.read() as repo:
        assert [(h.id, h.verdict) for h in repo.hypotheses()] == [("h1", "confirmed")]
    assert hypothesis_rows(ws, "content")[0].verdict == "confirmed"
    assert add_hypothesis(ws, "content", draft()).id == "h2"
    assert hypothesis_rows(ws, "crm") == []


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"statement": "   "}, "hypothesis.statement_empty"),
        ({"statement": "x" * 501}, "hypothesis.statement_long"),
        ({"kpi": "content.nope"}, "hypothesis.kpi_unknown"),
        ({"baseline_last": date(2026, 9, 30)}, "hypothesis.baseline_order"),
        ({"test_last": OCT[14]}, "hypothesis.test_order"),
        ({"test_first": OCT[14]}, "hypothesis.overlap"),
        ({"baseline_first": date(2025, 10, 1)}, "hypothesis.window_long"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(ws: Workspace, changes, key) -> None:
    with pytest.raises(InputError) as error:
        add_hypothesis(ws, "content", draft(**changes))
    assert error.value.key == key
    with ws.read() as repo:
        assert repo.hypotheses() == []


def test_set_verdict_refusals(ws: Workspace) -> None:
    with pytest.raises(InputError, match="no hypothesis"):
        set_verdict(ws, "h9", "confirmed")
    add_hypothesis(ws, "content", draft())
    with pytest.raises(InputError) as error:
        set_verdict(ws, "h1", "maybe")
    assert error.value.key == "hypothesis.verdict_unknown"


def test_the_snapshot_loads_older_baseline_values(ws: Workspace) -> None:
    from mkhats.services.values import add_value

    add_value(ws, "content.leads", 40, date(2026, 6, 3))  # both before the 13 weeks of W48 (from 31 Aug)
    add_value(ws, "content.leads", 60, date(2026, 7, 3))
    add_value(ws, "content.leads", 5, OCT[5])
    add_hypothesis(
        ws,
        "content",
        draft(
            baseline_first=date(2026, 6, 1),
            baseline_last=date(2026, 6, 30),
            test_first=date(2026, 7, 1),
            test_last=date(2026, 7, 31),
        ),
    )
    snapshot = ws.snapshot("2026-W48")  # awaiting its verdict: the report and review need its numbers
    assert snapshot.history == {"content.leads": {date(2026, 6, 3): 40, date(2026, 7, 3): 60}}
    assert snapshot.daily == {"content.leads": {OCT[5]: 5}}
    # Leads are summed: compared per day, 40 in June's 30 days against 60 in July's 31 (+45.2 %).
    assert "| 40 | 60 | +45.2\u00a0% | awaiting verdict |" in weekly_report(snapshot)
    set_verdict(ws, "h1", "confirmed")  # judged and over before the window: nothing older is loaded
    assert ws.snapshot("2026-W48").history == {}


def test_a_running_test_compares_its_days_so_far_per_day() -> None:
    # Baseline 14 days with 211 leads; the test has run 3 of its 14 days with 58: a rise per day.
    from mkhats.domain.defaults import default_kpis
    from mkhats.domain.hypotheses import Hypothesis, measure

    kpis = {k.key: k for k in default_kpis()}
    base = [date(2026, 11, 2 + i) for i in range(14)]
    test = [date(2026, 11, 16 + i) for i in range(14)]
    daily = {"content.leads": {**{d: 211 / 14 for d in base}, **{d: 58 / 3 for d in test[:3]}}}
    h = Hypothesis(
        id="h1",
        hat="content",
        statement="s",
        kpi="content.leads",
        baseline_first=base[0],
        baseline_last=base[-1],
        test_first=test[0],
        test_last=test[-1],
        created=base[0],
    )
    result = measure(h, kpis, daily, date(2026, 11, 18))
    assert result.test == pytest.approx(58) and result.uplift == pytest.approx((58 / 3) / (211 / 14) * 100 - 100)
    assert result.uplift > 0
