"""A fired stop rule in words: the one builder of every sentence that reports an alert.

The CLI's line after ``mkhats add``, a form's notice, the review's item, the KPI detail screen and
the report all say the same things about an alert (which KPI of which hat, the condition, the days,
the values, the action), each in its own catalogue template. The words are made here once, so a
change to how a value or a span reads shows the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mkhats.domain.models import Hat, Kpi
from mkhats.domain.stoprules import Alert
from mkhats.i18n import t
from mkhats.present.labels import (
    action_text,
    condition_text,
    format_exact,
    format_span,
    format_with_unit,
    hat_name,
    kpi_title,
)


def _as_is(text: str) -> str:
    return text


def alert_sentence(
    key: str,
    alert: Alert,
    kpis: Mapping[str, Kpi],
    currency: str | None,
    hats: Mapping[str, Hat] | None = None,
    quote: Callable[[str], str] = _as_is,
) -> str:
    """The catalogue template ``key`` filled with the words of ``alert``.

    The template picks what it needs: ``{hat}``, ``{kpi}`` (its title), ``{kpi_key}``,
    ``{hat_kpi}`` (hat and title together), ``{condition}``, ``{span}``, ``{values}`` and
    ``{action}``.

    Args:
        key: The catalogue key of the sentence (``cli.alert``, ``forms.alert``, ``review.stop``…).
        alert: The fired stop rule.
        kpis: Every KPI by key (the alert's KPI is looked up here; a missing one is named by key).
        currency: The currency money values are shown in.
        hats: Every hat by key, for the hat's display name (else its key).
        quote: Applied to the texts the user typed (titles, actions), e.g. Markdown escaping.
    """
    kpi = kpis.get(alert.kpi)
    hat_key = kpi.hat if kpi else alert.kpi.split(".")[0]
    hat = hat_name((hats or {}).get(hat_key, hat_key))
    title = kpi_title(kpi) if kpi else alert.kpi
    if kpi:
        values = ", ".join(format_with_unit(kpi, v, currency) for _, v in alert.values)
    else:
        values = ", ".join(format_exact(v) for _, v in alert.values)
    return t(
        key,
        hat=hat,
        kpi=quote(title),
        kpi_key=alert.kpi,
        hat_kpi=quote(f"{hat} {title}"),
        condition=condition_text(alert.rule),
        span=format_span(alert.first, alert.last),
        values=values,
        action=quote(action_text(alert.rule) or "—"),
    )
