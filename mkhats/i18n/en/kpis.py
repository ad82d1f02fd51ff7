"""English messages: kpis."""

MESSAGES: dict = {}
