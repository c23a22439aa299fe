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

A task run on a worker process costs ~80 ms of Prefect's own CPU (settings, client, run
records; bench/README.md), more than parsing a feed. A step declared with `batch=N` is
therefore sent in batches: at most `workers + 1` batches are in flight, and whatever calls
piled up meanwhile go together (up to N) in one task run when a slot frees. An idle pool
gets each call at once; a busy one gets fewer, larger task runs.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import ContextVar, copy_context
from dataclasses import dataclass, field
from typing import Any

from flows.tasking import LazyTask, logger

POOL_KINDS = ("process", "thread", "none")
PARALLEL_MIN_UNITS = 8  # feeds (ingest) or chunks (re-extraction) worth starting workers for
DASK_ADDRESS = "PLEDGEWATCH_DASK_ADDRESS"


def run_calls(fn: Callable, calls: list[tuple]) -> list[tuple[bool, Any]]:
    """One task run for a batch of calls of `fn`: (True, result) or (False, the exception)
    per call, so one bad feed fails its own caller only."""
    outcomes: list[tuple[bool, Any]] = []
    for args in calls:
        try:
            outcomes.append((True, fn(*args)))
        except Exception as error:
            outcomes.append((False, error))
    return outcomes


@functools.cache
def _batch_task(step: LazyTask) -> LazyTask:
    """The task that runs batches of `step`, under the step's own name in the UI."""
    return LazyTask(run_calls, step.options)


@dataclass
class _Call:
    step: LazyTask
    args: tuple
    future: Future = field(default_factory=Future)


class _Batcher:
    """Sends calls of batched steps to the runner, at most `slots` task runs at a time."""

    def __init__(self, runner: Any, slots: int) -> None:
        self.runner = runner
        self.slots = slots
        self.busy = 0
        self.pending: list[_Call] = []
        self.lock = threading.Lock()
        self.senders = ThreadPoolExecutor(slots, thread_name_prefix="pledgewatch-cpu")
        self.calls = self.task_runs = 0

    def submit(self, step: LazyTask, args: tuple) -> Future:
        call = _Call(step, args)
        with self.lock:
            self.calls += 1
            self.pending.append(call)
            start = self.busy < self.slots
            self.busy += start
        if start:  # in the caller's context, so the task runs belong to its flow run
            self.senders.submit(copy_context().run, self._send_while_pending)
        return call.future

    def _take(self) -> list[_Call]:
        """The oldest call and the later calls of the same step: up to the step's batch, and
        no more than a fair share of the slots (so the last calls of a run are spread over
        the workers rather than queued behind one)."""
        step = self.pending[0].step
        waiting = [c for c in self.pending if c.step is step]
        limit = min(int(step.options.get("batch") or 1), -(-len(waiting) // self.slots))
        batch = waiting[:limit]
        taken = {id(c) for c in batch}
        self.pending = [c for c in self.pending if id(c) not in taken]
        return batch

    def _send_while_pending(self) -> None:
        while True:
            with self.lock:
                if not self.pending:
                    self.busy -= 1
                    return
                batch = self._take()
                self.task_runs += 1
            self._send(batch)

    def _send(self, batch: list[_Call]) -> None:
        step = batch[0].step
        parameters = {"fn": step.fn, "calls": [c.args for c in batch]}
        try:
            outcomes = self.runner.submit(_batch_task(step).prefect_task, parameters).result()
        except BaseException as error:  # the task run itself failed (e.g. a worker died)
            for call in batch:
                call.future.set_exception(error)
            return
        for call, (ok, value) in zip(batch, outcomes, strict=True):
            if ok:
                call.future.set_result(value)
            else:
                call.future.set_exception(value)

    def close(self) -> None:
        self.senders.shutdown(wait=True)
        if self.calls:
            logger().info(
                "CPU steps: %d calls in %d task runs (%d at a time)",
                self.calls,
                self.task_runs,
                self.slots,
            )


@dataclass(frozen=True)
class _Workers:
    runner: Any  # a started prefect TaskRunner, or None for inline
    known_ids: frozenset[str]
    summary_ids: frozenset[str]
    batcher: _Batcher | None = None


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
    if runner is None:
        token = _current.set(_Workers(None, known_ids, summary_ids))
        try:
            yield None
        finally:
            _current.reset(token)
        return
    batcher = _Batcher(runner, fanout(pool, count)[1] + 1)
    token = _current.set(_Workers(runner, known_ids, summary_ids, batcher))
    try:
        with runner:
            try:
                yield runner
            finally:
                batcher.close()
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
    if state.batcher is not None and step.options.get("batch"):
        return state.batcher.submit(step, args)
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
