"""A read-only data folder: the CLI says one sentence, exits 1, and the file stays as it was."""

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
    env = {**os.environ, "MKHATS_DB": str(tmp_path / "data" / "mkhats.json"), "MKHATS_TODAY": "2026-11-24", "MKHATS_LANG": "en"}
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
