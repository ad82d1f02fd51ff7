"""Russian messages: review."""

MESSAGES: dict = {}
