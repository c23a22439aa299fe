"""The CPU fan-out: worker processes give exactly the rows inline extraction gives."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

from flows import cpu
from flows.mentions import extract_chunk, extract_rows
from flows.tasking import task

SENTENCES = [
    "Germany announced €{n}0 million in military aid for Ukraine on Monday.",
    "The UK will provide £{n} million for air defence, the defence minister said.",
    "Denmark and Ukraine signed a memorandum on joint production of drones.",
    "Officials said the front line remained difficult, especially in the east.",
    "Sweden pledged SEK {n}00 million to Ukraine on Tuesday.",
]


def _articles(count: int) -> list[dict]:
    out = []
    for i in range(count):
        text = " ".join(s.format(n=i % 9 + 1) for s in SENTENCES[i % 3 :])
        out.append(
            {
                "article_id": f"a{i:04d}",
                "text": text,
                "published_at": datetime(2025, 11, 10 + i % 5, 9, tzinfo=UTC),
                "outlet": "Outlet",
                "title": f"Title {i}",
            }
        )
    return out


@flow
def fanned_out(articles: list[dict], pool: str) -> tuple[list, list]:
    with cpu.workers(cpu.PARALLEL_MIN_UNITS, pool=pool, count=2) as runner:
        assert runner is not None, "enough work for worker processes"
        futures = [cpu.submit(extract_chunk, articles[i : i + 50], "run-1") for i in (0, 50)]
        rows = [f.result() for f in futures]
    return rows[0][0] + rows[1][0], rows[0][1] + rows[1][1]


def test_worker_processes_give_the_inline_rows(prefect_harness) -> None:
    articles = _articles(100)
    inline = extract_rows(articles, "run-1")
    assert inline[0] and inline[1]  # the corpus states pledges and agreements
    assert fanned_out(articles, "process") == inline


def test_small_runs_stay_inline() -> None:
    with cpu.workers(cpu.PARALLEL_MIN_UNITS - 1, pool="process", count=2) as runner:
        assert runner is None
        articles = _articles(3)
        assert cpu.run(extract_chunk, articles, "r") == extract_rows(articles, "r")


def test_fanout_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLEDGEWATCH_CPU_POOL", "thread")
    monkeypatch.setenv("PLEDGEWATCH_CPU_WORKERS", "3")
    assert cpu.fanout() == ("thread", 3)
    assert cpu.fanout("process", 2) == ("process", 2)
    assert cpu.fanout("process", 1) == ("none", 1)
    monkeypatch.setenv("PLEDGEWATCH_CPU_POOL", "dask")
    with pytest.raises(ValueError, match="PLEDGEWATCH_CPU_POOL"):
        cpu.fanout()


@task(name="square-or-fail", batch=8)
def square_or_fail(n: int) -> int:
    if n == 13:
        raise ValueError("unlucky")
    return n * n


@flow
def many_small_calls(count: int) -> tuple[dict[int, Any], int]:
    """`count` calls at once, as the fetching threads make them."""
    with cpu.workers(cpu.PARALLEL_MIN_UNITS, pool="process", count=2):
        state = cpu._current.get()
        assert state is not None and state.batcher is not None
        futures = {n: cpu.submit(square_or_fail, n) for n in range(count)}
        out: dict[int, Any] = {}
        for n, future in futures.items():
            try:
                out[n] = future.result()
            except ValueError as error:
                out[n] = str(error)
        return out, state.batcher.task_runs


def test_calls_of_a_batched_step_share_task_runs_and_keep_their_own_outcome(
    prefect_harness,
) -> None:
    state = many_small_calls(40, return_state=True)
    out, task_runs = state.result()
    assert out == {n: "unlucky" if n == 13 else n * n for n in range(40)}
    # Three slots (2 workers + 1) start at once; the other calls wait and go up to 8 at a
    # time, fewer at the end, where what is left is shared among the slots.
    assert 40 // 8 <= task_runs <= 40 // 2
    # The batches are task runs of this flow run, under the step's name.
    with get_client(sync_client=True) as client:
        for _ in range(50):  # the server records task runs from events, a moment later
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(
                    id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
                )
            )
            if len([r for r in runs if r.name.startswith("square-or-fail")]) == task_runs:
                break
            time.sleep(0.2)
    assert len([r for r in runs if r.name.startswith("square-or-fail")]) == task_runs
