"""Regressions found in review: recovery from a broken file, alerts printed by add, retired KPIs."""

from __future__ import annotations


def test_restore_repairs_a_broken_file_without_lang(cli, tmp_path):
    cli.ok("add", "content.traffic", "10", "--date", "2026-11-20")
    backup = tmp_path / "b.json"
    cli.ok("export", "--format", "json", "--out", str(backup))
    cli.db.write_bytes(b'{"broken')
    cli.ok("restore", str(backup), MKHATS_LANG=None)
    assert cli.values()[("2026-11-20", "content.traffic")] == 10


def test_restore_of_a_missing_or_non_backup_file_is_bad_input(cli, tmp_path):
    cli.ok("add", "content.traffic", "10")
    cli.refused("restore", str(tmp_path / "nowhere.json"), code=2)
    csv = tmp_path / "values.csv"
    cli.ok("export", "--out", str(csv))
    cli.refused("restore", str(csv), code=2)


def test_add_prints_only_the_rules_the_value_feeds(cli):
    cli.ok("kpi", "set", "performance.cpa", "--stop", "> 100 for 1 day")
    fired = cli.ok("add", "performance.spend", "500", "--date", "2026-11-20").out
    cli.ok("add", "performance.sales", "1", "--date", "2026-11-20")
    assert "STOP" not in fired  # no sales yet: no CPA that day
    unrelated = cli.ok("add", "content.traffic", "5", "--date", "2026-11-20").out
    assert "STOP" not in unrelated
    assert "STOP performance.cpa" in cli.ok("add", "performance.spend", "600", "--date", "2026-11-20").out


def test_a_retired_kpi_takes_no_new_values(cli):
    from datetime import date

    from mkhats.services.settings import retire_kpi
    from mkhats.services.workspace import Workspace

    cli.ok("kpi", "list")  # creates the file with the defaults
    retire_kpi(Workspace(cli.db, date(2026, 11, 24)), "content.subscribers")  # as the settings screen does
    assert "retired" in cli.refused("add", "content.subscribers", "5")


def test_a_guard_on_the_rule_own_kpi_is_refused(cli):
    assert "itself" in cli.refused("kpi", "set", "performance.cpa", "--stop", "> 5", "--guard", "cpa >= 3")
