"""One benchmark stage per child process, so each stage's peak memory is its own.

Run by bench/run.py: `python -m bench.stages STAGE CONFIG_JSON`; prints one line
`RESULT {json}` with wall time, CPU time (this process and its finished children), peak RSS
(this process; its largest child separately) and the stage's own figures. Stages hand data
on through files in the work folder (the DuckDB file, pickles of fetched articles and rows).
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

RUN_ID = "bench-run"
ROW_SAMPLE = 2000  # rows for the row-at-a-time comparison (it is ~100x slower)


class Clock:
    """Wall and CPU time of a block (CPU of this process plus its reaped children)."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    @staticmethod
    def _cpu() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system + WORKER_CPU[0]

    @contextmanager
    def measure(self):
        wall, cpu = time.perf_counter(), self._cpu()
        try:
            yield self
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += self._cpu() - cpu


WORKER_CPU = [0.0]  # CPU seconds of pool workers (grandchildren: not in os.times())
WORKER_PEAK_MB = [0.0]  # the largest worker's peak RSS


def _proc_peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _proc_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def count_worker_cpu() -> None:
    """Make every ProcessPoolExecutor add its workers' CPU time to WORKER_CPU at shutdown.

    The extraction workers are forked by a fork server, so they are not this process's
    children and os.times() never sees their CPU; /proc does, while they live.
    """
    from concurrent.futures import ProcessPoolExecutor

    original = ProcessPoolExecutor.shutdown

    def shutdown(self, wait=True, *, cancel_futures=False):
        for pid in list(getattr(self, "_processes", None) or {}):
            WORKER_CPU[0] += _proc_cpu(pid)
            WORKER_PEAK_MB[0] = max(WORKER_PEAK_MB[0], _proc_peak_mb(pid))
        return original(self, wait, cancel_futures=cancel_futures)

    ProcessPoolExecutor.shutdown = shutdown


def timed(fn, *args, **kwargs) -> tuple[Any, dict[str, float]]:
    clock = Clock()
    with clock.measure():
        value = fn(*args, **kwargs)
    return value, {"wall_s": round(clock.wall, 3), "cpu_s": round(clock.cpu, 3)}


def peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_child_rss_mb": round(children, 1)}


def _spec(cfg: dict):
    from bench.corpus import Spec

    return Spec(cfg["outlets"], cfg["per_outlet"], cfg["seed"])


def _feeds(cfg: dict):
    from flows.feeds_config import load_feeds

    return load_feeds(Path(cfg["feeds_file"]))


def _policy():
    from flows.http import FetchPolicy

    return FetchPolicy()


# --- network: pure fetching, concurrent and one at a time -------------------------------------


def stage_network(cfg: dict) -> dict:
    """The floor: every URL of the run fetched with the production concurrency, no parsing."""
    from bench.corpus import FEED_ITEMS, article_path
    from flows.http import make_client
    from flows.ingest import PAGE_WORKERS

    spec, base = _spec(cfg), cfg["base_url"]
    feeds = _feeds(cfg)
    policy = _policy()

    def page_urls(feed_url: str) -> list[str]:
        """The pages a feed's entries need fetched (teaser-only outlets)."""
        outlet = int(feed_url.rsplit("/o", 1)[1][:5])
        section = int(feed_url.rsplit("/feed", 1)[1][:-4])
        if spec.full_text_in_feed(outlet):
            return []
        items = range(section * FEED_ITEMS, min(spec.per_outlet, (section + 1) * FEED_ITEMS))
        return [base + article_path(outlet, i) for i in items]

    def one_feed(feed) -> int:
        urls = page_urls(feed.url)
        with make_client(policy) as client:
            client.fetch(feed.url)
            client.fetch_many(urls, PAGE_WORKERS)
        return 1 + len(urls)

    # Prefect's thread-pool task runner runs every mapped feed at once; so does this.
    with ThreadPoolExecutor(max_workers=min(len(feeds), 1000)) as pool:
        requests, figures = timed(lambda: sum(pool.map(one_feed, feeds)))
    sample = [u for f in feeds for u in page_urls(f.url)][: cfg.get("serial_sample", 200)]

    def serial() -> None:
        with make_client(policy) as client:
            for url in sample:
                client.fetch(url)

    _, serial_figures = timed(serial)
    concurrent_rate = requests / figures["wall_s"]
    serial_rate = len(sample) / serial_figures["wall_s"]
    return {
        **figures,
        "requests": requests,
        "requests_per_s": round(concurrent_rate, 1),
        "serial_sample": len(sample),
        "serial_wall_s": serial_figures["wall_s"],
        "serial_requests_per_s": round(serial_rate, 1),
        "serial_extrapolated_s": round(requests / serial_rate, 1),
        "concurrent_vs_serial_speedup": round(concurrent_rate / serial_rate, 1),
        "latency_sum_s": round(requests * cfg["latency_ms"] / 1000, 1),
    }


