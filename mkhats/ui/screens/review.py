"""The review (``r``): the owner's weekly list of warnings, grouped and coloured by severity.

Each warning leads to the place that fixes it: a conflict to recording a check, a stop alert to
recording a decision, a missing plan or facts to the hat's log, a KPI off target, a quarterly goal
out of reach or a rule to finish to the KPI's detail, a channel off its budget's pace to the media
plan's editor over the CMO tab's channel map of that month (plan beside fact), an overdue roles review to recording one. A warning about a week
(last week's facts or targets, a week's hours) leads to that week: the main screen moves to it
before the log or the detail opens. After a fix the list is rebuilt, so a fixed warning disappears.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from mkhats.domain.conflicts import conflict_states
from mkhats.domain.review import CATEGORIES, as_of
from mkhats.domain.safe_text import terminal_line
from mkhats.domain.snapshot import Snapshot
from mkhats.i18n import t
from mkhats.present.cmo import hours_lines
from mkhats.present.relative import checked_text
from mkhats.present.review_text import describe
from mkhats.present.views import week_title
from mkhats.services.review import ReviewItem, warnings_of
from mkhats.ui.access import main_screen, mkhats_app
from mkhats.ui.access import snapshot as current_snapshot
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.screens.form import FORMS_CSS
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

SEVERITY_STYLE = {"high": "bold red", "medium": "dark_orange", "low": "dim"}
SEVERITY_MARK = {"high": "▲", "medium": "●", "low": "·"}


class ReviewScreen(KeyLabels, Screen[None]):
    """Every warning of the selected week; ``enter`` or a click on one goes to its fix."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        key_binding("escape", "back", "ui.key.back", id="review.back"),
        key_binding("left_square_bracket", "week(-1)", "ui.key.prev_week", key_display="[", id="review.prev"),
        key_binding("right_square_bracket", "week(1)", "ui.key.next_week", key_display="]", id="review.next"),
        key_binding("t", "this_week", "ui.key.this_week", id="review.this"),
        key_binding("r", "refresh", "ui.key.review", show=False, id="review.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[ReviewItem] = []
        self.texts: dict[str, tuple[str, str]] = {}
        """Each row's sentence and style by option id (what is shown, for tests)."""
        self._rows: dict[str, ReviewItem | tuple[str, str] | str] = {}
        self._snapshot: Snapshot | None = None

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static(id="review-head")
        yield OptionList(id="review-list")
        yield Static(id="review-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.rebuild()
        self.query_one("#review-list", OptionList).focus()
        self.watch(self.app, "version", self._follow, init=False)

    def _follow(self) -> None:
        """The app re-read its data (another process wrote, or a form saved): rebuild."""
        if mkhats_app(self).snapshot is not self._snapshot:
            self.rebuild()

    def _row(self, row_id: str, text: str, style: str, mark: str = "") -> Option:
        """An option whose wrapped lines hang under the text, not under the mark."""
        text = terminal_line(text)  # sentences quote names and notes: shown literally, on one line
        self.texts[row_id] = (text, style)
        grid = Table.grid(padding=(0, 1 if mark else 0), expand=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(mark, style=style), Text(text, style=style))
        return Option(grid, id=row_id)

    def rebuild(self) -> None:
        """Recompute the warnings from the app's snapshot and show them, keeping the cursor."""
        snapshot = self._snapshot = current_snapshot(self)
        self.items = warnings_of(snapshot)
        listing = self.query_one("#review-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        self._rows = {}
        self.texts = {}
        states = conflict_states(snapshot.conflicts, snapshot.hats, snapshot.checks, as_of(snapshot))
        checked = [s for s in states if s.ok]
        head = Text(t("forms.review.title", week=week_title(snapshot.week)), style="bold")
        self.query_one("#review-head", Static).update(Text.assemble(head, "  ", (t("forms.review.hint"), "dim")))
        hours = hours_lines(snapshot)
        options: list[Option | None] = []
        for category in CATEGORIES:
            group = [i for i in self.items if i.category == category]
            extra = checked if category == "CONFLICT" else hours if category == "HOURS" else []
            if not group and not extra:
                continue
            if options:
                options.append(None)
            title = t("forms.review.heading", title=t(f"forms.review.cat.{category}"), count=len(group))
            options.append(Option(Text(title, style="bold"), id=f"heading-{category}", disabled=True))
            for n, item in enumerate(group):
                row_id = f"{category}-{n}"
                self._rows[row_id] = item
                style = SEVERITY_STYLE.get(item.severity, "")
                options.append(self._row(row_id, describe(item, snapshot), style, SEVERITY_MARK[item.severity]))
            for n, (hat, text, style) in enumerate(hours if category == "HOURS" else []):
                self._rows[f"hours-{n}"] = hat
                options.append(self._row(f"hours-{n}", text, style, "·"))
            for n, state in enumerate(checked if category == "CONFLICT" else []):
                if state.check is None or state.valid_until is None:
                    continue  # an ok state has both: its check and how long it holds
                row_id = f"checked-{n}"
                self._rows[row_id] = state.rule.hats
                text = checked_text(state.rule.hats, snapshot, state.check, state.valid_until)
                options.append(self._row(row_id, text, "green", "✓"))
        listing.add_options(options)
        empty = self.query_one("#review-empty", Static)
        empty.update(t("forms.review.empty", week=snapshot.week) if not self.items else "")
        empty.display = not self.items
        if self._rows:
            first = next(i for i, o in enumerate(listing.options) if not o.disabled)
            if (
                highlighted is None
                or highlighted >= listing.option_count
                or listing.get_option_at_index(highlighted).disabled
            ):
                highlighted = first
            listing.highlighted = highlighted

    def row_ids(self, category: str) -> list[str]:
        """The ids of the rows of one category (for tests and the palette)."""
        return [r for r, row in self._rows.items() if isinstance(row, ReviewItem) and row.category == category]

    # -- fixing ----------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#review-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self._rows.get(event.option.id or "")
        if isinstance(row, str):
            self._go_to_hat(row)
        elif isinstance(row, tuple):
            self._check(row)
        elif row is not None:
            self.fix(row)

    def fix(self, item: ReviewItem) -> None:
        """Open the place that fixes ``item``."""
        from mkhats.ui.screens.dialogs import DecisionDialog

        if item.category == "CONFLICT" and item.pair:
            self._check(item.pair)
        elif item.category == "STOP" and item.alert is not None:
            self.app.push_screen(DecisionDialog(item.alert), self._after)
        elif item.category == "RITUAL" and item.hat and item.week:
            self._go_to_log(item.hat, item.week, "plan" if item.key.endswith("_plan") else "fact")
        elif item.category == "BUDGET" and item.hat:
            self._budget(item.hat)
        elif item.category in ("TARGET", "GOAL", "SETUP") and item.kpi:
            if item.week and item.hat:
                self._kpi_in_week(item.hat, item.kpi, item.week)
            else:
                self._kpi(item.kpi)
        elif item.category == "CADENCE":
            self._cadence(item)
        elif item.hat:
            self._go_to_hat(item.hat, item.week)

    def _cadence(self, item: ReviewItem) -> None:
        """The strategy session, the hypotheses of a hat, or the roles and KPIs review."""
        if item.key == "review.strategy_due":
            from mkhats.ui.screens.strategy import StrategyDialog

            self.app.push_screen(StrategyDialog(), self._after)
        elif item.key == "review.hypothesis_open" and item.hat:
            from mkhats.ui.screens.hypotheses import HypothesesScreen

            self.app.push_screen(HypothesesScreen(item.hat), self._after)
        else:
            from mkhats.ui.screens.roles import RolesKpiDialog

            def done(result: object = None) -> None:
                self._after()
                main_screen(self).after_roles_review(result)

            self.app.push_screen(RolesKpiDialog(), done)

    def _budget(self, hat: str) -> None:
        """The plan to revise, over the CMO tab's channel map of the month judged (plan beside
        fact, seen again once the editor closes); the channel's own tab when the CMO hat is off."""
        main = main_screen(self)
        hats = [h.key for h in current_snapshot(self).enabled_hats]

        def then() -> None:
            main.show_budget_month()
            main.action_plan_editor()

        self._go_to_hat("cmo" if "cmo" in hats else hat, None, then)

    def _check(self, pair: tuple[str, str]) -> None:
        from mkhats.ui.screens.dialogs import CheckDialog

        self.app.push_screen(CheckDialog(pair), self._after)

    def _kpi(self, key: str) -> None:
        try:
            from mkhats.ui.screens.kpi_detail import KpiDetailScreen
        except ImportError:
            self.app.notify(t("forms.review.no_detail"), severity="error")
            return
        self.app.push_screen(KpiDetailScreen(key), self._after)

    def _kpi_in_week(self, hat: str, key: str, week: str) -> None:
        """The KPI's detail over the main screen moved to ``week``: the week the warning is about
        (last week's TARGET while this one runs), not the week being reviewed."""
        from mkhats.ui.widgets.kpi_table import KpiTable

        main = main_screen(self)
        self._go_to_hat(hat, week, lambda: main.post_message(KpiTable.KpiChosen(key)))

    def _after(self, result: object = None) -> None:
        """A form or screen closed: re-read the data and rebuild the list."""
        mkhats_app(self).reload()
        self.rebuild()

    def _go_to_hat(self, hat: str, week: str | None = None, then: Callable[[], object] | None = None) -> None:
        app = mkhats_app(self)
        main = main_screen(self)
        hats = [h.key for h in current_snapshot(self).enabled_hats]
        if hat not in hats:
            return

        def land() -> None:
            if week is not None:
                app.week = week
            main.action_hat(hats.index(hat))
            app.reload()
            if then is not None:
                app.call_after_refresh(then)

        self.dismiss(None)
        app.call_later(land)

    def _go_to_log(self, hat: str, week: str, field: str) -> None:
        main = main_screen(self)
        self._go_to_hat(hat, week, lambda: main.open_log(hat, week, field))

    def action_week(self, offset: int) -> None:
        """Review the week before or after."""
        mkhats_app(self).shift_week(offset)
        self._follow()

    def action_this_week(self) -> None:
        """Review this week."""
        mkhats_app(self).this_week()
        self._follow()

    def action_refresh(self) -> None:
        """Re-read the data and rebuild the list."""
        self._after()

    def action_back(self) -> None:
        """Back to the hats."""
        self.dismiss(None)
