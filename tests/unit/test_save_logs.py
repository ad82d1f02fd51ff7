"""``plans.save_logs``: several hats' logs of one week in one transaction, all or none."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.errors import EditConflict, InputError
from mkhats.services.plans import log_fields, save_log, save_logs
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    with workspace.write():
        pass
    return workspace


def stored(ws: Workspace, week: str = "2026-W48") -> dict[str, dict[str, str]]:
    with ws.read() as repo:
        return {hat: log_fields(log) for (hat, _), log in repo.logs([week]).items()}


def test_every_hat_is_saved_and_other_fields_keep_their_text(ws) -> None:
    save_log(ws, "crm", "2026-W48", fact="sent")
    saved = save_logs(ws, "2026-W48", {"crm": {"plan": "Two sends"}, "pm": {"plan": "Review"}})
    assert set(saved) == {"crm", "pm"}
    logs = stored(ws)
    assert logs["crm"] == {"plan": "Two sends", "fact": "sent", "conclusion": "", "action": ""}
    assert logs["pm"]["plan"] == "Review"


def test_one_conflict_saves_nothing_at_all(ws) -> None:
    save_log(ws, "crm", "2026-W48", plan="Theirs")
    before = stored(ws)
    with pytest.raises(EditConflict):
        save_logs(
            ws,
            "2026-W48",
            {"content": {"plan": "Mine"}, "crm": {"plan": "Mine too"}},
            {"content": {"plan": ""}, "crm": {"plan": ""}},  # both read empty; crm changed since
        )
    assert stored(ws) == before


def test_a_bad_field_or_week_is_refused_before_anything_is_written(ws) -> None:
    with pytest.raises(InputError):
        save_logs(ws, "2026-W48", {"content": {"plan": "ok"}, "crm": {"mood": "x"}})
    with pytest.raises(InputError):
        save_logs(ws, "2026-W99", {"content": {"plan": "ok"}})
    with pytest.raises(InputError) as long:
        save_logs(ws, "2026-W48", {"content": {"plan": "ok"}, "crm": {"plan": "x" * 100_000}})
    assert long.value.key == "log.too_long"
    assert stored(ws) == {}