# --- feeds: fetch and parse ---------------------------------------------------------------------


def _fetch_parse(feed, policy):
    from flows.http import fetch
    from transforms.feed_entries import parse_feed

    response = fetch(feed.url, policy=policy)
    return parse_feed(response.content, url=response.url, headers=response.headers)


def stage_feeds(cfg: dict) -> dict:
    feeds, policy = _feeds(cfg), _policy()
    with ThreadPoolExecutor(max_workers=min(len(feeds), 1000)) as pool:
        parsed, figures = timed(lambda: list(pool.map(lambda f: _fetch_parse(f, policy), feeds)))
    # Parsing alone, single-threaded, on the bytes of a few feeds: the CPU part.
    entries = sum(len(p.entries) for p in parsed)
    return {**figures, "feeds": len(feeds), "entries": entries}


# --- pages: page fetch and text extraction ----------------------------------------------------


def stage_pages(cfg: dict) -> dict:
    """fetch_feed's inner part: every entry's text from content:encoded or its fetched page."""
    from flows.http import make_client
    from flows.ingest import PAGE_WORKERS, FeedResult, as_page, read_texts

    feeds, policy = _feeds(cfg), _policy()
    with ThreadPoolExecutor(max_workers=min(len(feeds), 1000)) as pool:
        parsed = list(pool.map(lambda f: _fetch_parse(f, policy), feeds))

    def one(feed_parsed) -> FeedResult:
        feed, parsed_feed = feed_parsed
        result = FeedResult(feed, "ok", http_status=200, entries=len(parsed_feed.entries))

        texts = read_texts(feed, parsed_feed.entries, [], fetch_pages=True)
        result.add(texts)

        with make_client(policy) as client:
            urls = [t.entry.url for t in texts.teasers]
            answers = client.fetch_many(urls, PAGE_WORKERS)
        fetched = [as_page(t, a) for t, a in zip(texts.teasers, answers, strict=True)]
        result.add(read_texts(feed, [], fetched, fetch_pages=True))
        return result

    with ThreadPoolExecutor(max_workers=min(len(feeds), 1000)) as pool:
        results, figures = timed(lambda: list(pool.map(one, zip(feeds, parsed, strict=True))))
    with open(Path(cfg["work"]) / "feed_results.pkl", "wb") as out:
        pickle.dump(results, out, protocol=pickle.HIGHEST_PROTOCOL)
    articles = sum(len(r.articles) for r in results)
    by_source: dict[str, int] = {}
    for r in results:
        for a in r.articles:
            by_source[a["text_source"]] = by_source.get(a["text_source"], 0) + 1
    return {
        **figures,
        "articles": articles,
        "from_feed": by_source.get("feed", 0),
        "from_page": by_source.get("page", 0),
        "page_errors": sum(len(r.page_errors) for r in results),
        "mean_words": round(
            sum(len(a["text"].split()) for r in results for a in r.articles) / max(articles, 1)
        ),
    }


