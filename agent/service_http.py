"""The interview service's HTTP layer (langgraph.json `http.app`): a check in front of the runs a client starts on a
thread, for the moves no graph node sees.

LangGraph runs nothing of the graph for a resume on a thread whose interview has ended (the run succeeds and the
answer is dropped) or that has none yet (an internal TypeError), and fails a first run sent without input with an
error naming `__start__`. Each becomes one line here, before the run is queued:
- a resume on an ended interview: refused (HTTP 409), the answer is not recorded;
- a resume on a thread with no interview yet: refused (HTTP 409), saying to start it first; the interview is read
  from the checkpointer, so a thread whose checkpoints are gone (the in-memory checkpointer after a restart) is one;
- a resume on a thread whose last run stopped after taking an answer and before grading it (cancelled by its
  client, or failed): that answer is taken back first (it is not recorded), so the move is taken for the prompt it
  answered, not dropped while the cancelled answer is graded;
- a resume on an interview that is over but whose report was never written (the run that writes it failed): an
  `end` becomes a start run, which writes it; any other move is refused (HTTP 409);
- a resume of null or an empty value (an empty or blank string, {}, [], or a command with nothing in it, which
  is what langgraph-sdk sends for a resume of None): refused (HTTP 409): LangGraph takes null as no resume and
  replays the last refusal, which named a move this request did not send, and a blank string would be recorded
  as a blank answer;
- a run sent while one that may end the interview is in flight (an `end` in the server's run queue, or any move at
  the last question) is checked once that run is done (at most BUSY_WAIT_S), and the run requests for one thread are
  checked one at a time, each once the one before it is queued, by every server process that shares the Postgres
  checkpointer (agent.service_run_lock: an advisory lock in that database): a move queued behind an `end` or the
  last answer's grading, or sent at the same moment as one, meets the state it will find and is refused as "ended"
  instead of dropped without a word (LangGraph runs nothing for it). Earlier in the interview a prompt is left
  waiting and the graph checks the move itself;
- a run of another graph (`progress`) on a thread that holds an interview: refused (HTTP 409): its output would
  replace the interview in the thread's state;
- a first run without input: started with no documents, as `input={}` would be;
- a start run whose upload the graph would refuse (too many or too large documents: HTTP 413; malformed: 422) before
  LangGraph writes the input into the thread's checkpoints, so a refused upload is not stored;
- a run sent with multitask_strategy "interrupt" or "rollback": queued instead ("enqueue"), since cancelling the
  run in flight would lose the move it carries without a word to its client;
- a start run on a thread whose interview has ended (a retried or double-clicked "start"): refused (HTTP 409), the
  report stays as it is (the graph has no question left to ask; a new interview is a new thread).
- a run whose metadata (or config.metadata) names another `user_id` than its thread's: refused (HTTP 403), since
  LangGraph lays a run's metadata over its thread's and the interview would go on as another candidate (their
  documents, history and reports); the thread's `user_id` is set when it is made (agent.service_auth.PROTECTED).
A start run on a thread whose interview is under way needs no check here: the graph leads it back to the prompt
that waits (agent.nodes.decide.after_plan). The thread is read through the server's own app with the caller's
headers, so a thread the caller may not read gets the server's 404, not a refusal; only for run requests on a
thread. In the same app, agent.service_body_cap refuses oversized bodies before anything reads them,
agent.service_context_guard refuses a run whose context holds keys the server does not take,
agent.service_store_guard keeps clients' writes out of the coaching history in the store, agent.service_copy_guard
answers a copy of another's thread 404, and
agent.service_meta_guard asks a token for LangGraph Server's /docs, /openapi.json, /info and /metrics. GET
/interviewer/warm-up says, per role pack, whether the critic's warm-up this process started is over
(agent.service_warm): a probe for whoever measures the server's memory or first turns.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from agent.candidates import UploadError, check_upload
from agent.server_checkpointer import UNREACHABLE
from agent.service_asgi import (
    ASGIApp,
    Message,
    Receive,
    Scope,
    Send,
    caller_headers,
    read_body,
    replay,
    reply,
    server_client,
)
from agent.service_body_cap import BodyCap
from agent.service_context_guard import ContextGuard
from agent.service_copy_guard import CopyGuard
from agent.service_meta_guard import MetaGuard
from agent.service_run_lock import DatabaseUnreachable, thread_check
from agent.service_store_guard import StoreGuard
from agent.service_warm import status as warm_up_status

if TYPE_CHECKING:
    import httpx

RUN_PATH = re.compile(r"^(?:/noauth)?/threads/(?P<thread>[^/]+)/runs(?:/wait|/stream)?/?$")

ENDED = "the interview on this thread has ended (its report is in the thread's state): nothing was recorded"
NOT_STARTED = ("this thread has no interview yet: start it with a run with input={} (or input={\"documents\": "
               "[{\"name\", \"text\"}]}) and context={\"role\": ...}, then answer its questions")  # fmt: skip
NO_MOVE = ("this resume carries no move (null or empty): send an answer string or {\"kind\": \"answer\", \"text\": "
           "...} (or \"skip\", \"end\"); nothing was recorded")  # fmt: skip
OTHER_GRAPH = ("this thread holds an interview: only the interviewer runs on it (a run of another graph would "
               "replace the interview in its state); nothing was run")  # fmt: skip
ENDED_START = ("the interview on this thread has ended (its report is in the thread's state): a start run does not "
               "begin another; start a new interview on a new thread")  # fmt: skip
UNFINISHED = ("the interview on this thread is over, but its report was not written (the run that writes it "
              "failed: the server's log says why): send `end` again (or a start run) to write it; nothing was "
              "recorded")  # fmt: skip
RUN_METADATA = ("a run on a thread takes its thread's user_id: its metadata cannot name another candidate (start "
                "their interview on a thread of their own); nothing was run")  # fmt: skip

LOG = logging.getLogger("interviewer.service")
CANCELLING = ("interrupt", "rollback")  # LangGraph's strategies that cancel the run in flight: a move already sent


def upload_refusal(payload: dict[str, Any]) -> tuple[str, int] | None:
    """Why a start run's upload is refused (the graph's own check, agent.candidates), before anything stores it,
    and the HTTP status that says so (413 too large, 422 malformed): LangGraph writes a run's input into the
    thread's checkpoints before any node can refuse it."""
    run_input = payload.get("input")
    documents = run_input.get("documents") if isinstance(run_input, dict) else None
    if not documents:
        return None
    try:
        check_upload(documents)
    except UploadError as exc:
        return f"the upload was refused, nothing was stored: {exc}", 413 if exc.too_large else 422
    return None


