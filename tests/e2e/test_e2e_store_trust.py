"""Trusting the files (SPEC §5): refused records, symbolic links, devices, owner-only outputs, no lock
for reading, and month files that hold only their month's values."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import filelock
import pytest

MONTH = "mkhats.d/values-2026-11.json"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_bytes())
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _first(table: dict) -> dict:
    return table[min(table, key=int)]


def test_a_month_file_holding_an_invalid_record_is_refused_for_writing(seeded):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    seeded.ok("add", "content.traffic", "2", "--date", "2026-11-21")  # today's backup holds both
    backup = seeded.folder / "backups" / "mkhats-2026-11-24.json"
    _edit(seeded.folder / MONTH, lambda d: _first(d["values"]).update(value="lots"))
    # A newer backup that does not load is not the one to send the user to.
    broken = seeded.folder / "backups" / "mkhats-2026-11-25.json"
    broken.write_bytes(b"{cut sh")
    os.utime(broken, ns=(backup.stat().st_mtime_ns + 10**9,) * 2)
    before = seeded.files()
    message = seeded.refused("add", "content.traffic", "3", "--date", "2026-11-22", code=1)
    assert seeded.files() == before
    assert str(seeded.folder / MONTH) in message, message
    assert "content.traffic 2026-11-20" in message and "value" in message, message
    assert f"newest backup that loads is {backup}" in message, message


def test_an_invalid_record_in_a_table_the_write_does_not_touch_is_refused_too(seeded):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    bad_span = {"hat": "Not A Hat!", "person": "Me", "start": "2026-11-20T09:00:00", "end": "2026-11-20T10:00:00"}
    _edit(seeded.folder / MONTH, lambda d: d.update(spans={"1": bad_span}))
    before = seeded.files()
    message = seeded.refused("add", "content.traffic", "3", "--date", "2026-11-22", code=1)
    assert seeded.files() == before
    assert str(seeded.folder / MONTH) in message and "spans" in message and "hat" in message, message


def test_a_month_file_holding_another_months_value_or_a_duplicate_is_refused(seeded):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    seeded.ok("add", "content.traffic", "2", "--date", "2026-11-21")
    month = seeded.folder / MONTH
    original = month.read_bytes()
    _edit(month, lambda d: _first(d["values"]).update(day="2026-10-20"))
    before = seeded.files()
    message = seeded.refused("export", code=1)
    assert str(month) in message and "content.traffic" in message and "2026-10-20" in message, message
    assert "another month" in message, message
    seeded.refused("add", "content.traffic", "5", "--date", "2026-11-22", code=1)
    assert seeded.files() == before
    month.write_bytes(original)
    _edit(month, lambda d: d["values"].update({"99": dict(_first(d["values"]))}))
    message = seeded.refused("report", code=1)
    assert str(month) in message and "two values of content.traffic on 2026-11-20" in message, message


@pytest.mark.parametrize("damage", ["duplicate", "wrong-month"])
def test_restore_refuses_duplicates_and_values_in_the_wrong_month(seeded, tmp_path, damage):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    backup = tmp_path / "backup.json"
    seeded.ok("export", "--format", "json", "--out", str(backup))
    data = json.loads(backup.read_bytes())
    values = data["files"][MONTH]["values"]
    if damage == "duplicate":
        values["2"] = dict(values["1"], value=7)
    else:
        values["1"]["day"] = "2026-12-01"
    backup.write_text(json.dumps(data), encoding="utf-8")
    before = seeded.files()
    message = seeded.refused("restore", str(backup), code=2)
    assert str(backup) in message and "values-2026-11.json" in message and "content.traffic" in message, message
    assert seeded.files() == before


def test_db_through_a_symbolic_link(cli, tmp_path):
    synced = tmp_path / "Dropbox" / "mkhats.json"
    cli.ok("add", "content.traffic", "5", "--date", "2026-11-20", "--db", str(synced))
    home = tmp_path / "home"
    home.mkdir()
    link = home / "mkhats.json"
    link.symlink_to(synced)
    assert cli.ok("export", "--db", str(link)).out.splitlines()[1:] == ["2026-11-20,content.traffic,5,,manual"]
    cli.ok("add", "content.traffic", "6", "--date", "2026-10-03", "--db", str(link))
    assert link.is_symlink() and os.readlink(link) == str(synced)
    assert sorted(p.name for p in home.iterdir()) == ["mkhats.json"], "nothing is made beside the link"
    folder = synced.parent
    assert {"mkhats.json", "mkhats.json.lock", "mkhats.d", "backups"} <= {p.name for p in folder.iterdir()}
    assert (folder / "mkhats.d" / "values-2026-10.json").exists()
    assert cli.ok("export", "--db", str(synced)).out.splitlines()[1:] == [
        "2026-10-03,content.traffic,6,,manual",
        "2026-11-20,content.traffic,5,,manual",
    ]


def test_a_device_or_a_pipe_as_the_data_file_is_refused_and_nothing_is_created(cli, tmp_path):
    before = sorted(os.listdir("/dev"))
    message = cli.refused("add", "content.traffic", "1", "--db", "/dev/null", code=2)
    assert "/dev/null" in message and "not a data file" in message, message
    assert sorted(os.listdir("/dev")) == before
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    cli.refused("kpi", "list", "--db", str(fifo), code=2)
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


def test_outputs_are_owner_only_even_over_an_older_file(seeded, tmp_path):
    old = tmp_path / "values.csv"
    old.write_text("old", encoding="utf-8")
    os.chmod(old, 0o644)
    outputs = {
        "values.csv": ["export"],
        "report.md": ["report"],
        "backup.json": ["export", "--format", "json"],
    }
    for name, command in outputs.items():
        assert seeded.ok(*command, "--out", str(tmp_path / name)).out.startswith("Written to ")
        assert _mode(tmp_path / name) == 0o600, name
    assert old.read_text(encoding="utf-8").startswith("date,kpi,value,note")
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []


def test_a_corrupt_file_kept_by_a_restore_is_in_an_owner_only_folder(seeded, tmp_path):
    backup = tmp_path / "good.json"
    seeded.ok("export", "--format", "json", "--out", str(backup))
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    (seeded.folder / MONTH).write_bytes(b"\x00garbage")
    seeded.ok("restore", str(backup))
    (kept,) = (seeded.folder / "backups").glob("*.corrupt")
    assert _mode(kept) == 0o700 and _mode(kept / "mkhats.d") == 0o700
    assert _mode(kept / MONTH) == 0o600 and (kept / MONTH).read_bytes() == b"\x00garbage"


def test_read_only_commands_take_no_lock(seeded, tmp_path):
    seeded.ok("add", "content.traffic", "1", "--date", "2026-11-20")
    lock = filelock.FileLock(str(seeded.db) + ".lock")
    with lock.acquire(timeout=5):  # another writer holds it: readers go on without waiting
        for command in (["export"], ["export", "--format", "json"], ["report"], ["kpi", "list"]):
            assert seeded.ok(*command).out
        assert seeded("check").code in (0, 1)
        seeded.ok("export", "--format", "json", "--out", str(tmp_path / "b.json"))


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (("report", "--out"), "mkhats.json"),
        (("export", "--out"), "mkhats.d/values-2026-11.json"),
        (("export", "--format", "json", "--out"), "mkhats.json.lock"),
        (("report", "--out"), "backups/mine.md"),
    ],
)
def test_an_output_never_lands_on_the_data_set(seeded, args, target):
    seeded.ok("add", "content.traffic", "5")
    before = seeded.files()
    message = seeded.refused(*args, str(seeded.folder / target))
    assert "part of the data set" in message
    assert seeded.files() == before
