"""English messages: defaults."""

MESSAGES: dict = {}
