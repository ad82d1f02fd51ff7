"""How the pure rules name a KPI in the errors they raise: by its title, never by its key.

The rules do not know the language (SPEC §7), so a KPI without a typed title is named by a
:class:`~mkhats.errors.Message` of its catalogue title (``kpi.<key>``), rendered with the sentence in
the language it is shown in; ``present.labels.kpi_title`` reads the same way.
"""

from __future__ import annotations

from mkhats.domain.models import Kpi
from mkhats.errors import Message


def named(kpi: Kpi) -> str | Message:
    """The KPI as a message names it: its typed title, its catalogue title, else its name."""
    if kpi.title:
        return kpi.title
    return Message(f"kpi.{kpi.key}", fallback=kpi.name.replace("_", " ").capitalize())
