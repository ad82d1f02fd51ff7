"""The import screen (``i``, the palette): pick an export, see what it brings, import it (SPEC §9).

Two steps on one screen. The list: the files waiting in ``inbox/`` first, then the exports in the
user's downloads, newest first (``services.inbox.candidates``), and a field to type or paste any
path. The preview: what ``services.importing.plan_import`` makes of the file, in the words of
``present.import_text`` (the source recognised, how it was read, the mapping, the per-day totals,
the skipped rows, what importing changes); a refused file shows its sentence instead, and nothing
is written. ``enter``, ``ctrl+s`` or the button imports, through ``ui.access.run_service``; the
screen then closes and the main screen re-reads the data. ``escape`` steps back: from the preview
to the list, from the list to the hat tabs.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, DataTable, Input, Label, Static

from mkhats.domain.numbers import parse_number
from mkhats.errors import InputError, MkhatsError
from mkhats.i18n import current_language, t
from mkhats.imports.plan import ImportPlan
from mkhats.present import import_text, relative
from mkhats.present.dates import list_day
from mkhats.present.labels import format_number
from mkhats.present.money_text import kpi_label
from mkhats.services.importing import plan_import
from mkhats.services.inbox import INBOX, Candidate, Imported, candidates, import_candidate
from mkhats.ui.access import mkhats_app, run_service, workspace
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import plain
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

if TYPE_CHECKING:
    from mkhats.imports.plan import ImportPlan

PICK, PREVIEW = "import-pick", "import-preview"
FIXED_COLUMNS = 44
"""Cells the folder, size and age columns and the table's padding take; the name gets the rest."""


def file_size(size: int) -> str:
    """``512 B``, ``3.4 KB``, ``12 MB``: one decimal below ten."""
    value, unit = float(size), "b"
    for bigger in ("kb", "mb", "gb"):
        if value < 1024 or unit == "gb":
            break
        value, unit = value / 1024, bigger
    decimals = 1 if unit != "b" and value < 10 else 0
    return t(f"import_ui.size.{unit}", size=format_number(value, decimals))


def file_age(modified: float, now: datetime) -> str:
    """``just now``, ``5 minutes ago``, ``2 hours ago``, ``3 weeks ago`` (a file from the future: just now)."""
    return relative.file_age(modified, now)


