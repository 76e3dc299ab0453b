"""The interview service's check of a run's `context` (langgraph.json `http.app`, with agent.service_http): a key the
server does not take is refused with HTTP 422 and one line, before the run is queued.

LangGraph Server drops the keys of a run's `context` that its graph's context schema does not declare before the
graph sees them, so the graph's own check (agent.service_context.client_settings) never met `base_url`, `api_key`,
`docs` and the like: the run went on without a word (sweep30 S6), and a client that thought it had set its own model
or documents learnt nothing. The README promises such a run fails with one line; the line is the graph's own
(`the server does not take ... from a client (allowed: ...)`), logged as one warning line as the graph's refusals
are. Every run request is checked: on a thread or stateless, waited for, streamed or scheduled (a cron).
"""

from __future__ import annotations

import json
import logging
import re

from agent.service_asgi import ASGIApp, Receive, Scope, Send, read_body, replay, reply
from agent.service_context import refused_keys

RUN_REQUEST = re.compile(r"^(?:/noauth)?(?:/threads/[^/]+)?/runs(?:/wait|/stream|/crons)?/?$")
LOG = logging.getLogger("interviewer.service")


def context_refusal(body: bytes) -> str | None:
    """The refusal line for a run request whose `context` holds a key the server does not take, else None (a body
    that is not a JSON object is left to the server's own answer)."""
    try:
        payload = json.loads(body) if body else None
    except ValueError:
        return None
    context = payload.get("context") if isinstance(payload, dict) else None
    return refused_keys(context) if isinstance(context, dict) else None


class ContextGuard:
    """ASGI middleware: refuses a run request whose context holds keys the server does not take (see above)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        is_run = scope["type"] == "http" and scope.get("method") == "POST"
        if not is_run or RUN_REQUEST.match(scope.get("path", "")) is None:
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        if refusal := context_refusal(body):
            LOG.warning("a client's input was refused: %s", refusal)  # as the graph's refusals are
            await reply(send, 422, {"detail": refusal})
            return
        await self.app(scope, replay(body, receive), send)
