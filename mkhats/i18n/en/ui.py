"""English messages: the app's screens, keys and states."""

MESSAGES = {
    "ui.key.hat": "Hat",
    "ui.key.prev_week": "Week −",
    "ui.key.next_week": "Week +",
    "ui.key.this_week": "Today",
    "ui.key.add_value": "Add",
    "ui.key.week_entry": "Entry",
    "ui.key.wear": "Wear",
    "ui.key.review": "Review",
    "ui.key.settings": "Settings",
    "ui.key.help": "Help",
    "ui.key.quit": "Quit",
    "ui.key.open_kpi": "KPI detail",
    "ui.key.edit_log": "Log",
    "ui.log_hint": "l or click: edit",
    "ui.log_title": "{hat} · weekly log {week}",
    "ui.log_not_saved": "Not saved: the text stays here, try again.",
    "ui.key.tick": "Tick",
    "ui.key.edit_items": "Edit items",
    "ui.key.save": "Save log",
    "ui.key.back": "Back",
    "ui.checklist": "Checklist {done}/{total}",
    "ui.kpis": "KPIs",
    "ui.col.weeks13": "13 weeks",
    "ui.log": "Weekly log {week}",
    "ui.log.plan": "Plan (Mon)",
    "ui.log.fact": "Fact (Fri)",
    "ui.log.conclusion": "Conclusion",
    "ui.log.action": "Action",
    "ui.saved": "saved",
    "ui.unsaved": "● unsaved",
    "ui.worn_by": "worn by {person} · {mission}",
    "ui.alerts_open": {"one": "⚠ {count} stop alert", "other": "⚠ {count} stop alerts"},
    "ui.wearing": "wearing {hat} {time}",
    "ui.warnings": {"one": "{count} warning", "other": "{count} warnings"},
    "ui.no_warnings": "✓ no warnings",
    "ui.stop_marker": "STOP",
    "ui.cmd.prev_week": "Previous week",
    "ui.cmd.next_week": "Next week",
    "ui.cmd.this_week": "Back to this week",
    "ui.cmd.add_value": "Add a KPI value",
    "ui.cmd.week_entry": "Enter the week's numbers (a grid of this hat's KPIs × days)",
    "ui.cmd.review": "Open the review",
    "ui.cmd.settings": "Open the settings",
    "ui.cmd.help": "Show the keys",
    "ui.cmd.go_hat": "Go to {hat}",
    "ui.cmd.go_hat_help": "Show this hat's tab",
    "ui.cmd.wear_hat": "Wear {hat}",
    "ui.cmd.wear_help": "Start (or stop) logging time in this hat",
    "ui.cmd.edit_checklist": "Edit the checklist",
}
MESSAGES["ui.help"] = """\
# mkhats — keys

| key | does |
|---|---|
| `0` | the overview: every hat's KPIs off target, stop alerts, log, checklist and budget on one screen (`enter` opens a hat) |
| `1`…`8` | go to a hat by its position |
| `[` `]` | previous / next week |
| `t` | back to this week |
| `a` or `A` | week entry: this hat's KPIs × the week's days in a grid, typed like a spreadsheet (arrows, `enter`, `tab`, paste a row or a column; `ctrl+s` saves all) |
| `+` | add one KPI value, of any KPI, for any day (`a` in a KPI's detail: a value of that KPI) |
| `enter` | on a KPI: its chart, values and stop rule · on a checklist item: tick it |
| `space` | tick or untick the highlighted checklist item |
| `e` | edit the checklist (add, rename, delete, reorder) |
| `w` | wear this hat (time is logged per hat) or take it off |
| `ctrl+s` | save the weekly log (it also saves when you leave a field) |
| `r` | the review: conflicts, stop alerts, targets, rituals |
| `s` | settings: people, hats, KPIs, conflicts, language |
| `i` | import an export of an ad account, analytics or CRM (files dropped into `inbox/` beside the data come first) |
| `ctrl+z` | undo the last change made in this window (again: the one before it) |
| `ctrl+p` | every action by name |
| `escape` | back / cancel |
| `q` | quit (saves the log and takes the hat off) |

Data file: `{db}` (backups are in `backups/` beside it).
"""
# Textual's own palette words, in its English (mkhats.ui.palette puts these in their place).
MESSAGES.update(
    {
        "ui.key.palette": "palette",
        "ui.palette.prompt": "Search for commands…",
        "ui.palette.themes": "Search for themes…",
        "ui.sys.theme.title": "Theme",
        "ui.sys.theme.help": "Change the current theme",
        "ui.sys.quit.title": "Quit",
        "ui.sys.quit.help": "Quit the application as soon as possible",
        "ui.sys.keys_show.title": "Keys",
        "ui.sys.keys_show.help": "Show the keys and what they do (the help screen, like ?)",
        "ui.sys.keys_hide.title": "Keys",
        "ui.sys.keys_hide.help": "Hide the keys and widget help panel",
        "ui.sys.maximize.title": "Maximize",
        "ui.sys.maximize.help": "Maximize the focused widget",
        "ui.sys.minimize.title": "Minimize",
        "ui.sys.minimize.help": "Minimize the widget and restore to normal size",
        "ui.sys.screenshot.title": "Screenshot",
        "ui.sys.screenshot.help": "Save an SVG 'screenshot' of the current screen",
        "ui.quit_close_first": "Close this first (escape): what was typed underneath is not saved yet.",
    }
)
