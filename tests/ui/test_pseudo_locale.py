"""A pseudo-locale: every word of the catalogue marked ⟦…⟧, to catch text that bypasses it.

The marker language ``xx`` exists only in these tests: its catalogue is the English one with each
word of each message (each plural form) wrapped as ``⟦word⟧``, its ``{placeholders}`` intact (month
and weekday names are catalogue messages too). Marking words rather
than whole messages keeps the check exact where the screen wraps or cuts a text (``⟦lookal…``).
On data created in ``xx`` (the demo writes its texts through the catalogue), every screen of the
app and every message of the command line must show no word outside ⟦…⟧ but the allowed ones.

The UI modules are imported (in English) before the switch to ``xx``, as after a language switch
in the settings: a text rendered once, at import time, shows up here.
"""

from __future__ import annotations

import contextlib
import io
import re
import string
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.theme import BUILTIN_THEMES

import mkhats.i18n as i18n
from mkhats.i18n import set_language
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace
from tests.ui.conftest import SIZE, TODAY, copy_demo

XX = "xx"

# --- the marker language ----------------------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]")


def _mark_words(text: str) -> str:
    """``Plan (Mon)`` → ``⟦Plan⟧ ⟦(Mon)⟧``: every whitespace-separated token holding a letter."""
    return re.sub(r"\S+", lambda m: f"⟦{m.group()}⟧" if _LETTER.search(m.group()) else m.group(), text)


def mark(template: str) -> str:
    """A ``str.format`` template with the words of its literal text marked, its fields as they were."""
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        out.append(_mark_words(literal).replace("{", "{{").replace("}", "}}"))
        if field is not None:
            out.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


def _mark_message(message: Any) -> Any:
    if isinstance(message, dict):
        return {form: _mark_message(text) for form, text in message.items()}
    return mark(message) if isinstance(message, str) else message


def _mark_pendulum(data: Any) -> Any:
    """pendulum's English locale data with every word of its texts marked (its plural rules kept)."""
    if isinstance(data, dict):
        return {key: _mark_pendulum(value) for key, value in data.items()}
    return mark(data) if isinstance(data, str) else data


