"""The interview service's cap on request bodies (langgraph.json `http.app`, outermost): a POST, PUT or PATCH over
MAX_BODY is refused with HTTP 413 and one line, and never held in memory.

LangGraph Server reads a request's whole body before it looks at it, so one client sending a gigabyte of JSON
(a huge `input`, `metadata` or `update_state` value) would make the server hold it all. Here a body announced
over the cap (Content-Length) is refused before a byte of it is read; one sent in chunks without a length is read
up to the cap and refused as soon as it passes it. What is left of a refused body is read and thrown away (up to
DRAIN_LIMIT), so the client, which sends its body before it reads the answer, reads the 413 instead of a reset.
"""

from __future__ import annotations

from agent.service_asgi import ASGIApp, Receive, Scope, Send, TooLarge, drain, read_body, replay, reply

MAX_BODY = 16 * 1024 * 1024  # the 4 MB of documents a run takes, as JSON that escapes every non-ASCII character
DRAIN_LIMIT = 1024 * 1024 * 1024  # read and dropped, never kept; past it the connection is closed
TOO_LARGE = (f"this request's body is over the {MAX_BODY // (1024 * 1024)} MB the server takes (prep documents: at "
             "most 50, 512 KB each, 4 MB in all); nothing was read or recorded: send less")  # fmt: skip


def _declared(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyCap:
    """ASGI middleware: refuses a request body over MAX_BODY with 413 and one line (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        declared = _declared(scope)
        try:
            if declared is not None and declared > MAX_BODY:
                raise TooLarge
            body = await read_body(receive, MAX_BODY)
        except TooLarge:
            await reply(send, 413, {"detail": TOO_LARGE})
            await drain(receive, DRAIN_LIMIT)
            return
        await self.app(scope, replay(body, receive), send)
