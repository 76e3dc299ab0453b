"""ASGI plumbing shared by the interview service's HTTP guards (agent.service_http, agent.service_store_guard): read
a request's body, hand it on unchanged, or answer with one JSON line."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


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
