"""The benchmark suite: `make bench` (= python -m bench.run).

For each corpus size (1k and 10k articles by default, 100k with --with-100k) it serves a
synthetic corpus on 127.0.0.1 (bench/corpus.py, in its own process, with per-request latency
and transient 503s), measures every stage in its own child process (bench/stages.py: wall
time, CPU time, peak RSS), then runs the real Prefect flows end to end against a local
`prefect server start`: a fresh ingest, an incremental ingest answered by 304s, and the
whole weekly run. Results go to bench/results.json (sizes not re-run are kept) and a
summary with the targets is printed.

    python -m bench.run [--sizes 1000,10000] [--with-100k] [--latency-ms 50] [--no-e2e]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.processes import PYTHON, ROOT, CorpusProcess, PrefectServer, child_env

RESULTS = ROOT / "bench" / "results.json"
PIPELINE = ["network", "feeds", "pages", "store", "extract", "mentions", "merge", "render"]
PIPELINE += ["publish"]
STAGE_TIMEOUT = 3600  # seconds; every child and server is bounded


def machine() -> dict[str, Any]:
    import duckdb
    import prefect

    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "cpu_model": model,
        "memory_gb": round(mem_kb / 2**20, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "prefect": prefect.__version__,
        "load_average_at_start": os.getloadavg(),
        "git_head": _git("rev-parse", "--short", "HEAD"),
        "git_dirty_files": len(_git("status", "--porcelain").splitlines()),
        "extractor_version": _extractor_version(),
    }


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20)
        return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _extractor_version() -> str:
    from transforms.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def run_stage(stage: str, cfg: dict, env: dict[str, str]) -> dict[str, Any]:
    """One stage in a child process; its RESULT line, or the error."""
    cfg = {**cfg, "process_started": time.time()}
    wall = time.perf_counter()
    try:
        out = subprocess.run(
            [PYTHON, "-m", "bench.stages", stage, json.dumps(cfg)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=STAGE_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {STAGE_TIMEOUT} s"}
    lines = [line for line in out.stdout.splitlines() if line.startswith("RESULT ")]
    if out.returncode != 0 or not lines:
        return {"error": (out.stderr or out.stdout)[-2000:], "returncode": out.returncode}
    result = json.loads(lines[-1][len("RESULT ") :])
    result["child_process_wall_s"] = round(time.perf_counter() - wall, 3)
    return result


def bench_size(size: int, args: argparse.Namespace, prefect: PrefectServer | None) -> dict:
    outlets = max(1, size // args.per_outlet)
    work = Path(tempfile.mkdtemp(prefix=f"pledgewatch-bench-{size}-", dir=args.work))
    cfg: dict[str, Any] = {
        "outlets": outlets,
        "per_outlet": args.per_outlet,
        "seed": args.seed,
        "latency_ms": args.latency_ms,
        "fail_rate": args.fail_rate,
        "work": str(work),
        "db": str(work / "stages.duckdb"),
        "feeds_file": str(work / "feeds.toml"),
        "extract_sample": min(size, 2000),
    }
    env = child_env(
        PLEDGEWATCH_HOME=str(work / "home"), PREFECT_HOME=str(work / "prefect-ephemeral")
    )
    prerender = size <= 20_000
    out: dict[str, Any] = {"articles": outlets * args.per_outlet, "outlets": outlets}
    stages = [s for s in PIPELINE if s in args.stages]
    if size > args.fetch_max:
        # Fetching 100k pages is the network stages' question, answered at 10k already (they
        # scale by feed, in parallel): generate the articles straight into the pipeline.
        stages = ["generate"] + [s for s in stages if s not in ("network", "feeds", "pages")]
        out["fetch_stages"] = f"skipped above {args.fetch_max} articles: generated directly"
        cfg["base_url"] = "http://127.0.0.1:1"
        for stage in stages:
            print(f"[{size}] {stage} ...", flush=True)
            out[stage] = run_stage(stage, cfg, env)
            print(f"[{size}] {stage}: {_brief(out[stage])}", flush=True)
            if "error" in out[stage] and stage in ("generate", "store", "extract"):
                break
        stages = []
    if stages:
        server = CorpusProcess(cfg, prerender)
        out["corpus_server_startup_s"] = server.startup_s
        from bench.corpus import Spec, feeds_toml

        spec = Spec(outlets, args.per_outlet, args.seed)
        Path(cfg["feeds_file"]).write_text(feeds_toml(spec, server.base_url))
        cfg["base_url"] = server.base_url
        try:
            for stage in stages:
                print(f"[{size}] {stage} ...", flush=True)
                out[stage] = run_stage(stage, cfg, env)
                print(f"[{size}] {stage}: {_brief(out[stage])}", flush=True)
                if "error" in out[stage] and stage in ("pages", "store", "extract"):
                    break  # the next stages need this one's output
            out["corpus_server"] = server.stats()
        finally:
            server.stop()
    if prefect is not None and "e2e" in args.stages:
        out["e2e"] = bench_e2e(size, cfg, work, args, prefect)
    return out


def bench_e2e(size: int, cfg: dict, work: Path, args, prefect: PrefectServer) -> dict:
    """The real flows under Prefect: fresh ingest, 304 ingest, whole weekly run."""
    from bench.corpus import Spec, feeds_toml

    spec = Spec(cfg["outlets"], cfg["per_outlet"], cfg["seed"])
    e2e: dict[str, Any] = {"prefect_server_startup_s": prefect.startup_s}
    runs = [
        ("ingest_fresh", "ingest_flow", "e2e_ingest.duckdb", "server"),
        ("ingest_incremental", "ingest_flow", "e2e_ingest.duckdb", "server"),
        ("ingest_incremental_ephemeral", "ingest_flow", "e2e_ingest.duckdb", "ephemeral"),
        ("weekly_fresh", "weekly_flow", "e2e_weekly.duckdb", "server"),
    ]
    runs = [r for r in runs if r[0] in args.e2e_runs]
    server = None
    for name, stage, db, mode in runs:
        if server is None or name.startswith(("ingest_fresh", "weekly_fresh")):
            if server is not None:
                server.stop()
            server = CorpusProcess(cfg, size <= 20_000)  # fresh: failures happen again
            feeds = work / f"feeds-{name}.toml"
            feeds.write_text(feeds_toml(spec, server.base_url))
        run_cfg = {**cfg, "db": str(work / db), "feeds_file": str(feeds)}
        extra = {"PLEDGEWATCH_HOME": str(work / "home")}
        if mode == "server":
            extra.update(PREFECT_API_URL=prefect.api_url, PREFECT_HOME=str(prefect.home))
        else:
            extra.update(PREFECT_HOME=str(work / f"prefect-{name}"))
        print(f"[{size}] e2e {name} ({mode}) ...", flush=True)
        e2e[name] = {"prefect_mode": mode, **run_stage(stage, run_cfg, child_env(**extra))}
        e2e[name]["corpus_server"] = server.stats()
        print(f"[{size}] e2e {name}: {_brief(e2e[name])}", flush=True)
    if server is not None:
        server.stop()
    return e2e


def _brief(result: dict) -> str:
    if "error" in result:
        return "ERROR " + result["error"].strip().splitlines()[-1][:300]
    keys = ("wall_s", "cpu_s", "peak_rss_mb", "peak_child_rss_mb")
    return " ".join(f"{k}={result[k]}" for k in keys if k in result)


# --- derived figures and targets -------------------------------------------------------------


def derive(sizes: dict[str, dict]) -> dict[str, Any]:
    """Ratios and the issue's targets from the measured figures."""
    derived: dict[str, Any] = {}
    for key, s in sizes.items():
        d: dict[str, Any] = {}
        net, e2e = s.get("network", {}), s.get("e2e", {})
        if "concurrent_vs_serial_speedup" in net:
            d["fetch_concurrent_vs_serial"] = net["concurrent_vs_serial_speedup"]
        for stage in ("store", "mentions"):
            if "bulk_vs_row_speedup" in s.get(stage, {}):
                d[f"{stage}_bulk_vs_row_at_a_time"] = s[stage]["bulk_vs_row_speedup"]
        fresh = e2e.get("ingest_fresh", {})
        if "flow_wall_s" in fresh and "wall_s" in net:
            d["ingest_vs_pure_fetch"] = round(fresh["flow_wall_s"] / net["wall_s"], 2)
            d["ingest_overhead_above_fetch_s"] = round(fresh["flow_wall_s"] - net["wall_s"], 1)
            d["ingest_vs_latency_sum"] = round(fresh["flow_wall_s"] / net["latency_sum_s"], 3)
        ext = s.get("extract", {})
        if "process_speedup" in ext:
            d["extract_process_pool_speedup"] = ext["process_speedup"]
            d["extract_thread_pool_speedup"] = ext["thread_speedup"]
        derived[key] = d
    targets: dict[str, Any] = {}
    s10 = sizes.get("10000", {})
    fresh = s10.get("e2e", {}).get("ingest_fresh", {})
    if "wall_s" in fresh:
        parent = fresh["peak_rss_mb"]
        child = max(fresh["peak_child_rss_mb"], fresh.get("peak_worker_rss_mb", 0))
        workers = s10.get("extract", {}).get("workers", os.cpu_count())
        peak = parent + workers * child
        targets["ingest_10k_under_60s"] = {
            "measured_s": fresh["wall_s"],
            "flow_only_s": fresh["flow_wall_s"],
            "met": fresh["wall_s"] < 60,
        }
        targets["ingest_10k_peak_under_1gb"] = {
            "parent_mb": parent,
            "largest_child_mb": child,
            "upper_bound_mb": round(peak),
            "met": peak < 1024,
        }
    rates = [s["extract"]["articles_per_cpu_s"] for s in sizes.values() if "extract" in s]
    rates = [r for r in rates if r]
    if rates:
        targets["extract_500_per_core_s"] = {"measured": min(rates), "met": min(rates) >= 500}
    stores = [s["mentions"]["rows_per_s"] for s in sizes.values() if "rows_per_s" in s.get(
        "mentions", {})]  # fmt: skip
    if stores:
        targets["storage_50k_rows_s"] = {"measured": min(stores), "met": min(stores) >= 50_000}
    inc = s10.get("e2e", {}).get("ingest_incremental", {}) or next(
        (s["e2e"]["ingest_incremental"] for s in sizes.values() if "e2e" in s), {}
    )
    if "wall_s" in inc:
        targets["incremental_under_10s"] = {
            "measured_s": inc["wall_s"],
            "mode": "prefect server on 127.0.0.1, whole process from interpreter start",
            "met": inc["wall_s"] < 10,
        }
    if "100000" in sizes and "10000" in sizes:
        growth = {}
        for stage in ("extract", "mentions", "merge", "store", "publish"):
            a, b = sizes["10000"].get(stage, {}), sizes["100000"].get(stage, {})
            if "cpu_s" in a and "cpu_s" in b and a["cpu_s"]:
                growth[stage] = round(b["cpu_s"] / a["cpu_s"], 1)
        targets["linear_10k_to_100k"] = {
            "cpu_ratio_per_stage": growth,
            "met": all(v < 13 for v in growth.values()),
            "note": "10x the articles; linear is ~10, quadratic would be ~100",
        }
    pub = sizes.get("100000", {}).get("publish", {})
    if "refresh_wall_s" in pub:
        targets["publish_refresh_100k_under_2s"] = {
            "measured_s": pub["refresh_wall_s"],
            "met": pub["refresh_wall_s"] < 2,
        }
    sizes_mb = {k: s["publish"]["db_mb_per_10k_articles"] for k, s in sizes.items() if
                "db_mb_per_10k_articles" in s.get("publish", {})}  # fmt: skip
    if sizes_mb:
        targets["db_mb_per_10k_articles"] = sizes_mb
    return {"ratios": derived, "targets": targets}


