"""The interviewer graph: plan, ask, retrieve, critique, decide, follow up, wrap up.

    START -> plan_interview -> ask_question --(answer)--> retrieve_stories -> critique_answer --decide-->
        follow_up -> ask_follow_up --(answer)--> critique_answer
        next_question -> ask_question;  wrap_up -> END
    (a skip moves to the next question; "end" goes straight to wrap_up)

ask_question and ask_follow_up interrupt for the candidate's answer. Drive it with agent.driver.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent.cli_signals import graph_code
from agent.context import Context
from agent.nodes.ask import ask_follow_up, ask_question
from agent.nodes.critique import critique_answer
from agent.nodes.decide import after_follow_up, after_question, decide
from agent.nodes.plan import plan_interview
from agent.nodes.retrieve import retrieve_stories
from agent.nodes.wrap_up import wrap_up
from agent.run_executor import share_run_executor
from agent.state import InputState, State


def build_graph(
    state: type[Any] = State,
    context: type[Any] = Context,
    input_schema: type[Any] = InputState,
    nodes: dict[str, Any] | None = None,
    after_plan: Any = None,
) -> StateGraph[Any, Any, Any, Any]:
    """The uncompiled graph builder (compile it with your own checkpointer).

    The service (agent.service) passes its own schemas and wraps the nodes that read the runtime context, and
    `after_plan` (agent.nodes.decide.after_plan): a start run on a thread whose interview is under way goes back to
    the prompt that waits instead of asking the next question."""
    builder = StateGraph(state, context_schema=context, input_schema=input_schema)
    own = {
        "plan_interview": plan_interview,
        "ask_question": ask_question,
        "retrieve_stories": retrieve_stories,
        "critique_answer": critique_answer,
        "ask_follow_up": ask_follow_up,
        "wrap_up": wrap_up,
    }
    for name, node in {**own, **(nodes or {})}.items():
        builder.add_node(name, node)
    # a stop in our own code is raised there; one in LangGraph's bookkeeping waits (agent.cli_signals)
    graph_code(*own.values(), *(nodes or {}).values(), after_question, decide, after_follow_up, after_plan)

    builder.add_edge(START, "plan_interview")
    if after_plan is None:
        builder.add_edge("plan_interview", "ask_question")
    else:
        routes: dict[Hashable, str] = {"question": "ask_question", "follow_up": "ask_follow_up", "wrap_up": "wrap_up",
                                       "done": END}  # fmt: skip
        builder.add_conditional_edges("plan_interview", after_plan, routes)
    builder.add_conditional_edges(
        "ask_question",
        after_question,
        {"answered": "retrieve_stories", "next_question": "ask_question", "wrap_up": "wrap_up"},
    )
    builder.add_edge("retrieve_stories", "critique_answer")
    builder.add_conditional_edges(
        "critique_answer",
        decide,
        {"follow_up": "ask_follow_up", "next_question": "ask_question", "wrap_up": "wrap_up"},
    )
    builder.add_conditional_edges(
        "ask_follow_up",
        after_follow_up,
        {"answered": "critique_answer", "next_question": "ask_question", "wrap_up": "wrap_up"},
    )
    builder.add_edge("wrap_up", END)
    return builder


def compile_graph(checkpointer: Any = None) -> CompiledStateGraph[State, Context, InputState, State]:
    """The runnable graph; pass a checkpointer (SqliteSaver, InMemorySaver) to pause at questions."""
    return build_graph().compile(checkpointer=checkpointer, name="interviewer")


share_run_executor()  # every run of this process on one thread pool, not a new one (and 2-3 thread starts) each
graph = compile_graph()


def graph_with(checkpointer: Any) -> CompiledStateGraph[State, Context, InputState, State]:
    """The compiled graph above bound to a checkpointer: a shallow copy (~0.06 ms) instead of a new compile
    (~7 ms of CPU), which a process that starts many sessions (a server worker, evals.load) paid per session.
    Compiled graphs keep no per-run state, so the copies share nodes and channel specs safely."""
    return graph.copy(update={"checkpointer": checkpointer})