def candidate_moved(thread: dict[str, Any], payload: dict[str, Any]) -> bool:
    """Whether a run request on `thread` names a `user_id` in its metadata other than the thread's own."""
    config = payload.get("config")
    named = [part.get("user_id") for part in (payload.get("metadata"), config.get("metadata") if isinstance(
        config, dict) else None) if isinstance(part, dict) and "user_id" in part]  # fmt: skip
    own = (thread.get("metadata") or {}).get("user_id")
    return any(user_id != own for user_id in named)


def queued(payload: dict[str, Any]) -> dict[str, Any] | None:
    """The run, queued behind the one in flight where the client asked to cancel that one (a second tab's answer
    with multitask_strategy "interrupt" or "rollback" would cancel the first tab's, which is then lost without a
    word); None when it is queued as sent."""
    if payload.get("multitask_strategy") in CANCELLING:
        return {**payload, "multitask_strategy": "enqueue"}
    return None


def verdict(thread: dict[str, Any] | None, payload: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None]:
    """(a refusal line, or None; the payload to run instead, or None to run it as sent) for a run request."""
    command = payload.get("command") or {}
    values = (thread or {}).get("values") or {}
    metadata = (thread or {}).get("metadata") or {}
    if values.get("plan") and payload.get("assistant_id") not in (None, metadata.get("graph_id"),
                                                                  metadata.get("assistant_id")):  # fmt: skip
        return OTHER_GRAPH, None
    if isinstance(payload.get("command"), dict) and not command:  # langgraph-sdk sends a resume of None as {}
        return NO_MOVE, None
    if isinstance(command, dict) and "resume" in command:
        resume = command["resume"]
        if not (resume.strip() if isinstance(resume, str) else resume):  # "", blanks, null, {}, []
            return NO_MOVE, None
        if not values.get("plan"):
            return NOT_STARTED, None
        if values.get("report") is not None:
            return ENDED, None
        if unfinished(thread or {}):  # an `end` writes the report, as a start run would; nothing else is taken
            return (None, {**{k: v for k, v in payload.items() if k != "command"}, "input": {}}) if _is_end(
                payload) else (UNFINISHED, None)  # fmt: skip
        return None, None
    if values.get("report") is not None:
        return ENDED_START, None
    if not command and payload.get("input") is None and not values.get("plan"):
        return None, {**payload, "input": {}}
    return None, None


