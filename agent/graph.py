"""The interviewer graph: plan, ask, retrieve, critique, decide, follow up, wrap up.

    START -> plan_interview -> ask_question --(answer)--> retrieve_stories -> critique_answer --decide-->
        follow_up -> ask_follow_up --(answer)--> critique_answer
        next_question -> ask_question;  wrap_up -> END
    (a skip moves to the next question; "end" goes straight to wrap_up)

ask_question and ask_follow_up interrupt for the candidate's answer. Drive it with agent.driver.
"""

from __future__ import annotations

from typing import Any

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent.context import Context
from agent.nodes.ask import ask_follow_up, ask_question
from agent.nodes.critique import critique_answer
from agent.nodes.decide import after_follow_up, after_question, decide
from agent.nodes.plan import plan_interview
from agent.nodes.retrieve import retrieve_stories
from agent.nodes.wrap_up import wrap_up
from agent.state import InputState, State


def build_graph() -> StateGraph[State, Context, InputState, State]:
    """The uncompiled graph builder (compile it with your own checkpointer)."""
    builder = StateGraph(State, context_schema=Context, input_schema=InputState)
    builder.add_node("plan_interview", plan_interview)
    builder.add_node("ask_question", ask_question)
    builder.add_node("retrieve_stories", retrieve_stories)
    builder.add_node("critique_answer", critique_answer)
    builder.add_node("ask_follow_up", ask_follow_up)
    builder.add_node("wrap_up", wrap_up)

    builder.add_edge(START, "plan_interview")
    builder.add_edge("plan_interview", "ask_question")
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


graph = compile_graph()
