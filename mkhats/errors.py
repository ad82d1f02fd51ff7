"""The errors mkhats turns into one clear sentence for the user, and the messages they carry.

Every error carries a catalogue key and its parameters, so the CLI and the app can render it in the
user's language; ``exit_code`` follows SPEC §4 (2 bad input, 1 I/O failure or warnings). A parameter
that is itself words (a hat's name from the catalogue, a formula's detail) is a :class:`Message`,
rendered with the sentence in the same language.

This module does not import the catalogue: the pure rules raise these errors and must not depend
on the process-wide language (SPEC §7). ``mkhats.i18n`` installs its renderer here when it is
imported (:func:`install_catalogue`); until then a message renders as its key, as the catalogue
itself shows a key it does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Translate = Callable[..., str]
"""``t(key, /, lang=None, **params)``: a message rendered from the catalogue."""

Known = Callable[[str], bool]
"""Whether the catalogue holds a key (in the current language or in English)."""

_translate: Translate | None = None
_known: Known | None = None


def install_catalogue(translate: Translate, known: Known) -> None:
    """Make ``translate`` and ``known`` render every :class:`Message` and error (``mkhats.i18n``)."""
    global _translate, _known
    _translate, _known = translate, known


class Message:
    """A catalogue key and its parameters, rendered when shown, in the language of that moment.

    Attributes:
        key: the catalogue key.
        params: the template's parameters; a :class:`Message` among them is rendered first.
        fallback: shown instead when no catalogue holds ``key`` (a user's name, a field's path).
    """

    __slots__ = ("fallback", "key", "params")

    def __init__(self, key: str, /, params: Mapping[str, Any] | None = None, fallback: str | Message | None = None):
        self.key = key
        self.params: dict[str, Any] = dict(params or {})
        self.fallback = fallback

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        if self.fallback is not None and (_known is None or not _known(self.key)):
            return self.fallback.render(lang) if isinstance(self.fallback, Message) else self.fallback
        if _translate is None:
            return self.key
        return _translate(self.key, lang=lang, **self.params)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r}, fallback={self.fallback!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, self.params, self.fallback) == (other.key, other.params, other.fallback)

    def __hash__(self) -> int:
        return hash(self.key)


class MkhatsError(Exception):
    """Base of every error that reaches the user as one sentence."""

    exit_code = 2

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self) -> str:
        """The error as one sentence in the current language."""
        return Message(self.key, self.params).render()

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
