"""Settings for the whole suite.

Hypothesis times each example and fails one that takes over 200 ms, and warns when generating data
is slow: on a busy CI machine both fail tests that are correct. No test here may depend on speed,
so the deadline and the slowness checks are off for every property test.

Every test starts and ends in English: the language is process-wide, so a test that switches to
Russian must not change what the next test reads.

The collector runs less often than Python's default (see ``GC_THRESHOLDS``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from mkhats.i18n import set_language

settings.register_profile(
    "mkhats", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("mkhats")

GC_THRESHOLDS = (50_000, 20, 20)
"""Collect after 50,000 new objects rather than 700, and the older generations less often too.

Each app a UI test starts allocates hundreds of thousands of objects that live until the test
ends, so with the default thresholds the collector ran full collections over the whole heap
(pytest's, Textual's, pydantic's) dozens of times per test: a fifth of the UI tests' CPU time,
reclaiming almost nothing. What is garbage is still collected, in fewer passes; what the tests
assert does not depend on when. (The app itself does the same by freezing its long-lived objects
when it owns its process; see ``mkhats.ui.heap``.)
"""
gc.set_threshold(*GC_THRESHOLDS)


def pytest_configure(config: pytest.Config) -> None:
    """Compile mkhats's bytecode once, as an installer (or a first run) does.

    Where PYTHONDONTWRITEBYTECODE is set (this team's machines and CI), every ``mkhats`` process the
    end-to-end tests start would otherwise compile each module it imports from source: ≈ 40 ms of
    each of some 600 runs. The tests then run the command as a user's installed copy runs.
    """
    import compileall
    from pathlib import Path

    import mkhats

    compileall.compile_dir(str(Path(mkhats.__file__).parent), quiet=1)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """English before and after each test."""
    set_language("en")
    yield
    set_language("en")