def stage_generate(cfg: dict) -> dict:
    """The articles straight from the generator, as fetch_feed would return them (no HTTP).

    For sizes where fetching is not the question (100k): storage, extraction, merging and
    publishing then run on the same corpus the HTTP path would have produced.
    """
    from bench.corpus import FEED_ITEMS, article_text
    from flows.feeds_config import Feed
    from flows.ingest import FeedResult, _article_row
    from transforms.feed_entries import FeedEntry

    spec = _spec(cfg)
    base = "http://127.0.0.1:1"

    def build() -> list:
        results = []
        for outlet, section, path in spec.feed_paths():
            feed = Feed(name=f"Outlet {outlet} s{section}", url=base + path, language="en")
            items = range(section * FEED_ITEMS, min(spec.per_outlet, (section + 1) * FEED_ITEMS))
            result = FeedResult(feed, "ok", http_status=200, entries=len(items))
            for item in items:
                title, paragraphs = article_text(spec, outlet, item)
                url = f"{base}/o{outlet:05d}/a{item:06d}.html"
                entry = FeedEntry(url, title, spec.published(outlet, item), "", None)
                result.articles.append(_article_row(entry, feed, "\n\n".join(paragraphs), "feed"))
            results.append(result)
        return results

    results, figures = timed(build)
    with open(Path(cfg["work"]) / "feed_results.pkl", "wb") as out:
        pickle.dump(results, out, protocol=pickle.HIGHEST_PROTOCOL)
    return {**figures, "articles": sum(len(r.articles) for r in results)}


# --- storage of articles, and bulk against row-at-a-time --------------------------------------


def _row_at_a_time(db: Path, table: str, rows: list[dict], types: dict | None = None) -> float:
    """Seconds for executemany, one INSERT per row (the path the design rules out)."""
    from flows import storage

    columns = list(rows[0])
    placeholders = ", ".join(
        "?" + (f"::{types[c]}" if types and c in types else "") for c in columns
    )
    with storage.open_db(db) as con:
        start = time.perf_counter()
        con.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders}) "
            "ON CONFLICT DO NOTHING",
            [[r[c] for c in columns] for r in rows],
        )
        return time.perf_counter() - start


def _bulk(db: Path, table: str, rows: list[dict], key: list[str], types=None) -> float:
    from flows import storage

    with storage.open_db(db) as con:
        start = time.perf_counter()
        with storage.transaction(con):
            storage.upsert(con, table, rows, key, types=types)
        return time.perf_counter() - start


def stage_store(cfg: dict) -> dict:
    """store_feeds in groups of STORE_GROUP feeds, one transaction each, as ingest_into does."""
    from flows import storage
    from flows.ingest import STORE_GROUP, store_feeds
    from flows.runs import start_run

    db = Path(cfg["db"])
    with open(Path(cfg["work"]) / "feed_results.pkl", "rb") as src:
        results = pickle.load(src)
    store = storage.Store(db)
    start_run(store, "ingest")  # creates the file and the schema outside the timing
    groups = [results[i : i + STORE_GROUP] for i in range(0, len(results), STORE_GROUP)]

    def store_all() -> int:
        with store.writer() as session:  # one writer session, one transaction per group
            return sum(store_feeds(session, RUN_ID, g)["articles_new"] for g in groups)

    new, figures = timed(store_all)
    sample = [a for r in results for a in r.articles][:ROW_SAMPLE]
    sample = [{**a, "run_id": RUN_ID} for a in sample]
    scratch = Path(cfg["work"]) / "scratch_articles.duckdb"
    slow = _row_at_a_time(scratch, "articles", sample)
    scratch.unlink()
    fast = _bulk(scratch, "articles", sample, ["article_id"])
    scratch.unlink()
    return {
        **figures,
        "feeds": len(results),
        "articles_stored": new,
        "articles_per_s": round(new / figures["wall_s"]),
        "compare_rows": len(sample),
        "bulk_s": round(fast, 3),
        "row_at_a_time_s": round(slow, 3),
        "bulk_vs_row_speedup": round(slow / fast, 1),
    }


# --- extraction -------------------------------------------------------------------------------


def _article_batches(db: Path, size: int = 500):
    """Articles in id order, `size` at a time (keyset paging), as extract_pending reads them."""
    from flows import storage

    last = ""
    while True:
        with storage.open_db(db) as con:
            batch = storage.rows(
                con,
                "SELECT article_id, text, published_at, outlet, title FROM articles "
                "WHERE article_id > ? ORDER BY article_id LIMIT ?",
                [last, size],
            )
        if not batch:
            return
        last = batch[-1]["article_id"]
        yield batch


