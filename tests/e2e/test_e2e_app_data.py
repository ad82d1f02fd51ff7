"""``demo``, ``wear``, ``report --out`` and the data files themselves: creation, modes, corruption, locking."""

from __future__ import annotations

import json
import os
import stat

import pytest


def test_demo_fills_an_empty_file_and_refuses_a_full_one(cli):
    out = cli.ok("demo", "--weeks", "12").out.strip()
    assert out.startswith("Demo data: ") and "over 12 weeks" in out
    result = cli.check()
    assert result.code == 1
    assert result.starting("STOP") and result.starting("CONFLICT")
    assert any("Performance × CMO" in line for line in result.starting("CONFLICT"))
    assert any(ln.startswith("STOP Performance CPA") for ln in result.lines)
    rows = cli.export_rows()
    assert (rows[0]["date"], rows[-1]["date"]) == ("2026-09-07", "2026-11-24")  # Monday of W37 to today

    before = cli.files()
    assert "--force" in cli.refused("demo")
    assert cli.files() == before
    assert cli.ok("demo", "--weeks", "2", "--force").out.startswith("Demo data: ")
    assert min(r["date"] for r in cli.export_rows()) == "2026-11-16"


def test_demo_refuses_a_file_with_one_value(cli):
    cli.ok("add", "content.traffic", "5", "--date", "2026-01-05")
    before = cli.files()
    cli.refused("demo")
    assert cli.files() == before


def _spans(cli) -> tuple[list[dict], list[dict]]:
    """(closed spans, the open one) from a full backup."""
    files = json.loads(cli.ok("export", "--format", "json").out)["files"]
    closed = [s for name, tables in files.items() if name != "mkhats.json" for s in tables.get("spans", {}).values()]
    return sorted(closed, key=lambda s: s["start"]), list(files["mkhats.json"].get("wearing", {}).values())


def test_wearing_hats(cli):
    assert cli.ok("wear", "content").out.strip() == "Now wearing Content."
    closed, open_ = _spans(cli)
    assert closed == [] and [s["hat"] for s in open_] == ["content"]

    out = cli.ok("wear", "Performance").lines
    assert out[0].startswith("Stopped wearing Content after ") and out[1] == "Now wearing Performance."
    assert cli.ok("wear", "performance").out.strip() == "Already wearing Performance."
    closed, open_ = _spans(cli)
    assert [(s["hat"], s["person"]) for s in closed] == [("content", "Me")]
    assert closed[0]["end"] is not None and closed[0]["end"] >= closed[0]["start"]
    assert [s["hat"] for s in open_] == ["performance"]

    assert cli.ok("wear", "--stop").out.startswith("Stopped wearing Performance after ")
    closed, open_ = _spans(cli)
    assert [s["hat"] for s in closed] == ["content", "performance"] and open_ == []
    assert cli.ok("wear", "--stop").out.strip() == "No hat was being worn."


def test_report_out_writes_markdown(cli, tmp_path, row):
    cli.ok("add", "performance.spend", "1 500", "--date", "2026-11-23")
    cli.ok("add", "cmo.revenue", "9000", "--date", "2026-11-23")
    out = tmp_path / "reports" / "w48.md"
    out.parent.mkdir()
    assert cli.ok("report", "--out", str(out)).out.strip() == f"Written to {out}."
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Content", "## Performance", "## CRM", "## PM", "## CMO", "## CMO summary"]
    for heading in ("### Channel map", "### Conflicts and checks", "### Decisions"):
        assert heading in text
    assert row(text, "Spend, $", "Performance")[2] == "1,500"
    assert row(text, "Performance", "CMO summary")[1:4] == ["Me", "—", "$1,500"]
    assert "**Plan:**" in text and "Checklist: 0/8 done." in text
    assert text == cli.report()  # the file holds exactly what stdout shows


def test_report_out_to_an_unwritable_place(seeded, tmp_path):
    message = seeded.refused("report", "--out", str(tmp_path / "no" / "such" / "dir.md"), code=1)
    assert "dir.md" in message


