"""What a new mkhats file ships with (SPEC §2): hats, checklists, KPIs, stop rules, conflicts.

Everything here is language-neutral: names, missions, items and actions are catalogue keys
(``hat.<key>.name``, ``checklist.<hat>.<id>``…), so switching the language re-labels them.
"""

from __future__ import annotations

from mkhats.domain.models import (
    ChecklistItem,
    ConflictRule,
    Guard,
    Hat,
    Kpi,
    Person,
    StopRule,
)

DEFAULT_PERSON = "Me"
DEFAULT_HATS = ("content", "performance", "crm", "pm", "cmo")
OPTIONAL_HATS = ("pr", "analytics", "site")
CHANNEL_HATS = frozenset({"content", "performance", "crm", "pr", "site"})
ALL_HATS = DEFAULT_HATS + OPTIONAL_HATS

# (name, unit, direction, aggregate, formula)
_KPIS: dict[str, list[tuple[str, str, str, str, str | None]]] = {
    "content": [
        ("traffic", "count", "up", "sum", None),
        ("leads", "count", "up", "sum", None),
        ("conversion", "percent", "up", "sum", "leads / traffic * 100"),
        ("subscribers", "count", "up", "sum", None),
        ("published", "count", "up", "sum", None),
    ],
    "performance": [
        ("spend", "money", "down", "sum", None),
        ("leads", "count", "up", "sum", None),
        ("cpl", "money", "down", "sum", "spend / leads"),
        ("sales", "count", "up", "sum", None),
        ("cpa", "money", "down", "sum", "spend / sales"),
        ("revenue", "money", "up", "sum", None),
        ("roas", "percent", "up", "sum", "revenue / spend * 100"),
    ],
    "crm": [
        ("sends", "count", "up", "sum", None),
        ("unsubscribes", "count", "down", "sum", None),
        ("unsubscribe_rate", "percent", "down", "sum", "unsubscribes / sends * 100"),
        ("repeat_sales", "count", "up", "sum", None),
        ("revenue", "money", "up", "sum", None),
        ("ltv", "money", "up", "last", None),
    ],
    "pm": [
        ("tasks_planned", "count", "up", "sum", None),
        ("tasks_on_time", "count", "up", "sum", None),
        ("on_time_rate", "percent", "up", "sum", "tasks_on_time / tasks_planned * 100"),
        ("cycle_days", "days", "down", "mean", None),
        ("hypotheses", "count", "up", "sum", None),
    ],
    "cmo": [
        ("revenue", "money", "up", "sum", None),
        ("marketing_spend", "money", "down", "sum", None),
        ("new_customers", "count", "up", "sum", None),
        ("romi", "percent", "up", "sum", "(revenue - marketing_spend) / marketing_spend * 100"),
        ("cac", "money", "down", "sum", "marketing_spend / new_customers"),
        ("ltv_cac", "ratio", "up", "sum", "crm.ltv / cac"),
    ],
    # Optional hats ship a small measured set so they are useful as soon as they are enabled.
    "pr": [
        ("mentions", "count", "up", "sum", None),
        ("leads", "count", "up", "sum", None),
        ("spend", "money", "down", "sum", None),
    ],
    "analytics": [
        ("reports", "count", "up", "sum", None),
        ("data_issues", "count", "down", "sum", None),
    ],
    "site": [
        ("traffic", "count", "up", "sum", None),
        ("leads", "count", "up", "sum", None),
        ("conversion", "percent", "up", "sum", "leads / traffic * 100"),
        ("uptime", "percent", "up", "mean", None),
    ],
}


def _stop_rules() -> dict[str, StopRule]:
    # Built on demand: a model instance at import time would build its validator for every command.
    return {
        "performance.cpa": StopRule(
            op=">", days=3, action_key="action.stop_campaign", guard=Guard(kpi="spend", op=">=")
        ),
        "performance.cpl": StopRule(op=">", days=3, action_key="action.stop_ad_set"),
        "crm.unsubscribe_rate": StopRule(op=">", days=1, action_key="action.rewrite_email"),
    }


