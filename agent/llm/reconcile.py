"""Code stays in charge: merge the model's review into the offline critique under hard rules.

- No quantified result unless the offline extractor found an outcome number in the answer.
- A STAR flag the offline critic left false turns true only with a quote that is really in the answer.
- Ownership/specificity move one step at most without a quote.
- The score stays within one point of the offline score, is 4 at most while gaps remain, and a
  non-answer (including an answer that tries to instruct the grader) stays the offline verdict.
- The follow-up is kept only if it chases a gap that survived and is not a repeat.
The result is validated by the Critique schema.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.critic.schema import Critique, Evidence, Span
from agent.llm.output import AnswerReview
from prompts import load_yaml, render

STAR = ("situation", "task", "action", "result")
LEVELS = {"ownership": ("unclear", "mixed", "clear"), "specificity": ("low", "medium", "high")}
MIN_QUOTE_CHARS = 12
MAX_FOLLOW_UP_CHARS = 300


def find_quote(answer: str, quote: str) -> Span | None:
    """Where `quote` occurs verbatim in the answer, whitespace-normalised; None if it does not."""
    words = quote.strip().strip("\"'“”‘’").strip().rstrip(".…").split()
    if len(" ".join(words)) < MIN_QUOTE_CHARS:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), answer)
    if not match:
        return None
    return Span(start=match.start(), end=match.end(), text=match.group(0))


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _level(kind: str, offline: str, model: str, quoted: bool) -> str:
    """Accept the model's level if it moves one step, or further with a quote."""
    scale = LEVELS[kind]
    if quoted or abs(scale.index(model) - scale.index(offline)) <= 1:
        return model
    return scale[scale.index(offline) + (1 if scale.index(model) > scale.index(offline) else -1)]


def reconcile(
    offline: Critique, review: AnswerReview, answer: str, asked_follow_ups: Sequence[str] = ()
) -> tuple[Critique, str | None, str]:
    """(critique with source='llm', follow-up or None, probed gap or 'none')."""
    text = load_yaml("llm_reconcile.yaml")
    notes = list(offline.notes)
    if offline.non_answer:
        notes.append(text["notes"]["non_answer_kept"])
        kept = offline.model_copy(update={"notes": notes, "source": "llm"})
        return Critique.model_validate(kept.model_dump()), None, kept.primary_gap

    evidence = list(offline.evidence)
    proven: set[str] = set()
    for item in review.evidence:
        span = find_quote(answer, item.quote)
        if span is not None:
            proven.add(item.field)
            evidence.append(Evidence(field=item.field, span=span, note="quoted by the model"))

    star = {}
    for part in STAR:
        was, claims = getattr(offline.star, part), getattr(review, part)
        star[part] = claims if was or not claims else part in proven
        if claims and not star[part]:
            notes.append(render(text["notes"]["unquoted_flag"], part=part))

    has_outcome = offline.quantified_result or any(m.role == "outcome" for m in offline.metrics)
    quantified = review.quantified_result and has_outcome
    if review.quantified_result and not has_outcome:
        notes.append(text["notes"]["no_number"])

    # Gaps: the model's, then offline gaps that code can still see (a STAR part or number missing).
    gaps: list[str] = [g for g in review.weak_or_missing if g != "non_answer"]
    facts = {**star, "quantified_result": quantified}
    for gap in offline.weak_or_missing:
        if gap in facts and not facts[gap] and gap not in gaps:
            gaps.append(gap)
    if review.quantified_result and not has_outcome:
        gaps.append("quantified_result")  # the model's score leaned on a number that is not there
    gaps = [g for g in dict.fromkeys(gaps) if not facts.get(g, False)]

    low, high = max(1, offline.score - 1), min(5, offline.score + 1)
    score = min(max(review.score, low), high)
    if score < 5 and not gaps:
        gaps = list(offline.weak_or_missing) or ["specificity"]
    if gaps:
        score = min(score, 4)
    if score != review.score:
        notes.append(render(text["notes"]["score_clamped"], asked=review.score, score=score))

    primary = gaps[0] if gaps else "none"
    gap_sentence = review.gap.strip()[:300] if review.weak_or_missing[:1] == [primary] else ""
    if not gap_sentence and gaps:
        gap_sentence = offline.gap if offline.primary_gap == primary and offline.gap else ""
        gap_sentence = gap_sentence or text["gap_sentences"].get(primary, text["gap_sentences"]["default"])

    critique = Critique.model_validate(
        {
            **offline.model_dump(),
            "star": star,
            "quantified_result": quantified,
            "ownership": _level("ownership", offline.ownership, review.ownership, "ownership" in proven),
            "specificity": _level("specificity", offline.specificity, review.specificity, "specificity" in proven),
            "weak_or_missing": gaps,
            "gap": gap_sentence if gaps else "",
            "score": score,
            "evidence": [e.model_dump() for e in evidence],
            "non_answer": False,
            "notes": notes,
            "source": "llm",
        }
    )
    return critique, _follow_up(review, critique, asked_follow_ups), primary


def _follow_up(review: AnswerReview, critique: Critique, asked: Sequence[str]) -> str | None:
    """The model's follow-up if it chases a surviving gap, reads as a question and is new."""
    question = " ".join(review.follow_up.split())
    if not critique.weak_or_missing or not question or len(question) > MAX_FOLLOW_UP_CHARS:
        return None
    if review.probes not in critique.weak_or_missing or "<" in question or not question.endswith("?"):
        return None
    if _norm(question) in {_norm(q) for q in asked}:
        return None
    return question
