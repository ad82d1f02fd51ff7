"""English messages: conflicts."""

MESSAGES: dict = {}
