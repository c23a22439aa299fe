"""Benchmark of the weekly briefing: gather + render for a typical and a heavy week.

Standalone (not pytest): `python -m bench.bench_report [typical|heavy]`. Each scenario runs
in its own child process so its peak RSS is its own. Targets: typical < 3 s; heavy < 20 s
and < 500 MB.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCENARIOS = {
    "typical": {"pledges": 20, "agreements": 10, "sources": 60, "seconds": 3.0, "mb": 500},
    "heavy": {"pledges": 500, "agreements": 200, "sources": 1000, "seconds": 20.0, "mb": 500},
}
WEEK = "2026-W46"


def run_one(name: str) -> dict:
    """Build the scenario's database, then time gather and render (not the database build)."""
    from flows.storage import connect
    from reports.briefing import gather
    from reports.render import render_pdf
    from tests.builders import synthetic_week

    spec = SCENARIOS[name]
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        synthetic_week(
            con, WEEK, pledges=spec["pledges"], agreements=spec["agreements"],
            sources=spec["sources"],
        )  # fmt: skip
        start, cpu0 = time.perf_counter(), time.process_time()
        briefing = gather(con, WEEK, run_id=f"bench-{name}", generated_at=datetime.now(UTC))
        gathered = time.perf_counter()
        result = render_pdf(briefing, Path(tmp) / "briefing.pdf")
        done = time.perf_counter()
        size = result.path.stat().st_size
        con.close()
    return {
        "scenario": name,
        "gather_s": round(gathered - start, 3),
        "render_s": round(done - gathered, 3),
        "total_s": round(done - start, 3),
        "pages": result.pages,
        "sources": len(briefing.sources),
        "pdf_kb": size // 1024,
        "cpu_s": round(time.process_time() - cpu0, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--child":
        print(json.dumps(run_one(argv[1])))
        return 0
    names = argv or list(SCENARIOS)
    failed = False
    for name in names:
        out = subprocess.run(
            [sys.executable, __file__, "--child", name],
            check=True, capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        spec = SCENARIOS[name]
        ok = figures["total_s"] < spec["seconds"] and figures["peak_rss_mb"] < spec["mb"]
        failed |= not ok
        print(
            f"{name:8s} gather {figures['gather_s']:6.2f} s  render {figures['render_s']:6.2f} s  "
            f"total {figures['total_s']:6.2f} s (cpu {figures['cpu_s']:.2f} s; "
            f"target < {spec['seconds']:.0f} s)  "
            f"peak RSS {figures['peak_rss_mb']:6.1f} MB (target < {spec['mb']} MB)  "
            f"{figures['pages']} pages, {figures['sources']} sources, {figures['pdf_kb']} KB  "
            f"{'OK' if ok else 'MISSED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