# (hat, item id, cadence): the text is the catalogue's ``checklist.<hat>.<id>``.
_CHECKLISTS: dict[str, list[tuple[str, str]]] = {
    "content": [
        ("brief", "weekly"),
        ("hypothesis", "weekly"),
        ("utm", "weekly"),
        ("second_reader", "weekly"),
        ("on_date", "weekly"),
        ("repurpose", "weekly"),
        ("result_7d", "weekly"),
        ("plan_month", "monthly"),
    ],
    "performance": [
        ("spend_daily", "weekly"),
        ("cpa_target", "weekly"),
        ("enough_spend", "weekly"),
        ("stop_rules", "weekly"),
        ("fatigue", "weekly"),
        ("reconcile_crm", "weekly"),
        ("log_changes", "weekly"),
        ("exclusions", "monthly"),
    ],
    "crm": [
        ("segment", "weekly"),
        ("subject_test", "weekly"),
        ("links", "weekly"),
        ("test_send", "weekly"),
        ("unsubs_48h", "weekly"),
        ("revenue_per_send", "weekly"),
        ("follow_up", "weekly"),
        ("clean_list", "monthly"),
    ],
    "pm": [
        ("collect_plans", "weekly"),
        ("collect_facts", "weekly"),
        ("capacity", "weekly"),
        ("wip", "weekly"),
        ("blockers", "weekly"),
        ("cycle", "weekly"),
        ("process_fix", "weekly"),
    ],
    "cmo": [
        ("plan_fact", "weekly"),
        ("kpi_targets", "weekly"),
        ("decide_alerts", "weekly"),
        ("conflicts", "weekly"),
        ("budget", "weekly"),
        ("strategy", "monthly"),
        ("media_plan", "quarterly"),
        ("roles_review", "quarterly"),
    ],
    "pr": [("pitches", "weekly"), ("mentions", "weekly"), ("media_list", "monthly")],
    "analytics": [("tracking", "weekly"), ("reconcile", "weekly"), ("dashboard", "monthly")],
    "site": [("forms", "weekly"), ("speed", "weekly"), ("seo_audit", "monthly")],
}

_CONFLICTS = [
    (("performance", "cmo"), "high", "weekly", "conflict.performance_cmo"),
    (("content", "performance"), "medium", "weekly", "conflict.content_performance"),
    (("crm", "cmo"), "medium", "monthly", "conflict.crm_cmo"),
    (("pm", "cmo"), "low", "monthly", "conflict.pm_cmo"),
    (("performance", "analytics"), "high", "weekly", "conflict.performance_analytics"),
]


def default_person() -> Person:
    """The one person of a new install."""
    return Person(name=DEFAULT_PERSON, kind="staff")


def default_hats() -> list[Hat]:
    """The five default hats worn by "Me", then the optional hats, disabled."""
    return [
        Hat(
            key=key,
            channel=key in CHANNEL_HATS,
            position=i,
            enabled=key in DEFAULT_HATS,
            wearer=DEFAULT_PERSON if key in DEFAULT_HATS else None,
        )
        for i, key in enumerate(ALL_HATS)
    ]


def default_kpis() -> list[Kpi]:
    """Every hat's KPIs with the shipped stop rules (thresholds unset)."""
    kpis = []
    rules = _stop_rules()
    for hat, rows in _KPIS.items():
        for position, (name, unit, direction, aggregate, formula) in enumerate(rows):
            key = f"{hat}.{name}"
            kpis.append(
                Kpi(
                    key=key,
                    unit=unit,
                    direction=direction,
                    aggregate=aggregate,
                    formula=formula,
                    position=position,
                    stop=rules.get(key),
                )
            )
    return kpis


def default_checklist() -> list[ChecklistItem]:
    """Every hat's checklist items, keyed into the catalogue."""
    return [
        ChecklistItem(id=f"{hat}-{item}", hat=hat, cadence=cadence, position=i, key=f"checklist.{hat}.{item}")
        for hat, items in _CHECKLISTS.items()
        for i, (item, cadence) in enumerate(items)
    ]


def default_conflicts() -> list[ConflictRule]:
    """The shipped conflict rules; a rule on a disabled hat is simply never active."""
    return [ConflictRule(hats=hats, level=level, every=every, key=key) for hats, level, every, key in _CONFLICTS]
