"""LLM mode for the eval replays, against the local stub server: the whole LLM path runs in CI with no network.

The stub plays a faithful model: it reads the offline critic's evidence from the request (the prompt is built by
agent.llm.prompt) and answers with a review that agrees with it, and a follow-up chasing the first gap not yet
probed. Every request still goes through ChatOpenAI, structured output, validation and reconciliation, so a
transcript that passes offline must pass here too, and a broken LLM path fails the replay.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from evals.stub_openai import StubOpenAI

_EVIDENCE = re.compile(r"Offline critic \(facts computed by code[^)]*\):\s*(\{.*?\})\s*\n", re.S)


def _user_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")


def faithful_review(body: dict[str, Any]) -> dict[str, Any]:
    """A review that agrees with the offline evidence in the request (what a careful model would return)."""
    text = _user_text(body)
    match = _EVIDENCE.search(text)
    if match is None:
        raise ValueError("the LLM request carries no offline evidence block")
    evidence = json.loads(match.group(1))
    gaps: list[str] = list(evidence["weak_or_missing"])
    asked = text.split("Follow-ups already asked (do not repeat):", 1)[-1].split("The answer below", 1)[0]
    probe = next((g for g in gaps if g not in asked), gaps[0] if gaps else "none")
    return {
        "relevance": evidence["relevance"],
        "level": evidence["level"],
        "signals_covered": [],  # the offline spans stand; a faithful model claims nothing new
        **evidence["star"],
        "quantified_result": evidence["quantified_result"],
        "ownership": evidence["ownership"],
        "specificity": evidence["specificity"],
        "score": evidence["score"],
        "weak_or_missing": gaps,
        "gap": evidence["gap"],
        "evidence": [],
        "follow_up": "" if probe == "none" else f"Could you say more about the {probe.replace('_', ' ')} part of that?",
        "probes": probe,
    }


@contextmanager
def stub_llm_settings() -> Iterator[dict[str, Any]]:
    """Start the stub; yield the Context overrides that put a session in LLM mode against it."""
    saved = os.environ.pop("OPENAI_API_KEY", None)  # never send a real key to anything, even the stub
    try:
        with StubOpenAI(responder=faithful_review) as stub:
            yield {"offline": False, "model": "stub-model", "base_url": stub.url, "timeout": 10.0}
    finally:
        if saved is not None:
            os.environ["OPENAI_API_KEY"] = saved
