"""Text from the user or a file is data (SPEC §5; issue 11, Deliver item 4), through the real CLI.

The hostile test's findings, each reproduced: a person named with an escape sequence and a newline
printed raw by ``check`` and ``report`` (a forged ``check`` line, an injected Markdown heading,
``<script>`` passing through), a KPI title and action printed raw by ``kpi list``, and a note
``=HYPERLINK(…)`` exported raw into CSV. Output is read as bytes: no control character but the
newline may reach the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

from tests.e2e.conftest import MKHATS, Cli

NAME = "Eve\x1b[2J\nSTOP forged\x1b]8;;http://e\x07ln\x1b]8;;\x07\u202e<script>x</script>"
TITLE = "CPA\x1b[31m\n# Injected | row |\x9b2J"
ACTION = "halt\x1bc\nSETUP forged"
FORMULA_NOTE = '=HYPERLINK("http://evil","click")'
# Every C0 byte but the newline, DEL, the C1 range as UTF-8, the bidi controls as UTF-8.
CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def raw(cli: Cli, *args: str) -> tuple[int, bytes, bytes]:
    """Run the CLI and keep its output as the terminal would get it: bytes."""
    proc = subprocess.run([str(MKHATS), *args], env=cli.env_for(), cwd=cli.tmp, capture_output=True, timeout=60)
    assert b"Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def clean(data: bytes) -> str:
    """``data`` holds no control character but newlines; its text."""
    assert not CONTROL.search(data), CONTROL.findall(data)
    return data.decode("utf-8")


def restored_with(cli: Cli, tmp: Path, change) -> None:
    """Change the data as a restored backup would: the way texts the CLI cannot type get in."""
    backup = json.loads(cli.ok("export", "--format", "json").out)
    change(backup["files"]["mkhats.json"])
    path = tmp / "edited.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    cli.ok("restore", str(path))


def hostile(cli: Cli, tmp: Path) -> None:
    cli.ok("assign", "pm", NAME)  # pm × cmo, both worn by the same person: a CONFLICT line
    cli.ok("assign", "cmo", NAME)
    cli.ok("kpi", "set", "performance.cpa", "--action", ACTION)

    def titled(main: dict) -> None:
        for kpi in main["kpis"].values():
            if kpi["key"] == "performance.cpa":
                kpi["title"] = TITLE
        next(iter(main["settings"].values()))["currency"] = "\x1bc$"

    restored_with(cli, tmp, titled)


def test_assign_echoes_the_name_on_one_clean_line(cli, tmp_path):
    code, out, err = raw(cli, "assign", "pm", NAME)
    assert code == 0 and err == b""
    text = clean(out)
    assert text.count("\n") == 1 and "Eve STOP forgedln<script>x</script>" in text


def test_check_prints_no_control_character_and_no_forged_line(cli, tmp_path):
    hostile(cli, tmp_path)
    code, out, err = raw(cli, "check")
    assert code == 1 and err == b""
    lines = clean(out).splitlines()
    assert [line for line in lines if line.startswith(("STOP forged", "SETUP forged"))] == []
    conflict = next(line for line in lines if line.startswith("CONFLICT PM × CMO"))
    assert "worn by Eve STOP forgedln<script>x</script>," in conflict


def test_report_has_no_injected_heading_row_or_html(cli, tmp_path):
    hostile(cli, tmp_path)
    code, out, err = raw(cli, "report")
    assert code == 0 and err == b""
    report = clean(out)
    assert "<script>" not in report and not re.search(r"<[A-Za-z/]", report)
    assert not [line for line in report.splitlines() if re.match(r"#+ Injected|STOP forged|SETUP forged", line)]
    assert "CPA \\# Injected \\| row \\|, $ |" in report  # the KPI's row keeps its cells
    assert "Eve STOP forgedln&lt;script&gt;x&lt;/script&gt;" in report
    for line in report.splitlines():
        if line.startswith("| CPA"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 6, line  # five cells, as the header has
    # Written to a file, the report is the same document.
    cli.ok("report", "--out", str(tmp_path / "week.md"))
    assert (tmp_path / "week.md").read_bytes() == out


def test_kpi_list_prints_titles_and_actions_on_their_own_row(cli, tmp_path):
    hostile(cli, tmp_path)
    code, out, err = raw(cli, "kpi", "list")
    assert code == 0 and err == b""
    lines = clean(out).splitlines()
    row = next(line for line in lines if line.startswith("performance.cpa "))
    assert "CPA # Injected | row |" in row and "halt SETUP forged" in row
    assert all(line.split(" ", 1)[0] in ("KPI",) or "." in line.split(" ", 1)[0] for line in lines), lines


def test_a_refusal_quoting_the_input_is_clean(cli, tmp_path):
    code, out, err = raw(cli, "add", "performance.leads\x1b[2J\nSTOP forged", "5")
    assert code == 2 and out == b""
    assert clean(err).count("\n") == 1  # one sentence: the newline typed cannot forge a second line
    path = tmp_path / "bad.csv"
    path.write_text('date,kpi,value\n2026-11-20,performance.leads,"x\nSTOP forged"\n2026-11-21,nope,1\n', "utf-8")
    code, out, err = raw(cli, "import", str(path))
    assert code == 2 and out == b""
    assert len(clean(err).splitlines()) == 3  # the summary and one line per bad row
    code, out, err = raw(cli, "assign", "pm", "x", "--kind", "\x1b[2Jboss")  # argparse's own message
    assert code == 2 and "boss" in clean(err)


def test_export_neutralises_formulas_and_import_reads_the_note_back(cli, tmp_path):
    cli.ok("add", "performance.leads", "5", "--note", FORMULA_NOTE)
    cli.ok("add", "site.uptime", "-5", "--note=-5 after the outage")
    cli.ok("add", "performance.spend", "120", "--note", "@once +1")
    text = cli.ok("export").out
    rows = {r["kpi"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["performance.leads"]["note"] == "'" + FORMULA_NOTE
    assert rows["site.uptime"]["value"] == "-5"  # a number stays a number
    assert rows["site.uptime"]["note"] == "'-5 after the outage"
    assert rows["performance.spend"]["note"] == "'@once +1"
    for row in csv.reader(io.StringIO(text)):
        assert not row[3].startswith(("=", "+", "-", "@", "\t", "\r")), row

    # Our own export imported again: the notes as the user wrote them, nothing changed.
    (tmp_path / "out.csv").write_text(text, encoding="utf-8")
    assert "3 unchanged" in cli.ok("import", str(tmp_path / "out.csv")).out
    (tmp_path / "other").mkdir()
    other = Cli(tmp_path / "other")
    other.ok("import", str(tmp_path / "out.csv"))
    stored = json.loads(other.ok("export", "--format", "json").out)
    notes = {
        v["kpi"]: v["note"] for f, data in stored["files"].items() if "values" in data for v in data["values"].values()
    }
    assert notes["performance.leads"] == FORMULA_NOTE
    assert notes["site.uptime"] == "-5 after the outage"
    assert other.ok("export").out == text
