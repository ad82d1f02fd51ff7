"""English messages: the weekly deck (SPEC §10), its command and its palette entry."""

MESSAGES = {
    "deck.title": "Weekly deck {week}",
    "deck.made": "made on {day}",
    "deck.page": "{n} of {total}",
    "deck.more": {
        "one": "…and {n} more: mkhats report lists it.",
        "other": "…and {n} more: mkhats report lists them all.",
    },
    "deck.no_values": "No values in these 13 weeks.",
    "deck.no_kpis": "This hat has no KPIs.",
    "deck.no_channels": "No channel hat is enabled.",
    "deck.chart": "{kpi}: 13 weeks, {window}",
    "deck.axis": "{line}: {axis}",
    "cli.deck.help": "the weekly deck: one HTML file, a slide per channel and the CMO summary",
    "cli.deck.out": "write to FILE.html (default: deck-YYYY-Www.html in this folder; - for the screen)",
    "ui.key.deck": "Deck",
    "ui.cmd.deck": "Write the weekly deck (HTML)",
    "ui.deck.written": "The deck of {week} is written: {file}",
}
