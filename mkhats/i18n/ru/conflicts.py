"""Russian messages: conflicts."""

MESSAGES: dict = {}
