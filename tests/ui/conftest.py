"""Pilot fixtures: a real data file in tmp_path filled by ``demo``, a frozen today, a fixed size.

The demo data is made once per session and copied into each test's ``tmp_path`` (the main file, its
``.d/`` folder and the lock beside them): every test still owns real files, without paying for
``fill_demo`` each time.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Button

from mkhats.i18n import set_language
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 10, 30)
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _instant_buttons(monkeypatch: pytest.MonkeyPatch) -> None:
    """Buttons without their 0.2 s press animation.

    Textual ignores a click on a button still animating its last press. A person reads the form's
    error before clicking Save again; a pilot clicks within a few milliseconds on a fast machine, so
    a second Save would be lost there and kept on a slow one. Without the animation, never lost.
    """
    init = Button.__init__

    def instant(self: Button, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        self.active_effect_duration = 0

    monkeypatch.setattr(Button, "__init__", instant)


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding 12 demo weeks ending on TODAY, in English, made once per session.

    Never write here: copy it with ``copy_demo`` first.
    """
    folder = tmp_path_factory.mktemp("demo")
    set_language("en")  # the demo's texts and money sign follow the language
    fill_demo(Workspace(folder / "mkhats.json", TODAY), 12, force=False)
    return folder


def copy_demo(demo_folder: Path, into: Path) -> Path:
    """Copy the session's demo files into ``into`` (fresh times, as if just written); the main file."""
    shutil.copytree(demo_folder, into, copy_function=shutil.copy, dirs_exist_ok=True)
    return into / "mkhats.json"


@pytest.fixture
def ws(tmp_path: Path, demo_folder: Path) -> Workspace:
    """A workspace on its own copy of the demo files: 12 demo weeks ending on TODAY."""
    return Workspace(copy_demo(demo_folder, tmp_path), TODAY)


@pytest.fixture
def empty_ws(tmp_path: Path) -> Workspace:
    """A workspace on a fresh file with only the shipped defaults."""
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    with workspace.write():
        pass
    return workspace


@pytest.fixture
def make_app():
    """Build the app on a workspace with the clock frozen at NOW."""
    from mkhats.ui.app import MkhatsApp

    def build(workspace: Workspace) -> MkhatsApp:
        return MkhatsApp(workspace, now=lambda: NOW)

    return build


@pytest.fixture(scope="session")
def monday_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 demo weeks ending on Monday 2026-11-23 (the weekly ritual's tests), in English, made once.

    Never write here: copy it with ``copy_demo`` first.
    """
    folder = tmp_path_factory.mktemp("demo_monday")
    set_language("en")
    fill_demo(Workspace(folder / "mkhats.json", date(2026, 11, 23)), 12, force=False)
    return folder
