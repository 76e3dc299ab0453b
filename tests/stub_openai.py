"""The stub OpenAI-compatible server (evals/stub_openai.py) and the pytest fixture the LLM tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from evals.stub_openai import DEFAULT_PAYLOAD, Action, StubOpenAI, estimate_tokens, free_port

__all__ = ["DEFAULT_PAYLOAD", "Action", "StubOpenAI", "estimate_tokens", "free_port", "stub"]


@pytest.fixture
def stub() -> Iterator[StubOpenAI]:
    """A fresh stub server per test; per-server LLM memory and model clients are reset."""
    from agent.llm.structured import reset_modes
    from agent.models import clear_model_cache

    reset_modes()
    clear_model_cache()
    with StubOpenAI() as server:
        yield server
    reset_modes()
    clear_model_cache()
