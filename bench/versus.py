"""PledgeWatch beside the plain peer (bench/peer.py), same corpus, same run, alternating.

For each round, each contender gets a fresh corpus server (so the transient 503s recur) and
a fresh database; the order alternates between rounds so drift in the machine's load hits
both. Then, from PledgeWatch's own database: mention rows/s on the production write path
(storage.upsert, one transaction per STORE_ARTICLES articles, one connection), storage CPU
at 10k and 100k articles (flows.ingest.store_feeds on copies of the ingested rows), and the
`pledgewatch report` command's wall time on the demo week.

    python -m bench.versus [--articles 10000] [--rounds 2] [--latency-ms 50]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.processes import PYTHON, ROOT, CorpusProcess, PrefectServer, child_env

SCRIPT = str(Path(PYTHON).with_name("pledgewatch"))


def timed_run(command: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Wall and CPU (with children) of one command, from process start to exit."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed: {done.stderr[-1500:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "stdout": done.stdout}


def race(args: argparse.Namespace, work: Path, prefect: PrefectServer) -> dict[str, Any]:
    from bench.corpus import Spec, feeds_toml

    outlets = args.articles // args.per_outlet
    cfg = {"outlets": outlets, "per_outlet": args.per_outlet, "seed": 7}
    cfg |= {"latency_ms": args.latency_ms, "fail_rate": 0.002}
    spec = Spec(outlets, args.per_outlet, 7)
    contenders = ["peer", "pledgewatch"] + (["pledgewatch-inline"] if args.inline else [])
    walls: dict[str, list[float]] = {who: [] for who in contenders}
    cpus: dict[str, list[float]] = {who: [] for who in contenders}
    counts: dict[str, Any] = {}
    for number in range(args.rounds):
        order = contenders if number % 2 == 0 else contenders[::-1]
        for who in order:
            server = CorpusProcess(cfg, prerender=True)
            feeds = work / f"feeds-{who}-{number}.toml"
            feeds.write_text(feeds_toml(spec, server.base_url))
            db = work / f"{who}-{number}.duckdb"
            try:
                if who == "peer":
                    result = timed_run(
                        [PYTHON, "-m", "bench.peer", str(feeds), str(db)], child_env()
                    )
                else:
                    env = child_env(
                        PREFECT_API_URL=prefect.api_url,
                        PREFECT_HOME=str(prefect.home),
                        PLEDGEWATCH_HOME=str(work / "home"),
                    )
                    if who == "pledgewatch-inline":  # the CPU steps in the flow process
                        env["PLEDGEWATCH_CPU_POOL"] = "none"
                    command = [SCRIPT, "ingest", "--feeds", str(feeds), "--db", str(db)]
                    result = timed_run(command, env)
                    counts = counts or json.loads(result["stdout"])
            finally:
                server.stop()
            walls[who].append(result["wall_s"])
            cpus[who].append(result["cpu_s"])
            print(f"round {number} {who}: {result['wall_s']} s wall, {result['cpu_s']} s CPU")
    ratio = statistics.median(walls["pledgewatch"]) / statistics.median(walls["peer"])
    extra = {}
    if args.inline:
        inline = statistics.median(walls["pledgewatch-inline"]) / statistics.median(walls["peer"])
        extra["inline_vs_peer"] = round(inline, 2)
    return {
        **extra,
        "articles": outlets * args.per_outlet,
        "latency_ms": args.latency_ms,
        "walls_s": walls,
        "cpu_s": cpus,
        "ingest_vs_peer": round(ratio, 2),
        "pledgewatch_counts": {k: v for k, v in counts.items() if isinstance(v, int)},
        "database": str(work / "pledgewatch-0.duckdb"),
    }


def mention_rate(db: Path) -> dict[str, Any]:
    """Mention rows/s through store_feeds' write path, batch by batch, on one connection: the
    median of two warm passes, with the first (cold) pass reported beside it."""
    from flows import storage
    from flows.extract import MENTION_TYPES
    from flows.ingest import STORE_ARTICLES

    with storage.open_db(db, read_only=True) as con:
        tables = {
            t: storage.rows(con, f"SELECT * FROM {t} ORDER BY article_id")
            for t in ("pledge_mentions", "agreement_mentions")
        }
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()]
    batch_of = {a: i // STORE_ARTICLES for i, a in enumerate(ids)}
    batches: dict[int, dict[str, list]] = {}
    for table, rows in tables.items():
        for row in rows:
            batches.setdefault(batch_of[row["article_id"]], {}).setdefault(table, []).append(
                {**row, "event_id": None}
            )
    total = sum(len(r) for r in tables.values())
    passes = []
    for _ in range(3):  # the first pass in a process also pays Arrow's and DuckDB's warm-up
        scratch = db.with_name("mention-rate.duckdb")
        scratch.unlink(missing_ok=True)
        with storage.open_db(scratch) as con:
            start, cpu = time.perf_counter(), time.process_time()
            for batch in batches.values():
                with storage.transaction(con):
                    for table, rows in batch.items():
                        storage.upsert(con, table, rows, ["mention_id"], types=MENTION_TYPES)
            passes.append((time.perf_counter() - start, time.process_time() - cpu))
    wall, cpu = (
        statistics.median(w for w, _ in passes[1:]),
        statistics.median(c for _, c in passes[1:]),
    )
    return {
        "rows": total,
        "batches": len(batches),
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "rows_per_s": round(total / wall),
        "rows_per_cpu_s": round(total / cpu),
        "first_pass_rows_per_s": round(total / passes[0][0]),
    }


def storage_growth(db: Path, scale: int = 10) -> dict[str, Any]:
    """store_feeds CPU for the ingested articles and mentions, then for `scale` times as many
    (copies with new ids), each into a fresh file: linear storage gives a ratio near `scale`."""
    from flows import storage
    from flows.feeds_config import Feed
    from flows.ingest import STORE_ARTICLES, FeedResult, store_feeds

    with storage.open_db(db, read_only=True) as con:
        articles = storage.rows(con, "SELECT * EXCLUDE (run_id) FROM articles ORDER BY 1")
        pledges = storage.rows(con, "SELECT * FROM pledge_mentions")
        agreements = storage.rows(con, "SELECT * FROM agreement_mentions")
    by_article: dict[str, tuple[list, list]] = {a["article_id"]: ([], []) for a in articles}
    for row in pledges:
        by_article[row["article_id"]][0].append({**row, "event_id": None})
    for row in agreements:
        by_article[row["article_id"]][1].append({**row, "event_id": None})

    def results(copy: int) -> list[FeedResult]:
        out = []
        for start in range(0, len(articles), STORE_ARTICLES):
            feed = Feed(name=f"Copy {copy} {start}", url=f"http://127.0.0.1/{copy}/{start}")
            result = FeedResult(feed, "ok", http_status=200)
            for a in articles[start : start + STORE_ARTICLES]:
                new_id = f"{a['article_id']}-{copy}"
                url = f"{a['canonical_url']}?copy={copy}"
                result.articles.append({**a, "article_id": new_id, "canonical_url": url})
                p, m = by_article[a["article_id"]]
                result.pledges += [
                    {**r, "article_id": new_id, "mention_id": f"{r['mention_id']}-{copy}"}
                    for r in p
                ]
                result.agreements += [
                    {**r, "article_id": new_id, "mention_id": f"{r['mention_id']}-{copy}"}
                    for r in m
                ]
            out.append(result)
        return out

    figures = {}
    for copies in (1, scale):
        scratch = db.with_name(f"growth-{copies}.duckdb")
        scratch.unlink(missing_ok=True)
        cpu = wall = 0.0
        writer = storage.Store(scratch).writer()
        session = writer.__enter__()
        for copy in range(copies):
            batch = results(copy)  # built outside the clock
            start, started_cpu = time.perf_counter(), time.process_time()
            for result in batch:
                store_feeds(session, "bench", [result])
            if copy == copies - 1:
                writer.__exit__(None, None, None)  # the final checkpoint is part of storing
            cpu += time.process_time() - started_cpu
            wall += time.perf_counter() - start
        figures[str(len(articles) * copies)] = {"cpu_s": round(cpu, 2), "wall_s": round(wall, 2)}
        scratch.unlink()
    small, large = figures[str(len(articles))], figures[str(len(articles) * scale)]
    return {**figures, "cpu_growth": round(large["cpu_s"] / small["cpu_s"], 2), "scale": scale}


def report_wall(work: Path, prefect: PrefectServer, repeats: int = 3) -> dict[str, Any]:
    """`pledgewatch report` on the demo's week: built once, then timed `repeats` times."""
    env = child_env(PREFECT_API_URL=prefect.api_url, PREFECT_HOME=str(prefect.home))
    home = work / "demo"
    demo = timed_run([SCRIPT, "demo", "--home", str(home)], {**env, "PLEDGEWATCH_HOME": str(home)})
    week = demo["stdout"].split("briefing for ")[1].split()[0]
    env = child_env(PLEDGEWATCH_HOME=str(work / "report-home"))  # no API URL: as a user runs it
    walls = [
        timed_run(
            [SCRIPT, "report", "--week", week, "--db", str(home / "pledgewatch.duckdb")], env
        )["wall_s"]
        for _ in range(repeats)
    ]
    return {"week": week, "walls_s": walls, "median_s": statistics.median(walls)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m bench.versus", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--per-outlet", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--scale", type=int, default=10, help="storage growth: 10k -> 100k")
    parser.add_argument(
        "--inline", action="store_true", help="also PledgeWatch with PLEDGEWATCH_CPU_POOL=none"
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="pledgewatch-versus-"))
    prefect = PrefectServer(work / "prefect")
    try:
        out: dict[str, Any] = {"load_average_at_start": os.getloadavg()}
        out["ingest"] = race(args, work, prefect)
        db = Path(out["ingest"].pop("database"))
        out["mention_writes"] = mention_rate(db)
        print("mention writes:", out["mention_writes"])
        out["storage_growth"] = storage_growth(db, args.scale)
        print("storage growth:", out["storage_growth"])
        out["report"] = report_wall(work, prefect)
        print("report:", out["report"])
        out["load_average_at_end"] = os.getloadavg()
    finally:
        prefect.stop()
        shutil.rmtree(work, ignore_errors=True)
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=2))
