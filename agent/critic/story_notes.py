"""Compare the answer with the candidate's own stories: contradicted figures, omitted figures, a better story.

Similarity is a bag-of-stems cosine (pure, fast, deterministic); the story the answer tells is the one most
similar to the answer; a better story is the retriever's best match for the question, when it is clearly closer
to the question than the told one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from agent.critic.schema import MetricMention, StoryNote
from agent.critic.text import content_stems
from knowledge.metrics import extract_metrics
from knowledge.models import Metric, Story
from prompts import load_yaml, render

_TELLS = 0.35  # answer-story cosine above which the answer is taken to tell that story (retellings: ~0.6)
_BETTER_MARGIN = 0.08  # how much closer to the question another story must be
_TOPIC_WINDOW = 60  # characters before a figure that say what it measures


def _cos(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _bag(text: str) -> Counter[str]:
    return Counter(content_stems(text))


def _topic(text: str, metric: Metric) -> set[str]:
    return set(content_stems(text[max(0, metric.start - _TOPIC_WINDOW) : metric.end]))


def _fmt(metric: Metric) -> str:
    return metric.text.strip()


def _values(metric: Metric) -> set[float]:
    return {round(v, 6) for v in (metric.value, metric.baseline, metric.after) if v is not None}


def _agree(a: Metric, b: Metric) -> bool:
    """Figures within 2% of each other (rounding in speech: "about 40%" for 41%)."""
    return any(_close(x, y) for x in _values(a) for y in _values(b))


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 0.02 * max(abs(a), abs(b), 1e-9)


def story_notes(
    question: str, answer: str, mentions: Sequence[MetricMention], stories: Sequence[Story]
) -> list[StoryNote]:
    """Notes for the candidate, most useful first (contradictions, omissions, then a better story)."""
    if not stories:
        return []
    phr = load_yaml("critic_phrases.yaml")["story_notes"]
    ans_bag, q_bag = _bag(answer), _bag(question)
    told_scores = [_cos(ans_bag, _bag(s.text)) for s in stories]
    best = max(range(len(stories)), key=lambda i: (told_scores[i], -i))
    notes: list[StoryNote] = []
    told = stories[best] if told_scores[best] >= _TELLS else None
    if told is not None:
        story_metrics = told.metrics or extract_metrics(told.text)
        matched: set[int] = set()
        for mention in mentions:
            same_unit = [(k, sm) for k, sm in enumerate(story_metrics) if sm.unit and sm.unit == mention.unit]
            # The answer's headline figure (the "after" of a change) must appear in the story to agree.
            agreeing = [k for k, sm in same_unit if any(_close(mention.value, v) for v in _values(sm))]
            if agreeing:
                matched.update(agreeing)
                continue
            if not same_unit:
                continue
            # The story figure about the same thing: most shared words just before the number.
            a_topic = _topic(answer, mention)
            overlap, k, sm = max((len(a_topic & _topic(told.text, sm)), -k, sm) for k, sm in same_unit)
            # An outcome figure needs less evidence of being "the same thing" than a scene-setting one.
            if overlap >= 2 or (overlap >= 1 and len(same_unit) == 1 and mention.role == "outcome"):
                matched.add(-k)  # k was negated for the tie-break
                notes.append(StoryNote(
                    kind="contradiction", story_id=told.id, story_title=told.title,
                    message=render(phr["contradiction"], story=_fmt(sm), answer=_fmt(mention)),
                    story_text=_fmt(sm), answer_text=_fmt(mention),
                ))  # fmt: skip
        omitted = [
            sm for k, sm in enumerate(story_metrics)
            if k not in matched and sm.unit and not any(_agree(sm, m) for m in mentions)
            and (sm.baseline is not None or (told.result and sm.text in told.result))  # an outcome, not a setting
        ]  # fmt: skip
        if omitted:  # one omission is enough to act on
            notes.append(StoryNote(
                kind="omitted_metric", story_id=told.id, story_title=told.title,
                message=render(phr["omitted_metric"], story=_fmt(omitted[0]), title=told.title),
                story_text=_fmt(omitted[0]),
            ))  # fmt: skip
    fit = [
        _cos(q_bag, _bag(" ".join(filter(None, [s.title, s.question or "", " ".join(s.competencies), s.text]))))
        for s in stories
    ]
    told_fit = fit[best] if told is not None else 0.0
    # The stories arrive in retrieval order (dense + BM25 + competency): the first is the index's best fit for
    # the question, the same story /hint shows. Suggest it only when the answer is not already telling it and
    # its words also fit the question clearly better than the story told.
    better = 0
    if stories[better] is not told and fit[better] >= told_fit + _BETTER_MARGIN and fit[better] > 0.1:
        notes.append(
            StoryNote(
                kind="better_story",
                story_id=stories[better].id,
                story_title=stories[better].title,
                message=render(phr["better_story"], title=stories[better].title),
                story_text=stories[better].title,
            )
        )
    return notes
