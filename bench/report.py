"""Markdown tables from bench/results.json, for bench/README.md.

python -m bench.report [bench/results.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"

STAGES = [
    ("network", "pure fetching (floor): feeds + pages, no parsing", "requests", "requests_per_s"),
    ("feeds", "feed fetch and parse", "entries", None),
    ("pages", "page fetch and text extraction", "articles", None),
    (
        "store",
        "storage: articles (`store_feeds`, 25 feeds per session)",
        "articles_stored",
        "articles_per_s",
    ),
    ("extract", "extraction (default fan-out)", "articles", "articles_per_s"),
    ("mentions", "storage: mention rows (write_mentions)", "mention_rows", "rows_per_s"),
    ("merge", "event merging", "events", None),
    ("render", "briefing render (gather + PDF)", "top_pledges", None),
    ("publish", "published copy + exports", "articles", None),
]
E2E = [
    ("ingest_fresh", "ingest flow, all articles new"),
    ("ingest_incremental", "ingest flow, nothing new (304s)"),
    ("ingest_incremental_ephemeral", "same, ephemeral Prefect (no server)"),
    ("weekly_fresh", "whole weekly run, all new"),
]


def _cell(stage: dict) -> str:
    if not stage:
        return "–"
    if "error" in stage:
        return "error"
    peak = stage.get("peak_rss_mb", 0)
    child = max(stage.get("peak_child_rss_mb") or 0, stage.get("peak_worker_rss_mb") or 0)
    mem = f"{peak:.0f}" + (f" (+{child:.0f}/worker)" if child > 50 else "")
    return f"{stage['wall_s']:.1f} / {stage['cpu_s']:.1f} / {mem}"


def tables(results: dict) -> str:
    sizes = sorted(results["sizes"], key=int)
    head = "| stage | " + " | ".join(f"{int(s):,} articles" for s in sizes) + " |\n"
    head += "|---|" + "---|" * len(sizes) + "\n"
    out = ["Each cell: wall s / CPU s / peak RSS MB.\n", head.rstrip("\n")]
    for key, label, _, rate in STAGES:
        cells = []
        for s in sizes:
            stage = results["sizes"][s].get(key, {})
            cell = _cell(stage)
            if rate and stage.get(rate):
                cell += f" ({stage[rate]:,}/s)"
            cells.append(cell)
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    for key, label in E2E:
        cells = [_cell(results["sizes"][s].get("e2e", {}).get(key, {})) for s in sizes]
        if any(c != "–" for c in cells):
            out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("| ratio | " + " | ".join(f"{int(s):,}" for s in sizes) + " |")
    out.append("|---|" + "---|" * len(sizes))
    keys: list[str] = []
    for s in sizes:
        for k in results.get("ratios", {}).get(s, {}):
            if k not in keys:
                keys.append(k)
    for k in keys:
        row = [str(results["ratios"].get(s, {}).get(k, "–")) for s in sizes]
        out.append(f"| {k} | " + " | ".join(row) + " |")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else RESULTS
    print(tables(json.loads(path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
