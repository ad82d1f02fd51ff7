"""The errors mkhats turns into one clear sentence for the user.

Every error carries a catalogue key and its parameters, so the CLI and the app can render it in the
user's language; ``exit_code`` follows SPEC §4 (2 bad input, 1 I/O failure or warnings).
"""

from __future__ import annotations

from typing import Any


class MkhatsError(Exception):
    """Base of every error that reaches the user as one sentence."""

    exit_code = 2

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self) -> str:
        """The error as one sentence in the current language."""
        from mkhats.i18n import t

        return t(self.key, **self.params)

    def lines(self) -> list[str]:
        """The message as printed, line by line: one sentence, unless an error lists several things."""
        return [self.render()]

    def __str__(self) -> str:
        return self.render()


class InputError(MkhatsError):
    """Bad input from the user: a field, an argument, a row. Nothing was written."""

    exit_code = 2


class StoreError(MkhatsError):
    """The data files cannot be read or written. Nothing was changed."""

    exit_code = 1


class EditConflict(MkhatsError):
    """What a form edits was changed elsewhere since the form read it. Nothing was written.

    ``mine`` is what this save would store and ``theirs`` what is stored now, both as the form's
    fields (the text it shows); ``fields`` are the ones changed on both sides, ``labels`` name them.
    The app asks the user (keep mine, take theirs, see both); the CLI prints the sentence, exit 1.
    """

    exit_code = 1

    def __init__(
        self,
        what: str,
        mine: dict[str, str],
        theirs: dict[str, str],
        fields: list[str],
        labels: dict[str, str] | None = None,
    ) -> None:
        self.mine = mine
        self.theirs = theirs
        self.fields = fields
        self.labels = labels or {}
        names = ", ".join(self.labels.get(f, f) for f in fields)
        super().__init__("edit.conflict", what=what, fields=names)
