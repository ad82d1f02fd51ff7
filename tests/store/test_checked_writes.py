"""Writes are checked by the models that read: a file the next open would refuse is never written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.models import KpiValue
from mkhats.errors import StoreError
from mkhats.services.workspace import Workspace
from tests.store.helpers import TODAY, picture


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace(tmp_path / "mkhats.json", TODAY)
    with ws.write() as repo:
        repo.set_values([KpiValue(kpi="content.traffic", day=date(2026, 11, d), value=d) for d in (1, 2)])
    with ws.write() as repo:  # today's backup, holding the values above
        repo.set_values([KpiValue(kpi="content.traffic", day=date(2026, 11, 3), value=3)])
    return ws


def _damage(path: Path, table: str, **change: object) -> None:
    data = orjson.loads(path.read_bytes())
    first = min(data[table], key=int)
    data[table][first].update(change)
    path.write_bytes(orjson.dumps(data))


def test_a_main_file_holding_an_invalid_record_is_not_written(ws: Workspace, tmp_path: Path) -> None:
    _damage(tmp_path / "mkhats.json", "kpis", unit="furlongs")
    before = picture(tmp_path)
    fresh = Workspace(tmp_path / "mkhats.json", TODAY)
    with pytest.raises(StoreError) as caught, fresh.write() as repo:
        repo.clear_table("ticks")  # a write that never reads the KPIs
        repo.set_tick("x", "2026-W48", True)
    assert picture(tmp_path) == before
    message = caught.value.render()
    assert message.startswith(f"{tmp_path / 'mkhats.json'} has an invalid record in kpis, "), message
    assert "(unit: " in message and f"loads is {tmp_path / 'backups' / 'mkhats-2026-11-24.json'}." in message


def test_a_record_built_without_the_model_is_refused_even_after_a_checked_save(ws: Workspace, tmp_path: Path) -> None:
    with ws.write() as repo:  # the month is checked now: the next save checks only what it puts in
        repo.set_values([KpiValue(kpi="content.traffic", day=date(2026, 11, 4), value=4)])
    before = picture(tmp_path)
    bad = KpiValue.model_construct(kpi="content.traffic", day=date(2026, 11, 5), value=5.0, note="x" * 501)
    # Refused before it reaches the table: what is written passes the model that reads it back.
    with pytest.raises(InvalidRecord, match="too long"), ws.write() as repo:
        repo.set_values([bad])
    assert picture(tmp_path) == before
    with ws.read() as repo:
        assert len(repo.all_values()) == 4


def test_a_table_changed_outside_the_models_is_checked_again(ws: Workspace, tmp_path: Path) -> None:
    before = picture(tmp_path)
    with pytest.raises(StoreError, match="invalid record in values"), ws.db.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"kpi": "content.traffic", "day": "2026-11-09", "value": "lots"})
    with pytest.raises(StoreError, match="two values of content.traffic on 2026-11-01"):
        with ws.db.transaction(TODAY) as tx:
            tx.month("2026-11", "values").insert({"kpi": "content.traffic", "day": "2026-11-01", "value": 7})
    with pytest.raises(StoreError, match="value of content.traffic on 2026-10-09, which belongs in another month"):
        with ws.db.transaction(TODAY) as tx:
            tx.month("2026-11", "values").insert({"kpi": "content.traffic", "day": "2026-10-09", "value": 7})
    assert picture(tmp_path) == before


def test_the_money_tables_need_no_migration_and_are_checked_like_the_others(ws: Workspace, tmp_path: Path) -> None:
    # A file made before the media plan and the goals existed: no such tables, read as none.
    data = orjson.loads((tmp_path / "mkhats.json").read_bytes())
    assert "plans" not in data and "goals" not in data
    with ws.read() as repo:
        assert repo.money().plans() == [] and repo.money().goals() == []
    data["plans"] = {"1": {"hat": "performance", "month": "2026-12", "budget": 100, "tolerance": 200}}
    (tmp_path / "mkhats.json").write_bytes(orjson.dumps(data))
    before = picture(tmp_path)
    fresh = Workspace(tmp_path / "mkhats.json", TODAY)
    with pytest.raises(StoreError) as caught, fresh.write() as repo:
        repo.set_tick("x", "2026-W48", True)  # a write that never reads the plans
    assert picture(tmp_path) == before
    message = caught.value.render()
    assert "invalid record in plans, performance 2026-12 (tolerance: " in message, message
