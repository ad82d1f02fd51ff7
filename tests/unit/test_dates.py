"""The date rule (``present.dates``) and relative times (``present.relative``) against a frozen now,
in both languages; and the command line never importing pendulum for them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mkhats.present.dates import format_day, format_span, list_day, weekday_day
from mkhats.present.relative import file_age, relative_time, time_left

WED = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("lang", "listed", "titled", "named"),
    [
        ("en", "Wed 2 Dec", "2 Dec 2026", "Wed 2 Dec 2026"),
        ("ru", "ср 2 дек.", "2 дек. 2026", "ср 2 дек. 2026"),
    ],
)
def test_one_rule_per_context(lang: str, listed: str, titled: str, named: str) -> None:
    assert list_day(WED, 2026, lang) == listed  # a list of days: weekday, day, month
    assert format_day(WED, lang) == titled  # a title or a sentence: day, month, year
    assert weekday_day(WED, lang) == named  # one day on its own: the weekday first, the year last


def test_a_list_across_new_year_says_the_other_years() -> None:
    assert list_day(date(2025, 12, 30), 2026, "en") == "Tue 30 Dec 2025"
    assert list_day(date(2026, 1, 2), 2026, "ru") == "пт 2 янв."
    assert list_day(date(2026, 1, 2), None, "en") == "Fri 2 Jan"  # no year to compare with: none


def test_spans_keep_the_rule() -> None:
    assert format_span(date(2026, 11, 23), date(2026, 11, 29), "en") == "23–29 Nov 2026"
    assert format_span(date(2026, 11, 30), date(2026, 12, 6), "ru") == "30 нояб. – 6 дек. 2026"
    # A narrow table's span: the same shape, the shared year left out (never a year across New Year).
    assert format_span(date(2026, 9, 28), date(2026, 10, 25), "en", year=False) == "28 Sep – 25 Oct"
    assert format_span(date(2025, 12, 28), date(2026, 1, 3), "en", year=False) == "28 Dec 2025 – 3 Jan 2026"


@pytest.mark.parametrize(
    ("then", "en", "ru"),
    [
        (date(2026, 12, 2), "today", "сегодня"),
        (date(2026, 11, 29), "3 days ago", "3 дня назад"),
        (date(2026, 11, 18), "2 weeks ago", "2 недели назад"),
        (date(2026, 12, 4), "in 2 days", "через 2 дня"),
        (date(2026, 9, 30), "2 months ago", "2 месяца назад"),
        (datetime(2026, 12, 2, 10, 0, tzinfo=UTC), "2 hours ago", "2 часа назад"),
    ],
)
def test_relative_time_against_the_now_given(then: date, en: str, ru: str) -> None:
    now: date = NOW if isinstance(then, datetime) else WED
    assert relative_time(then, now, "en") == en
    assert relative_time(then, now, "ru") == ru


def test_a_day_against_an_instant_counts_days() -> None:
    # A check made on 29 Nov read at noon on 2 Dec: three days, whatever the hours.
    assert relative_time(date(2026, 11, 29), NOW, "en") == "3 days ago"
    assert relative_time(date(2026, 12, 2), NOW, "ru") == "сегодня"


def test_time_left_is_unsigned() -> None:
    assert time_left(date(2026, 12, 16), WED, "en") == "2 weeks"
    assert time_left(date(2026, 12, 16), WED, "ru") == "2 недели"
    assert time_left(date(2026, 12, 3), WED, "ru") == "1 день"


def test_file_age_against_the_apps_clock() -> None:
    stamp = NOW.timestamp()
    assert file_age(stamp - 30, NOW, "en") == "just now"
    assert file_age(stamp + 3600, NOW, "ru") == "только что"  # a clock ahead of ours: not "in 1 hour"
    assert file_age(stamp - 7200, NOW, "en") == "2 hours ago"
    assert file_age(stamp - 5 * 60, NOW, "ru") == "5 минут назад"
    assert file_age((NOW - timedelta(days=21)).timestamp(), NOW, "ru") == "3 недели назад"


def test_command_line_runs_never_import_pendulum(tmp_path: Path) -> None:
    # One fresh process runs a round of commands in-process (main() as `mkhats` calls it), then
    # says whether pendulum got loaded: relative times are the app's, the CLI keeps its fast path.
    csv = tmp_path / "values.csv"
    csv.write_text("date,kpi,value\n2026-11-20,performance.spend,1234\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import contextlib, io, os, sys
        os.environ["MKHATS_DB"] = {str(tmp_path / "mkhats.json")!r}
        os.environ["MKHATS_TODAY"] = "2026-11-24"
        from mkhats.cli import main
        runs = [["demo"], ["check"], ["report"], ["deck", "--out", "-"], ["kpi", "list"],
                ["import", {str(csv)!r}, "--dry-run"], ["verify", "performance", "cmo", "--by", "Anna"],
                ["plan", "show"], ["goal", "show"], ["export", "--format", "csv"], ["--lang", "ru", "check"]]
        codes = []
        for argv in runs:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                codes.append(main(argv))
        print(codes, "pendulum" in sys.modules, "mkhats.present.relative" in sys.modules)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    codes, *loaded = out.stdout.rsplit(maxsplit=2)
    assert loaded == ["False", "False"], out.stdout
    assert "2" not in codes, out.stdout  # every command ran (0, or 1 for warnings)
