"""Which model, if any, grades this session: resolved from the Context and the environment.

Offline is the default: with no model, no base URL and no OPENAI_API_KEY the deterministic critic
grades alone, and `--offline` (context.offline) always wins. The key itself is never copied here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 30.0
OFFLINE_STATUS = "offline (deterministic critic)"
OPENAI_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class LlmConfig:
    """A usable LLM configuration (no secret inside)."""

    model: str
    base_url: str | None
    timeout: float

    @property
    def server(self) -> str:
        """The server this configuration calls."""
        return self.base_url or OPENAI_URL

    @property
    def key(self) -> str:
        """Key under which what works (and what cannot work) is remembered: server and model together, so one
        session's unknown model never switches LLM mode off for sessions using another model on that server."""
        return f"{self.server} {self.model}"

    def status(self) -> str:
        return f"LLM: {self.model} @ {self.server}"


def _setting(context: Any, name: str, env: str) -> str:
    value = getattr(context, name, None) or os.environ.get(env) or ""
    return str(value).strip()


def resolve(context: Any) -> tuple[LlmConfig | None, str | None]:
    """(config, None) in LLM mode; (None, reason) offline, reason None when offline is simply the default."""
    if getattr(context, "offline", False):
        return None, None
    model = _setting(context, "model", "INTERVIEWER_MODEL")
    base_url = _setting(context, "base_url", "OPENAI_BASE_URL").rstrip("/") or None
    has_key = bool(os.environ.get("OPENAI_API_KEY"))
    if not (model or base_url or has_key):
        return None, None
    if not base_url and not has_key:
        return None, f"model {model!r} needs OPENAI_API_KEY or a base URL"
    timeout = float(getattr(context, "timeout", None) or DEFAULT_TIMEOUT)
    return LlmConfig(model=model or DEFAULT_MODEL, base_url=base_url, timeout=timeout), None


def llm_status(context: Any) -> str:
    """One line for the CLI: 'offline (deterministic critic)' or 'LLM: <model> @ <base url>'."""
    config, reason = resolve(context)
    if config is None:
        return f"{OFFLINE_STATUS}: {reason}" if reason else OFFLINE_STATUS
    return config.status()