def stage_extract(cfg: dict) -> dict:
    """extract_rows inline on one core over a sample, then over the whole corpus batch by
    batch (the ingest runs the same function per feed on its CPU workers, flows/cpu.py)."""
    from flows.mentions import extract_rows

    db = Path(cfg["db"])
    sample: list[dict] = []
    for batch in _article_batches(db):
        sample += batch
        if len(sample) >= cfg.get("extract_sample", 2000):
            break
    sample = sample[: cfg.get("extract_sample", 2000)]
    extract_rows(sample[:20], RUN_ID)  # warm: patterns compiled, gazetteer and rates loaded
    _, inline = timed(extract_rows, sample, RUN_ID)
    out: dict[str, Any] = {"sample": len(sample)}
    out["inline_wall_s"], out["inline_cpu_s"] = inline["wall_s"], inline["cpu_s"]
    out["articles_per_cpu_s"] = round(len(sample) / inline["cpu_s"])
    del sample
    batches: list[tuple[list[str], list[dict], list[dict]]] = []
    articles = 0
    clock = Clock()
    with clock.measure():
        for batch in _article_batches(db, 2000):
            pledges, agreements = extract_rows(batch, RUN_ID)
            batches.append(([a["article_id"] for a in batch], pledges, agreements))
            articles += len(batch)
    with open(Path(cfg["work"]) / "mention_rows.pkl", "wb") as dst:
        pickle.dump(batches, dst, protocol=pickle.HIGHEST_PROTOCOL)
    return {
        "wall_s": round(clock.wall, 3),
        "cpu_s": round(clock.cpu, 3),
        "articles": articles,
        "articles_per_s": round(articles / clock.wall),
        "pledge_mentions": sum(len(b[1]) for b in batches),
        "agreement_mentions": sum(len(b[2]) for b in batches),
        **out,
    }


def stage_mentions(cfg: dict) -> dict:
    """write_mentions batch by batch (one transaction per 2000 articles, one session), as the
    extract step writes a new extractor version's backlog."""
    from flows import storage
    from flows.extract import MENTION_TYPES, load_gazetteer, write_mentions

    db = Path(cfg["db"])
    with open(Path(cfg["work"]) / "mention_rows.pkl", "rb") as src:
        batches = pickle.load(src)
    store = storage.Store(db)
    with store.session() as session:
        load_gazetteer(session)

    def write_all() -> int:
        with store.session() as session:
            for ids, pledges, agreements in batches:
                write_mentions(session, ids, pledges, agreements, RUN_ID)
        return sum(len(p) + len(a) for _, p, a in batches)

    rows, figures = timed(write_all)
    # One big transaction over all rows: the storage layer's own ceiling.
    every = [p for _, ps, _ in batches for p in ps]
    scratch = Path(cfg["work"]) / "scratch_mentions.duckdb"
    one_shot = _bulk(scratch, "pledge_mentions", every, ["mention_id"], MENTION_TYPES)
    scratch.unlink()
    sample = every[:ROW_SAMPLE]
    slow = _row_at_a_time(scratch, "pledge_mentions", sample, MENTION_TYPES)
    scratch.unlink()
    fast = _bulk(scratch, "pledge_mentions", sample, ["mention_id"], MENTION_TYPES)
    scratch.unlink()
    return {
        **figures,
        "batches": len(batches),
        "mention_rows": rows,
        "rows_per_s": round(rows / figures["wall_s"]),
        "one_transaction_rows": len(every),
        "one_transaction_s": round(one_shot, 3),
        "one_transaction_rows_per_s": round(len(every) / one_shot) if every else None,
        "compare_rows": len(sample),
        "bulk_s": round(fast, 3),
        "row_at_a_time_s": round(slow, 3),
        "bulk_vs_row_speedup": round(slow / fast, 1),
    }


# --- merging, briefing, publishing --------------------------------------------------------------


def stage_merge(cfg: dict) -> dict:
    from flows.extract import merge_events
    from flows.storage import Store

    store = Store(Path(cfg["db"]))
    counts, first = timed(merge_events.fn, store, RUN_ID)
    _, again = timed(merge_events.fn, store, RUN_ID + "-again")
    return {
        **first,
        "events": counts["pledge_events"] + counts["agreement_events"],
        "pledge_events": counts["pledge_events"],
        "agreement_events": counts["agreement_events"],
        "rerun_unchanged_wall_s": again["wall_s"],
        "rerun_unchanged_cpu_s": again["cpu_s"],
    }


