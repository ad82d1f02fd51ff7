"""Ad reports for the import figures of SPEC §6 and §9: Yandex Direct Reports API TSV, as the API
writes it (a title line, the header, one row per campaign and day, money in micros, a row count)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from mkhats.domain.weeks import add_days


def direct_report(path: Path, last: date, campaigns: int, days: int, seed: int = 9) -> int:
    """Write a report of ``campaigns`` × ``days`` rows ending on ``last``; the number of rows."""
    rng = random.Random(seed)
    first = add_days(last, -days + 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(f'"Campaign stats ({first.isoformat()} - {last.isoformat()})"\n')
        out.write("Date\tCampaignId\tCampaignName\tImpressions\tClicks\tCost\tConversions\n")
        for offset in range(days):
            day = add_days(first, offset).isoformat()
            out.writelines(
                f"{day}\t{1000 + c}\tCampaign {c}\t{rng.randint(100, 5000)}\t{rng.randint(1, 200)}"
                f"\t{rng.randint(1, 9000) * 1_000_000}\t{rng.randint(0, 9)}\n"
                for c in range(campaigns)
            )
        out.write(f"Total rows: {campaigns * days}\n")
    return campaigns * days