async def _read_thread(thread_id: str, scope: Scope) -> dict[str, Any] | None:
    """The thread as the caller may read it: fetched from the server's own app with the caller's headers (so its
    auth), not through the SDK's loopback client, which skips auth. A thread the caller may not read is None here,
    and the server's own handling answers (404), never a refusal that tells them it exists. Its `ending` says
    whether a run queued or running on it carries an `end`, read from the server's own run queue (shared by every
    worker that serves the thread, where a note kept by this process is not)."""
    # the server's own loopback call (or one with nothing to send on) reads through /noauth: it reads everything anyway
    loopback = scope.get("path", "").startswith("/noauth/") or not caller_headers(scope)
    try:
        async with server_client(scope, loopback) as http:
            reply = await http.get(f"/threads/{thread_id}")
            if reply.status_code != 200:
                return None
            thread = dict(reply.json())
            # The interview is what the checkpointer holds, not the record's copy of it: a thread whose checkpoints
            # are gone (the in-memory checkpointer after a restart, a SQLite file moved away) keeps its record and
            # its values there (sweep 39 SV17/SV20: a resume then failed with a TypeError); a copy (threads.copy)
            # has its checkpoints but no values in its record.
            read = await _checkpointed(http, thread_id)
            if read is None:  # unreadable (a damaged checkpointer): the record's values, and no move is rewritten
                thread["values"], thread["waiting"], thread["next"] = thread.get("values") or {}, True, []
            else:
                thread["values"] = read.get("values") if isinstance(read.get("values"), dict) else {}
                tasks = read.get("tasks") or []
                thread["waiting"] = bool(read.get("interrupts") or any(task.get("interrupts") for task in tasks))
                thread["next"] = list(read.get("next") or [])
            thread["ending"] = thread["in_flight"] = False
            if thread.get("status") == "busy" or _no_prompt(thread):
                runs = await http.get(f"/threads/{thread_id}/runs", params={"limit": RUNS_READ})
                listed = [run for run in (runs.json() if runs.status_code == 200 else [])
                          if run.get("status") in ("pending", "running")]  # fmt: skip
                thread["in_flight"] = bool(listed)
                thread["ending"] = any(_is_end(run.get("kwargs") or {}) for run in listed)
        return thread
    except DatabaseDown:
        raise
    except Exception as exc:  # any error reading it: the server's own handling answers
        LOG.warning("the run guard could not read thread %s (%s): its request goes on unchecked", thread_id,
                    type(exc).__name__)  # fmt: skip
        return None


