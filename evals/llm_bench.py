"""LLM-mode figures against the local stub server (evals/stub_openai.py): no network, no real model.

run_llm_bench() -> dict of flat figures for evals/bench.py:
- calls_per_answered_turn over a 10-turn session (target <= 1),
- prompt tokens per turn, mean and max (target <= 3,000; the stub counts ~4 characters a token; answers run
  from one sentence to ~180 words; the prompt carries the question's signals, the role's level and rival questions),
- fallback time when the server hangs (timeout 0.5 s; target <= timeout + 1 s) or refuses connections,
- calls on a llama.cpp-like server (json_schema answered with HTTP 500): first turn, then per turn.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 0.5
ANSWERS = (
    "I led the migration of our billing jobs off a cron box. I wrote the plan, moved twelve jobs and "
    "cut failed runs from about nine a month to zero within one quarter.",
    "We had a slow search page. The team looked into it and things got better after a while.",
    "I would start from the read path: cache the hot queries, shard by tenant, and keep writes on a "
    "queue so a spike degrades freshness rather than availability.",
    "Honestly I do not remember the details of that one.",
    "I disagreed with my director about shipping without load tests. I ran a one-day test on a copy of "
    "production, showed the p99 doubling at twice the traffic, and we delayed launch by a week.",
    # A full spoken answer (~180 words), the length a prepared candidate gives to a main question.
    "Two years ago our recommendation service was the slowest thing on the home page, and product wanted a "
    "personalised row added on top of it. I was the tech lead, so the plan was mine. I started by measuring: "
    "the p95 was 1.8 seconds, and two thirds of that was feature lookups going one by one to a key-value store "
    "in another region. I proposed three options to my manager and the product lead: move the store, batch the "
    "lookups, or precompute the row overnight. Precomputing was cheapest but would make the row a day stale, "
    "which product rejected. I chose batching plus a regional replica, wrote the design note, and split the "
    "work between two engineers while I built the load test myself. We shipped behind a flag to five percent "
    "of traffic first. The p95 fell from 1.8 seconds to 420 milliseconds, the new row launched on time, and "
    "click-through on the home page rose by about six percent in the first month. What I would do differently: "
    "agree the latency budget with product before the design, not after.",
)


@contextmanager
def _sandbox() -> Iterator[None]:
    """A throwaway data dir and no real API key while the bench runs."""
    saved = {k: os.environ.get(k) for k in ("INTERVIEWER_DATA_DIR", "OPENAI_API_KEY", "OPENAI_BASE_URL")}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_DATA_DIR"] = tmp
        os.environ.pop("OPENAI_API_KEY", None)
        os.environ.pop("OPENAI_BASE_URL", None)
        try:
            yield
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _context(url: str, **kw: Any) -> Any:
    from agent.context import Context

    return Context(model="stub-model", base_url=url, embedder="hashing", seed=3, timeout=kw.pop("timeout", 5.0), **kw)


def _one_turn(url: str, answer: str, timeout: float = 5.0) -> Any:
    from agent.critic import critique_answer
    from agent.llm import refine_turn

    question = "Tell me about a time you changed how your team worked."
    offline = critique_answer(question, "behavioral", answer)
    return refine_turn(context=_context(url, timeout=timeout), question=question, answer=answer, critique=offline)


def _session(url: str, turns: int) -> int:
    """Answered turns of a session driven through InterviewDriver."""
    from agent.driver import InterviewDriver

    driver = InterviewDriver(_context(url, questions=turns, follow_ups=0))
    step, answered = driver.start(), 0
    while step.kind != "done" and answered < turns * 3:
        step = driver.submit(ANSWERS[answered % len(ANSWERS)])
        answered += 1
    return answered


def run_llm_bench(turns: int = 10) -> dict[str, Any]:
    """Start the stub, measure, stop it; every figure is a plain number or bool."""
    from agent.llm import prepare
    from agent.llm.structured import reset_modes
    from evals import stub_openai as stub_mod

    out: dict[str, Any] = {}
    with _sandbox():
        reset_modes()
        with stub_mod.StubOpenAI() as stub:
            answered = _session(stub.url, turns)
            tokens = [_prompt_tokens(body, stub_mod) for body in stub.requests]
            out["answered_turns"] = answered
            out["calls_per_answered_turn"] = round(stub.calls / max(1, answered), 2)
            out["prompt_tokens_per_turn_mean"] = round(statistics.mean(tokens)) if tokens else 0
            out["prompt_tokens_per_turn_max"] = max(tokens, default=0)
            out["prompt_tokens_ok"] = max(tokens, default=0) <= 3000
        with stub_mod.StubOpenAI(delay=5.0) as slow:
            prepare(_context(slow.url, timeout=TIMEOUT))
            start = time.perf_counter()
            result = _one_turn(slow.url, ANSWERS[0], timeout=TIMEOUT)
            out["fallback_s_timeout_0.5"] = round(time.perf_counter() - start, 2)
            out["fallback_ok"] = result.notice is not None and out["fallback_s_timeout_0.5"] <= TIMEOUT + 1
        dead = f"http://127.0.0.1:{stub_mod.free_port()}/v1"
        prepare(_context(dead))
        start = time.perf_counter()
        _one_turn(dead, ANSWERS[0])
        out["fallback_s_refused"] = round(time.perf_counter() - start, 2)
        with stub_mod.StubOpenAI(reject_json_schema=True) as llama:
            first = _one_turn(llama.url, ANSWERS[0]).usage["calls"]
            later = [_one_turn(llama.url, a).usage["calls"] for a in ANSWERS[1:4]]
            out["llamacpp_first_turn_calls"] = first
            out["llamacpp_later_calls_per_turn"] = round(statistics.mean(later), 2)
        reset_modes()
    return out


def _prompt_tokens(body: dict[str, Any], stub_mod: Any) -> int:
    """The same count the stub reports as usage.prompt_tokens."""
    import json

    return int(
        stub_mod.estimate_tokens(
            json.dumps(body.get("messages", [])) + json.dumps(body.get("tools") or body.get("response_format") or "")
        )
    )


if __name__ == "__main__":
    import json

    print(json.dumps(run_llm_bench(), indent=1))
