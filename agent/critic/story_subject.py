"""Which prepared story to offer for a question: one that is about what the question asks, not one sharing its words.

The story index ranks by meaning and words together, and a story can fit a question through a phrase alone: a
UI-framework choice made "for non-technical stakeholders" fits a question about explaining an AI system's limits to
one; an answer on how to organise AI teams fits "design an evaluation pipeline ... for ten engineers" (newcomer trial
N16). /hint offered such stories and the critique said they "may fit this question better". So a story is offered
only when, told as the answer, the critic would not call it off topic; and of the stories the index says fit, the one
that fewest other questions of the role pack fit better comes first (what it is about, judged against everything
else the pack asks, not its shared words). Its situation, action and result are what is judged, never its title or
prepared question, which repeat the words of a question.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence

from agent.critic.features import compute
from agent.critic.question import QuestionInfo
from agent.critic.semantic import Semantic, semantic
from knowledge.models import Story


def story_body(story: Story) -> str:
    """What the story tells: its STAR parts, or its whole text when it has none (a prepared answer, prose)."""
    parts = [p.strip() for p in (story.situation, story.task, story.action, story.result) if p.strip()]
    return " ".join(parts) if parts else story.text


MAX_JUDGED = 512  # verdicts kept: a session asks a few questions of a few stories, each judged once
_JUDGED: dict[tuple[object, ...], tuple[bool, int]] = {}
_LOCK = threading.Lock()


def about(info: QuestionInfo, story: Story, sem: Semantic | None = None) -> tuple[bool, int]:
    """(told as the answer, the story is not off topic; how many of the pack's other questions fit it better)."""
    model = sem or semantic()
    body = story_body(story)
    key = (info.text, info.type, info.competency, info.role, info.signals, info.others, body, id(model))
    with _LOCK:
        if key in _JUDGED:
            return _JUDGED[key]
    rel = compute(info, body, model).relevance
    verdict = (rel.label != "off_topic", rel.ahead)
    with _LOCK:
        while len(_JUDGED) >= MAX_JUDGED:
            _JUDGED.pop(next(iter(_JUDGED)))
        _JUDGED[key] = verdict
    return verdict


def offered(
    stories: Sequence[Story],
    fits: Sequence[bool] | None,
    info: QuestionInfo,
    skip: Collection[int] = (),
    sem: Semantic | None = None,
) -> int | None:
    """The index (into `stories`) of the story to offer for the question, or None when none is about it.

    Candidates are the stories that fit (`fits[k]`, all when None) and are not in `skip` (the story the answer
    tells; one told off topic). A question outside any role pack has no other questions to weigh a story against:
    the index's first fitting story stands, as before."""
    fitting = [k for k in range(len(stories)) if (fits is None or (k < len(fits) and fits[k])) and k not in skip]
    if not fitting or not info.in_pack:
        return fitting[0] if fitting else None
    judged = [(k, *about(info, stories[k], sem)) for k in fitting]
    kept = [(ahead, pos, k) for pos, (k, on_subject, ahead) in enumerate(judged) if on_subject]
    return min(kept)[2] if kept else None
