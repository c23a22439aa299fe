"""Prefect tasks that cost nothing outside a run: interactive commands never import Prefect.

`import prefect` takes ~2 s and a task called outside a flow starts a temporary API server
(10-15 s, ../shared/STACK.md), which made `pledgewatch report` take 15-20 s for a 0.8 s
render. A function decorated with `task` here becomes a real Prefect task (task run, retries,
logs in the UI) when it is called inside a flow run, and stays a plain call otherwise (the
command line), with the same retries done by a plain loop.
"""

from __future__ import annotations

import functools
import logging
import sys
import time
from collections.abc import Callable
from typing import Any, cast


def in_run() -> bool:
    """True inside a Prefect flow or task run (never imports Prefect to find out)."""
    context = sys.modules.get("prefect.context")
    if context is None:
        return False
    return bool(context.FlowRunContext.get() or context.TaskRunContext.get())


def logger() -> logging.Logger | logging.LoggerAdapter:
    """Prefect's run logger inside a run; the plain `pledgewatch` logger elsewhere."""
    if in_run():
        from prefect import get_run_logger

        return get_run_logger()
    return logging.getLogger("pledgewatch")


class _Lazy:
    """A function and the Prefect options it is decorated with, built into Prefect later."""

    __name__: str  # and the function's other attributes, copied by functools.update_wrapper

    def __init__(self, fn: Callable, options: dict[str, Any]) -> None:
        functools.update_wrapper(cast(Callable[..., Any], self), fn)  # both kinds are callable
        self.fn = fn
        self.options = options


class LazyTask(_Lazy):
    """A function that runs as a Prefect task inside a run and as itself outside one.

    `retry_if(error) -> bool` decides whether a failure is worth retrying, in both modes
    (Prefect gets it as its retry_condition_fn).
    """

    @functools.cached_property
    def prefect_task(self):
        from prefect import task
        from prefect.cache_policies import NO_CACHE

        options = {"cache_policy": NO_CACHE, **self.options}
        options.pop("batch", None)  # how flows/cpu.py groups calls; not Prefect's
        retry_if = options.pop("retry_if", None)
        if retry_if is not None:
            options["retry_condition_fn"] = functools.partial(_retry_condition, retry_if)
        return task(**options)(self.fn)

    def with_options(self, **options: Any) -> LazyTask:
        return LazyTask(self.fn, {**self.options, **options})

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if in_run():
            return self.prefect_task(*args, **kwargs)
        return self._plain(*args, **kwargs)

    def submit(self, *args: Any, **kwargs: Any):
        return self.prefect_task.submit(*args, **kwargs)

    def map(self, *args: Any, **kwargs: Any):
        return self.prefect_task.map(*args, **kwargs)

    def _plain(self, *args: Any, **kwargs: Any) -> Any:
        retries = int(self.options.get("retries") or 0)
        delays = self.options.get("retry_delay_seconds") or 0
        delays = list(delays) if isinstance(delays, list | tuple) else [delays]
        retry_if = self.options.get("retry_if") or (lambda error: True)
        for attempt in range(retries + 1):
            try:
                return self.fn(*args, **kwargs)
            except Exception as error:
                if attempt == retries or not retry_if(error):
                    raise
                delay = (
                    delays[min(attempt, len(delays) - 1)]
                    if isinstance(delays, list | tuple)
                    else delays
                )
                logger().warning("%s failed (%s); retrying in %s s", self.__name__, error, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")


def _retry_condition(retry_if: Callable[[BaseException], bool], task, task_run, state) -> bool:
    try:
        state.result()
    except Exception as error:
        return retry_if(error)
    return True


def task(**options: Any) -> Callable[[Callable], LazyTask]:
    """Like prefect.task (NO_CACHE by default: tasks take paths and plain rows)."""
    return lambda fn: LazyTask(fn, options)


class LazyFlow(_Lazy):
    """A Prefect flow built on first call, so importing its module does not import Prefect.

    Calling it runs a flow run as usual; `.fn` is the plain body for interactive commands.
    Deployed flows (prefect.yaml entrypoints) stay real `prefect.flow` objects.
    """

    @functools.cached_property
    def prefect_flow(self):
        from prefect import flow

        return flow(**self.options)(self.fn)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.prefect_flow(*args, **kwargs)


def flow(**options: Any) -> Callable[[Callable], LazyFlow]:
    """Like prefect.flow, built lazily (see LazyFlow)."""
    return lambda fn: LazyFlow(fn, options)