def _shorten(text: str, width: int) -> str:
    """``text`` in ``width`` cells, cut in the middle: a name keeps its extension."""
    if len(text) <= width:
        return text
    tail = max(6, width // 3)
    return text[: width - tail - 1] + "…" + text[-tail:]


def folder_label(path: Path, inbox: bool, width: int = 16) -> str:
    """Where a file lies: ``inbox`` (the one beside the data), ``~/Downloads``, else the folder's name."""
    if inbox:
        return INBOX
    folder, home = path.parent, Path.home()
    short = f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else ""
    return short if short and len(short) <= width else _shorten(folder.name, width)


def block(lines: list[str]) -> Group:
    """Lines shown literally, each wrapped under its own indent (a long mapping keeps its margin)."""
    parts = []
    for line in lines:
        text = line.lstrip(" ")
        indent = len(line) - len(text)
        parts.append(Padding(plain(text), (0, 0, 0, indent)) if indent else plain(text))
    return Group(*parts)


def typed_path(text: str) -> Path | None:
    """A path as typed or pasted: quotes, a ``file://`` address, ``\\ `` from a drag and drop, ``~``."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    if text.startswith("file://"):
        text = unquote(urlparse(text).path)
    text = text.replace("\\ ", " ")
    return Path(text).expanduser() if text else None


class ImportScreen(KeyLabels, Screen[Imported | None]):
    """Pick an export, preview it, import it; returns what was imported, or None."""

    CSS_PATH = "import_screen.tcss"
    AUTO_FOCUS = ""
    BINDINGS = [
        key_binding("escape", "back", "ui.key.back", id="import.back"),
        key_binding("ctrl+s", "confirm", "import_ui.import", id="import.confirm"),
        key_binding("enter", "confirm", "import_ui.import", show=False, id="import.confirm_enter"),
    ]

    def __init__(self, folders: list[Path] | None = None) -> None:
        """``folders``: where downloads are looked for (default: the user's downloads folders)."""
        super().__init__(id="import")
        self._folders = folders
        self.files: list[Candidate] = []
        """The files listed, in the list's order."""
        self.plan: ImportPlan | None = None
        """The preview shown (None: none yet, or the file was refused)."""
        self.path: Path | None = None
        """The file previewed."""
        self.refusal: list[str] = []
        """The refused file's sentence, line by line (what the preview shows instead)."""
        self.rate: float | None = None
        """What one unit of the file's currency is worth in the data file's (typed after a refusal)."""
        self._currencies: tuple[str, str] | None = None
        """The file's currency and the data file's, when they differ: the rate field is shown."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Vertical(id="import-body"):
            with Horizontal(id="import-path-row"):
                yield Label(t("import_ui.path"), id="import-path-label")
                yield Input(placeholder=t("import_ui.path_hint"), id="import-path")
            with ContentSwitcher(initial=PICK, id="import-steps"):
                with Vertical(id=PICK):
                    yield Static(t("import_ui.intro"), id="import-intro")
                    yield DataTable(cursor_type="row", zebra_stripes=True, id="import-files")
                    yield Static(t("import_ui.none"), id="import-none")
                with Vertical(id=PREVIEW):
                    with VerticalScroll(id="import-report"):
                        yield Static(id="import-head")
                        yield Static(id="import-refusal")
                        with Horizontal(id="import-rate-row"):
                            yield Label(id="import-rate-label")
                            yield Input(id="import-rate")
                        yield Static(id="import-rate-error")
                        yield Static(t("import.preview.totals"), id="import-totals-title")
                        yield DataTable(cursor_type="none", zebra_stripes=True, id="import-days")
                        yield Static(id="import-tail")
                    with Horizontal(id="import-buttons"):
                        yield Static(id="import-change")
                        yield Button(t("import_ui.back"), id="import-back")
                        yield Button(t("import_ui.import"), variant="primary", id="import-go")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = t("import_ui.title")
        self._list_files()

    # -- the list --------------------------------------------------------------------------------

    def _list_files(self) -> None:
        """Fill the list: the inbox's files, then the downloads' exports, newest first."""
        self.files = candidates(workspace(self), self._folders)
        table = self.query_one("#import-files", DataTable)
        table.clear(columns=True)
        width = max(16, self.app.size.width - FIXED_COLUMNS)
        table.add_column(t("import_ui.col.name"), key="name")
        table.add_column(t("import_ui.col.folder"), key="folder")
        table.add_column(Text(t("import_ui.col.size"), justify="right"), key="size")
        table.add_column(t("import_ui.col.age"), key="age")
        now = mkhats_app(self).now()
        for index, file in enumerate(self.files):
            table.add_row(
                plain(_shorten(file.path.name, width)),  # names are the user's (and the web's)
                plain(folder_label(file.path, file.inbox)),
                Text(file_size(file.size), justify="right"),
                file_age(file.modified, now),
                key=str(index),
            )
        empty = not self.files
        table.display = not empty
        self.query_one("#import-none").display = empty
        self.query_one("#import-path" if empty else "#import-files").focus()

    @on(DataTable.RowSelected, "#import-files")
    def _picked(self, event: DataTable.RowSelected) -> None:
        file = self.files[int(event.row_key.value or 0)]
        self.query_one("#import-path", Input).value = str(file.path)
        self.preview(file.path)

    @on(Input.Submitted, "#import-path")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        path = typed_path(event.value)
        if path is not None:
            self.preview(path)

    # -- the preview -----------------------------------------------------------------------------

    def preview(self, path: Path, rate: float | None = None) -> None:
        """Show what importing ``path`` would change (read after a frame that says it is reading)."""
        if rate is None:  # another file: its currency is asked afresh
            self._currencies = None
            self.query_one("#import-rate", Input).value = ""
        self.query_one("#import-rate-error").display = False
        self.path, self.plan, self.refusal, self.rate = path, None, [], rate
        self._show_report()
        self.query_one("#import-head", Static).update(plain(t("import_ui.reading", file=str(path)), lines=True))
        self.query_one("#import-steps", ContentSwitcher).current = PREVIEW
        self.query_one("#import-path-row").display = False  # the preview names the file
        self.query_one("#import-report").focus()
        self.refresh_bindings()
        self.call_after_refresh(self._read, path)

    def _read(self, path: Path) -> None:
        if path != self.path or not self.is_attached:
            return  # another file was picked meanwhile, or the screen closed
        try:
            self.plan = plan_import(workspace(self), path, rate=self.rate)
        except MkhatsError as error:  # refused, or unreadable (permissions…): nothing is written
            self._refused(error)
            return
        if self.plan.rate is not None and self.plan.file_currency and self.plan.currency:
            self._currencies = (self.plan.file_currency, self.plan.currency)
        self._show_report()
        self.refresh_bindings()

    def _show_report(self) -> None:
        """Fill the preview from ``plan`` or ``refusal`` (empty while the file is read)."""
        plan = self.plan
        head: list[str] = []
        tail: list[str] = []
        table = self.query_one("#import-days", DataTable)
        table.clear(columns=True)
        rows = 0
        if plan is not None:
            head = [import_text.source_line(plan)]
            layout = import_text.layout_line(plan)
            head += [layout] if layout else []
            head += import_text.mapping_lines(plan) + import_text.note_lines(plan)
            days = self._day_table(plan)
            rows = len(days.rows)
            if rows:
                table.fixed_columns = 1  # the day stays in view while the KPIs scroll sideways
                table.add_column(plain(days.header[0]), key="day")
                for key in days.header[1:]:
                    table.add_column(Text(key, justify="right"), key=key)
                for row in days.rows:
                    table.add_row(row[0], *(Text(cell, justify="right") for cell in row[1:]))
            else:
                tail.append(t("import.preview.no_values"))
            tail += import_text.skipped_lines(plan)
        if self.refusal and str(self.path) not in "".join(self.refusal):
            head = [str(self.path)]  # the sentence does not name the file
        self.query_one("#import-head", Static).update(block(head))
        refusal = "\n".join([*self.refusal, t("import_ui.refused")]) if self.refusal else ""
        self.query_one("#import-refusal", Static).update(plain(refusal, lines=True))
        self.query_one("#import-refusal").display = bool(refusal)
        self.query_one("#import-totals-title").display = table.display = rows > 0
        self.query_one("#import-tail", Static).update(block(tail))
        change = import_text.change_line(plan, confirm=True) if plan is not None else ""
        self.query_one("#import-change", Static).update(plain(change, lines=True))
        self.query_one("#import-go", Button).disabled = plan is None
        self.query_one("#import-rate-row").display = self._currencies is not None
        if self._currencies is not None:
            found, expected = self._currencies
            self.query_one("#import-rate-label", Label).update(t("import_ui.rate", found=found, expected=expected))

    def _day_table(self, plan: ImportPlan) -> import_text.DayTable:
        """The per-day totals in the app's words: days as its lists show them, KPIs by title."""
        snapshot = mkhats_app(self).snapshot
        titles = {k.key: kpi_label(k, snapshot.hats) for k in snapshot.kpis.values()} if snapshot else None
        this_year = workspace(self).today.year
        return import_text.day_table(plan, lambda day: list_day(day, this_year), titles)

    # -- keys and buttons ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Import only once a preview is shown (out of the footer until then)."""
        if action == "confirm":
            return self.plan is not None and self._step == PREVIEW
        return True

    @property
    def _step(self) -> str | None:
        return self.query_one("#import-steps", ContentSwitcher).current

    @on(Button.Pressed, "#import-go")
    def action_confirm(self) -> None:
        """Import the file previewed; a refusal (the file changed meanwhile) is shown in its place."""
        path = self.path
        if self.plan is None or path is None:
            return
        rate = self.rate
        done = run_service(self, lambda ws: import_candidate(ws, path, rate), refused=self._refused)
        if done is None:
            return
        imported = done.value
        messages = [import_text.change_line(imported.plan)]
        if imported.moved is not None:
            to = imported.moved.relative_to(workspace(self).path.parent)  # inbox/done/report (2).csv
            messages.append(t("import_ui.moved", file=path.name, to=to.as_posix()))
        if imported.stuck is not None:
            messages.append(t("import_ui.stuck", file=path.name, reason=imported.stuck))
        self.app.notify("\n".join(messages), severity="warning" if imported.stuck else "information", timeout=8)
        self.dismiss(imported)

    def _refused(self, error: MkhatsError) -> None:
        self.plan = None
        self.refusal = error.lines()
        if error.key == "import.currency":  # the command line's sentence names --rate: a field here
            self._currencies = (error.params["found"], error.params["expected"])
            self.refusal = [t("import_ui.currency", **error.params)]
        self._show_report()
        self.refresh_bindings()
        if self._currencies is not None:
            self.query_one("#import-rate", Input).focus()

    @on(Input.Submitted, "#import-rate")
    def _rate_typed(self, event: Input.Submitted) -> None:
        """Preview again, money converted at the rate typed (as the user writes numbers)."""
        event.stop()
        error = self.query_one("#import-rate-error", Static)
        try:
            rate = parse_number(event.value, t("import_ui.rate_field"), lang=current_language())
            if not rate > 0:
                raise InputError("import_ui.rate_positive", value=event.value.strip())
        except InputError as refused:
            error.update(plain(refused.render(), lines=True))  # it quotes what was typed
            error.display = True
            return
        error.display = False
        if self.path is not None:
            self.preview(self.path, rate)

    @on(Button.Pressed, "#import-back")
    def action_back(self) -> None:
        """From the preview back to the list; from the list, close."""
        if self._step == PREVIEW:
            self.path, self.plan, self.refusal = None, None, []
            self.query_one("#import-steps", ContentSwitcher).current = PICK
            self.query_one("#import-path-row").display = True
            self.query_one("#import-files" if self.files else "#import-path").focus()
            self.refresh_bindings()
        else:
            self.dismiss(None)
