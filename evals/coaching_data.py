"""A synthetic practice history for the coaching benchmark and the page test: N sessions of a role pack, scores
improving unevenly with noise, gaps that fade as scores rise, stories retold. Seeded, so every run is the same."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from agent.coaching.feed import AnswerRecord, HistoryFeed, SessionSummary
from knowledge.roles import load_role

GAPS = ("quantified_result", "result", "ownership", "specificity", "signal", "tradeoffs", "level")
STORIES = [(f"story-{i}", f"Sample story {i}") for i in range(12)]


def synthetic_history(role: str, sessions: int, per_session: int = 5, seed: int = 7) -> list[SessionSummary]:
    """`sessions` summaries of `role`, oldest first, with `per_session` answered questions each."""
    pack = load_role(role)
    rng = random.Random(seed)
    start = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
    out = []
    for n in range(sessions):
        answers = []
        for q in rng.sample(pack.questions, min(per_session, len(pack.questions))):
            level = 1.5 + 3.0 * n / max(1, sessions - 1) + rng.uniform(-1.0, 1.0)
            score = max(1, min(5, round(level)))
            gaps = [] if score == 5 else rng.sample(GAPS, k=min(len(GAPS), 6 - score))
            story = rng.choice(STORIES) if rng.random() < 0.7 else (None, None)
            prompted = bool(gaps) and rng.random() < 0.5
            answers.append(
                AnswerRecord(
                    question_id=q.id,
                    question=q.text,
                    competency=q.competency,
                    type=q.type,
                    score=score,
                    first_score=max(1, score - (1 if prompted else 0)),
                    follow_ups=int(prompted) + (score < 3),
                    prompted=prompted,
                    gaps=gaps,
                    story_id=story[0],
                    story_title=story[1],
                )
            )
        when = (start + timedelta(hours=10 * n)).isoformat(timespec="microseconds")
        out.append(
            SessionSummary(
                thread_id=f"bench-{n:04d}",
                role=pack.name,
                role_ref=role,
                started=when,
                updated=when,
                finished=True,
                answers=answers,
            )
        )
    return out


def fill_feed(feed: HistoryFeed, role: str, sessions: int) -> None:
    """Record a synthetic history into a feed."""
    for summary in synthetic_history(role, sessions):
        feed.record(summary)