def stage_render(cfg: dict) -> dict:
    from bench.corpus import BRIEFING_WEEK
    from flows.briefing import render_briefing
    from flows.storage import Store

    pdf = Path(cfg["work"]) / "briefing.pdf"
    store = Store(Path(cfg["db"]))
    briefing, figures = timed(render_briefing.fn, store, BRIEFING_WEEK, RUN_ID, pdf)
    return {
        **figures,
        "week": BRIEFING_WEEK,
        "pdf_kb": pdf.stat().st_size // 1024,
        "top_pledges": len(briefing.top_pledges),
    }


def stage_publish(cfg: dict) -> dict:
    from flows.publish import publish
    from flows.storage import Store

    db = Path(cfg["db"])
    store = Store(db, Path(cfg["work"]) / "published" / "pledgewatch.duckdb")
    _, figures = timed(publish, store)
    _, again = timed(publish, store)  # the refresh: a copy already exists
    with store.session(read_only=True) as session:
        articles = session.value("SELECT count(*) FROM articles")
    size = db.stat().st_size
    return {
        **figures,
        "refresh_wall_s": again["wall_s"],
        "refresh_cpu_s": again["cpu_s"],
        "db_mb": round(size / 2**20, 1),
        "db_mb_per_10k_articles": round(size / 2**20 / articles * 10_000, 1),
        "articles": articles,
    }


# --- end to end under Prefect -------------------------------------------------------------------


def stage_prefect_startup(cfg: dict) -> dict:
    """A trivial flow run: Python and Prefect import plus (ephemeral mode) server start-up."""
    clock = Clock()
    with clock.measure():
        from prefect import flow

        @flow(name="bench-noop")
        def noop() -> int:
            return 1

        noop()
    return {"wall_s": round(clock.wall, 3), "cpu_s": round(clock.cpu, 3)}


def stage_ingest_flow(cfg: dict) -> dict:
    """The real ingest flow (Prefect), measured from interpreter start to its return."""
    started = cfg.get("process_started") or time.time()
    clock = Clock()
    with clock.measure():
        from flows.ingest import ingest_flow

        imported = time.perf_counter()
        result = ingest_flow(feeds_file=cfg["feeds_file"], db_path=cfg["db"])
        flow_wall = time.perf_counter() - imported
    return {
        "wall_s": round(time.time() - started, 3),
        "in_process_wall_s": round(clock.wall, 3),
        "flow_wall_s": round(flow_wall, 3),
        "cpu_s": round(clock.cpu, 3),
        "status": result["status"],
        **{k: v for k, v in result.items() if isinstance(v, int)},
    }


def stage_weekly_flow(cfg: dict) -> dict:
    """The weekly flow: an ingest of everything new, the briefing, the .eml, the published copy."""
    from bench.corpus import BRIEFING_WEEK

    started = cfg.get("process_started") or time.time()
    clock = Clock()
    with clock.measure():
        from flows.weekly import weekly_briefing

        imported = time.perf_counter()
        result = weekly_briefing(
            week=BRIEFING_WEEK,
            feeds_file=cfg["feeds_file"],
            db_path=cfg["db"],
            output_dir=str(Path(cfg["work"]) / "briefings"),
            outbox_dir=str(Path(cfg["work"]) / "outbox"),
        )
        flow_wall = time.perf_counter() - imported
    return {
        "wall_s": round(time.time() - started, 3),
        "in_process_wall_s": round(clock.wall, 3),
        "flow_wall_s": round(flow_wall, 3),
        "cpu_s": round(clock.cpu, 3),
        "status": result["status"],
        **{k: v for k, v in result.items() if isinstance(v, int)},
    }


STAGES = {
    "network": stage_network,
    "feeds": stage_feeds,
    "pages": stage_pages,
    "generate": stage_generate,
    "store": stage_store,
    "extract": stage_extract,
    "mentions": stage_mentions,
    "merge": stage_merge,
    "render": stage_render,
    "publish": stage_publish,
    "prefect_startup": stage_prefect_startup,
    "ingest_flow": stage_ingest_flow,
    "weekly_flow": stage_weekly_flow,
}


def main(argv: list[str]) -> int:
    stage, cfg = argv[0], json.loads(argv[1])
    count_worker_cpu()
    result = STAGES[stage](cfg)
    result["worker_cpu_s"] = round(WORKER_CPU[0], 3)
    result["peak_worker_rss_mb"] = round(WORKER_PEAK_MB[0], 1)
    result["load_average"] = os.getloadavg()
    print("RESULT " + json.dumps({**result, **peak_mb()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
