"""English messages: the weekly ritual (issue 16): its steps, what they leave, its stepper and CLI."""

MESSAGES = {
    "ritual.kind.monday": "Monday ritual",
    "ritual.kind.friday": "Friday ritual",
    "ritual.step.numbers": "Bring the numbers in",
    "ritual.step.last_week": "Last week",
    "ritual.step.decisions": "Decisions",
    "ritual.step.conflicts": "Conflicts",
    "ritual.step.plan": "This week's plan",
    "ritual.step.deck": "The owner's deck",
    "ritual.step.facts": "Facts of the week",
    "ritual.step.report": "Report and deck",
    "ritual.done": "done",
    "ritual.progress": "{ritual} · {n}/{total} · {step}",
    "ritual.left.inbox": {"one": "{count} file waits in the inbox", "other": "{count} files wait in the inbox"},
    "ritual.left.numbers": {
        "one": "{hat}: {count} KPI without numbers in {week}",
        "other": "{hat}: {count} KPIs without numbers in {week}",
    },
    "ritual.left.facts": "{hat}: fact, conclusion or action of {week} not written",
    "ritual.left.not_visited": "{week} not looked back on yet",
    "ritual.left.stops": {"one": "{count} stop alert to decide", "other": "{count} stop alerts to decide"},
    "ritual.left.budgets": {
        "one": "{count} budget warning to decide",
        "other": "{count} budget warnings to decide",
    },
    "ritual.left.conflicts": {
        "one": "{count} conflict without a valid check",
        "other": "{count} conflicts without a valid check",
    },
    "ritual.left.plan": "{hat}: plan of {week} missing",
    "ritual.left.deck": "the deck of {week} not written yet",
    "ritual.left.report": "the report and deck of {week} not written yet",
    "ritual.left.report_stale": "the report of {week} was written before the facts typed since: write it again",
    "ritual.header_done": "{ritual} done in {time}",
    "ritual.header_short.monday": "Mon ✓ {time}",
    "ritual.header_short.friday": "Fri ✓ {time}",
    "ritual.unknown_kind": "No such ritual: {kind} (monday or friday).",
    "ritual.not_started": "The ritual of {week} was not started.",
    "ritual.trend": "Monday ritual, 13 weeks: {spark}  last {last}",
    "ritual.trend_none": "Monday ritual, 13 weeks: none completed yet (M starts it)",
    # The CLI
    "cli.ritual.help": "the weekly ritual: what is left (status)",
    "cli.ritual.status": "print what the week's ritual leaves, one line per step; exit 1 while anything is",
    "cli.ritual.friday": "the Friday ritual (facts, report) instead of Monday's",
    "cli.ritual.title": "{ritual} · {week}",
    "cli.ritual.all_done": "Nothing left: the ritual of {week} is done.",
    # The stepper
    "ritual.key.open": "Open step",
    "ritual.key.skip": "Skip",
    "ritual.key.back": "Back a step",
    "ritual.key.close": "Close",
    "ritual.key.monday": "Monday ritual",
    "ritual.key.friday": "Friday ritual",
    "ritual.cmd.monday": "Monday ritual: numbers, last week, decisions, conflicts, plan, deck",
    "ritual.cmd.friday": "Friday ritual: facts of the week, report and deck",
    "ritual.hint": "enter opens the step · n skips · b goes back · esc closes (the ritual resumes here next time)",
    "ritual.time": "time so far {time}",
    "ritual.completed": "Done in {time}: nothing left in the {ritual} of {week}.",
    "ritual.still_left": "Not done yet: {step} leaves {left}. Enter goes there.",
    "ritual.offer": "This week's Monday ritual is not done: press {key} to start it.",
    "ritual.resume_offer": "This week's Monday ritual stopped at {step}: press {key} to resume.",
    "ritual.deck_written": "The deck of {week} is written: {file}",
    "ritual.report_written": "The report of {week} is written: {file}",
    "ritual.open_deck": "Open the deck",
    "ritual.opening": "Opening {file} in the browser (if this computer has one)",
    "ritual.open_hint": "o opens the deck",
    "ritual.numbers_none": "Nothing to bring in: no file waits and every measured KPI has numbers in {week}.",
    "ritual.help": """\
## The weekly ritual

| key | does |
|---|---|
| `M` | the Monday ritual: numbers, last week, decisions, conflicts, this week's plan, the owner's deck |
| `F` | the Friday ritual: every hat's facts beside the week's numbers, then the report and the deck |
""",
    "ritual.mark.done": "✓",
    "ritual.mark.left": "•",
    "ritual.mark.here": "▶",
}