class DatabaseDown(Exception):
    """The checkpointer's database cannot be reached (its read answered 503): the run request is answered so."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


async def _checkpointed(http: httpx.AsyncClient, thread_id: str) -> dict[str, Any] | None:
    """The thread's state as its checkpointer holds it, or None when it cannot be read (three tries: a read can fail
    while the server's checkpointer is being set up, and a resume let through unchecked would then fail inside
    LangGraph). DatabaseDown when the database cannot be reached (tried once: the pool waited already)."""
    for attempt in range(STATE_TRIES):
        try:
            reply = await http.get(f"/threads/{thread_id}/state")
            status, read = reply.status_code, reply.json() if reply.status_code in (200, 503) else None
        except Exception:
            status, read = 0, None
        if status == 503 and isinstance(read, dict) and read.get("detail") == UNREACHABLE:
            raise DatabaseDown(UNREACHABLE)
        if status == 200 and isinstance(read, dict):
            return read
        if attempt + 1 < STATE_TRIES:
            await asyncio.sleep(0.2)
    LOG.warning("the state of thread %s could not be read; its move was checked against its record", thread_id)
    return None


STATE_TRIES = 3
RUNS_READ = 100  # the newest runs of a thread read for a queued `end` (a client queues a move at a time)
BUSY_WAIT_S = 60.0  # at most this long for the run in flight (a turn is graded in well under a second)


def _on_last_question(thread: dict[str, Any] | None) -> bool:
    """Whether the interview is at its last main question (its answer, skip or follow-ups can end it)."""
    values = (thread or {}).get("values") or {}
    plan, turns = values.get("plan") or [], values.get("turns") or []
    return bool(plan) and sum(1 for t in turns if not t.get("is_follow_up")) >= len(plan) - 1


def _is_end(payload: dict[str, Any]) -> bool:
    """Whether a run request (or a queued run's kwargs) carries an `end` move."""
    command = payload.get("command")
    resume = command.get("resume") if isinstance(command, dict) else None
    return isinstance(resume, dict) and resume.get("kind") == "end"


def _no_prompt(thread: dict[str, Any]) -> bool:
    """Whether the thread holds an interview under way (no report) with no prompt waiting: a run is in flight on it,
    or the last one stopped between two prompts (cancelled, or failed, while an answer was graded or the report
    written)."""
    values = thread.get("values") or {}
    return bool(values.get("plan")) and values.get("report") is None and not thread.get("waiting")


def stalled(thread: dict[str, Any]) -> bool:
    """Whether the last run stopped after taking an answer and before grading it (a client cancelled it, or it
    failed): the answer is pending in the state, no prompt waits and no run is in flight. That answer is not
    recorded (its run did not finish; a start run takes it back the same way, agent.service.plan_node), so the next
    move is taken for the prompt it answered (sweep 39 SV14/SV16: LangGraph would grade the cancelled answer and
    drop the move without a word)."""
    values = thread.get("values") or {}
    return _no_prompt(thread) and not thread.get("in_flight") and values.get("pending_answer") is not None


def unfinished(thread: dict[str, Any]) -> bool:
    """Whether the interview is over (ended, or its questions all answered) but its report was never written: the run
    that wrote it failed (a full disk) and nothing is in flight. An `end` (or a start run) writes it now."""
    values = thread.get("values") or {}
    over = bool(values.get("ended")) or thread.get("next") == ["wrap_up"]
    return _no_prompt(thread) and not thread.get("in_flight") and values.get("pending_answer") is None and over


async def take_back(thread_id: str, scope: Scope) -> None:
    """Take back the answer a stalled run left pending (see stalled), as a start run does: the server's own write
    of the thread's state, through the server's app, as the node that leads back to the prompt waiting."""
    async with server_client(scope, loopback=True) as http:
        reply = await http.post(f"/threads/{thread_id}/state",
                                json={"values": {"pending_answer": None}, "as_node": "plan_interview"})  # fmt: skip
        reply.raise_for_status()


async def _settled(thread_id: str, scope: Scope) -> dict[str, Any] | None:
    """The thread, read once no run is in flight on it when that run may end the interview (an `end` in the
    server's run queue, or any move at the last question): a move queued behind it would otherwise pass the check
    and then find the interview over, where LangGraph drops it without a word. Waiting lets the check see the state
    the move will meet (the request is answered after that run, which an enqueued run waits for anyway). A run in
    flight on an earlier question leaves a prompt waiting: the graph checks the move itself, and nothing waits."""
    thread = await _read_thread(thread_id, scope)
    if not (thread is not None and thread.get("ending")) and not _on_last_question(thread):
        return thread
    deadline = asyncio.get_running_loop().time() + BUSY_WAIT_S
    while thread is not None and thread.get("status") == "busy" and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)
        thread = await _read_thread(thread_id, scope)
    return thread


