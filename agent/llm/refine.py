"""The one LLM call per answered turn: refine the offline critique and write the follow-up together.

Never raises into the graph: any failure (config, network, server, parsing) gives back the offline
critique for that turn with a one-line notice, so the session goes on and no answer is lost.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from agent.critic.schema import Critique
from agent.llm.config import LlmConfig, resolve
from agent.llm.cost import call_cost
from agent.llm.faults import Fault, redact
from agent.llm.output import SCHEMA_NAME, AnswerReview
from agent.llm.prompt import build_messages, estimate_tokens
from agent.llm.question_facts import question_facts
from agent.llm.reconcile import reconcile
from agent.llm.structured import StructuredError, Usage, call_structured, json_schema, schema_json
from knowledge.models import Story

log = logging.getLogger(__name__)


@dataclass
class LlmTurn:
    """What the critique node gets back for one answered turn."""

    critique: Critique
    follow_up: str | None
    probes: str
    usage: dict[str, Any] = field(default_factory=dict)
    notice: str | None = None
    mode: str | None = None  # json_schema | function_calling | json_mode, when a call succeeded
    seconds: float = 0.0
    failed: str | None = None  # why the configured model gave no critique ("server error (HTTP 500)")

    def __post_init__(self) -> None:
        # The notice, mode and failure travel in usage too, so a caller that stores only usage keeps them.
        self.usage = {**self.usage, "notice": self.notice, "mode": self.mode, "failed": self.failed}


def _usage(config: LlmConfig | None, usage: Usage) -> dict[str, Any]:
    cost = call_cost(config.model, usage.prompt_tokens, usage.completion_tokens) if config else 0.0
    return {
        "calls": usage.calls,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "cost_usd": cost,
        "model": config.model if config else None,
    }


def _offline(
    critique: Critique,
    config: LlmConfig | None,
    usage: Usage,
    notice: str | None,
    t0: float,
    fault: Fault | None = None,
) -> LlmTurn:
    return LlmTurn(
        critique=critique,
        follow_up=None,
        probes=critique.primary_gap,
        usage=_usage(config, usage),
        notice=notice,
        seconds=time.monotonic() - t0,
        failed=redact(fault.detail) if fault is not None else None,
    )


def refine_turn(
    *,
    context: Any,
    question: str,
    answer: str,
    critique: Critique,
    question_type: str | None = None,
    stories: Sequence[Story] = (),
    asked_follow_ups: Sequence[str] = (),
    signals: Sequence[str] | None = None,
    level_expectation: str | None = None,
) -> LlmTurn:
    """Refine `critique` (the offline one) with the configured model; offline result on any failure.

    question_type defaults to the critique's own. signals (what a strong answer to this question shows)
    and level_expectation (the scope the role expects) default to what the session's role pack says.
    """
    t0 = time.monotonic()
    question_type = question_type or critique.question_type
    config, reason = resolve(context)
    if config is None:
        notice = f"LLM not used ({reason}); this turn used the offline critic." if reason else None
        return _offline(critique, None, Usage(), notice, t0)
    usage = Usage()
    try:
        from agent.models import load_chat_model

        model = load_chat_model(config.model, config.base_url, config.timeout)
        facts = question_facts(context, question, answer, signals=signals, level=level_expectation)
        prompt = partial(
            build_messages,
            question=question,
            question_type=question_type,
            answer=answer,
            critique=critique,
            stories=stories,
            asked_follow_ups=asked_follow_ups,
            facts=facts,
        )
        messages_for = partial(_messages, prompt)
        review, mode, usage = call_structured(
            model, messages_for, AnswerReview, server=config.key, timeout=config.timeout, name=SCHEMA_NAME
        )
        assert isinstance(review, AnswerReview)
        refined, follow_up, probes = reconcile(critique, review, answer, asked_follow_ups, facts.signals)
    except StructuredError as exc:
        log.info("LLM turn fell back to the offline critic: %s", redact(str(exc.fault)))
        return _offline(critique, config, exc.usage, exc.fault.notice(), t0, exc.fault)
    except Exception as exc:  # a bug or a config error must not stop the interview
        fault = exc if isinstance(exc, Fault) else Fault("error", f"{type(exc).__name__}: {exc}")
        log.info("LLM turn failed: %s", redact(str(fault)))
        return _offline(critique, config, usage, fault.notice(), t0, fault)
    return LlmTurn(
        critique=refined,
        follow_up=follow_up,
        probes=probes,
        usage=_usage(config, usage),
        mode=mode,
        seconds=time.monotonic() - t0,
    )


def _messages(prompt: Callable[..., list[tuple[str, str]]], mode: str) -> list[tuple[str, str]]:
    """The turn's messages (`prompt`: build_messages with the turn's content) for one call mode: JSON mode puts the
    schema in the prompt, the other modes send it as the call's own schema."""
    json_mode = mode == "json_mode"
    return prompt(
        json_mode=json_mode,
        schema_json=schema_json(AnswerReview) if json_mode else "",
        schema_tokens=estimate_tokens(json.dumps(json_schema(AnswerReview))),  # as sent: spaced JSON
    )
