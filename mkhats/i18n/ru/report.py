"""Russian messages: report."""

MESSAGES: dict = {}
