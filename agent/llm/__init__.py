"""LLM mode: any OpenAI-compatible model refines the offline critique, one call per answered turn.

Public API for the graph and the CLI:
- refine_turn(...) -> LlmTurn: the grounded refine step the critique node calls in LLM mode.
- llm_status(context) -> str: 'offline (deterministic critic)' or 'LLM: <model> @ <url>'.
- session_cost(usages) -> dict: summed calls, tokens and estimated USD for the report.
- stream_phrase(context, text): the interviewer's text in chunks for display.
- is_llm_mode(context) -> bool; prepare(context): build the client before the first turn.
"""

from __future__ import annotations

from typing import Any

from agent.llm.config import llm_status, resolve
from agent.llm.cost import session_cost
from agent.llm.phrase import stream_phrase
from agent.llm.refine import LlmTurn, refine_turn


def is_llm_mode(context: Any) -> bool:
    """True when a model is configured and usable for this context (not --offline)."""
    return resolve(context)[0] is not None


__all__ = ["LlmTurn", "is_llm_mode", "llm_status", "prepare", "refine_turn", "session_cost", "stream_phrase"]


def prepare(context: Any) -> str | None:
    """Build the chat client ahead of the first answer (imports langchain-openai, no network call).

    Returns a one-line problem, or None. Call it at session start so the first turn's fallback
    time is not spent importing.
    """
    config, reason = resolve(context)
    if config is None:
        return reason
    from agent.models import ModelConfigError, load_chat_model

    try:
        load_chat_model(config.model, config.base_url, config.timeout)
    except ModelConfigError as exc:
        return str(exc)
    return None
