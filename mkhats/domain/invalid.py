"""A record refused by its model, as one sentence naming the field and the limit (SPEC §5).

Models raise it when built from input (``mkhats.domain.models``), the repository when a record to
be written would not load back; the CLI exits 2 with it, a form shows it under the field.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from mkhats.domain.weeks import MAX_DAY, MIN_DAY
from mkhats.errors import InputError, Message


class InvalidRecord(InputError):
    """A record built from input breaks a limit of its model: one sentence naming field and limit.

    Attributes:
        model: the record's class name; ``field``: the dotted path of the first field refused.
    """

    def __init__(self, model: str, exc: ValidationError, listed: bool = False) -> None:
        """``listed``: ``exc`` came from validating a list of records (its paths start with an index)."""
        error = exc.errors(include_url=False)[0]
        self.model = model
        self.field = ".".join(str(part) for part in error["loc"][1 if listed else 0 :])
        ctx: dict[str, Any] = dict(error.get("ctx") or {})
        kind = error["type"]
        value = error.get("input")
        if kind in ("too_long", "string_too_long"):
            length = ctx.get("actual_length", len(value) if isinstance(value, str) else 0)
            key, params = "field.too_long", {"limit": ctx["max_length"], "length": length}
        elif kind in ("too_short", "string_too_short"):
            key, params = "field.empty", {}
        elif kind == "date_range" or str(ctx.get("ge", ctx.get("le"))) in (str(MIN_DAY), str(MAX_DAY)):
            key, params = "field.date_range", {"value": str(value), "first": MIN_DAY, "last": MAX_DAY}
        elif kind == "instant":
            key, params = "field.time_range", {"value": str(value), "first": MIN_DAY, "last": MAX_DAY}
        elif kind == "not_text":
            key, params = "field.not_text", {}
        else:
            key, params = "field.invalid", {"reason": error["msg"]}
        super().__init__(key, **params)

    def render(self) -> str:
        """The sentence, the field named in the current language (its label, else its path quoted)."""
        last = self.field.rsplit(".", 1)[-1]
        label = Message(
            f"field.{self.model}.{self.field}", fallback=Message(f"field.label.{last}", fallback=f"“{self.field}”")
        )
        return Message(self.key, {**self.params, "field": label}).render()
