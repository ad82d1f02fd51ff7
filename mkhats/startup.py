"""Every trick that makes a command start sooner, each with what it costs and why it is safe.

A quick command (``mkhats add``) is mostly start-up: the interpreter, imports, one short
transaction (SPEC §6, ≈ 110 ms in all). Here, and only here, mkhats bends its dependencies for that:
``tests/e2e/test_e2e_startup.py`` proves that ``mkhats add`` loads neither Textual nor
``importlib.metadata``. pydantic is pinned to a minor version in ``pyproject.toml`` because
``skip_plugin_loader`` stands in for one of its private modules.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any

QUICK = ("add", "kpi", "assign", "wear", "verify", "report", "deck", "check")
"""Commands that handle a few thousand records at most: they run with the cyclic GC off."""

_PLUGINS_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugin at all"


def skip_plugin_loader() -> None:
    """Turn pydantic's plugins off, and keep it from importing its plugin loader to learn that.

    mkhats uses no pydantic plugin; with them on, the first model build scans every installed
    distribution's entry points, a cost paid by every command. Even with them off, the loader
    imports ``importlib.metadata`` (≈ 6 ms) before it reads the variable: a stand-in module answers
    "no plugins" while they are off and hands over to the real loader otherwise (a user who sets
    ``PYDANTIC_DISABLE_PLUGINS`` to something else gets their plugins).
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    import importlib
    import types

    stub = types.ModuleType(name)

    def real() -> types.ModuleType:
        if sys.modules.get(name) is stub:
            del sys.modules[name]
        return importlib.import_module(name)

    def get_plugins() -> object:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _PLUGINS_OFF:
            return ()
        return real().get_plugins()

    def forward(attr: str) -> object:
        if attr.startswith("__"):  # the import system probing (``__path__``…): a plain module's answer
            raise AttributeError(attr)
        return getattr(real(), attr)

    stub.get_plugins = get_plugins  # type: ignore[attr-defined]
    stub.__getattr__ = forward  # type: ignore[method-assign]
    sys.modules[name] = stub


def collect_less(command: str | None) -> None:
    """Turn the cyclic garbage collector off for a quick command run as its own process.

    Imports and validation allocate ~30,000 long-lived objects: the collector would walk them
    ~100 times for no garbage worth it (≈ 8 ms of a ≈ 110 ms command). The process ends with the
    command, so nothing accumulates.
    """
    if command in QUICK:
        gc.disable()


def quick_exit() -> None:
    """Let interpreter shutdown skip the objects left: it collects them all, frozen ones excepted
    (≈ 15 ms). Only for a process about to end."""
    gc.freeze()


class _Unused:
    """Stands in for the parser of a command not on the line: takes its options and drops them."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        pass

    def add_subparsers(self, **kwargs: object) -> _Unused:
        return self

    def add_parser(self, name: str, **kwargs: object) -> _Unused:
        return self


class OnlySubparser:
    """Adds only the subparser a command line needs: building all twelve costs every command ~5 ms.

    Without ``only`` (help, a bare ``mkhats``, an unknown command) every one is built, so help and
    errors list them all.
    """

    def __init__(self, sub: argparse._SubParsersAction[argparse.ArgumentParser], only: str | None) -> None:
        self._sub = sub
        self._only = only

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """The real subparser for the command on the line; a stand-in that drops options otherwise."""
        if self._only is None or name == self._only:
            return self._sub.add_parser(name, **kwargs)
        # Not even a throwaway ArgumentParser: each costs ~0.1 ms, its options as much again.
        return _Unused()  # type: ignore[return-value]
