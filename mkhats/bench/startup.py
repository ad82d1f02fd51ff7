"""Start an app headless, exit right after its first screen is rendered, print the peak memory.

``python -m mkhats.bench.startup floor FLOOR_APP.py`` or ``... mkhats DB_PATH TODAY``; the caller
times the whole process, so interpreter start and imports count as they do for a user. mkhats
starts the way the ``mkhats`` command starts it (``cli.main`` with no command), only headless and
made to exit once its first screen is painted.
"""

from __future__ import annotations

import resource
import sys
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from textual.app import App


def main() -> None:
    if sys.argv[1] == "floor":
        import runpy

        app_cls = runpy.run_path(sys.argv[2])["Floor"]
        _timed(app_cls)().run(headless=True, size=SIZE)
    else:
        import mkhats.ui.app
        from mkhats import cli

        # The CLI looks the class up in its module when it starts the app; mypy refuses any
        # assignment to a class name.
        mkhats.ui.app.MkhatsApp = _timed(mkhats.ui.app.MkhatsApp)  # type: ignore[misc]
        if cli.main(["--db", sys.argv[2], "--today", sys.argv[3]]) != 0:
            sys.exit(1)
    print(_peak_kib())


SIZE = (120, 40)
A = TypeVar("A", bound="App[Any]")


def _timed(app_cls: type[A]) -> type[A]:
    """``app_cls``, headless at ``SIZE``, exiting right after its first screen is rendered."""

    # A class built on a class passed in: mypy cannot check a base it only knows as a variable.
    class Timed(app_cls):  # type: ignore[misc, valid-type]
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self.exit)

        def run(self, *args: object, **kwargs: object) -> object:
            return super().run(headless=True, size=SIZE)

    return Timed


def _peak_kib() -> int:
    """This process's peak resident memory in KiB.

    ``ru_maxrss`` would do, but Linux carries the parent's peak over ``exec`` into it, so a child
    of a big benchmark process would report the benchmark's size; ``VmHWM`` is this image's own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
