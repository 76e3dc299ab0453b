"""critique_answer: compute the answer's features once, read the rubric table, assemble the Critique.

Offline and deterministic: identical input gives identical output (the local embedding model is deterministic);
no network, no global state beyond per-process caches of fixed texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from agent.critic import asks, rubric
from agent.critic.chase import chase_first, contradiction_first
from agent.critic.features import Features, compute
from agent.critic.nonanswer import detect
from agent.critic.question import QuestionInfo, question_info
from agent.critic.schema import (
    Critique,
    Evidence,
    MetricMention,
    SignalCheck,
    Signals,
    Span,
    StarFlags,
)
from agent.critic.semantic import Semantic, semantic
from agent.critic.story_notes import story_notes, story_sentence, told_index
from agent.critic.strengths import strengths
from agent.critic.text import MAX_CHARS, Sentence, clip, first_person, words
from knowledge.metric_units import MEASURE_UNITS
from knowledge.models import QUESTION_TYPES, QuestionType, Story
from prompts import load_yaml, render

THIN_WORDS = 20  # fewer words than this cannot show what else an answer is about
WE_WORDS = re.compile(r"\b(?:we|we're|we've|we'd|we'll|us|our|ours|the team|our team)\b", re.IGNORECASE)


def _span(s: Sentence, typed: str) -> Span:
    return Span(start=s.start, end=s.end, text=typed[s.start : s.end])


def non_answer(question_type: QuestionType, reason: str, notes: list[str], applies: list[str]) -> Critique:
    """The critique of an answer that does not answer: score 1, and a plain note why. Only an answer about something
    else is off topic; an empty one, "I don't know" or a request to skip says nothing of another subject."""
    phr = load_yaml("critic_phrases.yaml")
    return Critique(
        question_type=question_type, star=StarFlags(), quantified_result=False, ownership="unclear",
        specificity="low", weak_or_missing=["non_answer"], gap=phr["gaps"]["non_answer"], score=1,
        non_answer=True, relevance="off_topic" if reason == "off_topic" else "on_topic",
        notes=[phr["non_answer_notes"][reason], *notes], applies=applies,
    )  # fmt: skip


def critique_answer(
    question: str,
    question_type: QuestionType | str,
    answer: str,
    stories: Sequence[Story] = (),
    competency: str | None = None,
    *,
    role: str | None = None,
    signals: Sequence[str] | None = None,
    question_id: str | None = None,
    sem: Semantic | None = None,
    info: QuestionInfo | None = None,
    fits: Sequence[bool] | None = None,
) -> Critique:
    """Judge one answer to one question; see agent/critic/schema.py for the fields.

    `stories` are the retrieved stories, best first; `fits[k]` says whether stories[k] fits the question (the
    index's StoryHit.fits; all fit when None). Any of them can be the story the answer tells, but only a fitting
    one is ever named as a story that fits or may fit better; an answer retelling one that `fits` marks fitting is
    on topic.

    role/signals/question_id place the question in its role pack (relevance against the other questions, the
    role's level, the question's signals); `sem` is the embedding model (the process-wide MiniLM by default).
    """
    if question_type not in QUESTION_TYPES:
        raise ValueError(f"unknown question type {question_type!r} (known: {', '.join(QUESTION_TYPES)})")
    qtype = cast(QuestionType, question_type)
    info = info or question_info(question, qtype, competency, role, tuple(signals or ()), question_id)
    shape = rubric.shape_of(question, qtype)
    applies = list(rubric.TABLE[shape].applies)
    phr = load_yaml("critic_phrases.yaml")
    typed, clipped = clip(answer or "")
    notes = [render(phr["notes"]["clipped"], limit=f"{MAX_CHARS:,}")] if clipped else []
    # Analysed with "i" read as "I"; evidence quotes the answer as typed (same offsets).
    verdict = detect(question, first_person(typed), qtype)
    if verdict.reason is not None:
        return non_answer(qtype, verdict.reason, notes, applies)
    told = told_index(verdict.text, stories)
    # Retelling a story the index matched to this question is evidence the answer is on topic; only when the caller
    # says which stories fit (without `fits`, "all fit" is a default, not the index's word).
    tells_fitting = told is not None and fits is not None and told < len(fits) and fits[told]
    f = compute(info, verdict.text, sem or semantic(), tells_fitting_story=tells_fitting)
    found = rubric.gaps(shape, f.flags)
    score = rubric.score(shape, found, f.flags)
    found = chase_first(shape, found, [h.signal for h in f.signals if not h.covered])
    if verdict.injection:
        # An attempt to instruct the grader scores 1 whatever else the answer says; the content is still
        # described (STAR, ownership, specificity) so the candidate sees what the real part contained.
        found = ["non_answer"]
        notes.append(phr["non_answer_notes"]["injection"])
    elif not found and score < 5:
        found = ["relevance"]
    elif found and found[0] == "relevance" and _outcome_ask(f):
        # The part never answered asks how it turned out ("How did it go?"): what to chase is the result itself.
        found = ["result", *(g for g in found if g != "result")]
    elif found and found[0] == "relevance" and _own_part_ask(f):
        # The part never answered asks what the candidate did ("What did you do as the manager?") and the story's
        # steps are told without them (passive, "we"): what to chase is their own part; a generic answer with no
        # step at all lacks the action itself.
        own = "action" if f.star.action is None and f.spec == "low" else "ownership"
        found = [own, *(g for g in found if g != own)]
    # A story that fits the question, never the one the answer is telling (that one was just judged off topic).
    fitting = [s for k, s in enumerate(stories) if (fits is None or (k < len(fits) and fits[k])) and k != told]
    named = fitting[0] if fitting and f.relevance.label != "on_topic" else None
    rel_note = _relevance_note(f, info, named) if f.relevance.label != "on_topic" else ""
    notes_found = story_notes(question, verdict.text, f.metrics, stories, fits)
    if named is not None:  # the relevance note names it already: not a second time as "may fit better"
        notes_found = [n for n in notes_found if not (n.kind == "better_story" and n.story_id == named.id)]
    gap_text = _gap_sentence(found[0], phr, rel_note, f.level.note) if found else ""
    if found and found[0] == "ownership" and not WE_WORDS.search(verdict.text):
        # Chased because the part about the candidate's own doing is missing, in an answer that never says "we":
        # "not only what we did" would be untrue of it (newcomer trial N10).
        gap_text = str(phr["own_part_gap"])
    contradiction = next((n for n in notes_found if n.kind == "contradiction"), None)
    if contradiction is not None and not verdict.injection:
        # A figure that contradicts the candidate's own notes costs a point and is what to fix first, once the answer
        # is on the question and at level (chase.contradiction_first); the note stays a story note either way.
        found = contradiction_first(found)
        score = max(2, min(score, 5) - 1)
        if found[0] == "quantified_result":
            gap_text = contradiction.message
    if score >= 5:
        # A full-marks answer needs no other story: "may fit this question better" there named a story that fitted
        # the question no better than the one told (newcomer trial N19).
        notes_found = [n for n in notes_found if n.kind != "better_story"]
    return Critique(
        question_type=qtype, star=StarFlags(**{p: getattr(f.star, p) is not None for p in StarFlags.model_fields}),
        quantified_result=f.quantified, metrics=f.metrics, ownership=f.own, specificity=f.spec,  # type: ignore[arg-type]
        relevance=f.relevance.label, relevance_note=rel_note, level=f.level.label,  # type: ignore[arg-type]
        level_note=f.level.note, signals=_signals(f, typed), applies=applies,
        weak_or_missing=found,  # type: ignore[arg-type]
        gap=gap_text,
        score=1 if verdict.injection else score, non_answer=verdict.injection,
        evidence=_evidence(f, typed, applies), story_notes=notes_found,
        strengths=[] if verdict.injection or f.relevance.label == "off_topic" else strengths(f, found, applies),
        notes=notes,
    )  # fmt: skip


def _outcome_ask(f: Features) -> bool:
    """The answer covers only part of the question, and the part it leaves out asks for the outcome."""
    ask = f.relevance.missing_ask
    kind = asks.kind_of(ask) if ask is not None and f.relevance.label == "partial" else None
    return kind is not None and kind.name == "shipped"


def _own_part_ask(f: Features) -> bool:
    """The answer covers only part of the question, and the part it leaves out asks what the candidate did."""
    ask = f.relevance.missing_ask
    kind = asks.kind_of(ask) if ask is not None and f.relevance.label == "partial" else None
    return kind is not None and kind.name == "done"


def _gap_sentence(gap: str, phr: dict, rel_note: str, level_note: str) -> str:
    if gap == "relevance" and rel_note:
        return rel_note
    if gap == "level" and level_note:
        return level_note
    return str(phr["gaps"][gap])


def _relevance_note(f: Features, info: QuestionInfo, story: Story | None) -> str:
    """'That answer is about <subject>; the question was: ...', naming a prepared story that fits, if any."""
    phr = load_yaml("critic_phrases.yaml")["relevance"]
    competency = f.relevance.instead_competency or "another subject"
    topic = phr["subjects"].get(competency, competency.replace("_", " "))
    if f.relevance.missing_ask:
        return render(phr["missing_part"], ask=f.relevance.missing_ask.rstrip("?") + "?", question=info.text)
    key = "off_topic" if f.relevance.label == "off_topic" else "sibling" if f.relevance.sibling else "partial"
    if key == "off_topic" and (competency == info.competency or f.relevance.instead_competency is None):
        # "about a technical decision" said of an answer to a technical-decision question; or no pack question
        # claims the answer (relevance.unplaced), so naming a subject would be a guess
        key = "unnamed"
    if sum(len(words(s.text)) for s in f.sents) < THIN_WORDS:
        key = "thin"  # a rival question fits a one-liner by chance; saying what it is about would be a guess
    note = render(phr[key], topic=topic, question=info.text, instead=f.relevance.instead or "")
    if f.relevance.label == "off_topic" and f.relevance.disclaimed:
        note = render(phr["disclaimed"], said=" ".join(f.relevance.disclaimed.split()), question=info.text)
    elif f.relevance.label == "off_topic" and f.relevance.turned:
        note = render(phr["turned"], said=" ".join(f.relevance.turned.split()), question=info.text)
    elif f.relevance.label == "off_topic" and f.relevance.planned:
        note = render(phr["planned"], said=" ".join(f.relevance.planned.split()), question=info.text)
    elif f.relevance.label == "off_topic" and f.relevance.party:
        note = render(phr["other_party"], said=" ".join(f.relevance.party.split()), question=info.text)
    if story is not None:
        note += " " + story_sentence("story_fits", story)
    return note


def _signals(f: Features, typed: str) -> Signals:
    checks = [SignalCheck(signal=h.signal, covered=h.covered, span=_span(h.sentence, typed) if h.sentence else None)
              for h in f.signals]  # fmt: skip
    return Signals(
        covered=[c.signal for c in checks if c.covered], missing=[c.signal for c in checks if not c.covered],
        checks=checks,
    )  # fmt: skip


def _evidence(f: Features, typed: str, applies: list[str]) -> list[Evidence]:
    """The sentence behind each flag that applies to the question's shape, and behind relevance and level."""
    out: list[Evidence] = []
    for part in ("situation", "task", "action", "result"):
        s = getattr(f.star, part)
        if s is not None and part in applies:
            out.append(Evidence(field=part, span=_span(s, typed)))
    headline = headline_metric(f.metrics, f.sents)
    if headline is not None and f.quantified and "quantified_result" in applies:
        span = Span(start=headline.start, end=headline.end, text=typed[headline.start : headline.end])
        out.append(Evidence(field="quantified_result", span=span))
    if f.own_sent is not None and "ownership" in applies:
        out.append(Evidence(field="ownership", span=_span(f.own_sent, typed), note=f.own))
    out += [Evidence(field=k, span=_span(s, typed)) for k, s in sorted(f.cues.items()) if k in applies or k == "scale"]
    rel = f.relevance
    pick = rel.rival_sentence if rel.label != "on_topic" else rel.best_sentence
    if pick is not None and pick < len(f.sents):
        out.append(Evidence(field="relevance", span=_span(f.sents[pick], typed), note=rel.label))
    if f.level.sentence is not None:
        out.append(Evidence(field="level", span=_span(f.level.sentence, typed), note=f.level.label))
    return out


# Time units that say when or how long something took (a delay, a project's length), not what it measured.
LONG_SPANS = frozenset({"min", "h", "days", "weeks", "months", "quarters", "years", "sprints"})


def headline_metric(metrics: list[MetricMention], sents: Sequence[Sentence] = ()) -> MetricMention | None:
    """The outcome figure to quote as "a measured outcome": a result figure, not any figure of the result.

    A result sentence holds figures of its circumstances too: "we launched three weeks late: CTR up 6.5%" (a delay)
    or "a sample of 500 replies showed 11%" (a sample size). So a stated change ("up 6.5%", "from 40% to 12%") in
    the sentence of an outcome figure is a candidate too, and the candidates rank: a change from X to Y, a stated
    change, a measure (%, $, x, a latency), then a duration or a count of things; the earliest within a rank.
    """
    outcomes = [m for m in metrics if m.role == "outcome"]
    spans = [(s.start, s.end) for s in sents if any(s.start <= m.start < s.end for m in outcomes)]
    moved = [m for m in metrics
             if m.role != "outcome" and _stated_change(m) and any(a <= m.start < b for a, b in spans)]  # fmt: skip
    pool = outcomes + moved
    if not pool:
        return None
    return min(pool, key=lambda m: (m.baseline is None, not _stated_change(m), not _measure(m), m.start))


def _stated_change(m: MetricMention) -> bool:
    """The figure is said as a change: "from 40% to 12%", "up 6.5%", "cut by a third"."""
    return m.baseline is not None or m.phase in ("change", "delta")


def _measure(m: MetricMention) -> bool:
    """A measured quantity (a rate, money, a ratio, a latency), not a duration or a count of things. A latency
    in milliseconds or seconds measures a system; weeks and months say when or how long."""
    return m.unit in MEASURE_UNITS and m.unit not in LONG_SPANS
