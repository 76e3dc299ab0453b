"""What went wrong with one LLM call, whether it is worth one more try, and how to say so in one line."""

from __future__ import annotations

import os
from dataclasses import dataclass

RETRYABLE = frozenset({"connection", "rate_limit", "server_error", "malformed", "invalid"})
FATAL = frozenset({"auth", "not_found"})  # no later turn of this session can succeed either
RETRY_AFTER_CAP = 5.0  # seconds; a server asking for longer is treated as down for this turn


@dataclass
class Fault(Exception):
    """A classified failure of one LLM call."""

    kind: str  # timeout connection rate_limit server_error auth not_found rejected malformed invalid error
    detail: str
    status: int | None = None
    retry_after: float | None = None

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE

    def notice(self) -> str:
        """One line for the candidate; never contains the API key."""
        return redact(f"LLM unavailable ({self.detail}); this turn used the offline critic.")


def redact(text: str) -> str:
    """Remove the API key (and anything after a bearer prefix) from text that may be shown or logged."""
    key = os.environ.get("OPENAI_API_KEY") or ""
    if len(key) >= 4:
        text = text.replace(key, "***")
    return " ".join(text.split())[:200]


def _retry_after(exc: Exception) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None) or {}
    value = headers.get("retry-after") if hasattr(headers, "get") else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except (TypeError, ValueError):
        return None  # an HTTP date: treat as unknown and use our own small backoff


def classify(exc: BaseException, timeout: float) -> Fault:
    """Map an exception from the openai client (or our parser) to a Fault."""
    import openai

    if isinstance(exc, Fault):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return Fault("timeout", f"timeout after {timeout:g} s")
    if isinstance(exc, openai.APIConnectionError):
        return Fault("connection", "cannot connect to the model server")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status == 429:
            return Fault("rate_limit", "rate limited (HTTP 429)", status, _retry_after(exc))
        if status in (401, 403):
            return Fault("auth", f"the server refused the API key (HTTP {status})", status)
        if status == 404:
            return Fault("not_found", "model or endpoint not found (HTTP 404); check --model and --base-url", status)
        if status >= 500:
            return Fault("server_error", f"server error (HTTP {status})", status)
        return Fault("rejected", f"request rejected (HTTP {status})", status)
    if isinstance(exc, ValueError):  # JSON decoding and pydantic validation both land here
        return Fault("invalid", "the model's reply did not fit the schema")
    return Fault("error", f"unexpected {type(exc).__name__}")
