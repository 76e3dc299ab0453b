"""The "progress" graph LangGraph Server serves beside the interviewer: a candidate's practice across sessions.

A client runs it statelessly (`client.runs.wait(None, "progress", input={"role": "director"})`) and gets back what
`python -m agent.progress --json` shows, read from the coaching history the interviewer feeds into the server's
store for the same candidate (agent.service.candidate_identity: the authenticated user, else the `user_id`
metadata). The client names a role among the installed packs, nothing else: story coverage and job-description
matching stay with the terminal tool, and document paths never leave the server (only file names do).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.runtime import Runtime
from typing_extensions import TypedDict

from agent import candidates
from agent.service import candidate_feed, candidate_identity
from agent.service_context import installed_role


class ProgressInput(TypedDict, total=False):
    """role: an installed role pack's name; none = the role of the candidate's latest session."""

    role: str


class ProgressOutput(TypedDict, total=False):
    """The progress view (per competency: scores over time, trend, recurring gaps, prompting), or why there is none."""

    view: dict[str, Any]
    error: str


def progress_node(state: ProgressInput, runtime: Runtime[Any], config: RunnableConfig) -> ProgressOutput:
    from agent.progress import build_view

    role = state.get("role")
    if role is not None:
        installed_role(role)  # a name, never a path: a bad one fails the run with the installed roles listed
    key = candidates.candidate_key(candidate_identity(runtime, config))
    feed = candidate_feed(runtime, key)
    try:
        view = build_view(role, docs=[], with_coverage=False, feed=feed)
    except ValueError as exc:
        return {"error": str(exc).replace("run `python -m agent.session --role ROLE` first, or give --role",
                                          "finish an interview first, or give a role")}  # fmt: skip
    view["docs"] = sorted({Path(d).name for s in feed.sessions(view["role"]) for d in s.docs})
    return {"view": view}


def compile_progress() -> CompiledStateGraph[Any, Any, Any, Any]:
    builder = StateGraph(ProgressOutput, input_schema=ProgressInput, output_schema=ProgressOutput)
    builder.add_node("progress", cast(Any, progress_node))  # runtime and config are injected
    builder.add_edge(START, "progress")
    builder.add_edge("progress", END)
    return builder.compile(name="progress")


graph = compile_progress()
