"""Russian messages: kpis."""

MESSAGES: dict = {}
