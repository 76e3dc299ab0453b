"""The interview service's guard on LangGraph Server's own pages (langgraph.json `http.app`, with
agent.service_http): /docs, /openapi.json, /info and /metrics need the same token as every other request.

LangGraph Server answers these four before its auth handler runs, so without this they are open to anyone who
reaches the port: /info names the server's versions and flags, /metrics its traffic per path and status, /docs and
/openapi.json the whole API. No candidate data is in them, but the README promises a token on every request. They
are refused here with the auth handler's own 401 line (agent.service_auth.identity_of); `/ok` (a load balancer's
health check) and `/interviewer/warm-up` (installed packs' names only) stay open. A Prometheus that scrapes
/metrics sends a token as its `authorization` setting.
"""

from __future__ import annotations

import os

from langgraph_sdk import Auth

from agent.service_asgi import ASGIApp, Receive, Scope, Send, reply
from agent.service_auth import SECRET_ENV, identity_of

GUARDED = frozenset({"/docs", "/openapi.json", "/info", "/metrics"})


def _authorization(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"authorization":
            return bytes(value).decode("latin-1")
    return None


class MetaGuard:
    """ASGI middleware: a request for one of GUARDED without a valid token gets 401 and one line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path", "").rstrip("/") in GUARDED:
            try:
                identity_of(_authorization(scope), os.environ.get(SECRET_ENV) or None)
            except Auth.exceptions.HTTPException as exc:
                await reply(send, exc.status_code, {"detail": exc.detail})
                return
        await self.app(scope, receive, send)
