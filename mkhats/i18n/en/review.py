"""English messages: review."""

MESSAGES: dict = {}
