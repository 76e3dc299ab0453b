"""The interview service's check of a run's `context` (langgraph.json `http.app`, with agent.service_http): a key the
server does not take is refused with HTTP 422 and one line, before the run is queued.

LangGraph Server drops the keys of a run's `context` that its graph's context schema does not declare before the
graph sees them, so the graph's own check (agent.service_context.client_settings) never met `base_url`, `api_key`,
`docs` and the like: the run went on without a word (sweep30 S6), and a client that thought it had set its own model
or documents learnt nothing. The README promises such a run fails with one line; the line is the graph's own
(`the server does not take ... from a client (allowed: ...)`), logged as one warning line as the graph's refusals
are. Every run request is checked: on a thread or stateless, waited for, streamed, in a batch or scheduled (a cron,
and a change to one).

`config.configurable` is checked the same way: LangGraph maps its settings keys onto the context, but writes every
key of it into each checkpoint's metadata and the run's record, so a client's `api_key`, `base_url` or document
path sent there was stored in the server's database though never used (stop 32). Its allowed keys are the
settings and the three LangGraph itself reads to address a thread's checkpoint.
"""

from __future__ import annotations

import json
import logging
import re

from agent.service_asgi import ASGIApp, Receive, Scope, Send, read_body, replay, reply
from agent.service_context import Settings, refused_keys

RUN_REQUEST = re.compile(r"^(?:/noauth)?(?:/threads/[^/]+)?/runs(?:/wait|/stream|/crons|/batch)?/?$")
CRON_CHANGE = re.compile(r"^(?:/noauth)?/runs/crons/[^/]+/?$")  # PATCH: a cron's payload replaced
# configurable keys LangGraph itself reads (which checkpoint of the thread a run starts from), beside the settings
LANGGRAPH_KEYS = frozenset({"thread_id", "checkpoint_id", "checkpoint_ns"})
LOG = logging.getLogger("interviewer.service")


def context_refusal(body: bytes) -> str | None:
    """The refusal line for a run request (or a batch of them) whose `context` or `config.configurable` holds a key
    the server does not take, else None (a body that is not JSON is left to the server's own answer)."""
    try:
        payload = json.loads(body) if body else None
    except ValueError:
        return None
    for one in payload if isinstance(payload, list) else [payload]:
        if refusal := _refusal(one):
            return refusal
    return None


def _refusal(payload: object) -> str | None:
    if not isinstance(payload, dict):
        return None
    context = payload.get("context")
    if isinstance(context, dict) and (refusal := refused_keys(context)):
        return refusal
    config = payload.get("config")
    configurable = config.get("configurable") if isinstance(config, dict) else None
    if not isinstance(configurable, dict):
        return None
    extra = sorted(str(key)[:40] for key in set(configurable) - LANGGRAPH_KEYS - set(Settings.__dataclass_fields__))
    if not extra:
        return None
    allowed = ", ".join(sorted(LANGGRAPH_KEYS | set(Settings.__dataclass_fields__)))
    return f"the server does not take {', '.join(extra[:12])} in config.configurable from a client (allowed: {allowed})"


class ContextGuard:
    """ASGI middleware: refuses a run request whose context holds keys the server does not take (see above)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method, path = scope.get("method"), scope.get("path", "")
        is_run = method == "POST" and RUN_REQUEST.match(path) is not None
        if scope["type"] != "http" or not (is_run or (method == "PATCH" and CRON_CHANGE.match(path))):
            await self.app(scope, receive, send)
            return
        body = await read_body(receive)
        if refusal := context_refusal(body):
            LOG.warning("a client's input was refused: %s", refusal)  # as the graph's refusals are
            await reply(send, 422, {"detail": refusal})
            return
        await self.app(scope, replay(body, receive), send)
