"""critique_answer: run every rubric module over one answer and assemble the Critique.

Offline, deterministic and pure: identical input gives identical output; no network, no global state.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from agent.critic import rubric
from agent.critic.gaps import type_gaps
from agent.critic.metric_roles import classify
from agent.critic.nonanswer import detect
from agent.critic.ownership import ownership
from agent.critic.schema import Critique, Evidence, MetricMention, Span, StarFlags
from agent.critic.specificity import specificity
from agent.critic.star import StarResult, action_indexes, star_flags
from agent.critic.story_notes import story_notes
from agent.critic.text import MAX_CHARS, Sentence, clip, first_person, sentences
from knowledge.models import QUESTION_TYPES, QuestionType, Story
from prompts import load_yaml, render


def _span(s: Sentence, typed: str) -> Span:
    return Span(start=s.start, end=s.end, text=typed[s.start : s.end])


def _non_answer(question_type: QuestionType, reason: str, notes: list[str]) -> Critique:
    phr = load_yaml("critic_phrases.yaml")
    return Critique(
        question_type=question_type, star=StarFlags(), quantified_result=False, ownership="unclear",
        specificity="low", weak_or_missing=["non_answer"], gap=phr["gaps"]["non_answer"], score=1,
        non_answer=True, notes=[phr["non_answer_notes"][reason], *notes],
    )  # fmt: skip


def critique_answer(
    question: str,
    question_type: QuestionType | str,
    answer: str,
    stories: Sequence[Story] = (),
    competency: str | None = None,
) -> Critique:
    """Judge one answer to one question; see agent/critic/schema.py for the fields."""
    if question_type not in QUESTION_TYPES:
        raise ValueError(f"unknown question type {question_type!r} (known: {', '.join(QUESTION_TYPES)})")
    qtype = cast(QuestionType, question_type)
    phr = load_yaml("critic_phrases.yaml")
    typed, clipped = clip(answer or "")
    notes = [render(phr["notes"]["clipped"], limit=f"{MAX_CHARS:,}")] if clipped else []
    # Analysed with "i" read as "I"; evidence quotes the answer as typed (same offsets).
    verdict = detect(question, first_person(typed), qtype)
    if verdict.reason is not None:
        return _non_answer(qtype, verdict.reason, notes)
    text = verdict.text
    judged_as = cast(QuestionType, rubric.rubric_type(question, qtype))
    sents = sentences(text)
    acts = action_indexes(sents, judged_as)
    metrics = classify(text, sents, acts[0] if acts else None, judged_as in ("system_design", "technical"))
    star = star_flags(sents, metrics, judged_as, acts)
    quantified = star.result is not None and any(m.role == "outcome" for m in metrics)
    own, own_sent = ownership(sents, star.actions, judged_as)
    spec, _ = specificity(text, metrics)
    gaps, found = type_gaps(judged_as, sents, star, quantified, own, spec, metrics)
    ordered = rubric.order(gaps, judged_as)
    evidence = [Evidence(field=p, span=_span(s, typed)) for p in ("situation", "task", "action", "result")
                if (s := getattr(star, p)) is not None]  # fmt: skip
    if (headline := _headline(metrics)) is not None:
        span = Span(start=headline.start, end=headline.end, text=typed[headline.start : headline.end])
        evidence.append(Evidence(field="quantified_result", span=span))
    if own_sent is not None:
        evidence.append(Evidence(field="ownership", span=_span(own_sent, typed), note=own))
    evidence += [Evidence(field=k, span=_span(s, typed)) for k, s in sorted(found.items())]
    strengths = _strengths(phr["strengths"], star, metrics, own, own_sent, spec, found, gaps)
    if verdict.injection:
        # An attempt to instruct the grader scores 1 whatever else the answer says; the content is still
        # described (STAR, ownership, specificity) so the candidate sees what the real part contained.
        ordered, strengths = ["non_answer"], []
        notes.append(phr["non_answer_notes"]["injection"])
    return Critique(
        question_type=qtype, star=StarFlags(**{p: getattr(star, p) is not None for p in StarFlags.model_fields}),
        quantified_result=quantified, metrics=metrics, ownership=own, specificity=spec,
        weak_or_missing=ordered,  # type: ignore[arg-type]
        gap=phr["gaps"][ordered[0]] if ordered else "",
        score=1 if verdict.injection else rubric.score_from(ordered, judged_as), non_answer=verdict.injection,
        evidence=evidence, story_notes=story_notes(question, text, metrics, stories), strengths=strengths,
        notes=notes,
    )  # fmt: skip


def _strengths(phr: dict[str, str], star: StarResult, metrics: list[MetricMention], own: str,
               own_sent: Sentence | None, spec: str, found: dict[str, Sentence],
               gaps: set[str]) -> list[str]:  # fmt: skip
    """Up to three things the answer does well, each quoting the answer."""
    out: list[str] = []
    outcome = _headline(metrics)
    if outcome is not None and star.result is not None:
        out.append(render(phr["quantified_result"], metric=outcome.text))
    elif star.result is not None and not gaps & {"result", "quantified_result", "specificity"}:
        out.append(render(phr["result"], quote=_quote(star.result)))  # never praise "things got better"
    if own == "clear" and own_sent is not None:
        out.append(render(phr["ownership"], quote=_quote(own_sent)))
    elif star.action is not None and spec != "low" and not gaps & {"action", "ownership"}:
        out.append(render(phr["action"], quote=_quote(star.action)))
    for cue in ("requirements", "tradeoffs", "failure_modes"):
        if cue in found and cue not in gaps:
            out.append(render(phr[cue], quote=_quote(found[cue])))
    if spec == "high":
        out.append(phr["specificity"])
    return out[:3]


def _headline(metrics: list[MetricMention]) -> MetricMention | None:
    """The outcome figure to quote: a stated change (from X to Y) before a bare count, then the earliest."""
    outcomes = [m for m in metrics if m.role == "outcome"]
    return min(outcomes, key=lambda m: (m.baseline is None, m.start)) if outcomes else None


def _quote(s: Sentence, limit: int = 90) -> str:
    return s.text if len(s.text) <= limit else s.text[: limit - 1].rstrip() + "…"