def versus_figures(args: argparse.Namespace) -> dict[str, Any]:
    """bench/versus.py at 10k: the figures issue 14 is judged by, side by side in one run."""
    from bench import versus

    figures = versus.main(
        ["--rounds", str(args.versus_rounds), "--latency-ms", str(args.latency_ms)]
    )
    figures["summary"] = {
        "ingest_vs_peer": figures["ingest"]["ingest_vs_peer"],
        "mention_rows_per_s": figures["mention_writes"]["rows_per_s"],
        "mention_rows_per_cpu_s": figures["mention_writes"]["rows_per_cpu_s"],
        "storage_cpu_growth_10k_to_100k": figures["storage_growth"]["cpu_growth"],
        "report_wall_s": figures["report"]["median_s"],
    }
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="articles per corpus")
    parser.add_argument("--with-100k", action="store_true", help="add the 100k corpus")
    parser.add_argument("--per-outlet", type=int, default=100, help="articles per outlet")
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--fail-rate", type=float, default=0.002, help="transient 503s")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--stages", default=",".join([*PIPELINE, "e2e"]))
    parser.add_argument("--no-e2e", action="store_true", help="skip the Prefect flow runs")
    parser.add_argument(
        "--fetch-max",
        type=int,
        default=20_000,
        help="above this size, articles are generated directly instead of fetched",
    )
    parser.add_argument("--e2e-sizes", default=None, help="sizes with flow runs (default all)")
    parser.add_argument(
        "--e2e-runs",
        default="ingest_fresh,ingest_incremental,ingest_incremental_ephemeral,weekly_fresh",
        help="which flow runs (the incremental ones need ingest_fresh before them)",
    )
    parser.add_argument("--work", default=None, help="folder for the work files (temp)")
    parser.add_argument("--out", default=str(RESULTS))
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--no-versus", action="store_true", help="skip PledgeWatch against the peer (versus)"
    )
    parser.add_argument("--versus-rounds", type=int, default=2)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_100k and 100_000 not in sizes:
        sizes.append(100_000)
    args.stages = set(args.stages.split(","))
    args.e2e_runs = set(args.e2e_runs.split(","))
    if args.no_e2e:
        args.stages.discard("e2e")
    default_e2e = {s for s in sizes if s <= args.fetch_max}
    e2e_sizes = {int(s) for s in args.e2e_sizes.split(",")} if args.e2e_sizes else default_e2e
    out_path = Path(args.out)
    previous = json.loads(out_path.read_text()) if out_path.exists() else {}
    results: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.run " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": machine(),
        "config": {
            "latency_ms": args.latency_ms,
            "fail_rate": args.fail_rate,
            "seed": args.seed,
            "per_outlet": args.per_outlet,
            "cpu_pool_env": os.environ.get("PLEDGEWATCH_CPU_POOL", "default (process)"),
        },
        "sizes": dict(previous.get("sizes", {})),
    }
    prefect = None
    keep = args.keep or args.work is not None
    work = Path(args.work or tempfile.mkdtemp(prefix="pledgewatch-bench-"))
    args.work = str(work)
    try:
        if "e2e" in args.stages and e2e_sizes & set(sizes):
            prefect = PrefectServer(work / "prefect-server")
            print(f"prefect server up in {prefect.startup_s} s at {prefect.api_url}")
            results["prefect_ephemeral_startup"] = run_stage(
                "prefect_startup", {}, child_env(PREFECT_HOME=str(work / "prefect-noop"))
            )
            print("prefect ephemeral no-op flow:", _brief(results["prefect_ephemeral_startup"]))
        for size in sizes:
            results["sizes"][str(size)] = bench_size(
                size, args, prefect if size in e2e_sizes else None
            )
            results.update(derive(results["sizes"]))
            out_path.write_text(json.dumps(results, indent=2, default=str) + "\n")
        if not args.no_versus:
            results.setdefault("ratios", {})
            results.setdefault("targets", {})
            results["versus"] = versus_figures(args)
            out_path.write_text(json.dumps(results, indent=2, default=str) + "\n")
    finally:
        if prefect is not None:
            prefect.stop()
        if not keep:
            shutil.rmtree(work, ignore_errors=True)  # databases and pickles: ~1 GB at 100k
    summary = {"ratios": results.get("ratios"), "targets": results.get("targets")}
    if "versus" in results:
        summary["versus"] = results["versus"]["summary"]
    print(json.dumps(summary, indent=2))
    print(f"results: {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
