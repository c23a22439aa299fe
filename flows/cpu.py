"""Where CPU-bound work runs: worker processes on one machine, a Dask cluster beyond it.

Feed parsing, page text and extraction are pure Python under the GIL: in the fetching
process's threads they used one core between them (bench/README.md). The ingest flow keeps
the I/O (fetching, writing) in its own process and hands each CPU step to a Prefect task
runner, Prefect's own idiom for where tasks run:

- `PLEDGEWATCH_DASK_ADDRESS=tcp://host:8786`: prefect-dask's DaskTaskRunner on that
  scheduler (docs/scaling.md);
- else a ProcessPoolTaskRunner with PLEDGEWATCH_CPU_WORKERS processes (default: the usable
  cores), when the run has at least PARALLEL_MIN_UNITS units of work; smaller runs (the demo,
  tests, a quiet incremental run) stay inline, since a worker costs ~2 s to start;
- PLEDGEWATCH_CPU_POOL=thread or none: threads (for runners that forbid child processes)
  or inline.

The steps are `flows.tasking` tasks: run on a runner they are Prefect task runs (state,
logs), inline they are plain calls.
"""

from __future__ import annotations

import contextlib
import inspect
import os
from collections.abc import Iterator
from concurrent.futures import Future
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from flows.tasking import LazyTask

POOL_KINDS = ("process", "thread", "none")
PARALLEL_MIN_UNITS = 8  # feeds (ingest) or chunks (re-extraction) worth starting workers for
DASK_ADDRESS = "PLEDGEWATCH_DASK_ADDRESS"


@dataclass(frozen=True)
class _Workers:
    runner: Any  # a started prefect TaskRunner, or None for inline
    known_ids: frozenset[str]
    summary_ids: frozenset[str]


_current: ContextVar[_Workers | None] = ContextVar("pledgewatch_cpu", default=None)


def fanout(pool: str | None = None, workers: int | None = None) -> tuple[str, int]:
    """(pool kind, workers) from the arguments, else the environment, else (process, cores)."""
    kind = (pool or os.environ.get("PLEDGEWATCH_CPU_POOL") or "process").strip().lower()
    if kind not in POOL_KINDS:
        raise ValueError(f"PLEDGEWATCH_CPU_POOL must be one of {POOL_KINDS}, not {kind!r}")
    count = workers or int(os.environ.get("PLEDGEWATCH_CPU_WORKERS") or 0)
    if count <= 0:
        count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
        count = count or os.cpu_count() or 1
    return ("none", 1) if count == 1 else (kind, count)


def make_runner(units: int, pool: str | None = None, workers: int | None = None):
    """The task runner for `units` pieces of CPU work, or None to run them inline."""
    address = os.environ.get(DASK_ADDRESS, "").strip()
    if address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address)
    kind, count = fanout(pool, workers)
    if kind == "none" or units < PARALLEL_MIN_UNITS:
        return None
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=count)
    from prefect.task_runners import ProcessPoolTaskRunner

    return ProcessPoolTaskRunner(max_workers=count)


@contextlib.contextmanager
def workers(
    units: int,
    known_ids: frozenset[str] = frozenset(),
    pool: str | None = None,
    count: int | None = None,
    summary_ids: frozenset[str] = frozenset(),
) -> Iterator[Any]:
    """Start the runner for this block; `run` and `submit` inside it use it.

    `known_ids` (articles already stored) and `summary_ids` (those stored with only their
    summary, tried again) are shared with the fetching threads here rather than passed as
    task parameters, which Prefect would walk once per feed.
    """
    runner = make_runner(units, pool, count)
    token = _current.set(_Workers(runner, known_ids, summary_ids))
    try:
        if runner is None:
            yield None
        else:
            with runner:
                yield runner
    finally:
        _current.reset(token)


def known_ids() -> frozenset[str]:
    state = _current.get()
    return state.known_ids if state else frozenset()


def summary_ids() -> frozenset[str]:
    state = _current.get()
    return state.summary_ids if state else frozenset()


def submit(step: LazyTask, *args: Any) -> Future | Any:
    """Start `step(*args)` on the current runner; a future, or its result when inline."""
    state = _current.get()
    if state is None or state.runner is None:
        return _Done(step.fn(*args))
    parameters = inspect.signature(step.fn).bind(*args).arguments
    return state.runner.submit(step.prefect_task, dict(parameters))


def run(step: LazyTask, *args: Any) -> Any:
    """`step(*args)` on the current runner, waiting for its result."""
    return submit(step, *args).result()


class _Done:
    """The result of an inline step, shaped like a future."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value
