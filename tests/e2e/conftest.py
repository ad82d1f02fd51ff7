"""End-to-end fixtures: the installed ``mkhats`` console script run as a real subprocess.

Every call gets a data file in ``tmp_path`` (``MKHATS_DB``), a frozen today (``MKHATS_TODAY`` =
2026-11-24, a Tuesday of 2026-W48) and English messages. Every call asserts that stderr never
holds a traceback; the helpers read the stored state back through the CLI itself.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

MKHATS = Path(sys.executable).parent / "mkhats"
TODAY = "2026-11-24"
CATEGORIES = ("CONFLICT", "STOP", "BUDGET", "TARGET", "GOAL", "RITUAL", "CADENCE", "HOURS", "SETUP")


@dataclass(frozen=True)
class Result:
    """What one run of the CLI gave back."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    def starting(self, prefix: str) -> list[str]:
        """stdout lines that start with ``prefix``."""
        return [line for line in self.lines if line.startswith(prefix)]

    def categories(self) -> set[str]:
        """The categories of ``check`` lines."""
        return {line.split(" ", 1)[0] for line in self.lines}


class Cli:
    """Runs ``mkhats`` on one data file; ``env`` changes apply to every call."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.folder = tmp_path / "data"
        self.db = self.folder / "mkhats.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith("MKHATS_")}
        env.update(MKHATS_DB=str(self.db), MKHATS_TODAY=TODAY, MKHATS_LANG="en")
        self.env = env

    def env_for(self, **changes: str | None) -> dict[str, str]:
        env = dict(self.env)
        for key, value in changes.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def popen(self, *args: str, **env: str | None) -> subprocess.Popen:
        return subprocess.Popen(
            [str(MKHATS), *args],
            env=self.env_for(**env),
            cwd=self.tmp,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def __call__(self, *args: str, stdin: str | None = None, **env: str | None) -> Result:
        proc = subprocess.run(
            [str(MKHATS), *args],
            env=self.env_for(**env),
            cwd=self.tmp,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        result = Result(proc.returncode, proc.stdout, proc.stderr)
        assert "Traceback" not in result.err, result.err
        assert "Traceback" not in result.out, result.out
        return result

    def ok(self, *args: str, **env: str | None) -> Result:
        """A call that must succeed (exit 0, nothing on stderr)."""
        result = self(*args, **env)
        assert result.code == 0, (args, result)
        assert result.err == "", (args, result.err)
        return result

    def refused(self, *args: str, code: int | tuple[int, ...] = 2, **env: str | None) -> str:
        """A call that must be refused with ``code`` (or one of them) and one sentence on stderr."""
        result = self(*args, **env)
        assert result.code in (code if isinstance(code, tuple) else (code,)), (args, result)
        assert result.out == "", (args, result.out)
        message = result.err.strip()
        assert message and "\n" not in message, (args, result.err)
        return message

    # --- reading back what is stored -------------------------------------------------------

    def export_rows(self) -> list[dict[str, str]]:
        """Every stored value as exported CSV rows."""
        return list(csv.DictReader(io.StringIO(self.ok("export").out)))

    def values(self) -> dict[tuple[str, str], float]:
        """``{(day, kpi): value}`` of every stored value."""
        return {(r["date"], r["kpi"]): float(r["value"]) for r in self.export_rows()}

    def files(self) -> dict[str, bytes]:
        """The bytes of every data file (main, monthly, backups), the lock file left out."""
        if not self.folder.exists():
            return {}
        return {
            str(p.relative_to(self.folder)): p.read_bytes()
            for p in sorted(self.folder.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock")
        }

    def data_files(self) -> dict[str, bytes]:
        """The main file and the monthly files only (no backups)."""
        return {k: v for k, v in self.files().items() if not k.startswith("backups")}

    def check(self, *args: str, **env: str | None) -> Result:
        """``mkhats check``: exit 0 with no lines, or 1 with categorised lines only."""
        result = self("check", *args, **env)
        assert result.err == "", result.err
        assert result.code == (1 if result.lines else 0), result
        for line in result.lines:
            assert line.split(" ", 1)[0] in CATEGORIES, line
        return result

    def report(self, *args: str) -> str:
        return self.ok("report", *args).out


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    assert MKHATS.exists(), f"the console script is not installed at {MKHATS}"
    return Cli(tmp_path)


@pytest.fixture(scope="session")
def _default_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as the first command creates it, made once per session."""
    template = Cli(tmp_path_factory.mktemp("template"))
    template.ok("kpi", "list")
    return template.folder


@pytest.fixture
def seeded(cli: Cli, _default_files: Path) -> Cli:
    """``cli`` on a data file that already holds the defaults (a copy of the session's)."""
    shutil.copytree(_default_files, cli.folder)
    return cli


@pytest.fixture(scope="session")
def _demo_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as ``mkhats demo`` fills it (12 weeks ending on TODAY), made once per session."""
    template = Cli(tmp_path_factory.mktemp("demo"))
    template.ok("demo")
    return template.folder


@pytest.fixture
def demoed(cli: Cli, _demo_files: Path) -> Cli:
    """``cli`` on a data file after ``mkhats demo`` (a copy of the session's)."""
    shutil.copytree(_demo_files, cli.folder)
    return cli


def table_row(markdown: str, title: str, section: str | None = None) -> list[str]:
    """The cells of the first table row whose first cell is ``title`` (in ``## section`` if given)."""
    text = markdown
    if section is not None:
        start = markdown.index(f"\n## {section}\n")
        end = markdown.find("\n## ", start + 1)
        text = markdown[start : end if end != -1 else None]
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == title:
            return cells
    raise AssertionError(f"no row {title!r} in:\n{text}")


@pytest.fixture
def row():
    return table_row
