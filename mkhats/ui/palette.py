"""The command palette (``ctrl+p``): every action of the app, hats and weeks included."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from mkhats.domain.labels import hat_name
from mkhats.i18n import t


class MkhatsCommands(Provider):
    """Jump to a hat, move a week, add a value, wear a hat, open the review or settings."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        commands: list[tuple[str, object, str]] = []
        hats = app.snapshot.enabled_hats if getattr(app, "snapshot", None) else []
        for index, hat in enumerate(hats):
            commands.append((t("ui.cmd.go_hat", hat=hat_name(hat)), partial(app.action_hat, index), t("ui.cmd.go_hat_help")))
            commands.append((t("ui.cmd.wear_hat", hat=hat_name(hat)), partial(self._wear, index), t("ui.cmd.wear_help")))
        commands += [
            (t("ui.cmd.prev_week"), partial(app.action_week, -1), "["),
            (t("ui.cmd.next_week"), partial(app.action_week, 1), "]"),
            (t("ui.cmd.this_week"), app.action_this_week, "t"),
            (t("ui.cmd.add_value"), app.action_add_value, "a"),
            (t("ui.cmd.review"), app.action_review, "r"),
            (t("ui.cmd.settings"), app.action_settings, "s"),
            (t("ui.cmd.help"), app.action_help, "?"),
            (t("ui.cmd.edit_checklist"), self._edit_checklist, "e"),
        ]
        return commands

    def _wear(self, index: int) -> None:
        self.app.action_hat(index)
        self.app.call_later(self.app.action_wear)

    def _edit_checklist(self) -> None:
        from mkhats.ui.widgets.checklist import Checklist

        self.app.post_message(Checklist.EditRequested())

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
