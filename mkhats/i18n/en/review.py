"""English messages: the review's warnings."""

MESSAGES = {
    "review.conflict": "{pair} ({level}): both hats are worn by {person}, with no valid external check: {check}.",
    "review.conflict_expired": "The last check expired on {day}.",
    "review.conflict_problems": "Checked by {by} on {day}: problems found; it stays a warning until a check comes back ok.",
    "review.conflict_problems_note": "Checked by {by} on {day}: problems found — “{note}”; it stays a warning until a check comes back ok.",
    "review.stop": "{hat} {kpi} {condition}: {span} ({values}). Action: {action}; record the decision.",
    "review.target": "{hat} {kpi} in {week}: {value} against a target of {target} ({direction}).",
    "review.target_pace": "{hat} {kpi} in {week} ({run}): {value} so far, on course for {projection} against a target of {target} ({deviation}).",
    "review.target_partial": "{hat} {kpi} in {week} so far ({run}): {value} against a target of {target} ({direction}).",
    "review.ritual_plan": "{hat}: no plan for {week}; it is due by the end of Monday.",
    "review.ritual_facts": "{hat}: no facts for {week}; fact, conclusion and action are due by the end of Friday.",
    "review.roles_none": "No roles and KPIs review recorded yet; hold one every quarter.",
    "review.roles_due": {
        "one": "The last roles and KPIs review was {days} day ago ({last}); one is due every quarter.",
        "other": "The last roles and KPIs review was {days} days ago ({last}); one is due every quarter.",
    },
    "review.hours_cmo": "CMO hours in {week}: {hours} h worn by {person}, outside the {low}–{high} h a part-time CMO should give.",
    "review.hours_budget": "{hat} in {week}: {hours} h against a budget of {budget} h.",
    "review.roles_shift": "{kpi} in {week} is {value}, {change} % against its 4-week average of {average}: time to review roles and KPIs.",
    "review.setup_stop": "{hat} {kpi}: the stop rule “{condition}” has no threshold yet; set it to make the rule work.",
    "direction.up": "higher is better",
    "direction.down": "lower is better",
    "review.none": "No warnings.",
    "stop.for_days": {"one": "{condition} for {days} day", "other": "{condition} for {days} days"},
}
