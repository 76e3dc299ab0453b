"""The graph LangGraph Server serves (langgraph.json): the interviewer, safe to expose to many candidates.

The same nodes as agent.graph, with these differences:
- The client's `context` is a ServiceContext (role name, numbers of questions, seed, flags). Every node that
  reads the runtime context gets a Context built by the server (agent.service_context): model, base URL, key
  and embedder from the server's environment, documents and index from the candidate's own folder.
- Prep documents arrive as content in the first run's input, `{"documents": [{"name", "text"}, ...]}`
  (size-limited), are stored for the candidate and read by the usual ingest. A later session of the same
  candidate without documents uses their latest upload. A thread keeps the upload it started with until its report
  is written (agent.candidates.hold_version); if that upload is gone anyway, the thread says so in one line (the
  prompt's `notice`, the report, the server's log) and goes on without notes, never with another upload's.
- wrap_up puts the report (Markdown) and transcript (JSON) into the thread's state, `values["report"]`, so a
  client reads them through the server (threads.get_state), and writes them to the candidate's folder.
- A resume that names another prompt than the one waiting, or repeats the answer just recorded, is refused
  (agent.nodes.ask.check_move): a double submit never becomes the next question's answer.
- Whatever fails inside a node other than a refused client input (a data folder that went away, a damaged file, a
  bug) reaches the client as one line naming the step and the error's kind, never its message (which may carry a
  server path); the server's log keeps the full error (agent.service.guarded).
- Every answer feeds the candidate's coaching history in the server's store (agent.coaching.store_feed), which the
  served "progress" graph (agent.service_progress) reads back.

The candidate is the server's authenticated user (agent.service_auth), with the thread's `user_id` metadata when
the client names one, else that metadata alone (a server run without auth), else the thread: question history,
indexes and reports are keyed by it.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, cast

from langchain_core.runnables import RunnableConfig
from langgraph.errors import GraphBubbleUp
from langgraph.graph.state import CompiledStateGraph
from langgraph.runtime import Runtime
from typing_extensions import TypedDict

from agent import candidates
from agent.candidates import UploadError
from agent.coaching.feed import FileFeed, HistoryFeed
from agent.coaching.record import summarize
from agent.coaching.store_feed import StoreFeed
from agent.context import Context
from agent.graph import build_graph
from agent.nodes.ask import ask_follow_up, ask_question
from agent.nodes.critique import critique_answer
from agent.nodes.decide import after_plan
from agent.nodes.plan import plan_interview
from agent.nodes.retrieve import index_future, retrieve_stories
from agent.nodes.wrap_up import wrap_up
from agent.planning import load_recent, record_session
from agent.report import build_report, model_failure_line, write_report
from agent.service_auth import candidate_of
from agent.service_context import (
    ClientInputError,
    ServiceContext,
    Settings,
    client_settings,
    trusted_context,
)
from agent.service_logging import quiet_refusals
from agent.service_warm import warm_pack_once
from agent.state import State


class UploadedDocument(TypedDict):
    """One prep document sent as content: a label (not a path) and its Markdown or plain text."""

    name: str
    text: str


class ServiceInput(TypedDict, total=False):
    """A run's input: prep documents on the first run, nothing else (LangGraph drops other keys, so a client
    cannot park data of any size in the thread's state)."""

    documents: list[UploadedDocument]


class ServiceState(State, total=False):
    """The interview state, plus the client settings and upload this thread started with and, when done, its
    report."""

    documents: list[UploadedDocument]
    docs_version: str
    settings: dict[str, Any]
    report: dict[str, Any]


def candidate_identity(runtime: Runtime[Any], config: RunnableConfig) -> str:
    """Who the candidate is: the server's authenticated user, else the thread's user_id metadata, else the thread.

    An authenticated client that names a user_id too (one web app signed in for many candidates) keeps each of its
    candidates apart under its own identity: `auth:<identity>/user:<user_id>` (agent.service_auth.candidate_of,
    which also names the coaching history a client may read)."""
    metadata = config.get("metadata") or {}
    user_id = metadata.get("user_id")
    named = f"user:{user_id.strip()}" if isinstance(user_id, str) and user_id.strip() else ""
    info = getattr(runtime, "server_info", None)
    user = getattr(info, "user", None)
    identity = str(getattr(user, "identity", "") or "") if user is not None else ""
    if identity and getattr(user, "is_authenticated", False):
        return candidate_of(identity, named.removeprefix("user:") or None)
    return named or f"thread:{_thread_id(config)}"


def _thread_id(config: RunnableConfig) -> str:
    return str((config.get("configurable") or {}).get("thread_id") or "no-thread")


def _trusted(runtime: Runtime[Any], ctx: Context) -> Runtime[Context]:
    """The runtime the wrapped node sees: the same run, with the server's Context in place of the client's."""
    return cast("Runtime[Context]", runtime.override(context=ctx))


