"""``mkhats ritual status`` as a real subprocess (issue 16): one line per step, exit 1 while anything is left."""

from __future__ import annotations

from tests.e2e.conftest import Cli

MONDAY = "2026-11-23"
STEP_WORDS = ("NUMBERS", "RITUAL", "DECISION", "CONFLICT", "DECK", "REPORT")


def _status_lines(result) -> list[str]:
    return result.lines[1:]


def test_monday_status_lists_each_step_with_its_category(cli: Cli) -> None:
    cli.ok("demo", MKHATS_TODAY=MONDAY)
    result = cli("ritual", "status", MKHATS_TODAY=MONDAY)
    assert result.code == 1 and result.err == ""
    assert result.lines[0] == "Monday ritual · 2026-W48"
    lines = _status_lines(result)
    assert [line.split()[0] for line in lines] == ["NUMBERS", "RITUAL", "DECISION", "CONFLICT", "RITUAL", "DECK"]
    assert lines[2] == "DECISION 3/6 Decisions: 1 stop alert to decide; 1 budget warning to decide"
    assert lines[4] == "RITUAL   5/6 This week's plan: CRM: plan of 2026-W48 missing"
    # An earlier week: its own last week is the one not looked back on.
    before = cli("ritual", "status", "--week", "2026-W47", MKHATS_TODAY=MONDAY)
    assert before.code == 1 and "2026-W46 not looked back on yet" in before.out


def test_friday_status_in_russian_and_bad_week(cli: Cli) -> None:
    cli.ok("demo", MKHATS_TODAY=MONDAY)
    result = cli("ritual", "status", "--friday", "--lang", "ru", MKHATS_TODAY=MONDAY)
    assert result.code == 1
    assert result.lines[0] == "Ритуал пятницы · 2026-W48"
    assert [line.split()[0] for line in _status_lines(result)] == ["RITUAL", "REPORT"]
    assert (
        result.lines[1]
        == "RITUAL   1/2 Факты недели: Контент, Перформанс, CRM, PM, CMO: нет факта, вывода или действия за 2026-W48"
    )
    message = cli.refused("ritual", "status", "--week", "2026-W99", MKHATS_TODAY=MONDAY)
    assert "--week" in message
    assert cli.refused("ritual", MKHATS_TODAY=MONDAY)


def test_status_reads_without_writing(cli: Cli) -> None:
    cli.ok("demo", MKHATS_TODAY=MONDAY)
    before = cli.data_files()
    cli("ritual", "status", MKHATS_TODAY=MONDAY)
    cli("ritual", "status", "--friday", MKHATS_TODAY=MONDAY)
    assert cli.data_files() == before


def test_nothing_left_exits_0(cli: Cli) -> None:
    from datetime import date, datetime

    from mkhats.services.plans import save_log
    from mkhats.services.ritual import advance, start_ritual
    from mkhats.services.workspace import Workspace

    cli.ok("demo", MKHATS_TODAY=MONDAY)
    ws = Workspace(cli.db, date(2026, 11, 23))
    for hat in ("content", "performance", "crm", "pm", "cmo"):
        save_log(ws, hat, "2026-W48", fact="f", conclusion="c", action="a")
    start_ritual(ws, "2026-W48", "friday", datetime(2026, 11, 27, 16, 0), "facts")
    advance(ws, "2026-W48", "friday", written="report")
    assert cli("ritual", "status", "--friday", MKHATS_TODAY=MONDAY).code == 1
    advance(ws, "2026-W48", "friday", written="deck")
    result = cli("ritual", "status", "--friday", MKHATS_TODAY=MONDAY)
    assert result.code == 0 and result.err == ""
    assert result.lines[-1] == "Nothing left: the ritual of 2026-W48 is done."
    assert all(line.endswith(": done") for line in result.lines[1:-1])


def test_a_new_files_first_monday_asks_nothing_of_the_week_before_it(cli: Cli) -> None:
    # The file is created on this Monday: last week has no numbers to bring, nothing to look back
    # on and no deck to write; only this week's plan and the conflicts of the default hats remain.
    cli.ok("kpi", "list", MKHATS_TODAY=MONDAY)
    lines = _status_lines(cli("ritual", "status", MKHATS_TODAY=MONDAY))
    assert [line.split(":", 1)[1].strip() for line in lines][:3] == ["done", "done", "done"]
    assert lines[5] == "DECK     6/6 The owner's deck: done"
    # A week later, last week lies in the file's life: all of it is asked.
    later = cli("ritual", "status", MKHATS_TODAY="2026-11-30")
    assert "2026-W48 not looked back on yet" in later.out
    assert "the deck of 2026-W48 not written yet" in later.out


def test_a_week_in_other_digits_or_year_zero_is_refused_in_one_sentence(cli: Cli) -> None:
    cli.ok("demo", MKHATS_TODAY=MONDAY)
    for week in ("0000-W01", "2026-W\uff10\uff11"):
        message = cli.refused("ritual", "status", "--week", week, MKHATS_TODAY=MONDAY)
        assert message.startswith("--week:") and "Traceback" not in message
