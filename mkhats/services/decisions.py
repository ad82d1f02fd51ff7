"""Use case of the decision form: what was done about a stop-rule alert (kept, paused, stopped…)."""

from __future__ import annotations

from collections.abc import Mapping

from mkhats.domain.edits import expect
from mkhats.domain.models import AlertDecision
from mkhats.domain.stoprules import Alert, is_decided
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import format_span, kpi_title
from mkhats.services.workspace import Workspace


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
