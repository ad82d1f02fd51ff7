"""Слова раскладки, которая подстраивается под размер терминала (SPEC §3 «Layout»)."""

MESSAGES = {
    "layout.col.weeks": {"one": "{count} неделя", "few": "{count} недели", "many": "{count} недель"},
}