def test_a_missing_file_is_created_with_defaults_and_mode_0600(cli):
    assert not cli.folder.exists()
    cli.db = cli.folder / "deeper" / "mkhats.json"
    cli.env["MKHATS_DB"] = str(cli.db)
    result = cli.check()
    assert result.starting("CONFLICT") and result.starting("SETUP")  # the defaults are in
    assert cli.db.exists()
    cli.ok("add", "performance.spend", "5", "--date", "2026-12-01")
    made = [p for p in cli.folder.rglob("*") if p.is_file()]
    assert {p.name for p in made} >= {"mkhats.json", "values-2026-12.json"}
    for path in made:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


@pytest.mark.parametrize("command", [["kpi", "list"], ["report"], ["export"], ["export", "--format", "json"]])
def test_any_command_creates_the_missing_file(cli, command):
    cli.ok(*command)
    assert cli.db.exists()
    assert "performance.cpa" in cli.ok("kpi", "list").out


def test_db_option_and_global_options(cli, tmp_path):
    other = tmp_path / "other" / "mine.json"
    cli.ok("add", "content.traffic", "5", "--db", str(other))
    assert other.exists() and not cli.db.exists()
    # Options given before the command work as well as after it.
    cli.ok("--db", str(other), "add", "content.traffic", "6", "--date", "2026-11-20")
    cli.ok("--today", "2026-11-21", "add", "content.traffic", "7", "--db", str(other))
    assert not cli.db.exists(), "--db before the command was ignored"
    rows = cli.ok("export", "--db", str(other)).out.splitlines()[1:]
    assert rows == [
        "2026-11-20,content.traffic,6,,manual",
        "2026-11-21,content.traffic,7,,manual",
        "2026-11-24,content.traffic,5,,manual",
    ]


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["meta"] = {"1": {"schema_version": 999}}
    return json.dumps(data).encode()


def _bad_record(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["kpis"]["1"]["unit"] = "furlongs"
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "damage, fragment",
    [
        pytest.param(lambda raw: b"", "empty", id="zero-bytes"),
        pytest.param(lambda raw: b"this is not json", "not valid JSON", id="not-json"),
        pytest.param(lambda raw: raw[: len(raw) // 2], "not valid JSON", id="cut-short"),
        pytest.param(lambda raw: b"[1, 2, 3]", "not a JSON object", id="wrong-shape"),
        pytest.param(_newer, "newer", id="newer-schema"),
        pytest.param(_bad_record, "kpis", id="invalid-record"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["add", "content.traffic", "5"]], ids=["check", "add"])
def test_a_corrupt_main_file_is_never_touched(seeded, damage, fragment, command):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")  # a value file and a backup too
    seeded.db.write_bytes(damage(seeded.db.read_bytes()))
    before = seeded.files()
    message = seeded.refused(*command, code=1)
    assert str(seeded.db) in message and fragment in message
    backups = sorted((seeded.folder / "backups").glob("*.json"))
    assert (backups and str(backups[-1]) in message) or (not backups and "no backup" in message), message
    assert seeded.files() == before


def test_a_corrupt_value_file_is_reported(seeded):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    part = seeded.folder / "mkhats.d" / "values-2026-11.json"
    part.write_bytes(b"{not json")
    before = seeded.files()
    message = seeded.refused("add", "content.traffic", "2", "--date", "2026-11-21", code=1)
    assert "values-2026-11.json" in message
    assert seeded.files() == before


@pytest.mark.slow
def test_parallel_adds_lose_nothing(cli):
    jobs = []
    for i in range(20):
        day = f"2026-{11 + i % 2}-{i + 1:02d}"  # two monthly files, a fresh data file
        kpi = ("content.traffic", "performance.spend")[i % 2]
        jobs.append(((day, kpi), str(100 + i), cli.popen("add", kpi, str(100 + i), "--date", day)))
    for key, _value, proc in jobs:
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and err == "", (key, err)
        assert "Traceback" not in err
    assert cli.values() == {key: float(value) for key, value, _ in jobs}
    assert os.path.getsize(cli.db) > 0