class RunGuard:
    """ASGI middleware: reads the body of a POST that starts a run on a thread and refuses or rewrites it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = RUN_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
        if match is None or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        try:
            payload = json.loads(body) if body else None  # at most MAX_BODY: agent.service_body_cap comes first
        except ValueError:
            payload = None
        if not isinstance(payload, dict):
            await self.app(scope, replay(body, receive), send)  # the server's own answer to a body it cannot take
            return
        check = thread_check(match["thread"])
        try:
            await check.__aenter__()
        except DatabaseUnreachable:  # the checkpointer's Postgres is down: said now, not by a queued run that fails
            LOG.warning("a request was answered 503: %s", UNREACHABLE)
            await reply(send, 503, {"detail": UNREACHABLE})
            return
        held = True

        async def release() -> None:
            nonlocal held
            if held:
                held = False
                await check.__aexit__(None, None, None)

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                await release()  # the run is queued (or refused): the next move on this thread may be checked
            await send(message)

        try:
            if refused_upload := upload_refusal(payload):
                detail, status = refused_upload
                LOG.warning("a client's input was refused: %s", detail)  # as the graph's refusals are
                await reply(send, status, {"detail": detail})
                return
            try:
                thread = await _settled(match["thread"], scope)
            except DatabaseDown as down:  # nothing can be recorded now: said at once, not after the run's retries
                await reply(send, 503, {"detail": down.detail})
                return
            if thread is not None and candidate_moved(thread, payload):
                await reply(send, 403, {"detail": RUN_METADATA})
                return
            refusal, instead = verdict(thread, payload) if thread is not None else (None, None)
            if refusal is not None:
                LOG.warning("a client's move was refused: %s", refusal)
                await reply(send, 409, {"detail": refusal})
                return
            if thread is not None and instead is None and "resume" in (payload.get("command") or {}) and stalled(
                    thread):  # fmt: skip
                await take_back(match["thread"], scope)
            instead = queued(instead or payload) or instead
            if instead is not None:
                body = json.dumps(instead).encode()
            await self.app(scope, replay(body, receive), sending)
        finally:
            await release()


async def warm_up(_: Request) -> JSONResponse:
    # The docstring is the route's OpenAPI entry (YAML, read by the server). Installed packs' names only: like
    # GET /ok, it needs no token.
    """
    summary: The critic's warm-up per role pack in this server process
    description: >-
      Each role pack whose critic warm-up this process started (the first session of a pack starts one, ~200 MB
      the process keeps), with "warming", "ready" or "failed". Measure the server's memory or first turns once
      the packs in use say "ready".
    responses:
      "200":
        description: '{"packs": {"<role pack>": "warming" or "ready" or "failed"}}'
    """
    return JSONResponse({"packs": warm_up_status()})


async def database_fault(_: Request, exc: Exception) -> JSONResponse:
    """A checkpointer fault met by a read of the API (a thread's state while Postgres is down): HTTP 503 with its one
    line, logged in one line (sweep 41 PD1: HTTP 500 and an "Exception in ASGI application" traceback each)."""
    if type(exc).__name__ != "CheckpointerFault":  # (its module is loaded by path: the class is matched by name)
        raise exc
    LOG.warning("a request was answered 503: %s", exc)
    return JSONResponse({"detail": str(exc)}, status_code=503)


app = Starlette(
    routes=[Route("/interviewer/warm-up", warm_up, methods=["GET"])],
    exception_handlers={RuntimeError: database_fault},
    middleware=[
        Middleware(MetaGuard),
        Middleware(BodyCap),
        Middleware(ContextGuard),
        Middleware(RunGuard),
        Middleware(StoreGuard),
        Middleware(CopyGuard),
    ],
)


def _private_runtime_folder() -> None:
    """`langgraph dev`'s in-memory runtime makes .langgraph_api/ in its working folder when the server starts (after
    this app is loaded, before any of our code reads the data folder) and keeps every thread's state there: private,
    as the data folder is (sweep 33 S8: 0755 under umask 022). One made by an earlier start is made private too."""
    import contextlib
    import os

    from knowledge.paths import private_umask

    private_umask()
    with contextlib.suppress(OSError):  # none yet, or not ours: the umask covers the new one
        if os.path.isdir(".langgraph_api") and not os.path.islink(".langgraph_api"):
            os.chmod(".langgraph_api", 0o700)


_private_runtime_folder()
