"""English messages: cli."""

MESSAGES: dict = {}
