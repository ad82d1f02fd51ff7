"""The deck in a real browser (SPEC §10): headless Chromium prints it one page per slide, and
takes a picture of its first slide.

Debian's ``chromium`` is what ``.ci/run`` installs when it is missing; without any Chromium on the
machine these tests are skipped, saying so. Pages are counted in the PDF's bytes (its ``/Type
/Page`` objects; ``/Pages`` is their tree), so no PDF library is needed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from datetime import date
from pathlib import Path

import pytest

from mkhats.services.plans import save_log
from mkhats.services.settings import set_hat_enabled
from mkhats.services.workspace import Workspace
from tests.e2e.conftest import TODAY, Cli
from tests.unit.test_deck import Page

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium found (chromium, chromium-browser, google-chrome): .ci/run installs Debian's"
)
PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def chromium(tmp: Path, *args: str) -> None:
    """Run headless Chromium with its own profile in ``tmp``; it must succeed."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        f"--user-data-dir={tmp / 'chromium-profile'}",
        "--no-first-run",
        *args,
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=180, cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-2000:]


def pdf_pages(cli: Cli, html: Path) -> int:
    pdf = cli.tmp / "deck.pdf"
    chromium(cli.tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    return len(PAGE.findall(data))


def slides(html: Path) -> int:
    return len(Page(html.read_text(encoding="utf-8")).slides)


def test_the_demo_deck_prints_a_page_per_slide(demoed):
    demoed.ok("deck")
    html = demoed.tmp / "deck-2026-W48.html"
    assert slides(html) == 4
    assert pdf_pages(demoed, html) == 4


def test_long_logs_and_more_channels_still_print_a_page_per_slide(demoed):
    ws = Workspace(demoed.db, date.fromisoformat(TODAY))
    set_hat_enabled(ws, "pr", True)
    set_hat_enabled(ws, "site", True)
    long = " ".join(["A plan that goes on and on, with a word that never ends:", "x" * 300] * 12)[:3900]
    for hat in ("content", "performance", "crm", "pr", "site"):
        save_log(ws, hat, "2026-W48", plan=long, fact=long, conclusion=long, action=long)
    demoed.ok("deck", "--out", "long.html")
    html = demoed.tmp / "long.html"
    assert slides(html) == 6
    assert pdf_pages(demoed, html) == 6


def test_a_picture_of_the_first_slide(demoed):
    demoed.ok("deck")
    png = demoed.tmp / "deck.png"
    html = demoed.tmp / "deck-2026-W48.html"
    chromium(demoed.tmp, "--hide-scrollbars", f"--screenshot={png}", "--window-size=1280,720", html.as_uri())
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1280, 720)
    assert len(data) > 30_000  # a blank or near-blank page of that size compresses to a few kB