def _settings(state: dict[str, Any], runtime: Runtime[Any]) -> Settings:
    """The settings the thread's interview started with; before it has any, this run's client context. A resume's
    context is not read: one that differs (a stale form, a client bug) would change the interview mid-way, its
    follow-ups and the role its answers are filed under."""
    return client_settings(state.get("settings") or runtime.context or {})


def _context(state: dict[str, Any], runtime: Runtime[Any], config: RunnableConfig) -> tuple[Context, str]:
    """The trusted Context for this node, and the candidate's key."""
    settings = _settings(state, runtime)
    key = candidates.candidate_key(candidate_identity(runtime, config))
    folder = candidates.documents_folder(key, state.get("docs_version") or None)
    docs = [str(folder)] if folder else []
    return trusted_context(settings, docs, str(candidates.index_dir(key)) if docs else None), key


def plan_node(state: ServiceState, runtime: Runtime[ServiceContext], config: RunnableConfig) -> dict:
    """Store an upload, plan from the candidate's history, and start building their index in the background.

    A start run on a thread that has an interview already (a double click on "start", a retried request) plans
    nothing and stores nothing: after_plan leads it back to the prompt that waits, unchanged. An answer left
    pending there was taken by a run that did not finish (cancelled, or failed, while it was graded: runs are
    queued, so none is in flight now): it is not recorded, and the prompt it answered waits again for the next
    move (sweep 39 SV15; agent.service_http takes a resume on such a thread the same way)."""
    if state.get("plan"):
        return {"documents": [], "pending_answer": None}
    settings = _settings({}, runtime)  # a bad context fails the run before anything is written
    key = candidates.candidate_key(candidate_identity(runtime, config))
    uploaded = state.get("documents")
    version = candidates.store_documents(key, uploaded) if uploaded else candidates.current_version(key)
    candidates.hold_version(key, version, _thread_id(config))  # later uploads leave it for this thread
    ctx, _ = _context({"docs_version": version, "settings": asdict(settings)}, runtime, config)
    history = candidates.history_path(key)
    recent = load_recent(ctx.role, history) if ctx.history else []
    planned = plan_interview(cast(Any, {**state, "recent_question_ids": recent}), _trusted(runtime, ctx))
    if (note := record_session(ctx.role, _thread_id(config), [q["id"] for q in planned["plan"]], history)) is not None:
        LOG.warning("%s", note)  # the operator's to fix; the interview goes on
    index_future(ctx)  # ingest and embed while the candidate reads the first question
    warm_pack_once(ctx)  # the pack's critic tables, once per process, while the candidate reads it too
    return {**planned, "documents": [], "docs_version": version or "", "recent_question_ids": recent,
            "settings": asdict(settings)}  # fmt: skip


def _gone_notice(state: ServiceState, runtime: Runtime[Any], config: RunnableConfig) -> str | None:
    """The one line a prompt carries when the thread's upload is no longer on the server (sweep43 F1)."""
    version = state.get("docs_version") or None
    if version and candidates.documents_gone(candidates.candidate_key(candidate_identity(runtime, config)), version):
        return candidates.GONE_LINE
    return None


def ask_node(state: ServiceState, runtime: Runtime[ServiceContext], config: RunnableConfig) -> dict:
    """ask_question, refusing an unmarked answer that repeats the last one (a client's double submit or retry)."""
    return ask_question(state, repeats=True, notice=_gone_notice(state, runtime, config))


def ask_follow_up_node(state: ServiceState, runtime: Runtime[ServiceContext], config: RunnableConfig) -> dict:
    return ask_follow_up(state, repeats=True, notice=_gone_notice(state, runtime, config))


def retrieve_node(state: ServiceState, runtime: Runtime[ServiceContext], config: RunnableConfig) -> dict:
    ctx, _ = _context(dict(state), runtime, config)
    return retrieve_stories(state, _trusted(runtime, ctx))


def candidate_feed(runtime: Runtime[Any], key: str) -> HistoryFeed:
    """The candidate's coaching history: the server's store, else (a graph run without one) their folder."""
    if runtime.store is not None:
        return StoreFeed(runtime.store, key)
    return FileFeed(candidates.candidate_dir(key) / "history")


def _feed(runtime: Runtime[Any], key: str, ctx: Context, config: RunnableConfig, values: dict[str, Any]) -> None:
    """Record the session's summary so far (the same summary the terminal feeds its history with); its documents
    by version id only, since any client may read the store: never the server's folder."""
    summary = summarize(_thread_id(config), ctx, values, ctx=ctx)
    labels = [Path(doc).name for doc in summary.docs]
    candidate_feed(runtime, key).record(summary.model_copy(update={"docs": labels}))


TERMINAL_HINT = "with --docs, your own stories are used"  # the critic's aside about the sample stories
SERVICE_HINT = 'upload your own notes as input={"documents": [{"name", "text"}]} and your stories are used'


