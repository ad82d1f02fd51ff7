"""Edges (SPEC §5): dates outside 1970–2100, texts over their limit, a zone change while a hat is worn,
a refused file under the app, a formula cycle in a backup. Each was a traceback or a silent write.

A refusal is exit 2, one sentence on stderr, no traceback, and not one byte of the data changed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime

import pytest

NAME_61 = "N" * 61
TEXT_501 = "x" * 501

# (id, argv, env, a fragment the sentence must contain): each one crashed or wrote before this.
EDGES = [
    ("today-9999-check", ["--today", "9999-12-31", "check"], {}, "9999-12-31"),
    ("today-env-0001", ["check"], {"MKHATS_TODAY": "0001-01-01"}, "MKHATS_TODAY"),
    ("today-1969", ["kpi", "list", "--today", "1969-12-31"], {}, "1970-01-01"),
    ("add-date-0001", ["add", "performance.spend", "5", "--date", "0001-01-01"], {}, "--date"),
    ("add-date-9999", ["add", "performance.spend", "5", "--date", "9999-12-31"], {}, "2100-12-31"),
    ("add-date-2101-dotted", ["add", "performance.spend", "5", "--date", "01.01.2101"], {}, "01.01.2101"),
    (
        "verify-date-9999",
        ["verify", "performance", "analytics", "--by", "Olga", "--date", "9999-12-31"],
        {},
        "9999-12-31",
    ),
    ("report-week-9999", ["report", "--week", "9999-W52"], {}, "9999-W52"),
    ("check-week-1969", ["check", "--week", "1969-W52"], {}, "1969-W52"),
    ("assign-name-61", ["assign", "pm", NAME_61], {}, "60"),
    ("verify-note-501", ["verify", "performance", "analytics", "--by", "Olga", "--note", TEXT_501], {}, "500"),
    ("verify-by-61", ["verify", "performance", "analytics", "--by", NAME_61], {}, "60"),
    ("kpi-action-501", ["kpi", "set", "performance.cpa", "--action", TEXT_501], {}, "500"),
    ("add-note-501", ["add", "performance.spend", "5", "--note", TEXT_501], {}, "500"),
]


@pytest.mark.parametrize("argv, env, fragment", [c[1:] for c in EDGES], ids=[c[0] for c in EDGES])
def test_edges_are_refused_in_one_sentence_and_write_nothing(seeded, argv, env, fragment):
    before = seeded.files()
    message = seeded.refused(*argv, **env)  # exit 2, one line, no traceback (the fixture checks)
    assert fragment in message
    assert seeded.files() == before


def test_the_action_too_long_names_the_field_and_keeps_the_file_readable(seeded):
    before = seeded.files()
    message = seeded.refused("kpi", "set", "performance.cpa", "--action", TEXT_501)
    assert message == "The stop rule's action is too long: at most 500 characters (501 given). Nothing was saved."
    assert seeded.files() == before
    assert "performance.cpa" in seeded.ok("kpi", "list").out


def test_an_import_row_outside_the_dates_is_named_and_nothing_is_written(seeded, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("date,kpi,value\n2026-11-23,performance.spend,5\n0001-01-01,performance.spend,5\n")
    before = seeded.files()
    message = seeded.refused("import", str(path))
    assert message == (
        f"{path}, row 3: “0001-01-01” is outside the dates mkhats keeps (1970-01-01 to 2100-12-31). "
        "Nothing was imported."
    )
    assert seeded.files() == before


def test_the_first_and_last_dates_kept_are_accepted(seeded):
    seeded.ok("add", "performance.spend", "5", "--date", "1970-01-01")
    seeded.ok("add", "performance.spend", "7", "--date", "31.12.2100")
    assert seeded.values() == {("1970-01-01", "performance.spend"): 5.0, ("2100-12-31", "performance.spend"): 7.0}
    assert seeded.report("--week", "2100-W52").startswith("# ")
    assert seeded.report("--week", "1970-W01").startswith("# ")
    seeded.check("--today", "2100-12-31")
    seeded.check("--today", "1970-01-01")


def test_a_text_at_its_limit_is_kept(seeded):
    name = "Ж" * 60
    assert name in seeded.ok("assign", "pm", name).out
    seeded.ok("kpi", "set", "performance.cpa", "--action", "y" * 500)
    assert "y" * 500 in seeded.ok("kpi", "list").out


def _spans(cli) -> tuple[list[dict], list[dict]]:
    """(closed spans, the open one) from a full backup."""
    files = json.loads(cli.ok("export", "--format", "json").out)["files"]
    closed = [s for name, tables in files.items() if name != "mkhats.json" for s in tables.get("spans", {}).values()]
    return closed, list(files["mkhats.json"].get("wearing", {}).values())


def test_a_time_zone_change_while_a_hat_is_worn_counts_the_real_seconds(seeded):
    # Real today (no MKHATS_TODAY): the span is measured on the clock, whatever the zone says.
    assert seeded.ok("wear", "pm", TZ="Asia/Tokyo", MKHATS_TODAY=None).out.strip() == "Now wearing PM."
    time.sleep(2)
    out = seeded.ok("wear", "--stop", TZ="America/New_York", MKHATS_TODAY=None).out
    assert out.strip() == "Stopped wearing PM after 0 minutes."
    closed, open_ = _spans(seeded)
    assert open_ == [] and len(closed) == 1
    start, end = (datetime.fromisoformat(closed[0][k].replace("Z", "+00:00")) for k in ("start", "end"))
    assert start.utcoffset() is not None and start.utcoffset().total_seconds() == 0  # stored as UTC
    assert 1 <= (end - start).total_seconds() <= 30


def _app(cli, db) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkhats", "--db", str(db)],
        env=cli.env_for(MKHATS_DB=None),
        cwd=cli.tmp,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_the_app_on_a_corrupt_file_prints_the_sentence_and_exits_1(cli, tmp_path):
    db = tmp_path / "corrupt.json"
    db.write_bytes(b'{"meta": ')
    proc = _app(cli, db)
    assert proc.returncode == 1, proc
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert proc.stderr.strip() == (
        f"{db} cannot be used: it is not valid JSON (line 1, column 10); it may have been cut short. "
        "It was left untouched, and there is no backup yet."
    )
    assert db.read_bytes() == b'{"meta": '


def test_the_app_on_a_file_holding_an_invalid_record_exits_1(seeded):
    data = json.loads(seeded.db.read_text())
    for person in data["persons"].values():
        person["name"] = NAME_61
    seeded.db.write_text(json.dumps(data))
    before = seeded.files()
    proc = _app(seeded, seeded.db)
    assert proc.returncode == 1, proc
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "invalid record in persons" in lines[0], proc.stderr
    assert seeded.files() == before


@pytest.mark.parametrize(
    "formulas, fragment",
    [
        ({"performance.cpa": "cpa + 1"}, "performance.cpa → performance.cpa"),
        ({"performance.cpa": "cpl * 2", "performance.cpl": "cpa / 2"}, "performance.cpa → performance.cpl"),
        ({"performance.cpa": "spend / nothing"}, "performance.nothing"),
    ],
    ids=["self", "cycle", "unknown"],
)
def test_restore_refuses_formula_cycles_and_self_references(seeded, tmp_path, formulas, fragment):
    backup = tmp_path / "backup.json"
    seeded.ok("export", "--format", "json", "--out", str(backup))
    data = json.loads(backup.read_text())
    for kpi in data["files"]["mkhats.json"]["kpis"].values():
        kpi["formula"] = formulas.get(kpi["key"], kpi["formula"])
    backup.write_text(json.dumps(data))
    before = seeded.files()
    message = seeded.refused("restore", str(backup))
    assert fragment in message
    assert seeded.files() == before


def test_restore_refuses_a_date_outside_1970_2100(seeded, tmp_path):
    backup = tmp_path / "backup.json"
    seeded.ok("export", "--format", "json", "--out", str(backup))
    data = json.loads(backup.read_text())
    data["files"]["mkhats.json"]["checks"] = {
        "1": {"hats": ["performance", "cmo"], "by": "Olga", "day": "0001-01-01", "note": "", "outcome": "ok"}
    }
    backup.write_text(json.dumps(data))
    before = seeded.files()
    assert "greater than or equal to 1970-01-01" in seeded.refused("restore", str(backup))
    assert seeded.files() == before
