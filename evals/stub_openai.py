"""A real HTTP server on 127.0.0.1 that speaks enough of the OpenAI chat-completions protocol for tests,
the LLM-mode eval replays (evals.run --llm-stub) and the benchmark.

It answers POST /v1/chat/completions from threads, shaped to the request: a tool call when the request
offers tools, message content otherwise. Tests script what it does next (delay, HTTP 500/429 with
Retry-After, a dropped connection, malformed or truncated JSON) and read back what it saw: every
request body, the call count and the prompt/completion tokens it reported (about 4 characters a token).
Like llama.cpp it can answer 500 to response_format json_schema, and 500 to tools.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# A middling but valid refinement: what a cautious model would say about an answer with no number.
DEFAULT_PAYLOAD: dict[str, Any] = {
    "relevance": "on_topic",
    "level": "at",
    "situation": True,
    "task": True,
    "action": True,
    "result": False,
    "quantified_result": False,
    "ownership": "clear",
    "specificity": "medium",
    "score": 3,
    "weak_or_missing": ["result", "quantified_result"],
    "gap": "The answer never says how it ended or what changed, in numbers.",
    "evidence": [],
    "follow_up": "How did it end, and what number changed because of your work?",
    "probes": "result",
}


@dataclass
class Action:
    """What the stub does for one request (consumed in order; the default responder follows)."""

    status: int = 200
    payload: dict[str, Any] | None = None  # the JSON the "model" returns
    raw: str | None = None  # literal content / tool arguments (malformed or truncated JSON)
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection without answering
    # answer 200 with a long Content-Length, then one byte every DRIP_EVERY s for this many s (then close): a reply
    # that never trips a per-byte client timeout
    drip: float = 0.0
    body: str | None = None  # the whole HTTP body, sent as text/html (a proxy's error page answered with 200)


DRIP_EVERY = 0.3


def estimate_tokens(text: str) -> int:
    """About four characters a token, like English text through a BPE tokenizer."""
    return math.ceil(len(text) / 4)


class StubOpenAI:
    """Start with `with StubOpenAI() as stub:`; `stub.url` is the base URL (ends in /v1)."""

    def __init__(
        self,
        responder: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        *,
        reject_json_schema: bool = False,
        reject_tools: bool = False,
        delay: float = 0.0,
    ) -> None:
        self.responder = responder or (lambda body: dict(DEFAULT_PAYLOAD))
        self.reject_json_schema = reject_json_schema
        self.reject_tools = reject_tools
        self.delay = delay
        self.script: deque[Action] = deque()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []  # lower-cased names
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.in_flight = 0  # requests being answered now
        self.max_in_flight = 0  # the most at once so far
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    # --- lifecycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def calls(self) -> int:
        return len(self.requests)

    def start(self) -> StubOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping in a delay
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> StubOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def push(self, *actions: Action) -> None:
        """Script the next responses, in order."""
        with self._lock:
            self.script.extend(actions)

    def modes(self) -> list[str]:
        """How each request asked for structure: json_schema, function_calling, json_mode or plain."""
        out = []
        for body in self.requests:
            fmt = (body.get("response_format") or {}).get("type")
            out.append(
                "function_calling"
                if body.get("tools")
                else {"json_schema": "json_schema", "json_object": "json_mode"}.get(fmt or "", "plain")
            )
        return out

    # --- request handling -----------------------------------------------------------------
    def _next_action(self) -> Action:
        with self._lock:
            return self.script.popleft() if self.script else Action()

    def _respond(self, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes | None]:
        action = self._next_action()
        if action.drip:
            return -1, {}, str(action.drip).encode()  # the handler drips it (it owns the socket)
        wait = action.delay or self.delay
        if wait and self._stopping.wait(wait):
            return 503, {}, None
        if action.drop:
            return 0, {}, None
        fmt = (body.get("response_format") or {}).get("type")
        if (self.reject_json_schema and fmt == "json_schema") or (self.reject_tools and body.get("tools")):
            return 500, {}, _error("this server does not support that request format")
        if action.status != 200:
            return action.status, action.headers, _error(f"stub error {action.status}")
        if action.body is not None:
            return 200, {"Content-Type": "text/html", **action.headers}, action.body.encode()
        text = action.raw if action.raw is not None else json.dumps(action.payload or self.responder(body))
        prompt = estimate_tokens(
            json.dumps(body.get("messages", [])) + json.dumps(body.get("tools") or body.get("response_format") or "")
        )
        completion = estimate_tokens(text)
        with self._lock:
            self.prompt_tokens += prompt
            self.completion_tokens += completion
        message: dict[str, Any] = {"role": "assistant", "content": text}
        finish = "stop"
        if body.get("tools"):
            name = body["tools"][0]["function"]["name"]
            call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": text}}
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
            finish = "tool_calls"
        reply = {
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "stub-model"),
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
            },
        }
        return 200, action.headers, json.dumps(reply).encode()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except json.JSONDecodeError:
                    body = {}
                with stub._lock:
                    stub.requests.append(body)
                    stub.headers.append({k.lower(): v for k, v in self.headers.items()})
                    stub.in_flight += 1
                    stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
                try:
                    self._answer(body)
                finally:
                    with stub._lock:
                        stub.in_flight -= 1

            def _drip(self, seconds: float) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                until = time.monotonic() + seconds
                try:
                    while time.monotonic() < until and not stub._stopping.wait(DRIP_EVERY):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                except OSError:  # the client gave up and closed the connection
                    pass
                self.close_connection = True

            def _answer(self, body: dict[str, Any]) -> None:
                status, headers, payload = stub._respond(body)
                if status == -1 and payload is not None:
                    self._drip(float(payload))
                    return
                if status == 0 or payload is None:
                    self.close_connection = True
                    self.connection.close()
                    return
                self.send_response(status)
                if "Content-Type" not in headers:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def _error(message: str) -> bytes:
    return json.dumps({"error": {"message": message, "type": "server_error", "code": None}}).encode()


def free_port() -> int:
    """A port nothing listens on (for connection-refused tests)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
