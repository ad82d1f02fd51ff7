"""Use cases of the decisions: what was done about a stop-rule alert (stopped, rewritten, kept) and
about a channel off its budget's pace (cut, keep, rebalance)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mkhats.domain.edits import expect
from mkhats.domain.models import AlertDecision
from mkhats.domain.stoprules import Alert, is_decided
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import format_span, kpi_title
from mkhats.services.workspace import Workspace

if TYPE_CHECKING:
    from mkhats.domain.media_plan import BudgetDecision


def decision_fields(decision: AlertDecision | None) -> dict[str, str]:
    """A decision as its form shows it (none yet: both fields empty)."""
    if decision is None:
        return {"decision": "", "reason": ""}
    return {"decision": t(f"decision.{decision.decision}"), "reason": decision.reason}


def decide(
    ws: Workspace, alert: Alert, decision: str, reason: str = "", base: Mapping[str, str] | None = None
) -> AlertDecision:
    """Record the decision on a stop-rule alert; the alert closes.

    ``base``: ``decision_fields`` of the decision the form saw (None when the alert was open). If
    someone decided the alert otherwise since, ``EditConflict`` is raised and nothing is written;
    the same decision taken twice is recorded once.
    """
    if decision == "kept" and not reason.strip():
        raise InputError("decision.reason_needed")
    record = AlertDecision(
        kpi=alert.kpi, first=alert.first, last=alert.last, decision=decision, reason=reason.strip(), day=ws.today
    )
    with ws.write() as repo:
        if base is not None:
            theirs = [d for d in repo.decisions() if is_decided(alert, [d])]
            latest = theirs[-1] if theirs else None
            if decision_fields(latest) == decision_fields(record):
                return latest  # type: ignore[return-value]  # decided alike elsewhere: nothing to add
            labels = {"decision": t("forms.decision.choice"), "reason": t("forms.decision.reason")}
            kpis = repo.kpis()
            title = kpi_title(kpis[alert.kpi]) if alert.kpi in kpis else alert.kpi
            what = t("edit.what.decision", kpi=title, span=format_span(alert.first, alert.last))
            expect(base, decision_fields(record), decision_fields(latest), what, labels)
        repo.add_decision(record)
    return record


def decide_budget(ws: Workspace, hat: str, month: str, decision: str, reason: str = "") -> BudgetDecision:
    """Record what was decided about ``hat`` off its budget's pace in ``month`` (``YYYY-MM``):
    ``cut``, ``keep`` (a reason needed, as for a kept stop alert) or ``rebalance``. The month's
    ``BUDGET`` warning closes; a later decision on the same month replaces it."""
    from mkhats.domain.media_plan import BUDGET_DECISIONS, BudgetDecision

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise InputError("budget_decision.month", month=month)
    if decision not in BUDGET_DECISIONS:
        raise InputError("budget_decision.unknown", decision=decision)
    if decision == "keep" and not reason.strip():
        raise InputError("budget_decision.reason_needed")
    with ws.write() as repo:
        if hat not in repo.hats():
            raise InputError("hat.unknown", hat=hat, hats=", ".join(repo.hats()))
        record = BudgetDecision(hat=hat, month=month, decision=decision, reason=reason.strip(), day=ws.today)
        repo.money().add_budget_decision(record)
    return record
