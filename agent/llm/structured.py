"""One structured-output call with bounded retries and per-server degradation.

Servers differ: OpenAI takes response_format json_schema; llama.cpp answers it with HTTP 500 but may
take a tool call; others only do JSON mode. We try json_schema -> function calling -> JSON mode
(parsed by our own strict pydantic parser) and remember, per (base URL, model), the first that worked, so
later turns go straight to it. Retries are ours (the client's are off): one retry for transient
faults, Retry-After honoured up to a cap, and every attempt fits inside one timeout window.
"""

from __future__ import annotations

import contextvars
import functools
import json
import os
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from pydantic import BaseModel, ValidationError

from agent.llm.faults import FATAL, RETRY_AFTER_CAP, Fault, classify
from agent.safe_text import clean_text

MODES = ("json_schema", "function_calling", "json_mode")
DEGRADE_STATUSES = frozenset({400, 404, 405, 415, 422, 500, 501})
MAX_ATTEMPTS = 4  # three formats plus one retry
BACKOFF = 0.25  # seconds before a retry when the server gave no Retry-After
MIN_ATTEMPT_TIME = 0.05

_working: dict[str, str] = {}  # server and model -> the mode that worked there this process
# server and model -> why no call there can succeed (bad key, unknown model) and when that was learnt (monotonic s)
_dead: dict[str, tuple[Fault, float]] = {}
# s a refused key or an unknown model is believed before the server is asked again: one refusal lasted for the
# server process's life, every later candidate graded offline until a restart (sweep28 S12)
DEAD_FOR = 300.0
_lock = threading.Lock()


def _call_threads(value: str) -> int:
    """INTERVIEWER_LLM_THREADS as a count of at least 1; 32 when unset or not a positive whole number (a set value
    that is not one was refused at start: agent.env_settings)."""
    from agent.env_settings import value as setting

    return int(setting("INTERVIEWER_LLM_THREADS", {"INTERVIEWER_LLM_THREADS": value}))


# Model calls running at once in this process, each on its own thread. A call past its time limit is left to end on
# its own (_within), so a server that stalls every call left one thread behind per answer: under many candidates they
# piled up without bound. A call that finds every slot taken waits for one within its own limit, then times out.
MAX_CALL_THREADS = _call_threads(os.environ.get("INTERVIEWER_LLM_THREADS", ""))
_slots = threading.BoundedSemaphore(MAX_CALL_THREADS)


@dataclass
class Usage:
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, message: AIMessage | None) -> None:
        meta = getattr(message, "usage_metadata", None) or {}
        self.prompt_tokens += int(meta.get("input_tokens") or 0)
        self.completion_tokens += int(meta.get("output_tokens") or 0)


@dataclass
class StructuredError(Exception):
    """Every attempt failed; carries the last fault and what the attempts cost."""

    fault: Fault
    usage: Usage = field(default_factory=Usage)


def known_mode(server: str) -> str | None:
    with _lock:
        return _working.get(server)


def reset_modes() -> None:
    """Forget what worked where (tests)."""
    with _lock:
        _working.clear()
        _dead.clear()


