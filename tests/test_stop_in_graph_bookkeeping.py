"""A Ctrl-C that lands while LangGraph does its own bookkeeping (applying a step's writes, saving the checkpoint) waits
until the graph is out of it, then stops (agent.cli_signals): raised in there, it cut a step in half, and one loaded
run of test_submitted_at_ctrl_c's 30-ms case saved a session whose resume had lost the answer just submitted.

The real handler and a real LangGraph graph with a checkpointer; the SIGINT is sent from a channel reducer, which
LangGraph calls while it applies a step's writes (the same place the race's signal was caught, in a sweep)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from typing import Annotated, Any, TypedDict

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph

from agent import cli_signals

_ON_WRITE: list[Any] = []  # called by the reducer with each write it applies


def _turns(left: list[str], right: list[str]) -> list[str]:
    for hook in _ON_WRITE:
        hook(right)
    return left + right


class State(TypedDict):
    turns: Annotated[list[str], _turns]


@pytest.fixture
def handlers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in (("_interrupts", 0), ("_stop_due", False), ("_holding", False), ("_ended", False),
                        ("_retry", None)):
        monkeypatch.setattr(cli_signals, name, value, raising=False)
    before = signal.signal(signal.SIGINT, cli_signals.on_interrupt)
    again = signal.signal(cli_signals.RAISE_AGAIN, cli_signals._raise_again)
    try:
        yield
    finally:
        cli_signals.rearm()  # the stop was taken: a retry still on its way raises nothing
        if cli_signals._retry is not None:
            cli_signals._retry.join()  # never a SIGUSR1 after its handler is gone (it would end the process)
        signal.signal(signal.SIGINT, before)
        signal.signal(cli_signals.RAISE_AGAIN, again)


def _graph(node: Any) -> Any:
    builder: Any = StateGraph(State)
    builder.add_node("answer", node)
    builder.add_edge(START, "answer")
    builder.add_edge("answer", END)
    return builder.compile(checkpointer=InMemorySaver())


def test_ctrl_c_inside_the_graphs_bookkeeping_finishes_the_step_then_stops(handlers: None) -> None:
    def ctrl_c(writes: list[str]) -> None:
        if writes == ["graded answer"]:
            os.kill(os.getpid(), signal.SIGINT)

    _ON_WRITE.append(ctrl_c)
    graph = _graph(lambda state: {"turns": ["graded answer"]})
    config = {"configurable": {"thread_id": "t"}}
    stopped = False
    try:
        graph.invoke({"turns": []}, config, durability="exit")
        cli_signals.check_stop()  # the next step boundary
    except KeyboardInterrupt:
        stopped = True
    finally:
        _ON_WRITE.clear()
    assert stopped  # the Ctrl-C was not dropped
    assert graph.get_state(config).values == {"turns": ["graded answer"]}  # and the step was saved whole


def test_ctrl_c_in_a_node_still_stops_it(handlers: None) -> None:
    """A node's own code (an LLM call) is stopped where it is, as before."""

    def node(state: Any) -> Any:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000_000):  # a slow call: the stop lands in here
            pass
        return {"turns": ["never"]}

    graph = _graph(node)
    with pytest.raises(KeyboardInterrupt):
        graph.invoke({"turns": []}, {"configurable": {"thread_id": "t"}}, durability="exit")


def test_the_frame_test_tells_our_code_from_langgraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    """How the handler tells LangGraph's frames from ours, asked where it matters on the LangGraph installed: inside a
    node named by graph_code (ours, whatever LangGraph calls it from), inside a channel reducer and inside the
    checkpointer's save (LangGraph's bookkeeping). Fails if an upgrade moves that work out of the frames it knows."""
    import sys

    monkeypatch.setattr(cli_signals, "_GRAPH_CODE", set())
    seen: dict[str, bool] = {}

    def node(state: Any) -> Any:
        seen["node"] = cli_signals._in_graph_machinery(sys._getframe())
        return {"turns": ["graded answer"]}

    class Saver(InMemorySaver):
        def put(self, *args: Any, **kwargs: Any) -> Any:
            seen.setdefault("checkpoint", cli_signals._in_graph_machinery(sys._getframe()))
            return super().put(*args, **kwargs)

    def reducer(writes: list[str]) -> None:
        seen.setdefault("reducer", cli_signals._in_graph_machinery(sys._getframe()))

    cli_signals.graph_code(node)
    builder: Any = StateGraph(State)
    builder.add_node("answer", node)
    builder.add_edge(START, "answer")
    builder.add_edge("answer", END)
    _ON_WRITE.append(reducer)
    try:
        builder.compile(checkpointer=Saver()).invoke({"turns": []}, {"configurable": {"thread_id": "t"}})
    finally:
        _ON_WRITE.clear()
    assert seen == {"node": False, "reducer": True, "checkpoint": True}
    assert not cli_signals._in_graph_machinery(sys._getframe())  # outside the graph


def test_the_interview_graph_names_its_nodes_and_routes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every function the interview graph runs as a node or a route is named to the handler (graph_code): a stop in
    it is raised there, not held as if it were LangGraph's own work."""
    from agent import graph
    from agent.nodes.decide import after_follow_up, after_question, decide

    monkeypatch.setattr(cli_signals, "_GRAPH_CODE", set())
    builder = graph.build_graph()
    nodes = [spec.runnable.func for spec in builder.nodes.values()]
    assert len(nodes) == 6
    for function in [*nodes, after_question, decide, after_follow_up]:
        assert function.__code__ in cli_signals._GRAPH_CODE, function
