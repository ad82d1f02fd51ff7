"""A read-only data folder: a write says one sentence, exits 1, and the file stays as it was; the
read-only commands (export, report, check, kpi list) work, taking no lock."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into read-only folders anyway, so the refusal cannot happen when run as root",
)


def test_a_read_only_folder_is_reported_and_nothing_changes(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).parent / "mkhats")
    env = {
        **os.environ,
        "MKHATS_DB": str(tmp_path / "data" / "mkhats.json"),
        "MKHATS_TODAY": "2026-11-24",
        "MKHATS_LANG": "en",
    }
    subprocess.run([exe, "add", "content.traffic", "1"], env=env, check=True, capture_output=True)
    folder = tmp_path / "data"
    before = {p: p.read_bytes() for p in folder.rglob("*.json")}
    folders = [folder, *(p for p in folder.iterdir() if p.is_dir())]
    for path in folders:
        os.chmod(path, stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = subprocess.run([exe, "add", "content.traffic", "2"], env=env, capture_output=True, text=True)
    finally:
        for path in folders:
            os.chmod(path, stat.S_IRWXU)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*.json")} == before


def test_read_only_commands_work_in_a_read_only_folder(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).parent / "mkhats")
    env = {
        **os.environ,
        "MKHATS_DB": str(tmp_path / "data" / "mkhats.json"),
        "MKHATS_TODAY": "2026-11-24",
        "MKHATS_LANG": "en",
    }
    subprocess.run([exe, "add", "content.traffic", "1"], env=env, check=True, capture_output=True)
    folder = tmp_path / "data"
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    folders = [folder, *(p for p in folder.iterdir() if p.is_dir())]
    for path in folders:
        os.chmod(path, stat.S_IRUSR | stat.S_IXUSR)
    out = tmp_path / "out"
    out.mkdir()
    try:
        commands = [
            ["export"],
            ["export", "--format", "json"],
            ["export", "--format", "json", "--out", str(out / "b.json")],
            ["report"],
            ["kpi", "list"],
            ["check"],
        ]
        for command in commands:
            result = subprocess.run([exe, *command], env=env, capture_output=True, text=True)
            assert result.returncode in ((0, 1) if command == ["check"] else (0,)), (command, result.stderr)
            assert result.stderr == "", (command, result.stderr)
    finally:
        for path in folders:
            os.chmod(path, stat.S_IRWXU)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
