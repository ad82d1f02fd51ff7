"""The collector in the app's own process: long-lived objects frozen, so key presses never wait.

Start-up leaves ~80,000 long-lived objects (Textual, pydantic, the weeks shown), and each tab's
first visit thousands more: every full collection walked them all, 25–50 ms in the middle of a key
press. Frozen (``gc.freeze``), they are skipped (SPEC §6). Only when the app owns its process
(``mkhats``): a process running many apps (the tests) leaves its garbage to the collector.
"""

from __future__ import annotations

import gc
from typing import Any

SETTLE = 1.0
"""Seconds without a new tab built or a rebuild before the heap is collected and frozen again."""


class HeapTuning:
    """Mixin for the app: ``freeze_start`` once painted, ``refreeze_soon`` after building more."""

    own_process: bool
    set_timer: Any
    _refreeze_timer: Any = None

    def freeze_start(self) -> None:
        """Freeze what start-up left (nothing to collect yet worth the ~30 ms)."""
        if self.own_process:
            gc.freeze()

    def refreeze_soon(self) -> None:
        """Thaw, collect and freeze again once things settle: the new objects join the frozen
        ones, and a tree rebuilt since (language, hats) is freed rather than kept frozen."""
        if not self.own_process:
            return
        if self._refreeze_timer is not None:
            self._refreeze_timer.stop()
        self._refreeze_timer = self.set_timer(SETTLE, self.refreeze)

    def refreeze(self) -> None:
        """Thaw, collect, freeze (a full collection: ~30 ms, after a pause, never in a key press)."""
        self._refreeze_timer = None
        if self.own_process:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
