"""Settings for the whole suite.

Hypothesis times each example and fails one that takes over 200 ms, and warns when generating data
is slow: on a busy CI machine both fail tests that are correct. No test here may depend on speed,
so the deadline and the slowness checks are off for every property test.

Every test starts and ends in English: the language is process-wide, so a test that switches to
Russian must not change what the next test reads.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from mkhats.i18n import set_language

settings.register_profile(
    "mkhats", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("mkhats")


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """English before and after each test."""
    set_language("en")
    yield
    set_language("en")
