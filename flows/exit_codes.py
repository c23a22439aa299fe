"""Exit codes a scheduler can act on, the rules that make a run "finished with failures",
and the Prefect final state that says the same thing to Prefect's scheduler.

| code | meaning                                                                           |
|------|-----------------------------------------------------------------------------------|
| 0    | all well (a feed or page that failed is counted and shown, not fatal)            |
| 1    | finished with failures (FAILURE_RULES); `status`: the last run was interrupted or |
|      | failed, or a feed is failing                                                      |
| 2    | could not run: bad settings, feeds file, week or SQL, a locked database, another  |
|      | run holding the run lock                                                          |
| 3    | crashed: an unexpected error (a bug); the traceback is printed                    |
| 130  | interrupted (Ctrl-C)                                                              |
| 141  | the reader of the output left (`pledgewatch status | head`), as a shell reports   |
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    OK = 0
    FAILURES = 1
    COULD_NOT_RUN = 2
    CRASHED = 3
    INTERRUPTED = 130
    BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose pipe closed


@dataclass(frozen=True)
class FailureRule:
    """A condition that makes a run that reached its end "failed" rather than "partial"."""

    name: str
    reason: str
    fires: Callable[[Mapping[str, int], Mapping[str, Any]], bool]
    example: str


FAILURE_RULES: tuple[FailureRule, ...] = (
    FailureRule(
        "every-feed-failed",
        "every feed failed: nothing new could be read",
        lambda counts, extra: (
            counts.get("feeds_failed", 0) > 0
            and not counts.get("feeds_ok", 0)
            and not counts.get("feeds_not_modified", 0)
        ),
        "3 feeds: DNS failure, HTTP 500, timeout",
    ),
    FailureRule(
        "delivery-failed",
        "the briefing could not be delivered",
        lambda counts, extra: extra.get("delivery_status") == "failed",
        "SMTP 550 after every retry",
    ),
    FailureRule(
        "delivery-held",
        "the briefing was not sent: a killed run may have sent it already",
        lambda counts, extra: extra.get("delivery_status") == "held",
        "a run SIGKILLed between the SMTP server's 250 and its record",
    ),
)

EXIT_FOR_STATUS = {"ok": ExitCode.OK, "partial": ExitCode.OK, "failed": ExitCode.FAILURES}


def failures(counts: Mapping[str, int], extra: Mapping[str, Any]) -> list[str]:
    """Why a run that reached its end failed (empty: it is ok, or partial if it had errors)."""
    return [rule.reason for rule in FAILURE_RULES if rule.fires(counts, extra)]


class FinishedWithFailures(Exception):
    """A run that reached its end with failures; carries the run's result for the caller."""

    def __init__(self, message: str, result: dict[str, Any]) -> None:
        super().__init__(message)
        self.result = result


def final_state(result: dict[str, Any]) -> Any:
    """What a flow returns: its result, or a Failed state (holding it) when the run failed,
    so a deployment's flow run ends Failed exactly when the CLI would exit 1."""
    if result.get("status") != "failed":
        return result
    from prefect.states import Failed

    message = "finished with failures: " + "; ".join(result.get("failures") or ["see errors"])
    return Failed(message=message, data=FinishedWithFailures(message, result))


def flow_outcome(state: Any) -> tuple[dict[str, Any], ExitCode]:
    """(result, exit code) from a flow's final state; an exception inside the flow is raised."""
    value = state.result(raise_on_failure=False)
    if isinstance(value, FinishedWithFailures):
        return value.result, ExitCode.FAILURES
    if isinstance(value, BaseException):
        raise value
    return value, EXIT_FOR_STATUS.get(value.get("status"), ExitCode.FAILURES)


def forget_frames(error: BaseException | None) -> None:
    """Drop the tracebacks of a handled error and of its causes.

    Prefect keeps a failed task's or flow's exception in its state until the process exits;
    the traceback pins every calling frame and its locals (DuckDB connections among them),
    which DuckDB's bindings then report at exit as ~40 lines of "nanobind: leaked" noise.
    """
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        error.__traceback__ = None
        error = error.__cause__ or error.__context__
