"""Russian messages: store."""

MESSAGES: dict = {}
