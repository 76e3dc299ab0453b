"""The interview service's HTTP layer (langgraph.json `http.app`): a check in front of the runs a client starts on a
thread, for the moves no graph node sees.

LangGraph runs nothing of the graph for a resume on a thread whose interview has ended (the run succeeds and the
answer is dropped) or that has none yet (an internal TypeError), and fails a first run sent without input with an
error naming `__start__`. Each becomes one line here, before the run is queued:
- a resume on an ended interview: refused (HTTP 409), the answer is not recorded;
- a resume on a thread with no interview yet: refused (HTTP 409), saying to start it first;
- a resume sent at the last question while a run is in flight on the thread is checked once that run is done (at
  most BUSY_WAIT_S), so one queued behind the last answer's grading is refused as "ended" instead of dropped
  without a word (earlier in the interview a prompt is left waiting, and the graph checks the move itself);
- a first run without input: started with no documents, as `input={}` would be;
- a start run on a thread whose interview has ended (a retried or double-clicked "start"): refused (HTTP 409), the
  report stays as it is (the graph has no question left to ask; a new interview is a new thread).
A start run on a thread whose interview is under way needs no check here: the graph leads it back to the prompt
that waits (agent.nodes.decide.after_plan). The thread is read through the server's own app with the caller's
headers, so with auth configured a thread the caller may not read gets the server's 404, not a refusal; only for
run requests on a thread. agent.service_store_guard, in the same app, keeps clients' writes out of the
coaching history in the store.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware

from agent.service_asgi import ASGIApp, Receive, Scope, Send, read_body, replay, reply
from agent.service_store_guard import StoreGuard

RUN_PATH = re.compile(r"^(?:/noauth)?/threads/(?P<thread>[^/]+)/runs(?:/wait|/stream)?/?$")
MAX_BODY = 8 * 1024 * 1024  # parsed up to this (twice the uploads the graph takes); the server refuses more itself

ENDED = "the interview on this thread has ended (its report is in the thread's state): nothing was recorded"
NOT_STARTED = ("this thread has no interview yet: start it with a run with input={} (or input={\"documents\": "
               "[{\"name\", \"text\"}]}) and context={\"role\": ...}, then answer its questions")  # fmt: skip
ENDED_START = ("the interview on this thread has ended (its report is in the thread's state): a start run does not "
               "begin another; start a new interview on a new thread")  # fmt: skip


def verdict(thread: dict[str, Any] | None, payload: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None]:
    """(a refusal line, or None; the payload to run instead, or None to run it as sent) for a run request."""
    command = payload.get("command") or {}
    values = (thread or {}).get("values") or {}
    if isinstance(command, dict) and "resume" in command:
        if not values.get("plan"):
            return NOT_STARTED, None
        if values.get("report") is not None:
            return ENDED, None
        return None, None
    if values.get("report") is not None:
        return ENDED_START, None
    if not command and payload.get("input") is None and not values.get("plan"):
        return None, {**payload, "input": {}}
    return None, None


FORWARDED_SKIP = {b"host", b"content-length", b"content-type", b"transfer-encoding", b"accept-encoding"}


async def _read_thread(thread_id: str, scope: Scope) -> dict[str, Any] | None:
    """The thread as the caller may read it: fetched from the server's own app with the caller's headers (so its
    auth), not through the SDK's loopback client, which skips auth. A thread the caller may not read is None here,
    and the server's own handling answers (404), never a refusal that tells them it exists."""
    import httpx

    if scope.get("path", "").startswith("/noauth/"):  # the server's own loopback call: it reads everything anyway
        headers = []
    else:
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in FORWARDED_SKIP]
    from langgraph_api.server import app as server  # the running server's app (what the SDK's loopback client uses)

    transport = httpx.ASGITransport(app=server, root_path="/noauth" if not headers else "")
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://api", headers=headers) as http:
            reply = await http.get(f"/threads/{thread_id}")
        return dict(reply.json()) if reply.status_code == 200 else None
    except Exception:  # any error reading it: the server's own handling answers
        return None


def _on_last_question(thread: dict[str, Any] | None) -> bool:
    """Whether the interview is at its last main question (its answer, skip or follow-ups can end it)."""
    values = (thread or {}).get("values") or {}
    plan, turns = values.get("plan") or [], values.get("turns") or []
    return bool(plan) and sum(1 for t in turns if not t.get("is_follow_up")) >= len(plan) - 1


BUSY_WAIT_S = 60.0  # at most this long for the run in flight (a turn is graded in well under a second)


async def _settled(thread_id: str, scope: Scope, payload: dict[str, Any]) -> dict[str, Any] | None:
    """The thread, read once no run is in flight on it when the request resumes it at the last question: a resume
    queued behind the run that grades the last answer would otherwise pass the check and then find the interview
    over, where LangGraph drops it without a word. Waiting here lets the check see the state that resume will
    meet (the request is answered after that run, which an enqueued run waits for anyway)."""
    thread = await _read_thread(thread_id, scope)
    command = payload.get("command")
    if not (isinstance(command, dict) and "resume" in command and _on_last_question(thread)):
        return thread  # a run in flight on an earlier question leaves a prompt waiting: the graph checks the move
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
            payload = json.loads(body) if body and len(body) <= MAX_BODY else None
        except ValueError:
            payload = None
        refusal, instead = None, None
        if isinstance(payload, dict):
            thread = await _settled(match["thread"], scope, payload)
            if thread is not None:
                refusal, instead = verdict(thread, payload)
        if refusal is not None:
            await reply(send, 409, {"detail": refusal})
            return
        if instead is not None:
            body = json.dumps(instead).encode()
        await self.app(scope, replay(body, receive), send)


app = Starlette(middleware=[Middleware(RunGuard), Middleware(StoreGuard)])