def _speak_xx(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``xx`` a language of the catalogue and the current one, until ``monkeypatch`` undoes it.

    Relative times ("3 days ago") are pendulum's words, not the catalogue's: ``xx`` gets a pendulum
    locale too, English with its words marked, so a relative time in English shows as stray."""
    from pendulum.locales.en.locale import locale as pendulum_en
    from pendulum.locales.locale import Locale

    english = i18n._catalogue("en")
    monkeypatch.setitem(i18n._catalogues, XX, {key: _mark_message(m) for key, m in english.items()})
    monkeypatch.setitem(Locale._cache, XX, Locale(XX, _mark_pendulum(pendulum_en)))
    monkeypatch.setattr(i18n, "LANGUAGES", (*i18n.LANGUAGES, XX))
    monkeypatch.setenv("MKHATS_LANG", XX)
    set_language(XX)


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make ``xx`` a language of the catalogue and the current one, for one test."""
    _speak_xx(monkeypatch)
    yield
    set_language("en")


# --- what may show outside ⟦…⟧ ------------------------------------------------------------------

ALLOWED = {
    # Trade acronyms, the same in every language (the catalogue uses them as they are).
    "KPI",
    "CPL",
    "CPA",
    "ROMI",
    "ROAS",
    "CAC",
    "LTV",
    "CRM",
    "PM",
    "CMO",
    "PR",
    "CTR",
    "mkhats",  # the app's name
    "English",  # a language's name is shown in that language, whatever the current one
    # Key caps as Textual draws them in the footer (``esc``, ``del``…): the names on the keyboard.
    "esc",
    "del",
    "tab",
    "space",
    "pgup",
    "pgdn",
    "ctrl",  # the palette's hint of ctrl+z (undo)
}
_MARKED = re.compile(r"⟦[^\s⟦⟧]*⟧?")  # a cut word (``⟦lookal…``) loses its closing mark
_WORD = re.compile(r"[A-Za-z]{3,}")


def stray_words(text: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Words of three ASCII letters or more that are not marked, not allowed."""
    return sorted({w for w in _WORD.findall(_MARKED.sub(" ", text)) if w not in ALLOWED and w not in allowed})


THEMES = {w for name in BUILTIN_THEMES for w in _WORD.findall(name)}
"""Theme names (``nord``, ``gruvbox``…) are names, in the theme picker as everywhere."""


def data_words(ws: Workspace) -> set[str]:
    """Words the data holds as syntax, not language: hat and KPI keys (formulas, ``--guard``)."""
    with ws.read() as repo:
        kpis, hats = repo.kpis(), repo.hats()
    words = set(hats)
    for kpi in kpis.values():
        words.update(_WORD.findall(kpi.key))
    return words


# --- the app -----------------------------------------------------------------------------------


def _import_every_screen() -> None:
    import mkhats.ui.app
    import mkhats.ui.screens.checklist_editor
    import mkhats.ui.screens.dialogs
    import mkhats.ui.screens.first_run
    import mkhats.ui.screens.goal_dialog
    import mkhats.ui.screens.help
    import mkhats.ui.screens.import_screen
    import mkhats.ui.screens.kpi_detail
    import mkhats.ui.screens.log_dialog
    import mkhats.ui.screens.overview
    import mkhats.ui.screens.plan_editor
    import mkhats.ui.screens.restore
    import mkhats.ui.screens.review
    import mkhats.ui.screens.settings
    import mkhats.ui.screens.settings.dialogs
    import mkhats.ui.screens.value_edit
    import mkhats.ui.screens.week_entry  # noqa: F401


_import_every_screen()


@pytest.fixture(scope="session")
def xx_demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding 12 demo weeks written in the marker language, made once per session.

    Never write here: ``xx_ws`` gives each test its own copy (as the English demo is shared).
    """
    folder = tmp_path_factory.mktemp("xx-demo")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _speak_xx(monkeypatch)
        try:
            fill_demo(Workspace(folder / "mkhats.json", TODAY), 12, force=False)
        finally:
            set_language("en")
    return folder


@pytest.fixture
def xx_ws(pseudo: None, tmp_path: Path, xx_demo_folder: Path) -> Workspace:
    """12 demo weeks written in the marker language, in this test's own files."""
    return Workspace(copy_demo(xx_demo_folder, tmp_path), TODAY)


def _crop(line: str, left: int, width: int) -> str:
    """The cells ``left`` to ``left + width`` of a drawn line."""
    from rich.cells import get_character_cell_size

    out, x = [], 0
    for char in line:
        if left <= x < left + width:
            out.append(char)
        x += get_character_cell_size(char)
    return "".join(out)


def body_text(app: Any) -> str:
    """What the top screen draws, its footer left out; of a modal, only the dialog."""
    from textual.widgets import Footer

    screen = app.screen
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    lines = console.export_text().splitlines()
    if isinstance(screen, ModalScreen):
        regions = [
            w.region
            for w in screen.walk_children()
            if w.region.area and not any(isinstance(a, Footer) for a in w.ancestors_with_self)
        ]
        box = Region.from_union(regions)
        return "\n".join(_crop(lines[y], box.x, box.width) for y in range(box.y, min(box.bottom, len(lines))))
    footers = [f.region for f in screen.query(Footer)]
    return "\n".join(line for y, line in enumerate(lines) if not any(r.y <= y < r.bottom for r in footers))


def footer_words(app: Any) -> str:
    """The descriptions of the keys in the top screen's footer."""
    return "  ".join(str(key.description) for key in app.screen.query("FooterKey"))


View = Callable[[Pilot], Awaitable[None]]


async def _keys(pilot: Pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def _press(*keys: str) -> View:
    return lambda pilot: _keys(pilot, *keys)


def _push(make: Callable[[Any], Any]) -> View:
    async def view(pilot: Pilot) -> None:
        await pilot.app.push_screen(make(pilot.app))
        await pilot.pause()

    return view


def _then(first: View, *keys: str) -> View:
    async def view(pilot: Pilot) -> None:
        await first(pilot)
        await _keys(pilot, *keys)

    return view


def _grid_paste(text: str) -> View:
    """The week entry grid, and ``text`` pasted at its cursor."""

    async def view(pilot: Pilot) -> None:
        from textual import events

        await _keys(pilot, "2", "a")
        pilot.app.screen.post_message(events.Paste(text))
        await pilot.pause()

    return view


def _settings_tab(tab: str) -> View:
    async def view(pilot: Pilot) -> None:
        from textual.widgets import TabbedContent

        await _keys(pilot, "s")
        pilot.app.screen.query_one("#settings-tabs", TabbedContent).active = f"settings-{tab}"
        await pilot.pause()

    return view


_KPI_DETAIL = ("2", "tab", "down", "down", "down", "down", "enter")  # Performance · CPA, a stop rule


def _in_values(*keys: str) -> View:
    async def view(pilot: Pilot) -> None:
        from mkhats.ui.widgets.value_table import ValueTable

        await _keys(pilot, *_KPI_DETAIL)
        pilot.app.screen.query_one(ValueTable).focus()
        await _keys(pilot, *keys)

    return view


def _state(app: Any) -> Any:
    from mkhats.services.settings import load

    return load(app.ws)


def _conflict(app: Any) -> Any:
    """A real ``EditConflict``: a log field stored in the demo, saved over as if its form had read none."""
    from mkhats.errors import EditConflict
    from mkhats.services.plans import log_fields, save_log

    (hat, week), log = next((k, v) for k, v in app.snapshot.logs.items() if v.plan and v.fact and v.plan != v.fact)
    try:
        save_log(app.ws, hat, week, base=log_fields(None), plan=log.fact)
    except EditConflict as conflict:
        return conflict
    raise AssertionError("no conflict")


# The import screen shows files as they are: their names, folders and cells, and the profile that
# reads them (its title, its column names) are data, like hat keys (``IMPORT_WORDS``).
_META = (
    "Campaign name,Reporting starts,Reporting ends,Result indicator,Results,Amount spent (USD)\n"
    ",2026-11-23,2026-11-24,,,120.75\n"
    "Leads,2026-11-23,2026-11-23,lead,4,57.25\n"
    "Leads,2026-11-24,2026-11-24,lead,2,63.50\n"
)
_UNKNOWN = "name,phone\nAnna,123\n"


def _import_screen(*keys: str, meta: str = _META) -> View:
    """The import screen on a Meta export in ``inbox/`` and an unknown file in a downloads folder."""

    async def view(pilot: Pilot) -> None:
        from mkhats.ui.screens.import_screen import ImportScreen

        folder = pilot.app.ws.path.parent
        for sub, name, text in (("inbox", "meta.csv", meta), ("Downloads", "contacts.csv", _UNKNOWN)):
            (folder / sub).mkdir(exist_ok=True)
            (folder / sub / name).write_text(text, encoding="utf-8")
        await pilot.app.push_screen(ImportScreen([folder / "Downloads"]))
        await _keys(pilot, *keys)
        await pilot.pause()

    return view


def _first_run(*keys: str) -> View:
    """The first run's setup, as on a file the app has just made, and ``keys`` pressed in it."""

    async def view(pilot: Pilot) -> None:
        from mkhats.ui.screens.first_run import open_setup

        open_setup(pilot.app)
        await pilot.pause()
        await _keys(pilot, *keys)

    return view


def _import_words() -> set[str]:
    from mkhats.imports import builtin_profiles

    profile = builtin_profiles()["meta-ads"]
    texts = [_META, _UNKNOWN, "EUR inbox Downloads meta.csv contacts.csv utf-8", profile.name, profile.title or ""]
    return {w for text in texts for w in _WORD.findall(text)}


IMPORT_WORDS = _import_words()


def _palette(query: str, then: tuple[str, ...] = ()) -> View:
    """The palette, ``query`` typed into it (its list shown, or its "no matches" after its delay)."""

    async def view(pilot: Pilot) -> None:
        from textual.command import CommandList, CommandPalette

        await _keys(pilot, "ctrl+p", *query)
        listing = pilot.app.screen.query_one(CommandList)
        for _ in range(3000):  # the palette searches in a worker; "no matches" waits 0.5 s
            if listing.option_count:
                break
            await pilot.pause(0.02)
        await _keys(pilot, *then)
        if then:  # a command chosen: the palette closes, what it opened shows
            for _ in range(3000):
                if not isinstance(pilot.app.screen, CommandPalette):
                    break
                await pilot.pause(0.02)
            await pilot.pause()

    return view


async def _backed_up_then_restore(pilot: Pilot) -> None:
    """A backup made from the palette, then the palette's restore form offering it (with its age)."""
    await _palette("backup", ("enter",))(pilot)
    await _palette("restore", ("enter",))(pilot)


async def _quit_hint(pilot: Pilot) -> None:
    """ctrl+c: Textual's toast saying which key quits."""
    await _keys(pilot, "ctrl+c")
    for _ in range(3000):
        if pilot.app._notifications:
            break
        await pilot.pause(0.02)


QUERIES = {"palette_search": "week", "palette_no_matches": "zqxzqx", "palette_system": "keys"}
"""What the palette views type (shown in its field as typed)."""


def _views() -> dict[str, View]:
    from mkhats.ui.screens.checklist_editor import ChecklistEditor, ItemDialog
    from mkhats.ui.screens.dialogs import CheckDialog, DecisionDialog, RolesReviewDialog
    from mkhats.ui.screens.restore import RestoreDialog
    from mkhats.ui.screens.same_edit import BothVersionsDialog, SameEditDialog
    from mkhats.ui.screens.settings.dialogs import ConflictDialog, KpiDialog

    return {
        **{f"hat_{n}": _press(str(n)) for n in range(1, 6)},
        "previous_week": _press("2", "left_square_bracket"),
        "wearing": _press("2", "w"),
        "kpi_detail": _press(*_KPI_DETAIL),
        "review": _press("r"),
        **{
            f"settings_{tab}": _settings_tab(tab)
            for tab in ("people", "hats", "conflicts", "kpis", "checklists", "language")
        },
        "help": _press("question_mark"),
        "palette": _press("ctrl+p"),
        "add_value": _press("2", "plus"),
        "add_value_errors": _press("plus", *"12x", "enter", "enter"),
        "add_value_saved": _press("2", "plus", *"260", "enter"),  # a toast; CPA's stop rule fires again
        "week_entry": _press("2", "a"),
        "week_entry_future": _press("2", "a", "right"),
        "week_entry_errors": _press("2", "left_square_bracket", "a", *"12x", "enter", "ctrl+s"),
        "week_entry_pasted": _grid_paste("1\t2\t3\t4\n5\t6\t7\t8\n"),  # partly past today
        "week_entry_leave": _press("2", "a", *"5", "enter", "escape"),
        "plan_editor": _press("5", "p"),
        "plan_editor_errors": _press("5", "p", "minus", "5", "enter", "ctrl+s"),
        "plan_editor_refused": _press("5", "p", "down", "3", "enter", "ctrl+s"),  # leads without a budget
        "plan_editor_leave": _press("5", "p", "5", "enter", "escape"),
        "goal_dialog": _press(*_KPI_DETAIL, "g", *"700"),
        "goal_dialog_errors": _press(*_KPI_DETAIL, "g", "minus", "5", "ctrl+s"),
        "theme_picker": _then(_press("ctrl+p"), *"theme", "enter"),
        "log_editor": _press("3", "l"),
        "overview": _press("0"),
        "overview_previous_week": _press("0", "left_square_bracket"),
        "restore_form": _push(lambda app: RestoreDialog()),
        "restore_confirm": _then(_push(lambda app: RestoreDialog()), "ctrl+s"),
        "check_dialog": _push(lambda app: CheckDialog(("performance", "cmo"))),
        "decision_dialog": _push(lambda app: DecisionDialog(app._alerts[0])),
        "roles_review_dialog": _push(lambda app: RolesReviewDialog()),
        "checklist_editor": _push(lambda app: ChecklistEditor("performance")),
        "checklist_item_dialog": _push(lambda app: ItemDialog("performance")),
        "checklist_delete_confirm": _then(_push(lambda app: ChecklistEditor("performance")), "d"),
        "conflict_dialog": _push(lambda app: ConflictDialog(_state(app))),
        "kpi_dialog": _push(lambda app: KpiDialog("performance", _state(app).kpis["performance.cpa"])),
        "kpi_dialog_new": _push(lambda app: KpiDialog("performance", None)),
        "edit_value_dialog": _in_values("e"),
        "delete_value_confirm": _in_values("d"),
        "same_edit_dialog": _push(lambda app: SameEditDialog(_conflict(app))),
        "both_versions_dialog": _push(lambda app: BothVersionsDialog(_conflict(app))),
        **{f"first_run_{n + 1}": _first_run(*["escape"] * n) for n in range(5)},
        "first_run_owner_refused": _first_run("escape", "escape", "down", "enter", "ctrl+n"),
        "first_run_target_refused": _first_run(*["escape"] * 4, "1", ".", "5", "ctrl+n"),
        "import_list": _import_screen(),
        "import_preview": _import_screen("enter"),
        "import_refused": _import_screen("down", "enter"),
        "import_rate_refused": _import_screen("enter", "0", "enter", meta=_META.replace("USD", "EUR")),
        "import_rate": _import_screen("enter", "2", "enter", meta=_META.replace("USD", "EUR")),
        # The keys and the palette that open the newer screens, as a user reaches them.
        "week_grid_key": _press("A"),
        "week_grid_cmo": _press("5", "A"),
        "overview_enter": _press("0", "down", "enter"),
        "import_key": _then(_import_screen(), "escape", "i"),  # the inbox's file, the key's screen
        "plan_editor_cmo_key": _press("5", "p", "down", "right"),
        "goal_form_from_detail": _press(*_KPI_DETAIL, "g"),
        "palette_search": _palette(QUERIES["palette_search"]),
        "palette_no_matches": _palette(QUERIES["palette_no_matches"]),
        "palette_system": _palette(QUERIES["palette_system"]),
        "keys_from_palette": _palette(QUERIES["palette_system"], ("enter",)),
        "palette_restore": _backed_up_then_restore,
        "quit_hint": _quit_hint,
    }


VIEWS = _views()

REACHES = {
    "week_grid_key": "WeekEntryScreen",
    "week_grid_cmo": "WeekEntryScreen",
    "overview_enter": "MainScreen",
    "import_key": "ImportScreen",
    "plan_editor_cmo_key": "PlanEditorScreen",
    "goal_form_from_detail": "GoalDialog",
    "palette_search": "LocalPalette",
    "palette_no_matches": "LocalPalette",
    "palette_system": "LocalPalette",
    "keys_from_palette": "HelpScreen",
    "palette_restore": "RestoreDialog",
}
"""The screen a newer view must end on: a key that did nothing would pass for a screen checked."""

STALE_FOOTER: dict[str, str] = {}  # every node renders its keys when it is made (ui.keys.KeyLabels)


async def _show(
    make_app: Callable[[Workspace], Any], ws: Workspace, name: str, size: tuple[int, int]
) -> tuple[str, str]:
    from mkhats.ui.scenes import settle

    app = make_app(ws)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await VIEWS[name](pilot)
        await settle(pilot)
        if name in REACHES:
            assert type(app.screen).__name__ == REACHES[name]
        return body_text(app), footer_words(app)


@pytest.mark.parametrize("name", list(VIEWS))
async def test_every_word_on_screen_comes_from_the_catalogue(
    name: str, xx_ws: Workspace, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The import screen lists the user's downloads too: an empty home of the test's own.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "home" / "Downloads"))
    body, footer = await _show(make_app, xx_ws, name, SIZE)
    text = body.replace(str(xx_ws.path), "")  # the data file's path is shown in the settings
    text = text.replace(str(xx_ws.path.parent), "")  # and the import screen's files beside it
    allowed = data_words(xx_ws) | THEMES | (IMPORT_WORDS if name.startswith("import") else set())
    allowed |= set(_WORD.findall(QUERIES.get(name, "")))  # what was typed shows as typed
    if name == "palette_restore":  # the backup's file name: its data file's stem and a stamp
        allowed |= set(_WORD.findall(xx_ws.path.stem))
    assert stray_words(text, allowed) == [], body
    if name in STALE_FOOTER and stray_words(footer):
        pytest.xfail(f"footer {footer!r}: {STALE_FOOTER[name]}")
    assert stray_words(footer) == [], footer


@pytest.mark.parametrize("name", ["hat_2", "overview"])
async def test_the_narrow_layout_too(name: str, xx_ws: Workspace, make_app) -> None:
    body, footer = await _show(make_app, xx_ws, name, (80, 24))
    assert stray_words(body + "\n" + footer, data_words(xx_ws)) == [], body


async def test_the_inbox_notice_too(xx_ws: Workspace, make_app) -> None:
    inbox = xx_ws.path.parent / "inbox"
    inbox.mkdir()
    for name in ("1.csv", "2.csv"):
        (inbox / name).write_text(_META, encoding="utf-8")
    app = make_app(xx_ws)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3000):
            if app._notifications:
                break
            await pilot.pause(0.02)
        messages = [n.message for n in app._notifications]
    assert len(messages) == 1 and "2" in messages[0]
    assert stray_words(messages[0]) == [], messages


async def test_the_first_run_hint_too(xx_ws: Workspace, make_app) -> None:
    app = make_app(xx_ws)
    async with app.run_test(size=SIZE) as pilot:
        await _first_run(*["escape"] * 5)(pilot)
        for _ in range(3000):
            if app._notifications:
                break
            await pilot.pause(0.02)
        messages = [n.message for n in app._notifications]
    assert len(messages) == 1 and "a" in messages[0]
    assert stray_words(messages[0]) == [], messages


# --- the command line ----------------------------------------------------------------------------

COMMANDS = {
    "demo",
    "add",
    "kpi",
    "list",
    "set",
    "assign",
    "wear",
    "verify",
    "import",
    "profile",
    "show",
    "export",
    "restore",
    "report",
    "deck",
    "check",
    "plan",
    "goal",
    "ritual",
    "status",
}
SYNTAX = {
    *COMMANDS,
    "csv",
    "json",
    "staff",
    "owner",
    "external",
    "none",  # choices and keywords typed as they are
    "utf",  # an encoding's name, as Python names it (utf-8, utf-16, cp1251)
    "CONFLICT",
    "STOP",
    "BUDGET",
    "TARGET",
    "GOAL",
    "RITUAL",
    "CADENCE",
    "HOURS",
    "SETUP",  # ``check``'s categories (SPEC §4)
    "NUMBERS",
    "DECISION",
    "DECK",
    "REPORT",  # ``ritual status``'s (issue 16)
}
_OPTION = re.compile(r"--?[A-Za-z][\w-]*")
_PATH = re.compile(r"(?:/[\w.-]+)+|\b[\w-]+\.(?:csv|json|md|html)\b")


def cli_words(text: str, argv: list[str], ws: Workspace) -> list[str]:
    """Stray words of a command's output, its own syntax and what the user typed left out."""
    typed = {w.casefold() for arg in argv for w in _WORD.findall(arg)}
    text = _OPTION.sub(" ", _PATH.sub(" ", text))  # file names are the user's
    return [w for w in stray_words(text, SYNTAX | data_words(ws)) if w.casefold() not in typed]


@pytest.fixture(scope="session")
def xx_cli_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as ``mkhats demo`` fills it in ``xx`` (run by ``mkhats.cli.main``), made once per session.

    Never write here: ``xx_cli`` gives each test its own copy.
    """
    from mkhats.cli import main

    folder = tmp_path_factory.mktemp("xx-cli")
    with pytest.MonkeyPatch.context() as monkeypatch:
        _speak_xx(monkeypatch)
        monkeypatch.setenv("MKHATS_DB", str(folder / "mkhats.json"))
        monkeypatch.setenv("MKHATS_TODAY", TODAY.isoformat())
        monkeypatch.chdir(folder)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                assert main(["demo"]) == 0
        finally:
            set_language("en")
    return folder


@pytest.fixture
def xx_cli(
    pseudo: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    xx_cli_folder: Path,
):
    """Runs ``mkhats.cli.main`` in this process on a data file of demo weeks written in ``xx``
    (its own copy of the session's)."""
    from mkhats.cli import main

    copy_demo(xx_cli_folder, tmp_path)
    monkeypatch.setenv("MKHATS_DB", str(tmp_path / "mkhats.json"))
    monkeypatch.setenv("MKHATS_TODAY", TODAY.isoformat())
    monkeypatch.chdir(tmp_path)

    def run(*argv: str) -> tuple[int, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse: --help, bad usage
            code = exc.code if isinstance(exc.code, int) else 2
        out = capsys.readouterr()
        return code, out.out + out.err

    run.ws = Workspace(tmp_path / "mkhats.json", TODAY)  # type: ignore[attr-defined]
    return run


def _csv(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


def test_every_command_speaks_the_catalogue(xx_cli, tmp_path: Path) -> None:
    good = _csv(tmp_path, "good.csv", "date,kpi,value,note\n2026-11-20,performance.spend,1 234,5\n")
    bad = _csv(tmp_path, "bad.csv", "date,kpi,value\n2026-11-20,performance.nope,1\n31.02.2026,performance.spend,x\n")
    semi = _csv(tmp_path, "semi.csv", "date;hat;kpi;value\n20.11.2026;performance;leads;12\n")
    direct = _csv(
        tmp_path,
        "direct.tsv",
        '"Campaign stats"\nDate\tCampaignName\tImpressions\tCost\tConversions\n'
        "2026-11-20\tBrand\t10\t1500000000\t3\n2026-11-21\tBrand\t10\t990000\t--\nTotal rows: 2\n",
    )
    meta = _csv(
        tmp_path,
        "meta.csv",
        "Day,Campaign name,Amount spent (USD),Results\n2026-11-20,Spring,57.25,3\n,,57.25,3\n",
    )
    unknown = _csv(tmp_path, "unknown.csv", "Foo,Bar\n1,2\n")
    lines = [
        ["demo", "--force", "--weeks", "3"],
        ["demo", "--force"],
        ["check"],
        ["check", "--week", "2026-W40"],
        ["ritual", "status"],
        ["ritual", "status", "--friday", "--week", "2026-W47"],
        ["report"],
        ["report", "--week", "2026-W47", "--out", "report.md"],
        ["deck"],
        ["deck", "--week", "2026-W47", "--out", "owner.html"],
        ["deck", "--week", "2026-W99"],
        ["kpi", "list"],
        [
            "kpi",
            "set",
            "performance.cpl",
            "--target",
            "30",
            "--stop",
            "> 40 for 2 days",
            "--guard",
            "spend >= 100",
            "--action",
            "Пауза",
        ],
        ["kpi", "set", "performance.cpl", "--stop", "none"],
        ["add", "performance.spend", "1 234,5", "--date", "20.11.2026", "--note", "Заметка"],
        ["add", "crm.unsubscribes", "900"],  # fires the unsubscribe-rate stop rule
        ["assign", "pr", "Ольга", "--kind", "external"],
        ["assign", "pr", "Ольга"],
        ["wear", "performance"],
        ["wear", "performance"],
        ["wear", "--stop"],
        ["wear", "--stop"],
        ["verify", "performance", "cmo", "--by", "Ольга", "--problems"],
        ["verify", "crm", "cmo", "--by", "Борис", "--note", "Сверка"],
        ["import", good, "--dry-run"],
        ["import", good],
        ["import", semi],
        ["import", bad],
        ["import", direct, "--dry-run"],
        ["import", direct],
        ["import", meta],  # in USD, the data file in xx's money: refused naming both
        ["import", meta, "--rate", "90"],
        ["import", unknown],
        ["import", good, "--profile", "nosuch"],
        ["profile", "list"],
        ["profile", "show", "bitrix24"],
        ["export", "--out", "values.csv"],
        ["export", "--format", "json", "--out", "backup.json"],
        ["restore", "backup.json"],
        ["restore", good],
        ["report", "--out", str(tmp_path / "no" / "such" / "dir.md")],
        ["plan", "set", "performance", "2026-11", "--budget", "1 000", "--leads", "40", "--tolerance", "12,5"],
        ["plan", "set", "content", "2026-12", "--budget", "500"],  # no spend KPI: planned, never paced
        ["plan", "show"],
        ["plan", "show", "--quarter", "2027-Q1"],
        ["check"],  # performance's November is now off pace: a BUDGET line
        ["report"],  # the channel map with the plan beside the fact
        ["goal", "set", "cmo.revenue", "2026-Q4", "1 000 000"],
        ["goal", "set", "cmo.romi", "2026-Q4", "150", "--accept"],
        ["goal", "show"],
        ["goal", "show", "--quarter", "2027-Q1"],
        ["check"],  # the revenue goal is out of reach: a GOAL line
    ]
    from mkhats.imports import builtin_profiles

    profile_words = [str(p.model_dump()) for p in builtin_profiles().values()]
    stray = {}
    for argv in lines:
        _code, text = xx_cli(*argv)
        assert text.strip(), argv
        typed = argv + [(tmp_path / a).read_text(encoding="utf-8") for a in argv if a.endswith((".csv", ".tsv"))]
        typed += profile_words  # a profile's name, title, columns and patterns are its file's data
        if words := cli_words(text, typed, xx_cli.ws):
            stray[" ".join(argv)] = (words, text)
    assert stray == {}


def test_every_refusal_speaks_the_catalogue(xx_cli) -> None:
    from tests.e2e.test_e2e_refusals import REFUSALS

    usage = [
        ["add"],
        ["add", "performance.spend"],
        ["kpi"],
        ["kpi", "set", "x", "--bogus"],
        ["bogus"],
        ["export", "--format", "xml"],
        ["demo", "--weeks", "x"],
        ["demo", "--force=1"],
        ["add", "x", "1", "--date"],
        ["add", "x", "1", "--d", "2"],
        ["verify", "a", "b"],
        ["assign", "cmo", "Ольга", "--kind", "boss"],
    ]
    stray = {}
    for argv in [argv for _, argv, _ in REFUSALS] + usage:
        code, text = xx_cli(*argv)
        assert code == 2, (argv, text)
        words = cli_words(text, argv, xx_cli.ws)
        if words:
            stray[" ".join(argv)] = (words, text)
    assert stray == {}


@pytest.mark.parametrize(
    "argv",
    [
        [],
        *([c] for c in sorted(COMMANDS - {"list", "set", "show", "status"})),
        ["ritual", "status"],
        ["kpi", "set"],
        ["kpi", "list"],
        ["profile", "show"],
        ["plan", "set"],
        ["plan", "show"],
        ["goal", "set"],
        ["goal", "show"],
    ],
)
def test_help_speaks_the_catalogue(xx_cli, argv: list[str]) -> None:
    code, text = xx_cli(*argv, "--help")
    assert code == 0
    assert cli_words(text, argv, xx_cli.ws) == [], text
