"""The benchmark of SPEC §6 (``uv run python -m mkhats.bench``); not part of the test suite."""
