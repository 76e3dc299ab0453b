"""A stub model that disagrees with the offline critic, and the checks that code stayed in charge.

The faithful stub (evals/llm_stub_mode.py) proves wiring only. Here the stub reads each request (the offline
evidence and the fenced answer) and answers with one of six disagreements, chosen by what the offline critic found:

- injection_five   (offline non-answer): scores 5 with every flag set.        Expect: the offline 1 stands.
- on_topic_unquoted (offline off topic): calls it on topic, quotes nothing.  Expect: off topic, score <= 2.
- claims_result    (no outcome number):  claims a quantified result, +1.     Expect: no quantified result, no raise.
- clears_flag      (offline gaps):       sets every STAR flag, drops every gap, scores 5, quotes nothing.
                                                                               Expect: flags, gaps and score unchanged.
- lowers_named     (offline score >= 3): off topic with a reason, score 1.   Expect: honoured (score 1, off topic).
- raises_two       (offline score <= 3): clears one gap with a real quote, +2. Expect: exactly +1.

Each answered turn of every eval transcript goes through the real graph against this stub; `reconcile` is observed
(called through, unchanged) to pair the offline critique with the reconciled one. Fixed cases (CASES) make sure
every mode runs even when no transcript turn calls for it (an offline off-topic verdict, say).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from agent.critic.schema import Critique
from agent.llm.prompt import MAIN_GAP_LINE

MODES = ("injection_five", "on_topic_unquoted", "claims_result", "clears_flag", "lowers_named", "raises_two")
QUOTABLE = ("situation", "task", "action", "result", "ownership", "specificity", "tradeoffs", "requirements",
            "scale", "failure_modes", "rationale", "example")
STAR = ("situation", "task", "action", "result")
_EVIDENCE = re.compile(r"Offline critic \(facts computed by code[^)]*\):\s*(\{.*?\})\s*\n", re.S)
_ANSWER = re.compile(r"<answer>\n(.*)\n</answer>", re.S)
_NOTES = re.compile(r"<notes>\n(.*?)\n</notes>", re.S)
_SENTENCE = re.compile(r"[^.!?\n]{12,}[.!?]?")


def read_evidence(text: str) -> dict[str, Any]:
    """The offline evidence JSON of a request, with the critic's gap sentence read back from inside <notes>."""
    match = _EVIDENCE.search(text)
    if match is None:
        raise ValueError("the LLM request carries no offline evidence block")
    evidence: dict[str, Any] = json.loads(match.group(1))
    notes = _NOTES.search(text)
    line = next((ln for ln in (notes.group(1) if notes else "").splitlines() if ln.startswith(MAIN_GAP_LINE)), "")
    evidence["gap"] = line[len(MAIN_GAP_LINE):]
    return evidence


def _request_parts(body: dict[str, Any]) -> tuple[dict[str, Any], str]:
    text = "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")
    answer = _ANSWER.search(text)
    if answer is None:
        raise ValueError("the LLM request carries no fenced answer")
    return read_evidence(text), answer.group(1)


def _quotable_gap(evidence: dict[str, Any]) -> str | None:
    return next((g for g in evidence["weak_or_missing"] if g in QUOTABLE), None)


def applicable(evidence: dict[str, Any], answer: str) -> list[str]:
    """The disagreements that test something for this offline verdict, most telling first."""
    if evidence["non_answer"]:
        return ["injection_five"]
    if evidence["relevance"] != "on_topic":
        return ["on_topic_unquoted"]
    has_outcome = evidence["quantified_result"] or any(n["role"] == "outcome" for n in evidence["numbers"])
    modes = []
    if not has_outcome:
        modes.append("claims_result")
    if evidence["weak_or_missing"]:
        modes.append("clears_flag")
    if evidence["score"] >= 3:
        modes.append("lowers_named")
    if evidence["score"] <= 3 and _quotable_gap(evidence) and _SENTENCE.search(answer):
        modes.append("raises_two")
    return modes or ["lowers_named"]


