"""Russian messages: cli."""

MESSAGES: dict = {}
