"""One thread pool for every synchronous LangGraph run of the process, instead of a new one per run.

LangGraph's sync runs (graph.invoke) enter langchain_core's get_executor_for_config, which makes a new
ThreadPoolExecutor per run and shuts it down when the run ends: the run's background work (the checkpoint's put
and put_writes with durability="exit", a superstep's second task) starts 2-3 new threads per answer. Starting a
thread waits until the new thread is scheduled, and ThreadPoolExecutor starts it while holding the lock that
every executor of the process shares (concurrent.futures.thread's _global_shutdown_lock): under load every other
submit in the process (the history writer's, another session's run) queued behind those starts (load41 --phases:
2-3 thread starts per turn, a "history" phase of 85-770 ms wall for 0 ms CPU).

share_run_executor() makes get_executor_for_config, as LangGraph's BackgroundExecutor calls it, hand out one
shared executor whose threads stay alive between runs (a thread starts only when none is idle). What a run sees
is unchanged: its BackgroundExecutor still waits for its own tasks at exit and re-raises their errors; only the
shutdown of the executor, which waited for those same tasks, is skipped. A config with max_concurrency keeps the
library's own per-run executor (the limit is per run). The shared pool is large (SHARED_THREADS) so a task that
waits for another task of its run (a subgraph inside a parallel node) never waits for a thread that cannot start.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SHARED_THREADS = 256  # idle ones are reused: a process starts only as many as its runs ever needed at once
_shared: Any = None
_guard = threading.Lock()


def _forget_in_child() -> None:
    """A forked child has none of the parent's threads: an executor that counts them idle would queue every run's
    checkpoint write for a thread that does not exist (the run would hang). The child makes its own."""
    global _shared, _guard
    _shared, _guard = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def shared_executor() -> Any:
    """The process's shared executor (a langchain_core ContextThreadPoolExecutor: the caller's context is copied
    into the task, as with the per-run one)."""
    global _shared
    with _guard:
        if _shared is None:
            from langchain_core.runnables.config import ContextThreadPoolExecutor

            _shared = ContextThreadPoolExecutor(max_workers=SHARED_THREADS, thread_name_prefix="graph-run")
        return _shared


def share_run_executor() -> bool:
    """Make LangGraph's sync runs use the shared executor (idempotent); False when this LangGraph version does not
    take its executor from where it is replaced here (then every run makes its own, as before)."""
    try:
        from langgraph.pregel import _executor
    except ImportError:
        return False
    library = getattr(_executor, "get_executor_for_config", None)
    if library is None:
        return False
    if getattr(library, "shared_run_executor", False):
        return True

    @contextmanager
    def get_executor_for_config(config: Any) -> Iterator[Any]:
        if (config or {}).get("max_concurrency") is not None:
            with library(config) as own:
                yield own
            return
        yield shared_executor()  # not shut down: BackgroundExecutor.__exit__ has waited for the run's tasks

    get_executor_for_config.shared_run_executor = True  # type: ignore[attr-defined]
    _executor.get_executor_for_config = get_executor_for_config
    return True
