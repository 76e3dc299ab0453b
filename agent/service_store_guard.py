"""The interview service's guard on the store API (langgraph.json `http.app`, with agent.service_http): clients may
read the coaching history, never write or delete it.

The server's store holds every candidate's coaching history under ("coaching", <candidate key>), written by the
interview graph itself (agent.coaching.store_feed) and read back by the `progress` graph. LangGraph's store API
lets any client that reaches the server put and delete items in any namespace, so one client could forge or erase
another candidate's history. A PUT or DELETE of /store/items whose namespace starts with "coaching" is refused here
with HTTP 403 and one line; the graph's own writes do not go through the HTTP API and are unaffected. Reads (GET,
search, namespaces) stay open: see the README's security paragraph.
"""

from __future__ import annotations

import json
from typing import Any

from agent.coaching.store_feed import NAMESPACE
from agent.service_asgi import ASGIApp, Receive, Scope, Send, read_body, replay, reply

STORE_PATH = ("/store/items", "/noauth/store/items")
REFUSED = (f"the {NAMESPACE!r} namespace is written by the interview service only: a client may read it, not put "
           "or delete items in it")  # fmt: skip


def _namespace(body: bytes) -> list[Any]:
    try:
        payload = json.loads(body) if body else {}
    except ValueError:
        return []
    namespace = payload.get("namespace") if isinstance(payload, dict) else None
    return namespace if isinstance(namespace, list) else []


class StoreGuard:
    """ASGI middleware: refuses a client's put or delete in the coaching namespace (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        writes = scope["type"] == "http" and scope.get("method") in ("PUT", "DELETE")
        if not writes or scope.get("path", "").rstrip("/") not in STORE_PATH:
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        namespace = _namespace(body)
        if namespace and str(namespace[0]).strip() == NAMESPACE:
            await reply(send, 403, {"detail": REFUSED})
            return
        await self.app(scope, replay(body, receive), send)
