"""Settings for the whole suite.

Hypothesis times each example and fails one that takes over 200 ms, and warns when generating data
is slow: on a busy CI machine both fail tests that are correct. No test here may depend on speed,
so the deadline and the slowness checks are off for every property test.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

settings.register_profile(
    "mkhats", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.load_profile("mkhats")
