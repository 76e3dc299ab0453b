"""critique_answer: run every rubric module over one answer and assemble the Critique.

Offline, deterministic and pure: identical input gives identical output; no network, no global state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.critic import rubric
from agent.critic.metric_roles import classify
from agent.critic.nonanswer import detect
from agent.critic.ownership import ownership
from agent.critic.schema import Critique, Evidence, MetricMention, Span, StarFlags
from agent.critic.specificity import specificity
from agent.critic.star import StarResult, action_indexes, star_flags
from agent.critic.story_notes import story_notes
from agent.critic.text import MAX_CHARS, Sentence, clip, i_action, sentences, we_action
from knowledge.models import QUESTION_TYPES, QuestionType, Story
from prompts import load_yaml, render

# Units that size a system (for the scale check of design answers).
_SCALE_UNIT = re.compile(r"(?:users?|qps|rps|tps|requests?|queries|events|messages|docs|documents|tenants|"
                         r"gb|tb|pb|mb|tokens|records|rows|calls|sessions|customers|writes|reads)$")  # fmt: skip


def _span(s: Sentence) -> Span:
    return Span(start=s.start, end=s.end, text=s.text)


def _non_answer(question_type: QuestionType, reason: str, notes: list[str]) -> Critique:
    phr = load_yaml("critic_phrases.yaml")
    return Critique(
        question_type=question_type, star=StarFlags(), quantified_result=False, ownership="unclear",
        specificity="low", weak_or_missing=["non_answer"], gap=phr["gaps"]["non_answer"], score=1,
        non_answer=True, notes=[phr["non_answer_notes"][reason], *notes],
    )  # fmt: skip


def _type_gaps(qtype: str, sents: list[Sentence], star: StarResult, quantified: bool, own: str, spec: str,
               metrics: list[MetricMention]) -> tuple[set[str], dict[str, Sentence]]:  # fmt: skip
    """The gaps of this answer for its question type, and the sentences behind the cues found."""
    found: dict[str, Sentence] = {}
    relevant = {"system_design": ("tradeoffs", "requirements", "failure_modes", "rationale"),
                "technical": ("tradeoffs", "failure_modes", "rationale", "example"),
                "leadership": ("rationale", "example"), "motivation": ("rationale", "example")}.get(qtype, ())
    for cue in relevant:
        hit = rubric.find(cue, sents)
        if hit.sentence is not None:
            found[cue] = hit.sentence
    gaps: set[str] = set()
    if spec == "low":
        gaps.add("specificity")
    if qtype in ("behavioral", "leadership"):
        if star.action is None:
            gaps.add("action")
        if own != "clear" and star.action is not None:
            gaps.add("ownership")
        if star.result is None:
            gaps.add("result")
        elif not quantified:
            gaps.add("quantified_result")
        if qtype == "behavioral":
            gaps |= {p for p in ("situation", "task") if getattr(star, p) is None}
        else:
            past_case = star.action is not None and (star.situation is not None or "example" in found)
            if not past_case:
                gaps.add("example")
            if "rationale" not in found:
                gaps.add("rationale")
    elif qtype == "system_design":
        if "requirements" not in found:
            gaps.add("requirements")
        sized = [m for m in metrics if _SCALE_UNIT.search(m.unit) or (m.value or 0) >= 1000]
        if not sized:
            gaps.add("scale")
        else:
            found["scale"] = next(s for s in sents if s.start <= sized[0].start < s.end)
        gaps |= {c for c in ("failure_modes", "tradeoffs", "rationale") if c not in found}
    elif qtype == "technical":
        gaps |= {c for c in ("rationale", "tradeoffs") if c not in found}
        if _lived(sents) is None:
            gaps.add("example")  # correct in principle, but never shown in practice
    elif qtype == "motivation":
        if "rationale" not in found:
            gaps.add("rationale")
        if "example" not in found and _lived(sents) is None:
            gaps.add("example")
    if "example" not in gaps and qtype in ("technical", "leadership", "motivation"):
        lived = _lived(sents)
        if lived is not None:
            found.setdefault("example", lived)
    return gaps, found


def _lived(sents: list[Sentence]) -> Sentence | None:
    """A sentence about something the candidate actually did (past tense, first person), if any."""
    return next((s for s in sents if i_action(s.text, False) or we_action(s.text, False)), None)


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
    qtype: QuestionType = question_type  # type: ignore[assignment]
    phr = load_yaml("critic_phrases.yaml")
    text, clipped = clip(answer or "")
    notes = [render(phr["notes"]["clipped"], limit=f"{MAX_CHARS:,}")] if clipped else []
    verdict = detect(question, text)
    if verdict.reason is not None:
        return _non_answer(qtype, verdict.reason, notes)
    if verdict.injection:
        notes.append(phr["notes"]["injection_removed"])
    text = verdict.text
    sents = sentences(text)
    acts = action_indexes(sents, qtype)
    metrics = classify(text, sents, acts[0] if acts else None, qtype in ("system_design", "technical"))
    star = star_flags(sents, metrics, qtype, acts)
    quantified = star.result is not None and any(m.role == "outcome" for m in metrics)
    own, own_sent = ownership(sents, star.actions, qtype)
    spec, _ = specificity(text, metrics)
    gaps, found = _type_gaps(qtype, sents, star, quantified, own, spec, metrics)
    ordered = rubric.order(gaps, qtype)
    evidence = [Evidence(field=p, span=_span(s)) for p in ("situation", "task", "action", "result")
                if (s := getattr(star, p)) is not None]  # fmt: skip
    evidence += [Evidence(field="quantified_result", span=Span(start=m.start, end=m.end, text=m.text))
                 for m in metrics if m.role == "outcome"][:1]  # fmt: skip
    if own_sent is not None:
        evidence.append(Evidence(field="ownership", span=_span(own_sent), note=own))
    evidence += [Evidence(field=k, span=_span(s)) for k, s in sorted(found.items())]
    strengths = _strengths(phr["strengths"], star, metrics, own, own_sent, spec, found, gaps)
    return Critique(
        question_type=qtype, star=StarFlags(**{p: getattr(star, p) is not None for p in StarFlags.model_fields}),
        quantified_result=quantified, metrics=metrics, ownership=own, specificity=spec,
        weak_or_missing=ordered,  # type: ignore[arg-type]
        gap=phr["gaps"][ordered[0]] if ordered else "", score=rubric.score_from(ordered, qtype),
        evidence=evidence, story_notes=story_notes(question, text, metrics, stories), strengths=strengths,
        notes=notes,
    )  # fmt: skip


def _strengths(phr: dict[str, str], star: StarResult, metrics: list[MetricMention], own: str,
               own_sent: Sentence | None, spec: str, found: dict[str, Sentence], gaps: set[str]) -> list[str]:  # fmt: skip
    """Up to three things the answer does well, each quoting the answer."""
    out: list[str] = []
    outcome = next((m for m in metrics if m.role == "outcome"), None)
    if outcome is not None and star.result is not None:
        out.append(render(phr["quantified_result"], metric=outcome.text))
    elif star.result is not None:
        out.append(render(phr["result"], quote=_quote(star.result)))
    if own == "clear" and own_sent is not None:
        out.append(render(phr["ownership"], quote=_quote(own_sent)))
    elif star.action is not None:
        out.append(render(phr["action"], quote=_quote(star.action)))
    for cue in ("requirements", "tradeoffs", "failure_modes"):
        if cue in found and cue not in gaps:
            out.append(render(phr[cue], quote=_quote(found[cue])))
    if spec == "high":
        out.append(phr["specificity"])
    return out[:3]


def _quote(s: Sentence, limit: int = 90) -> str:
    return s.text if len(s.text) <= limit else s.text[: limit - 1].rstrip() + "…"
