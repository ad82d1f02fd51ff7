"""``mkhats add`` starts lean: neither Textual nor ``importlib.metadata`` is imported (SPEC §6).

The console script runs as a real process under ``python -X importtime``, which lists on stderr
every module the process imported; ``mkhats/startup.py`` holds the tricks this guards.
"""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.conftest import MKHATS


def _imported(cli, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(MKHATS), *args],
        env=cli.env,
        cwd=cli.tmp,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    # ``import time:   self |  cumulative | package.module`` (the name indented by depth).
    names = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    return proc, names - {"package"}


def test_add_loads_neither_textual_nor_importlib_metadata(cli):
    cli.ok("kpi", "list")  # the data file exists: ``add`` below is the everyday case
    proc, modules = _imported(cli, "add", "performance.spend", "120", "--date", "2026-11-20")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "performance.spend = $120 on 20 Nov 2026."
    assert "mkhats.services.values" in modules  # the listing is real: the command's own modules are there
    assert "pydantic" in modules
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}
    assert "importlib.metadata" not in modules
    assert cli.values() == {("2026-11-20", "performance.spend"): 120.0}
