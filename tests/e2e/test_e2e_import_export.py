"""``import``, ``export`` and ``restore``: spreadsheet CSVs, all-or-nothing, idempotent, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EXCEL_RU = (
    "\ufeffdate;kpi;value;note\r\n"
    "23.11.2026;performance.spend;1 234,5;first\r\n"
    "24.11.2026;performance.sales;3;\r\n"
    "\r\n"
    "24.11.2026;content.traffic;12\u00a0000;\r\n"
)
HAT_COLUMNS = "date,hat,kpi,value,note\n2026-11-22,content,traffic,100,Привет, мир\n"


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(
            EXCEL_RU.encode("utf-8"),
            [
                ("2026-11-23", "performance.spend", "1234.5", "first"),
                ("2026-11-24", "content.traffic", "12000", ""),
                ("2026-11-24", "performance.sales", "3", ""),
            ],
            id="semicolon-decimal-comma-dotted-dates-bom",
        ),
        pytest.param(
            "date;hat;kpi;value;note\n22.11.2026;crm;revenue;2 500,75;Оплата по счёту №5\n".encode("cp1251"),
            [("2026-11-22", "crm.revenue", "2500.75", "Оплата по счёту №5")],
            id="windows-1251-cyrillic-note",
        ),
        pytest.param(
            HAT_COLUMNS.replace("Привет, мир", '"Привет, мир"').encode("utf-8"),
            [("2026-11-22", "content.traffic", "100", "Привет, мир")],
            id="hat-column-quoted-note",
        ),
    ],
)
def test_spreadsheet_files_import(cli, tmp_path, data, expected):
    path = tmp_path / "values.csv"
    path.write_bytes(data)
    result = cli.ok("import", str(path))
    n = len(expected)
    assert result.out.strip() == f"Imported {n} row{'s' if n > 1 else ''}: {n} written, 0 unchanged."
    rows = [(r["date"], r["kpi"], r["value"], r["note"]) for r in cli.export_rows()]
    assert rows == expected


def test_reimporting_the_same_file_changes_nothing(cli, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text(EXCEL_RU, encoding="utf-8")
    cli.ok("import", str(path))
    before = cli.files()
    assert any(name.startswith("mkhats.d/") for name in before)
    result = cli.ok("import", str(path))
    assert result.out.strip() == "Imported 3 rows: 0 written, 3 unchanged."
    assert cli.files() == before


def test_dry_run_writes_nothing(seeded, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text(EXCEL_RU, encoding="utf-8")
    before = seeded.files()
    result = seeded.ok("import", str(path), "--dry-run")
    assert "3 would be written, 0 unchanged" in result.out
    assert "Nothing was written" in result.out
    assert seeded.files() == before
    assert seeded.export_rows() == []


def test_bad_rows_are_all_named_and_nothing_is_written(cli, tmp_path):
    cli.ok("add", "performance.spend", "77", "--date", "2026-11-20")
    before, exported = cli.files(), cli.ok("export").out
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,kpi,value,note\n"
        "2026-11-21,performance.spend,10,fine\n"  # row 2: good
        "2026-13-01,performance.spend,5,\n"  # row 3: bad date
        "2026-11-21,performance.cpa,5,\n"  # row 4: formula KPI
        "2026-11-21,nope.x,5,\n"  # row 5: unknown KPI
        "2026-11-22,performance.spend,-4,\n"  # row 6: negative money
        "2026-11-22,performance.leads,abc,\n"  # row 7: not a number
        "2026-11-23,performance.leads,3,fine\n",  # row 8: good
        encoding="utf-8",
    )
    result = cli("import", str(path))
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert lines[0] == f"{path}: 5 bad rows, nothing was imported:"
    assert [line.split(":")[0] for line in lines[1:]] == ["Row 3", "Row 4", "Row 5", "Row 6", "Row 7"]
    for fragment, line in zip(("2026-13-01", "formula", "nope.x", "negative", "abc"), lines[1:], strict=False):
        assert fragment in line
    assert cli.files() == before
    assert cli.ok("export").out == exported


@pytest.mark.parametrize(
    "data, fragment",
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"when,what\n2026-11-20,5\n", "when", id="bad-header"),
        pytest.param(b"\x00\x01\x02binary", "", id="binary"),
    ],
)
def test_unusable_files_are_refused(seeded, tmp_path, data, fragment):
    path = tmp_path / "values.csv"
    path.write_bytes(data)
    before = seeded.files()
    assert fragment in seeded.refused("import", str(path))
    assert seeded.files() == before


def test_export_json_then_restore_round_trips(cli, tmp_path):
    cli.ok("add", "performance.spend", "1 234,5", "--date", "2026-10-30", "--note", "октябрь")
    cli.ok("add", "performance.sales", "3", "--date", "2026-11-02")
    cli.ok("kpi", "set", "performance.cpa", "--target", "120", "--stop", "> 100 for 3 days")
    cli.ok("verify", "performance", "cmo", "--by", "Olga")
    csv_before, kpis_before = cli.ok("export").out, cli.ok("kpi", "list").out
    backup = tmp_path / "backup.json"
    assert cli.ok("export", "--format", "json", "--out", str(backup)).out.strip() == f"Written to {backup}."
    assert json.loads(backup.read_text(encoding="utf-8"))  # a real JSON document
    assert json.loads(cli.ok("export", "--format", "json").out)["files"]  # stdout works too

    cli.ok("add", "performance.spend", "999", "--date", "2026-10-30")
    cli.ok("add", "crm.sends", "500", "--date", "2026-12-01")
    cli.ok("kpi", "set", "performance.cpa", "--stop", "none", "--target", "none")
    cli.ok("assign", "cmo", "Boss", "--kind", "owner")
    assert cli.ok("export").out != csv_before

    result = cli.ok("restore", str(backup))
    assert result.out.startswith(f"Restored from {backup}; the data it replaced is kept in ")
    kept = result.out.split(" is kept in ", 1)[1].strip().rstrip(".")
    assert kept.endswith(".json") and Path(kept).parent == cli.folder / "backups"
    assert cli.ok("export").out == csv_before
    assert cli.ok("kpi", "list").out == kpis_before
    assert "Performance × CMO" not in cli.check().out  # Olga's check came back too


def _corrupt_backups(good: str) -> dict[str, str]:
    bad_unit = json.loads(good)
    bad_unit["files"]["mkhats.json"]["kpis"]["1"]["unit"] = "bogus"
    newer = json.loads(good)
    newer["files"]["mkhats.json"]["meta"]["1"]["schema_version"] = 99
    escape = json.loads(good)
    escape["files"]["../evil.json"] = {}
    negative = json.loads(good)
    for name, tables in negative["files"].items():
        if name.startswith("mkhats.d/") and "values" in tables:
            for record in tables["values"].values():
                record["value"] = -5
    target = json.loads(good)
    for record in target["files"]["mkhats.json"]["kpis"].values():
        if record["key"] == "performance.spend":
            record["target"] = -5
    return {
        "not-json": "this is not JSON",
        "truncated": good[: len(good) // 2],
        "not-a-backup": json.dumps({"a": 1}),
        "newer-schema": json.dumps(newer),
        "path-escape": json.dumps(escape),
        "invalid-record": json.dumps(bad_unit),
        "negative-value": json.dumps(negative),
        "negative-target": json.dumps(target),
    }


@pytest.mark.parametrize(
    "case",
    [
        "not-json",
        "truncated",
        "not-a-backup",
        "newer-schema",
        "path-escape",
        "invalid-record",
        "negative-value",
        "negative-target",
    ],
)
def test_restore_refuses_a_broken_backup_and_changes_nothing(cli, tmp_path, case):
    cli.ok("add", "performance.spend", "5", "--date", "2026-11-20")
    good = cli.ok("export", "--format", "json").out
    path = tmp_path / f"{case}.json"
    path.write_text(_corrupt_backups(good)[case], encoding="utf-8")
    before = cli.files()
    message = cli.refused("restore", str(path), code=(1, 2))
    assert path.name in message
    assert cli.files() == before
    assert not (tmp_path / "evil.json").exists()


def test_export_csv_to_a_file(cli, tmp_path):
    cli.ok("add", "content.traffic", "100", "--date", "2026-11-20", "--note", 'say "hi", ok')
    out = tmp_path / "values.csv"
    assert cli.ok("export", "--out", str(out)).out.strip() == f"Written to {out}."
    assert out.read_text(encoding="utf-8") == (
        'date,kpi,value,note,source\n2026-11-20,content.traffic,100,"say ""hi"", ok",manual\n'
    )
    # The exported file imports back unchanged.
    assert cli.ok("import", str(out)).out.strip() == "Imported 1 row: 0 written, 1 unchanged."
