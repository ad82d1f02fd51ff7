"""Store timings at five years of data (SPEC §6): open main + current month, save one value.

Run: ``uv run python bench/store_bench.py``. Not part of the test suite.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tinydb import Query

from mkhats.store import Database

TODAY = date(2026, 11, 24)
KPIS = [
    f"{hat}.{name}" for hat in ("content", "performance", "crm", "pm", "cmo") for name in ("a", "b", "c", "d", "e", "f")
]


def build(path: Path) -> None:
    """Five years: ~55,000 daily values and ~10,000 spans over 60 partitions, ~1,300 logs in main."""
    rng = random.Random(5)
    db = Database(path)
    start = TODAY - timedelta(days=5 * 365)
    by_month: dict[str, list[dict]] = {}
    day = start
    while day <= TODAY:
        for kpi in rng.sample(KPIS, 30):
            by_month.setdefault(day.strftime("%Y-%m"), []).append(
                {"kpi": kpi, "date": day.isoformat(), "value": round(rng.uniform(0, 5000), 2), "note": ""}
            )
        day += timedelta(days=1)
    with db.transaction(TODAY) as tx:
        tx.main("settings").insert({"lang": "en", "currency": "$"})
        tx.main("logs").insert_multiple(
            {
                "hat": f"h{i % 5}",
                "week": f"W{i}",
                "plan": "p" * 80,
                "fact": "f" * 80,
                "conclusion": "c" * 60,
                "action": "a" * 60,
            }
            for i in range(1300)
        )
        for month, docs in by_month.items():
            keep = docs[: 55000 // 61]
            tx.month(month, "values").insert_multiple(keep)
            tx.month(month, "spans").insert_multiple(
                {"hat": "cmo", "start": f"{month}-01T09:00:00", "end": f"{month}-01T10:00:00"} for _ in range(165)
            )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mkhats.json"
        build(path)
        db0 = Database(path)
        print(
            f"partitions: {len(db0.months())}, main {path.stat().st_size / 1e6:.2f} MB, "
            f"current month {(path.parent / 'mkhats.d' / 'values-2026-11.json').stat().st_size / 1e3:.0f} kB"
        )
        with db0.transaction(TODAY):  # today's daily backup, so it is not in the timings below
            pass
        opens = []
        for _ in range(20):
            started = time.perf_counter()
            db = Database(path)
            with db.read() as view:
                view.main("settings").all()
                view.month("2026-11", "values").all()
                view.month("2026-10", "values").all()
            opens.append(time.perf_counter() - started)
        print(f"open main + current and previous month: median {statistics.median(opens) * 1e3:.1f} ms")

        db = Database(path)
        value = Query()
        saves = []
        for i in range(200):
            started = time.perf_counter()
            with db.transaction(TODAY) as tx:
                tx.month("2026-11", "values").upsert(
                    {"kpi": "performance.spend", "date": f"2026-11-{i % 24 + 1:02d}", "value": float(i), "note": ""},
                    (value.kpi == "performance.spend") & (value.date == f"2026-11-{i % 24 + 1:02d}"),
                )
            saves.append(time.perf_counter() - started)
        print(
            f"save one value (app, warm): median {statistics.median(saves) * 1e3:.2f} ms, "
            f"p90 {sorted(saves)[180] * 1e3:.2f} ms (budget 15 ms)"
        )

        cold = []
        for i in range(30):
            started = time.perf_counter()
            fresh = Database(path)
            with fresh.transaction(TODAY) as tx:
                tx.main("settings").all()
                tx.month("2026-11", "values").insert({"kpi": "crm.sends", "date": "2026-11-24", "value": float(i)})
            cold.append(time.perf_counter() - started)
        print(f"open + save one value (CLI add, in-process): median {statistics.median(cold) * 1e3:.2f} ms")

        started = time.perf_counter()
        Database(path).backup_now("bench")
        print(f"full backup of the set: {(time.perf_counter() - started) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
