"""The one place chat models are built: any OpenAI-compatible server through langchain-openai.

Clients are cached per (model, base URL, timeout, output bound) in-process so a session reuses one
connection pool. The API key lives only in memory (the client object); it is never written anywhere.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from typing import Any

from langchain_core.language_models import BaseChatModel

# Ollama, llama.cpp and vLLM accept any key; the openai client insists on one being set.
DUMMY_KEY = "sk-no-key-required"
DEFAULT_MAX_TOKENS = 700

_cache: dict[tuple[Any, ...], BaseChatModel] = {}
_lock = threading.Lock()


class ModelConfigError(ValueError):
    """The model cannot be built as configured (one-line message for the user)."""


def _takes_temperature(model: str) -> bool:
    """Reasoning models (o1, o3, o4-mini, gpt-5...) reject a temperature other than the default."""
    name = model.split("/")[-1].lower()
    return not (re.match(r"^o\d", name) or name.startswith("gpt-5"))


def resolve_api_key(base_url: str | None, api_key: str | None = None) -> str:
    """The key to send: given, else OPENAI_API_KEY, else a dummy one for a self-hosted base URL."""
    key = api_key or os.environ.get("OPENAI_API_KEY") or ""
    if key:
        return key
    if base_url:
        return DUMMY_KEY
    raise ModelConfigError("no OPENAI_API_KEY and no base URL: set one, or run with --offline")


def load_chat_model(
    model: str,
    base_url: str | None = None,
    timeout: float = 30.0,
    *,
    api_key: str | None = None,
    max_tokens: int = DEFAULT_MAX_TOKENS,
) -> BaseChatModel:
    """A ChatOpenAI for `model` at `base_url` (None = OpenAI), with our own retry bounds.

    max_retries=0: the caller (agent.llm.structured) owns retries, so timeouts stay bounded.
    The output bound is sent twice to self-hosted servers: langchain-openai sends
    max_completion_tokens, which llama.cpp ignores, so extra_body adds the older max_tokens too.
    """
    from langchain_openai import ChatOpenAI

    if not model.strip():
        raise ModelConfigError("no model name given")
    key = resolve_api_key(base_url, api_key)
    # The key is part of the cache identity only as a digest, so it is never kept twice in clear.
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    cache_key = (model, base_url or "", float(timeout), max_tokens, digest)
    with _lock:
        cached = _cache.get(cache_key)
        if cached is not None:
            return cached
        kwargs: dict[str, Any] = {
            "model": model,
            "api_key": key,
            "timeout": timeout,
            "max_retries": 0,
            "max_tokens": max_tokens,
            # Chat Completions only: it is what OpenAI-compatible servers (Ollama, llama.cpp, vLLM) speak.
            "use_responses_api": False,
        }
        if base_url:
            kwargs["base_url"] = base_url
            if "api.openai.com" not in base_url:
                # OpenAI itself refuses both bounds at once; local servers need the old one.
                kwargs["extra_body"] = {"max_tokens": max_tokens}
        if _takes_temperature(model):
            kwargs["temperature"] = 0.0
        chat = ChatOpenAI(**kwargs)
        _cache[cache_key] = chat
        return chat


def clear_model_cache() -> None:
    """Forget cached clients (tests; a changed key)."""
    with _lock:
        _cache.clear()
