"""ASGI plumbing shared by the interview service's HTTP guards (agent.service_http, agent.service_store_guard,
agent.service_copy_guard): read a request's body, hand it on unchanged, answer with one JSON line, or read the
server's own app as the caller."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# Headers of the request itself, not of the caller: a read sent on with the caller's headers must not carry them.
FORWARDED_SKIP = {b"host", b"content-length", b"content-type", b"transfer-encoding", b"accept-encoding"}


def caller_headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    """The request's headers that speak for its caller (its auth), to send on with a read of the server's own app."""
    return [(k, v) for k, v in scope.get("headers", []) if k.lower() not in FORWARDED_SKIP]


def server_client(scope: Scope, loopback: bool = False) -> httpx.AsyncClient:
    """A client of the running server's own app (what the SDK's loopback client uses) sent with the caller's headers,
    so the server's auth decides what it may read; `loopback`: the server's own call, sent through /noauth with no
    headers (it reads everything anyway)."""
    import httpx
    from langgraph_api.server import app as server

    headers = [] if loopback else caller_headers(scope)
    transport = httpx.ASGITransport(app=server, root_path="/noauth" if loopback else "")
    return httpx.AsyncClient(transport=transport, base_url="http://api", headers=headers)


class TooLarge(Exception):
    """A request body over the cap (see read_body)."""


async def read_body(receive: Receive, cap: int | None = None) -> bytes:
    """The whole request body (the guard reads it before the server does; replay() gives it back); over `cap`
    bytes it stops reading and raises TooLarge, having kept at most `cap` of them."""
    parts, size, more = [], 0, True
    while more:
        message = await receive()
        if message.get("type") == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if cap is not None and size > cap:
            raise TooLarge
        parts.append(chunk)
        more = message.get("more_body", False)
    return b"".join(parts)


async def drain(receive: Receive, limit: int) -> None:
    """Read and discard what is left of a refused body (at most `limit` bytes), so the client, which sends its body
    before it reads the answer, gets the answer instead of a reset connection."""
    seen, more = 0, True
    while more and seen < limit:
        message = await receive()
        if message.get("type") == "http.disconnect":
            return
        seen += len(message.get("body", b""))
        more = message.get("more_body", False)


def replay(body: bytes, receive: Receive) -> Receive:
    """The body read above, then the client's own messages (its disconnect cancels a run as before)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def reply(send: Send, status: int, content: dict[str, Any]) -> None:
    data = json.dumps(content).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
