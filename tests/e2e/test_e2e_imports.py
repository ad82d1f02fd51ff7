"""What a command loads (SPEC §6): the quick commands import neither Textual (nor Rich) nor
pendulum, each of which would cost every run more than the whole budget's margin."""

from __future__ import annotations

import pytest


def _imported(err: str) -> set[str]:
    """Top-level packages named by ``PYTHONPROFILEIMPORTTIME``'s lines on stderr."""
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0] for line in err.splitlines() if line.startswith("import time:")
    }


@pytest.mark.parametrize(
    "args",
    [
        ("add", "performance.spend", "1234", "--date", "2026-11-20"),
        ("check",),
        ("report",),
        ("deck", "--out", "-"),
        ("kpi", "list"),
    ],
    ids=["add", "check", "report", "deck", "kpi-list"],
)
def test_quick_commands_import_neither_textual_nor_pendulum(seeded, args):
    seeded.ok("add", "performance.spend", "900", "--date", "2026-11-19")
    result = seeded(*args, PYTHONPROFILEIMPORTTIME="1")
    assert result.code in (0, 1), result  # check exits 1 when it has warnings
    imported = _imported(result.err)
    assert {"mkhats", "pydantic", "tinydb"} <= imported  # the probe sees imports at all
    assert not imported & {"textual", "rich", "pendulum"}
