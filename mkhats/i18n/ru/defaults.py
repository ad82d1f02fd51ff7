"""Russian messages: defaults."""

MESSAGES: dict = {}
