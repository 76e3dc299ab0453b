"""`--focus weakest`: plan weights from the history, with spaced repetition.

Competencies weigh more the weaker their recent scores (a competency never asked counts as middling). A question
comes back after a number of sessions that grows with its last score (Leitner-style boxes): a question answered
badly is due again at the next session, one answered well only after several. Questions never asked rank between
the due ones and those not yet due. Due questions answered at 3 or less are drilled: they take up to half the
plan's slots before the weighted draw fills the rest; the weak competencies with questions not yet had (those the
opening line names, agent.coaching.focus_note) come next in those slots, one new question each, since otherwise they
weigh no more than the competencies never asked and a short plan rarely reaches them (newcomer39 N8). Everything is
a pure function of the history, so with `--seed` the same history always gives the same plan.
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.coaching.feed import SessionSummary
from agent.report import UNANSWERED
from knowledge.models import RolePack

COMES_BACK_AFTER = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8}  # sessions until a question with this last score is due again
RECENT_POINTS = 3  # sessions a competency's current level is read from
UNSEEN_SCORE = 3.0  # what a competency nobody has asked yet counts as
DUE_BADLY, DUE_WELL, NEVER_ASKED, NOT_DUE = 4.0, 1.0, 1.5, 0.05


def last_asked(pack: RolePack, sessions: Sequence[SessionSummary]) -> dict[str, tuple[int, int]]:
    """question id -> (last score, sessions since it was last asked: 1 = in the latest session)."""
    known = {q.id for q in pack.questions}
    seen: dict[str, tuple[int, int]] = {}
    for n, s in enumerate(sessions):
        for a in s.answers:
            if a.question_id in known:
                score = UNANSWERED if a.skipped or a.score is None else int(a.score)
                seen[a.question_id] = (score, len(sessions) - n)
    return seen


def question_weights(pack: RolePack, sessions: Sequence[SessionSummary]) -> dict[str, float]:
    """question id -> how much the plan should want it now (see the module docstring)."""
    seen = last_asked(pack, sessions)
    out: dict[str, float] = {}
    for q in pack.questions:
        if q.id not in seen:
            out[q.id] = NEVER_ASKED
            continue
        score, since = seen[q.id]
        wait = COMES_BACK_AFTER[max(1, min(5, score))]
        if since < wait:
            out[q.id] = NOT_DUE
        else:  # overdue questions rank above those just due
            out[q.id] = (DUE_BADLY if score <= 3 else DUE_WELL) * min(2.0, since / wait)
    return out


def competency_levels(pack: RolePack, sessions: Sequence[SessionSummary]) -> dict[str, float]:
    """competency -> its recent level: the mean of its per-session means over the last RECENT_POINTS sessions that
    asked it (only the competencies asked before)."""
    out: dict[str, float] = {}
    for competency in pack.competencies:
        points: list[float] = []
        for s in sessions:
            scores = [
                UNANSWERED if a.skipped or a.score is None else a.score for a in s.answers if a.competency == competency
            ]
            if scores:
                points.append(sum(scores) / len(scores))
        if points:
            recent = points[-RECENT_POINTS:]
            out[competency] = sum(recent) / len(recent)
    return out


def competency_weights(
    pack: RolePack, sessions: Sequence[SessionSummary], questions: dict[str, float]
) -> dict[str, float]:
    """competency -> multiplier: (6 - recent mean score)^2 times its most wanted question's weight."""
    levels = competency_levels(pack, sessions)
    out: dict[str, float] = {}
    for competency in pack.competencies:
        level = levels.get(competency, UNSEEN_SCORE)
        wanted = max((questions.get(q.id, 1.0) for q in pack.questions if q.competency == competency), default=1.0)
        out[competency] = round((6.0 - level) ** 2 * wanted, 4)
    return out


def drill(pack: RolePack, sessions: Sequence[SessionSummary]) -> list[str]:
    """Due questions last answered at 3 or less: lowest score first, then the longest waiting."""
    seen = last_asked(pack, sessions)
    due = [
        (score, -since, qid) for qid, (score, since) in seen.items() if score <= 3 and since >= COMES_BACK_AFTER[score]
    ]
    return [qid for _, _, qid in sorted(due)]


def weak_with_new_questions(pack: RolePack, sessions: Sequence[SessionSummary]) -> list[tuple[float, str]]:
    """(level, competency) for the competencies at or below a never-asked one's level, none of whose questions is due
    yet, with a question never asked: weakest first."""
    seen = last_asked(pack, sessions)
    out: list[tuple[float, str]] = []
    for competency, level in competency_levels(pack, sessions).items():
        questions = [q.id for q in pack.questions if q.competency == competency]
        due = any(seen[q][1] >= COMES_BACK_AFTER[max(1, min(5, seen[q][0]))] for q in questions if q in seen)
        if not due and level <= UNSEEN_SCORE and any(q not in seen for q in questions):
            out.append((level, competency))
    return sorted(out)


def first_picks(pack: RolePack, sessions: Sequence[SessionSummary]) -> list[str]:
    """The questions a focus plan takes first, in order: the drill, then one never-asked question of each weak
    competency (weak_with_new_questions). Which new question rotates with the number of sessions read, so the plan
    stays a pure function of the history."""
    seen = last_asked(pack, sessions)
    picks = drill(pack, sessions)
    for _, competency in weak_with_new_questions(pack, sessions):
        fresh = [q.id for q in pack.questions if q.competency == competency and q.id not in seen]
        picks.append(fresh[len(sessions) % len(fresh)])
    return picks


def focus_weights(pack: RolePack, sessions: Sequence[SessionSummary]) -> tuple[dict[str, float], dict[str, float]]:
    """(competency multipliers, question multipliers) for the planner."""
    questions = question_weights(pack, sessions)
    return competency_weights(pack, sessions, questions), questions
