"""English messages: the CMO desk — channel map, strategy session, roles and KPIs review, hypotheses."""

MESSAGES = {
    **{
        f"cmo.month.{n}": f"{name} {{year}}"
        for n, name in enumerate(
            (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ),
            start=1,
        )
    },
    # review and check
    "review.strategy_due": "No strategy session recorded for {month}: decide which channels to scale, test or cut.",
    "review.hypothesis_open": "{hat}: the test of “{statement}” ({kpi}, {test}) is over; record its verdict.",
    # keys and palette
    "cmo.key.channels": "Week/month map",
    "cmo.key.strategy": "Strategy session",
    "cmo.key.roles": "Roles & KPIs review",
    "cmo.key.hypotheses": "Hypotheses",
    "cmo.key.new_hypothesis": "New",
    "cmo.key.verdict": "Verdict",
    "cmo.cmd.channels": "Channel map: switch week / month",
    "cmo.cmd.strategy": "Monthly strategy session",
    "cmo.cmd.roles": "Quarterly roles and KPIs review",
    "cmo.cmd.hypotheses": "Hypotheses of this hat",
    "cmo.key.plan": "Media plan",
    "cmo.cmd.plan": "Media plan of the quarter: budget, leads, tolerance",
    "cmo.help": """\
## CMO desk

| key | does |
|---|---|
| `m` | on the CMO tab: the channel map of the week or of its month |
| `v` | the monthly strategy session: scale, test or cut each channel |
| `k` | the quarterly roles and KPIs review: raise, add, kill or keep each KPI |
| `h` | the hypotheses of this tab's hat: baseline, test, uplift, verdict |
| `p` | on the CMO tab: the media plan of the week's quarter, per channel and month (budget, leads, tolerance; `[` `]` other quarters; `ctrl+s` saves all) |
| `g` | in a KPI's detail: the owner's quarterly goal and the weekly target it gives |
""",
    # channel map
    "cmo.map.week": "Channel map · {week}",
    "cmo.map.month": "Channel map · {month} ({span})",
    "cmo.map.month_so_far": "Channel map · {month} so far ({span})",
    "cmo.strategy.key_running": "This month so far",
    "cmo.strategy.month_numbers": "{month} ({span})",
    "cmo.map.hint": "m week/months · p plan · v strategy · k roles & KPIs · h hypotheses",
    # report
    "cmo.col.vs_prev": "vs prev",
    "cmo.col.avg4": "4-wk avg",
    "cmo.col.vs_avg": "vs avg",
    "cmo.col.hat": "Hat",
    "cmo.col.hours": "Hours",
    "cmo.col.budget": "Budget",
    "cmo.col.note": "Note",
    "cmo.col.hypothesis": "Hypothesis",
    "cmo.col.kpi": "KPI",
    "cmo.col.baseline": "Baseline",
    "cmo.col.test": "Test",
    "cmo.col.before": "Before",
    "cmo.col.after": "After",
    "cmo.col.uplift": "Uplift",
    "cmo.col.change": "Before → after",
    "cmo.report.session": "Strategy session · {month}",
    "cmo.report.no_session": "No strategy session recorded for {month} yet.",
    "cmo.report.session_held": "Held on {day}.",
    "cmo.report.hours": "Hours worn",
    "cmo.report.hypotheses": "Hypotheses",
    "cmo.report.no_hypotheses": "No hypotheses under test.",
    "cmo.notes": "Notes",
    "cmo.hours.outside_band": "outside {low}–{high} h",
    "cmo.hours.over_budget": "over budget",
    "cmo.hours.line": "{hat} in {week}: {hours} h",
    "cmo.hours.budget": "(budget {budget} h)",
    "cmo.hours.band": "(a part-time CMO: {low}–{high} h)",
    # strategy session
    "cmo.strategy.title": "Strategy session",
    "cmo.strategy.intro": "Which channels earn (scale), which we test, what we cut.",
    "cmo.strategy.numbers": "{hat}: leads {leads} · spend {spend} · ROMI {romi}",
    "cmo.strategy.month": "Month",
    "cmo.strategy.history": "Past sessions:",
    "cmo.strategy.no_history": "No sessions recorded before.",
    "cmo.strategy.saved": "Strategy session of {month} recorded.",
    "strategy.month_format": "“{value}” is not a month (write 2026-11).",
    "strategy.month_future": "{month} has not started yet: record a session for this month or an earlier one.",
    "strategy.verdict_unknown": "“{verdict}” is not a verdict (choose {verdicts}).",
    "strategy.not_channel": "“{hat}” is not a channel hat: only channels get a verdict.",
    "strategy.no_verdict": "Give at least one channel a verdict: scale, test or cut.",
    "strategy.too_long": "The notes are too long (at most {limit} characters).",
    # roles and KPIs review
    "cmo.roles.kpis": "KPIs: raise the target, add one beside it, kill it or keep it",
    "cmo.roles.choice.keep": "keep",
    "cmo.roles.choice.raise": "raise",
    "cmo.roles.choice.add": "add",
    "cmo.roles.choice.kill": "kill",
    "cmo.roles.target_hint": "target now {target}",
    "cmo.fade.fading": "fading: r with revenue {before} → {now}",
    "cmo.fade.steady": "r with revenue {before} → {now}",
    "cmo.fade.no_data": "not enough data ({before} + {now} of 26 weeks)",
    "roles.target_needed": "{kpi}: type the new target to raise it.",
    "roles.choice_unknown": "A KPI decision must be one of {choices}.",
    # hypotheses
    "cmo.hyp.title": "{hat} · hypotheses",
    "cmo.hyp.hint": "n new · v or enter: verdict · escape back",
    "cmo.hyp.empty": "No hypotheses yet: press n to write one down with its KPI, baseline and test windows.",
    "cmo.hyp.new_title": "New hypothesis · {hat}",
    "cmo.hyp.statement": "Hypothesis",
    "cmo.hyp.statement_hint": "e.g. Case-study headlines bring more leads",
    "cmo.hyp.saved": "Hypothesis recorded: {statement}",
    "cmo.hyp.verdict_title": "Verdict on the hypothesis",
    "cmo.hyp.numbers": "{kpi}: {before} over {baseline} → {after} over {test} ({uplift})",
    "cmo.hyp.judged": "“{statement}”: {verdict}.",
    "cmo.hyp.choose": "Choose a verdict.",
    "cmo.hyp.running": "testing",
    "cmo.hyp.verdict.none": "awaiting verdict",
    "cmo.hyp.verdict.confirmed": "confirmed",
    "cmo.hyp.verdict.rejected": "rejected",
    "cmo.hyp.verdict.inconclusive": "inconclusive",
    "hypothesis.statement_empty": "Write the hypothesis: what should change, and why.",
    "hypothesis.statement_long": "The hypothesis is too long (at most {limit} characters).",
    "hypothesis.kpi_unknown": "“{kpi}” is not a KPI in use.",
    "hypothesis.baseline_order": "The baseline window ends before it starts.",
    "hypothesis.test_order": "The test window ends before it starts.",
    "hypothesis.overlap": "The test window must start after the baseline window ends.",
    "hypothesis.window_long": "A window can be at most {days} days long.",
    "hypothesis.unknown": "There is no hypothesis “{id}”.",
    "hypothesis.verdict_unknown": "“{verdict}” is not a verdict (choose {verdicts}).",
    # demo data
    "demo.session.notes": "Organic and CRM pay back: more of both. Paid stays on test until CPA settles.",
    "demo.hypothesis.1": "Headlines with a number bring more leads",
    "demo.hypothesis.2": "Narrower audiences cut the CPL",
}
