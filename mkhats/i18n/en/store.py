"""English messages: store."""

MESSAGES: dict = {}
