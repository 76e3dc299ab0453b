"""Code stays in charge: merge the model's review into the offline critique under hard rules.

- No quantified result unless the offline extractor found an outcome number in the answer.
- A STAR flag, a signal, or a cleared offline gap counts only with a quote that is really in the answer;
  an answer the offline critic found off topic (or below the level) stays so unless the model quotes
  the sentence that answers the question (or shows the scope).
- A STAR flag, a measured result, ownership or specificity the offline critic found stays unless the model names
  the gap and says why, and never when the code's evidence for it is shown (a lowering the code overrules does not
  reach the gaps). Ownership/specificity rise only with a quote found in the answer.
- Score down: below the offline score when the model names what is missing and why; by more than one
  point only for a substantive gap (off topic, below the level, a missing signal, a non-answer).
  Score up: one point at most, only when a quote cleared an offline gap. Off topic caps at 2, below
  the level at 2 (the offline rubric's caps), any remaining gap at 4; a non-answer (including an answer that
  instructs the grader) stays the offline verdict.
- The follow-up is kept only if it chases a gap that survived and is not a repeat.
The result is validated by the Critique schema (a score below 5 names its gap).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.critic.rubric import CAPS as RUBRIC_CAPS
from agent.critic.schema import Critique, Evidence, Span
from agent.llm.output import AnswerReview
from agent.llm.substance import Substance, find_quote, reconcile_substance
from prompts import load_yaml, render

__all__ = ["find_quote", "reconcile"]

STAR = ("situation", "task", "action", "result")
LEVELS = {"ownership": ("unclear", "mixed", "clear"), "specificity": ("low", "medium", "high")}
SUBSTANTIVE = ("relevance", "level", "signal", "non_answer")
CAPS = {"off_topic": RUBRIC_CAPS["off_topic"], "below": RUBRIC_CAPS["below_level"]}  # one rule in both modes
MAX_FOLLOW_UP_CHARS = 300


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _level(kind: str, offline: Critique, review: AnswerReview, proven: dict[str, Span], held: set[str]) -> str:
    """Raise only with a quote found in the answer (sweep43 F5: one step was granted without one); lower only when
    the code has no evidence for its verdict and the model names the gap and says why (sweep43 F2)."""
    scale, was, model = LEVELS[kind], getattr(offline, kind), getattr(review, kind)
    if scale.index(model) > scale.index(was):
        return model if kind in proven else was
    if scale.index(model) < scale.index(was):
        return model if kind not in held and _named(review, kind) else was
    return was


def _named(review: AnswerReview, gap: str) -> bool:
    """The model named this gap and said why (its gap sentence): the least a lowered verdict needs."""
    return gap in review.weak_or_missing and bool(review.gap.strip())


def _facts(star: dict[str, bool], quantified: bool, sub: Substance) -> dict[str, bool]:
    """Which gaps the reconciled evidence shows closed (True) or open (False)."""
    return {
        **star,
        "quantified_result": quantified,
        "relevance": sub.relevance == "on_topic",
        "level": sub.level == "at",
        "signal": not sub.signals.missing,
    }


def _gaps(
    offline: Critique, review: AnswerReview, facts: dict[str, bool], proven: dict[str, Span], sub: Substance
) -> list[str]:
    """Forced substance gaps (off topic, below the level), then the model's (unless the evidence shows them
    closed), then the offline ones that no verified quote or fact cleared."""
    forced = [g for g, verdict in (("relevance", sub.relevance), ("level", sub.level)) if verdict in CAPS]
    model = [g for g in review.weak_or_missing if not facts.get(g, False)]
    kept = [g for g in offline.weak_or_missing if not facts.get(g, g in proven)]
    return list(dict.fromkeys([*forced, *model, *kept]))


def _score(offline: Critique, review: AnswerReview, gaps: list[str], cleared: list[str], sub: Substance) -> int:
    """The model's score within the rules (see the module docstring)."""
    base, asked = offline.score, review.score
    if asked > base:
        score = base + 1 if cleared else base
    elif asked < base:
        named = [g for g in review.weak_or_missing if g in gaps]
        substantive = any(g in SUBSTANTIVE and (g != "signal" or sub.signals.missing) for g in named)
        # Lowering needs what is missing and why; more than one point needs a gap of substance.
        score = (asked if substantive else max(asked, base - 1)) if named and review.gap.strip() else base
    else:
        score = base
    score = min(score, CAPS.get(sub.relevance, 5), CAPS.get(sub.level, 5))
    return min(score, 4) if gaps else score


