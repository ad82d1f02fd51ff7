"""mkhats: every marketing hat with its own checklist, money KPIs, stop rules and weekly log."""

__version__ = "0.1.0"
