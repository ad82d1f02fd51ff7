"""Russian messages: io."""

MESSAGES: dict = {}