def reconcile(
    offline: Critique,
    review: AnswerReview,
    answer: str,
    asked_follow_ups: Sequence[str] = (),
    signals: Sequence[str] = (),
) -> tuple[Critique, str | None, str]:
    """(critique with source='llm', follow-up or None, probed gap or 'none')."""
    text = load_yaml("llm_reconcile.yaml")
    notes = list(offline.notes)
    if offline.non_answer:
        notes.append(text["notes"]["non_answer_kept"])
        kept = offline.model_copy(update={"notes": notes, "source": "llm"})
        return Critique.model_validate(kept.model_dump()), None, kept.primary_gap

    evidence = list(offline.evidence)
    proven: dict[str, Span] = {}
    for item in review.evidence:
        span = find_quote(answer, item.quote)
        if span is not None:
            proven.setdefault(item.field, span)
            evidence.append(Evidence(field=item.field, span=span, note="quoted by the model"))

    # What the code found with evidence shown beside it stands: a model's bare "false" cannot put a ✗ above the
    # quote that proves the flag (sweep43 F2).
    held = {e.field for e in offline.evidence}
    star = {}
    for part in STAR:
        was, claims = getattr(offline.star, part), getattr(review, part)
        if was:
            star[part] = claims or part in held or not _named(review, part)
            if not claims and star[part]:
                notes.append(render(text["notes"]["kept_flag"], part=part))
        else:
            star[part] = claims and part in proven
            if claims and not star[part]:
                notes.append(render(text["notes"]["unquoted_flag"], part=part))

    has_outcome = offline.quantified_result or any(m.role == "outcome" for m in offline.metrics)
    quantified = offline.quantified_result or (review.quantified_result and has_outcome)
    if offline.quantified_result and not review.quantified_result:
        notes.append(render(text["notes"]["kept_flag"], part="measured result"))
    if review.quantified_result and not has_outcome:
        notes.append(text["notes"]["no_number"])

    sub = reconcile_substance(offline, review, answer, signals, proven)
    notes += [text["notes"][key] for key in dict.fromkeys(sub.overruled)]
    evidence += sub.evidence
    ownership = _level("ownership", offline, review, proven, held)
    specificity = _level("specificity", offline, review, proven, held)
    facts = _facts(star, quantified, sub)
    for kind, value, top in (("ownership", ownership, "clear"), ("specificity", specificity, "high")):
        if value != getattr(review, kind):
            notes.append(render(text["notes"]["kept_level"], kind=kind, level=value))
        if value == top:  # a verdict that stands at its best closes the model's gap of that name
            facts[kind] = True
    gaps = _gaps(offline, review, facts, proven, sub)
    if review.quantified_result and not has_outcome and "quantified_result" not in gaps:
        gaps.append("quantified_result")  # the model's score leaned on a number that is not there
    # An offline gap counts as cleared by the model only when a verified quote closed it.
    quoted = {*proven, *sub.raised}
    cleared: list[str] = [g for g in offline.weak_or_missing if g not in gaps and g in quoted]

    score = _score(offline, review, gaps, cleared, sub)
    if score < 5 and not gaps:
        gaps = list(offline.weak_or_missing) or ["specificity"]
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
            "ownership": ownership,
            "specificity": specificity,
            "relevance": sub.relevance,
            "relevance_note": sub.relevance_note,
            "level": sub.level,
            "level_note": sub.level_note,
            "signals": sub.signals.model_dump(),
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
