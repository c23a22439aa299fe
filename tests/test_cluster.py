"""The cluster path: a `distributed` scheduler and two workers on 127.0.0.1 run the ingest's
CPU steps (feed parsing, page text, extraction), and the database equals a one-machine run's."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from bench.corpus import CorpusServer, Spec, feeds_toml
from tests.conftest import wait_for

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Iterator[Path]:
    """Six feeds of 12 synthetic articles (half full text in the feed, half on pages)."""
    spec = Spec(outlets=6, per_outlet=12)
    server = CorpusServer(spec, latency=0.0, fail_rate=0.0, prerender=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    feeds = tmp_path_factory.mktemp("corpus") / "feeds.toml"
    feeds.write_text(feeds_toml(spec, server.base_url))
    yield feeds
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[str]:
    """`dask scheduler` and two `dask worker` processes, as on two machines, on loopback."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    logs = tmp_path_factory.mktemp("dask")
    common = ["--host", "127.0.0.1", "--no-dashboard"]
    commands = [[sys.executable, "-m", "distributed.cli.dask_scheduler", "--port", port, *common]]
    worker = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1"]
    commands += [[*worker, "--name", f"w{i}", *common] for i in range(2)]
    procs = []
    try:
        for i, command in enumerate(commands):
            log = (logs / f"{i}.log").open("w")
            procs.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
            if i == 0:
                wait_for(lambda: _listening(int(port)), 60, "the dask scheduler")
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _executed(address: str) -> dict[str, int]:
    """Tasks each worker has run (its transition log counts them)."""
    from distributed import Client

    with Client(address, timeout=60) as client:
        return client.run(lambda dask_worker: dask_worker.state.transition_counter)


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything the run stored, minus run ids and clocks."""
    queries = {
        "articles": "SELECT article_id, canonical_url, feed_id, title, published_at, text, "
        "text_source, extractor_version FROM articles ORDER BY 1",
        "links": "SELECT article_id, feed_id FROM article_feeds ORDER BY 1, 2",
        "pledges": "SELECT * EXCLUDE (run_id) FROM pledge_mentions ORDER BY mention_id",
        "agreements": "SELECT * EXCLUDE (run_id) FROM agreement_mentions ORDER BY mention_id",
        "events": "SELECT event_id, mention_count FROM pledges ORDER BY 1",
        "feeds": "SELECT feed_id, status, entries, new_articles, failed_pages "
        "FROM feed_fetches ORDER BY 1",
    }
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: con.execute(sql).fetchall() for name, sql in queries.items()}


def test_ingest_on_a_dask_cluster_equals_one_machine(
    prefect_harness, corpus, cluster, tmp_path, monkeypatch
):
    from flows.ingest import ingest_flow

    monkeypatch.setenv("PLEDGEWATCH_CPU_POOL", "none")
    alone = ingest_flow(feeds_file=str(corpus), db_path=str(tmp_path / "alone.duckdb"))
    assert alone["status"] == "ok", alone
    assert alone["articles_new"] == 72 and alone["pledge_mentions"] > 0

    before = sum(_executed(cluster).values())
    monkeypatch.setenv("PLEDGEWATCH_DASK_ADDRESS", cluster)
    spread = ingest_flow(feeds_file=str(corpus), db_path=str(tmp_path / "cluster.duckdb"))
    assert spread["status"] == "ok", spread
    executed = _executed(cluster)
    # 6 feeds parsed, 3 full-text feeds and 3 page batches texted and extracted: 12 calls in
    # at least 4 task runs (3 slots at once, the rest batched), each going through several
    # transitions on its worker
    assert sum(executed.values()) - before >= 4 * 2, executed
    assert all(count > 0 for count in executed.values()), "both workers took work"
    assert snapshot(tmp_path / "cluster.duckdb") == snapshot(tmp_path / "alone.duckdb")
    assert {k: v for k, v in spread.items() if k != "run_id"} == {
        k: v for k, v in alone.items() if k != "run_id"
    }


def test_without_a_cluster_address_nothing_goes_to_dask(monkeypatch):
    from flows import cpu

    monkeypatch.delenv(cpu.DASK_ADDRESS, raising=False)
    monkeypatch.setenv("PLEDGEWATCH_CPU_POOL", "process")
    assert type(cpu.make_runner(cpu.PARALLEL_MIN_UNITS, workers=2)).__name__ == (
        "ProcessPoolTaskRunner"
    )
    monkeypatch.setenv(cpu.DASK_ADDRESS, "tcp://127.0.0.1:8786")
    assert type(cpu.make_runner(1)).__name__ == "DaskTaskRunner"  # even for one feed
