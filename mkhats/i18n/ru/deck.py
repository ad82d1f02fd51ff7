"""Russian messages: the weekly deck (SPEC §10), its command and its palette entry."""

MESSAGES = {
    "deck.title": "Недельная презентация {week}",
    "deck.made": "составлена {day}",
    "deck.page": "{n} из {total}",
    "deck.more": {
        "one": "…и ещё {n}: все они — в отчёте mkhats report.",
        "few": "…и ещё {n}: все они — в отчёте mkhats report.",
        "many": "…и ещё {n}: все они — в отчёте mkhats report.",
    },
    "deck.no_values": "За эти 13 недель значений нет.",
    "deck.no_kpis": "У этой шляпы нет KPI.",
    "deck.no_channels": "Ни одна шляпа-канал не включена.",
    "deck.chart": "{kpi}: 13 недель, {window}",
    "deck.axis": "{line}: {axis}",
    "cli.deck.help": "недельная презентация: один HTML-файл, слайд на каждый канал и сводка CMO",
    "cli.deck.out": "записать в ФАЙЛ.html (по умолчанию deck-ГГГГ-Wнн.html в этой папке; - — на экран)",
    "ui.key.deck": "Презентация",
    "ui.cmd.deck": "Сохранить презентацию недели (HTML)",
    "ui.deck.written": "Презентация {week} сохранена: {file}",
}
