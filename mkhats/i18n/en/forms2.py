"""English messages: a value dated ahead of today, a formula KPI's week value in words."""

MESSAGES = {
    # A value dated after today: the value form asks, the CLI saves and says so.
    "forms2.ahead.question": {
        "one": "{day} is {n} day ahead of today; save the value anyway?",
        "other": "{day} is {n} days ahead of today; save the value anyway?",
    },
    "forms2.ahead.yes": "Save anyway",
    "forms2.ahead.no": "Change the date",
    "forms2.ahead.cli": {
        "one": "{day} is {n} day ahead of today: saved all the same (add takes any date up to 2100); "
        "it shows in the KPI's detail. Check the date if it was a slip.",
        "other": "{day} is {n} days ahead of today: saved all the same (add takes any date up to 2100); "
        "it shows in the KPI's detail. Check the date if it was a slip.",
    },
    "forms2.ahead.mark": "ahead",
    # A formula KPI's week value, in words: "the week's Spend ÷ the week's Leads".
    "forms2.week_of": "the week's {kpi}",
    "forms2.week_value.formula": "computed from the formula",
}
