"""English messages: report."""

MESSAGES: dict = {}