def review_for(mode: str, evidence: dict[str, Any], answer: str) -> dict[str, Any]:
    """The disagreeing review for `mode` (a valid AnswerReview payload)."""
    base: dict[str, Any] = {
        "relevance": evidence["relevance"], "level": evidence["level"], **evidence["star"],
        "quantified_result": evidence["quantified_result"], "ownership": evidence["ownership"],
        "specificity": evidence["specificity"], "score": evidence["score"],
        "weak_or_missing": list(evidence["weak_or_missing"]), "gap": evidence["gap"], "evidence": [],
        "follow_up": "", "probes": "none",
    }
    all_in = {**dict.fromkeys(STAR, True), "quantified_result": True, "score": 5, "weak_or_missing": [], "gap": ""}
    if mode in ("injection_five", "clears_flag"):
        return {**base, **all_in}
    if mode == "on_topic_unquoted":
        return {**base, **all_in, "relevance": "on_topic", "relevance_quote": ""}
    if mode == "claims_result":
        gaps = [g for g in base["weak_or_missing"] if g not in ("result", "quantified_result")]
        return {**base, "result": True, "quantified_result": True, "score": min(5, evidence["score"] + 1),
                "weak_or_missing": gaps, "gap": base["gap"] if gaps else "",
                "evidence": [{"field": "quantified_result", "quote": "and it paid off by 40% that quarter"}]}
    if mode == "lowers_named":
        return {**base, "relevance": "off_topic", "score": 1, "weak_or_missing": ["relevance"],
                "relevance_note": "The story is about something else than what was asked.",
                "gap": "That story answers another question; I asked something else.",
                "follow_up": "Coming back to my question: how did you handle that part?", "probes": "relevance"}
    gap = _quotable_gap(evidence) or "specificity"  # raises_two: clear one gap with a sentence really in the answer
    match = _SENTENCE.search(answer)
    quote = match.group(0).strip() if match else answer[:40]
    rest = [g for g in base["weak_or_missing"] if g != gap]
    return {**base, **({gap: True} if gap in STAR else {}), "score": min(5, evidence["score"] + 2),
            "weak_or_missing": rest, "gap": base["gap"] if rest else "",
            "evidence": [{"field": gap, "quote": quote}]}


@dataclass
class Disagreer:
    """The stub's responder: picks the least-used applicable mode per request and remembers what it did."""

    force: str | None = None
    log: list[tuple[str, str]] = field(default_factory=list)  # (mode, answer as the model saw it)
    _uses: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODES, 0))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, body: dict[str, Any]) -> dict[str, Any]:
        evidence, answer = _request_parts(body)
        with self._lock:
            options = applicable(evidence, answer)
            mode = self.force or min(options, key=lambda m: (self._uses[m], options.index(m)))
            self._uses[mode] += 1
            self.log.append((mode, answer))
        return review_for(mode, evidence, answer)


def check(mode: str, offline: Critique, got: Critique) -> tuple[bool, str, str]:
    """(passed, expected, got) for one reconciled turn."""
    gaps, score = got.weak_or_missing, got.score
    summary = f"score {score}, gaps {gaps}, relevance {got.relevance}, star {got.star.model_dump()}"
    if mode == "injection_five":
        return score == offline.score and got.non_answer, f"score {offline.score}, non-answer kept", summary
    if mode == "on_topic_unquoted":  # off topic caps at 2; partial keeps the offline score at most
        cap = min(offline.score, 2) if offline.relevance == "off_topic" else offline.score
        gap = offline.relevance == "off_topic" or "relevance" in offline.weak_or_missing
        ok = got.relevance == offline.relevance and score <= cap and ("relevance" in gaps or not gap)
        return ok, f"relevance {offline.relevance}, score <= {cap}" + (", relevance gap" if gap else ""), summary
    if mode == "claims_result":
        ok = not got.quantified_result and got.star.result == offline.star.result and score <= offline.score
        return ok, f"no quantified result, result {offline.star.result}, score <= {offline.score}", summary
    if mode == "clears_flag":
        ok = got.star == offline.star and set(offline.weak_or_missing) <= set(gaps) and score == offline.score
        return ok, f"star unchanged, gaps {offline.weak_or_missing} kept, score {offline.score}", summary
    if mode == "lowers_named":
        ok = score == 1 and got.relevance == "off_topic" and got.primary_gap == "relevance"
        return ok, "score 1, off topic, relevance gap first", summary
    want = min(offline.score + 1, 4 if gaps else 5, 2 if got.level == "below" else 5)
    return score == want, f"score {want} (one above {offline.score}, not two)", summary


@contextmanager
def observe_reconcile() -> Iterator[list[tuple[Critique, Critique, str]]]:
    """Record (offline, reconciled, answer) for every reconcile call, calling the real function unchanged."""
    import agent.llm.refine as refine

    real: Callable[..., Any] = refine.reconcile
    seen: list[tuple[Critique, Critique, str]] = []

    def observed(offline: Critique, review: Any, answer: str, *args: Any, **kwargs: Any) -> Any:
        result = real(offline, review, answer, *args, **kwargs)
        seen.append((offline, result[0], answer))
        return result

    refine.reconcile = observed
    try:
        yield seen
    finally:
        refine.reconcile = real
