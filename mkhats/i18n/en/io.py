"""English messages: io."""

MESSAGES: dict = {}
