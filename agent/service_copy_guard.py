"""The interview service's check in front of `threads.copy` (langgraph.json `http.app`, with agent.service_http):
another client's thread answers 404, as every other move on it does.

LangGraph Server answers a copy of a thread the caller may not read (or of one that does not exist) with 409
`Conflict`, where a read, a run or a delete of it answers 404 (op37 O14). Nothing leaks either way, but a client
that branches on 404 (the README's "answers 404 to every move") would take the 409 for a clash to retry. The
thread is read here through the server's own app with the caller's headers (so its auth, as agent.service_http's
run checks do); a read that fails is answered with the server's own reply to that read, and the copy goes on
otherwise.
"""

from __future__ import annotations

import re
from typing import Any

from agent.service_asgi import ASGIApp, Receive, Scope, Send, reply, server_client

COPY_PATH = re.compile(r"^/threads/(?P<thread>[^/]+)/copy/?$")  # not /noauth: the server's loopback reads all


async def _read_as_caller(thread_id: str, scope: Scope) -> tuple[int, Any]:
    """(status, JSON body) of GET /threads/<thread_id> on the server's own app, sent with the caller's headers."""
    async with server_client(scope) as http:
        answer = await http.get(f"/threads/{thread_id}")
    try:
        return answer.status_code, answer.json()
    except ValueError:
        return answer.status_code, {"detail": answer.text[:200]}


class CopyGuard:
    """ASGI middleware: a copy of a thread the caller cannot read gets the read's own answer (404)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = COPY_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
        if match is not None and scope.get("method") == "POST":
            status, body = await _read_as_caller(match["thread"], scope)
            if status in (401, 403, 404, 422):  # not the caller's, not there, not an id: never copied
                await reply(send, status, body if isinstance(body, dict) else {"detail": str(body)})
                return
        await self.app(scope, receive, send)
