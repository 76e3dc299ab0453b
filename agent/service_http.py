"""The interview service's HTTP layer (langgraph.json `http.app`): a check in front of the runs a client starts on a
thread, for the moves no graph node sees.

LangGraph runs nothing of the graph for a resume on a thread whose interview has ended (the run succeeds and the
answer is dropped) or that has none yet (an internal TypeError), and fails a first run sent without input with an
error naming `__start__`. Each becomes one line here, before the run is queued:
- a resume on an ended interview: refused (HTTP 409), the answer is not recorded;
- a resume on a thread with no interview yet: refused (HTTP 409), saying to start it first;
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
            thread = await _read_thread(match["thread"], scope)
            if thread is not None:
                refusal, instead = verdict(thread, payload)
        if refusal is not None:
            await reply(send, 409, {"detail": refusal})
            return
        if instead is not None:
            body = json.dumps(instead).encode()
        await self.app(scope, replay(body, receive), send)


app = Starlette(middleware=[Middleware(RunGuard), Middleware(StoreGuard)])
