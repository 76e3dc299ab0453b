"""LangGraph's sync runs share one thread pool in this process (agent.run_executor), and a run still ends only once
its own checkpoint is written."""

from __future__ import annotations

import threading
from typing import Any, TypedDict

from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph

import agent.graph  # noqa: F401  (installs the shared executor, as every driver and server process does)


class _Counter(TypedDict):
    count: int


class _RecordingSaver(InMemorySaver):
    """Notes the thread each checkpoint write ran on (keeping the Thread objects: no id is reused)."""

    def __init__(self) -> None:
        super().__init__()
        self.writers: list[threading.Thread] = []

    def put(self, *args: Any, **kwargs: Any) -> Any:
        self.writers.append(threading.current_thread())
        return super().put(*args, **kwargs)


def _graph(saver: InMemorySaver) -> Any:
    builder = StateGraph(_Counter)
    builder.add_node("step", lambda state: {"count": state["count"] + 1})
    builder.add_edge(START, "step")
    builder.add_edge("step", END)
    return builder.compile(checkpointer=saver)


def _run(graph: Any, thread: str, config: dict[str, Any] | None = None) -> None:
    graph.invoke({"count": 0}, {"configurable": {"thread_id": thread}, **(config or {})}, durability="exit")


def test_runs_reuse_the_threads_of_earlier_runs() -> None:
    saver = _RecordingSaver()
    graph = _graph(saver)
    _run(graph, "first")  # may start a thread: the pool's first task in this process
    alive = set(threading.enumerate())
    for n in range(5):
        _run(graph, f"t{n}")
    later = saver.writers[1:]
    assert len(later) == 5
    started = [t.name for t in later if t not in alive]
    assert not started, f"runs after the first started threads to write their checkpoints: {started}"


def test_each_run_returns_with_its_checkpoint_written() -> None:
    saver = InMemorySaver()
    graph = _graph(saver)
    errors: list[BaseException] = []

    def user(n: int) -> None:
        try:
            for turn in range(3):
                _run(graph, f"u{n}-{turn}")
                state = graph.get_state({"configurable": {"thread_id": f"u{n}-{turn}"}})
                assert state.values == {"count": 1}, state.values
        except BaseException as exc:  # reported below: a thread's assertion is not the test's
            errors.append(exc)

    users = [threading.Thread(target=user, args=(n,)) for n in range(12)]
    for t in users:
        t.start()
    for t in users:
        t.join()
    assert errors == []


def test_a_run_with_max_concurrency_keeps_a_pool_of_its_own() -> None:
    from agent.run_executor import shared_executor

    saver = _RecordingSaver()
    graph = _graph(saver)
    _run(graph, "limited", {"max_concurrency": 1})
    shared = set(getattr(shared_executor(), "_threads", set()))
    assert saver.writers and all(t not in shared for t in saver.writers)


def test_a_forked_child_runs_graphs_on_threads_of_its_own() -> None:
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return
    graph = _graph(InMemorySaver())
    _run(graph, "parent")  # the parent's pool has a thread, idle, that a child would not have
    child = multiprocessing.get_context("fork").Process(target=_run, args=(graph, "child"))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
    assert child.exitcode == 0, "a graph run in a forked child did not finish"