def _untitled(node: Any) -> Any:
    """The schema without pydantic's generated titles: they repeat the field names and cost prompt tokens."""
    if isinstance(node, dict):
        return {k: _untitled(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if isinstance(node, list):
        return [_untitled(v) for v in node]
    return node


def json_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema sent to the server (and shown in JSON mode)."""
    result: dict[str, Any] = _untitled(schema.model_json_schema())
    return result


def schema_json(schema: type[BaseModel]) -> str:
    return json.dumps(json_schema(schema), separators=(",", ":"))


def _bind(model: BaseChatModel, mode: str, schema: type[BaseModel], name: str) -> Any:
    params = json_schema(schema)
    description = (schema.__doc__ or name).strip()
    if mode == "json_schema":
        fmt = {"name": name, "description": description, "schema": params, "strict": False}
        return model.bind(response_format={"type": "json_schema", "json_schema": fmt})
    if mode == "function_calling":
        tool = {"type": "function", "function": {"name": name, "description": description, "parameters": params}}
        return model.bind_tools([tool], tool_choice=name, parallel_tool_calls=False)
    return model.bind(response_format={"type": "json_object"})


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


def _cleaned(value: Any) -> Any:
    """Every string of the reply without terminal control sequences (agent.safe_text), before anything shows or
    stores it: the model's gap, notes and follow-up reach the transcript and the session database as the answers
    do, and raw escapes there cleared or retitled the terminal of whoever printed the file (sweep27 S9)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


def parse_reply(message: AIMessage, schema: type[BaseModel]) -> BaseModel:
    """Strict parse: truncated or malformed JSON is a fault, never a partial object."""
    if message.invalid_tool_calls:
        raise Fault("malformed", "the model returned malformed JSON")
    if message.tool_calls:
        data: Any = message.tool_calls[0]["args"]
    else:
        text = message.content if isinstance(message.content, str) else ""
        try:
            data = json.loads(_FENCE.sub("", text.strip()))
        except json.JSONDecodeError:
            raise Fault("malformed", "the model returned malformed JSON") from None
    if not isinstance(data, dict):
        raise Fault("invalid", "the model's reply did not fit the schema")
    try:
        return schema.model_validate(_cleaned(data))
    except ValidationError:
        raise Fault("invalid", "the model's reply did not fit the schema") from None


def _invoke(bound: Any, messages: Any, timeout: float) -> Any:
    """One request. A 200 reply that is not an OpenAI chat completion (a proxy's HTML error page, a JSON object
    without `choices`) fails inside the client with an AttributeError, TypeError or IndexError: said as what it is,
    not as "unexpected AttributeError" (sweep43 F7)."""
    try:
        return bound.invoke(messages, timeout=timeout)
    except (AttributeError, TypeError, IndexError, KeyError) as exc:
        raise not_a_completion(exc) from exc
    except ValueError as exc:  # langchain's own check of the reply's type; any other ValueError is classified as before
        if "Unexpected response type" not in str(exc):
            raise
        raise not_a_completion(exc) from exc


def not_a_completion(exc: Exception) -> Fault:
    """The fault for a reply the client could not read as a chat completion; says when it was not JSON at all."""
    text = str(exc)
    if "'str' object" in text or "got str" in text:  # the client hands back the raw text of a non-JSON body
        return Fault("malformed", "the server's reply was not JSON (an HTML page?), not an OpenAI chat completion")
    return Fault("malformed", "the server's reply was not an OpenAI chat completion")


def _within(seconds: float, timeout: float, call: Any) -> Any:
    """`call()`, or Fault("timeout") once `seconds` have passed. The client's timeout bounds each wait for a byte,
    not the reply: a server that sends one byte every few seconds held the grading (and the session) for ever
    (sweep29 S10). The call runs on a daemon thread, left to end on its own once the session has moved on; at most
    MAX_CALL_THREADS such threads live at once (a call waits for a slot within `seconds`)."""
    done = threading.Event()
    box: dict[str, Any] = {}
    began = time.monotonic()
    if not _slots.acquire(timeout=seconds):
        raise Fault("timeout", f"timeout after {timeout:g} s (all {MAX_CALL_THREADS} model calls busy)")
    left = seconds - (time.monotonic() - began)
    if left < MIN_ATTEMPT_TIME:  # the slot came too late to wait for a reply: send nothing
        _slots.release()
        raise Fault("timeout", f"timeout after {timeout:g} s (all {MAX_CALL_THREADS} model calls busy)")

    def run() -> None:
        try:
            box["reply"] = call()
        except BaseException as exc:  # handed to the caller, which classifies it
            box["error"] = exc
        finally:
            _slots.release()  # the thread ends here: its slot is free for another call
            done.set()

    # in a copy of this context: LangChain keeps its run configuration in context variables
    try:
        threading.Thread(target=contextvars.copy_context().run, args=(run,), name="llm-call", daemon=True).start()
    except BaseException:
        _slots.release()
        raise
    if not done.wait(left):
        raise Fault("timeout", f"timeout after {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["reply"]


def call_structured(
    model: BaseChatModel,
    messages_for: Any,
    schema: type[BaseModel],
    *,
    server: str,
    timeout: float,
    name: str,
) -> tuple[BaseModel, str, Usage]:
    """Run the call; `messages_for(mode)` gives the messages (JSON mode adds the schema to the prompt).

    Returns (parsed, mode, usage) or raises StructuredError. Never runs past `timeout` seconds of
    waiting on the server, plus the short backoff of one retry.
    """
    usage = Usage()
    with _lock:
        dead = _dead.get(server)
        if dead is not None and time.monotonic() - dead[1] >= DEAD_FOR:
            del _dead[server]  # long enough: the key or the model may be fixed, ask again
            dead = None
    if dead is not None:
        fault, since = dead
        # not sent: said as such, not as if this answer had been refused (when, and when it is tried again)
        ago, again = time.monotonic() - since, DEAD_FOR - (time.monotonic() - since)
        detail = f"not sent; the last call, {ago:.0f} s ago: {fault.detail}; asked again in {max(again, 0):.0f} s"
        raise StructuredError(Fault(fault.kind, detail, fault.status), usage)
    confirmed = known_mode(server)
    mode = confirmed or MODES[0]
    retries = 1
    deadline = time.monotonic() + timeout
    last: Fault = Fault("timeout", f"timeout after {timeout:g} s")
    while usage.calls < MAX_ATTEMPTS:
        remaining = deadline - time.monotonic()
        if remaining < MIN_ATTEMPT_TIME:
            break
        usage.calls += 1
        try:
            call = functools.partial(_invoke, _bind(model, mode, schema, name), messages_for(mode), remaining)
            reply = _within(remaining, timeout, call)
            usage.add(reply)
            parsed = parse_reply(reply, schema)
        except Exception as exc:  # everything becomes a Fault; nothing reaches the graph
            fault = classify(exc, timeout)
            if fault.kind == "timeout" and usage.calls > 1 and last.kind != "timeout":
                # the retry of an earlier failure ran out of time: that failure is the cause, said first (a 500
                # after 20 s was called a timeout, sweep27 S8)
                fault = Fault(last.kind, f"{last.detail}; retried, no reply before the {timeout:g} s limit",
                              last.status)  # fmt: skip
                last = fault
                break
            last = fault
            if last.kind == "timeout":
                break  # the window is spent; a retry would overrun it
            if last.kind in FATAL:
                with _lock:
                    _dead[server] = (last, time.monotonic())
                break
            if mode != confirmed and last.status in DEGRADE_STATUSES and mode != MODES[-1]:
                mode = MODES[MODES.index(mode) + 1]  # this server may not speak that format
                continue
            if not (last.retryable and retries):
                break
            retries -= 1
            wait = BACKOFF if last.retry_after is None else last.retry_after
            if wait > RETRY_AFTER_CAP or time.monotonic() + wait + MIN_ATTEMPT_TIME > deadline:
                break
            time.sleep(wait)
            continue
        with _lock:
            _working[server] = mode
        return parsed, mode, usage
    raise StructuredError(last, usage)