def service_wording(value: Any) -> Any:
    """The critique's words for a service client: the terminal's `--docs` hint becomes the upload it can send."""
    if isinstance(value, str):
        return value.replace(TERMINAL_HINT, SERVICE_HINT)
    if isinstance(value, list):
        return [service_wording(v) for v in value]
    if isinstance(value, dict):
        return {k: service_wording(v) for k, v in value.items()}
    return value


def critique_node(state: ServiceState, runtime: Runtime[ServiceContext], config: RunnableConfig) -> dict:
    ctx, key = _context(dict(state), runtime, config)
    if not ctx.docs and candidates.documents_gone(key, state.get("docs_version") or None):
        LOG.warning("an answer was graded without the thread's notes: its upload %s is no longer in the candidate's "
                    "folder", state.get("docs_version"))  # fmt: skip
    update = service_wording(critique_answer(state, _trusted(runtime, ctx)))
    for turn in update.get("turns") or []:
        if line := model_failure_line(turn.get("usage")):  # the operator's signal (the LLM layer logs at info)
            LOG.warning("an answer was graded offline: %s (INTERVIEWER_MODEL=%s)", line.split(": ", 1)[-1], ctx.model)
    if update.get("turns"):
        _feed(runtime, key, ctx, config, {**state, **update, "turns": [*state.get("turns", []), *update["turns"]]})
    return update


def wrap_up_node(state: ServiceState, runtime: Runtime[ServiceContext], config: RunnableConfig) -> dict:
    """Close the interview; the report and transcript go into the state and the candidate's folder."""
    closed = wrap_up(state)
    ctx, key = _context(dict(state), runtime, config)
    thread = _thread_id(config)
    shown = {**asdict(_settings(dict(state), runtime)), "documents": candidates.document_names(
        candidates.documents_folder(key, state.get("docs_version") or None))}  # fmt: skip
    if not ctx.offline and ctx.may_use_llm():
        shown["model"] = ctx.model  # the model's name, never the server's URL or key
    gone = candidates.documents_gone(key, state.get("docs_version") or None)
    if gone:
        shown["documents_note"] = candidates.GONE_LINE
    values = {**state, **closed}
    markdown, transcript = build_report(thread, values, shown)
    if gone:  # under the session line, as the terminal's plan note
        head, sep, rest = markdown.partition("\n\n**")
        markdown = f"{head}\n\n{candidates.GONE_LINE[0].upper()}{candidates.GONE_LINE[1:]}.{sep}{rest}"
    name = hashlib.sha256(thread.encode()).hexdigest()[:32]  # a thread id is the client's: never a file name
    write_report(name, values, shown, candidates.reports_dir(key), built=(markdown, transcript))
    candidates.release_version(key, thread)  # its report is written: a later upload may prune its documents
    _feed(runtime, key, ctx, config, values)  # finished
    return {**closed, "report": {"markdown": markdown, "transcript": transcript}}


LOG = logging.getLogger("interviewer.service")


class ServerFault(RuntimeError):
    """A failure inside the server during a run, told to the client without its details (see guarded)."""


PASSED_ON = (GraphBubbleUp, ClientInputError, UploadError)  # an interrupt, and refusals whose line is the client's


def guarded(name: str, node: Callable[..., dict]) -> Callable[..., dict]:
    """The node, with any error but a refusal replaced by a ServerFault naming only the step and the error's kind:
    a client must not read the server's paths or internals in a run's error; the server's log keeps the original
    (logged here: the server's own record of the run shows the ServerFault alone)."""

    @functools.wraps(node)
    def run(*args: Any, **kwargs: Any) -> dict:
        try:
            return node(*args, **kwargs)
        except PASSED_ON:
            raise
        except Exception as exc:
            LOG.error("the interview graph failed at %s: %s: %s", name, type(exc).__name__, exc, exc_info=True)
            raise ServerFault(f"the server failed at {name} ({type(exc).__name__}); its log has the details, and "
                              "the thread keeps what was recorded before this run") from exc  # fmt: skip

    return run


def compile_service(checkpointer: Any = None) -> CompiledStateGraph[Any, Any, Any, Any]:
    """The served graph (LangGraph Server supplies the checkpointer and store itself)."""
    nodes: dict[str, Callable[..., dict]] = {
        "plan_interview": plan_node,
        "ask_question": ask_node,
        "ask_follow_up": ask_follow_up_node,
        "retrieve_stories": retrieve_node,
        "critique_answer": critique_node,
        "wrap_up": wrap_up_node,
    }
    guarded_nodes = {name: guarded(name, node) for name, node in nodes.items()}
    builder = build_graph(ServiceState, ServiceContext, ServiceInput, guarded_nodes, after_plan=after_plan)
    return builder.compile(checkpointer=checkpointer, name="interviewer")


graph = compile_service()
quiet_refusals()  # the server imports this module at start: a refused client input logs one line
