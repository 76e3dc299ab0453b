"""Progress per competency across sessions: score over time, trend, recurring and vanished gaps, prompting.

Pure functions over the history feed's summaries. A competency's point for a session is the mean combined score
of its questions in that session (a skipped question counts 1, as in the scorecard). The trend is the slope of a
least-squares line through the last TREND_WINDOW points: rising or falling past TREND_STEP points per session. A gap
has gone when the latest session's answers no longer show it, after the previous session showed it or it recurred
in the sessions of the trend window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from agent.coaching.feed import AnswerRecord, SessionSummary
from agent.report import UNANSWERED
from prompts import load_yaml, render

TREND_WINDOW = 10  # sessions the trend looks at: two weeks of practice, not the first day's nerves
TREND_STEP = 0.2  # points per session that count as a change
RECENT_ANSWERS = 6  # answers the recurring-gap count looks back over
RECURRING_MIN = 2  # a gap seen this often in the recent answers is recurring
# A gap that makes another unjudgeable: with no outcome at all, "no number on the outcome" is not named, yet not gone.
HIDES = {"quantified_result": {"result"}}
HIDES_ALL = {"non_answer", "relevance"}


@dataclass
class Point:
    """One session's score for a competency."""

    thread_id: str
    started: str
    score: float
    answers: int


@dataclass
class GapCount:
    """A gap and how often it showed in the recent answers."""

    gap: str
    count: int
    total: int
    text: str


@dataclass
class CompetencyProgress:
    """How one competency of the role went over the sessions."""

    competency: str
    weight: float
    points: list[Point] = field(default_factory=list)
    trend: str = "none"  # none (never asked), new (one session), rising, falling, flat
    slope: float | None = None
    latest: float | None = None
    recurring: list[GapCount] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)  # gaps of earlier sessions absent from the latest one
    answers: int = 0
    prompted: int = 0  # answers whose first version needed a gap follow-up
    follow_ups: int = 0


@dataclass
class Progress:
    """The whole progress view of one role."""

    role: str
    sessions: int
    answers: int
    competencies: list[CompetencyProgress]
    recurring: list[GapCount]
    prompted: int
    follow_ups: int
    first_session: str | None = None
    last_session: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able (the --json output and the page's data)."""
        return asdict(self)


def _score(a: AnswerRecord) -> float:
    return float(UNANSWERED if a.skipped or a.score is None else a.score)


def slope(values: Sequence[float]) -> float:
    """Least-squares slope of values against 0, 1, 2, ... (0 for fewer than two)."""
    n = len(values)
    if n < 2:
        return 0.0
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    num = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    den = sum((i - mean_x) ** 2 for i in range(n))
    return num / den


def trend_of(scores: Sequence[float]) -> tuple[str, float | None]:
    """('rising' | 'falling' | 'flat' | 'new' | 'none', slope)."""
    if not scores:
        return "none", None
    if len(scores) == 1:
        return "new", None
    s = round(slope(scores[-TREND_WINDOW:]), 3)
    return ("rising" if s >= TREND_STEP else "falling" if s <= -TREND_STEP else "flat"), s


def recurring_gaps(answers: Sequence[AnswerRecord], window: int = RECENT_ANSWERS) -> list[GapCount]:
    """Gaps of the first answer seen at least RECURRING_MIN times in the last `window` answered questions."""
    recent = [a for a in answers if not a.skipped][-window:]
    counts: Counter[str] = Counter(g for a in recent for g in dict.fromkeys(a.gaps))
    phr = load_yaml("coaching.yaml")
    out = [
        GapCount(
            gap, n, len(recent), render(phr["recurring"], what=phr["missing"].get(gap, gap), count=n, total=len(recent))
        )
        for gap, n in counts.items()
        if n >= RECURRING_MIN
    ]
    return sorted(out, key=lambda g: (-g.count, g.gap))


def _resolved(by_session: list[tuple[SessionSummary, list[AnswerRecord]]]) -> list[str]:
    """Gaps seen in the sessions before the latest that the latest session's answers no longer show."""
    if len(by_session) < 2:
        return []
    latest = [a for a in by_session[-1][1] if not a.skipped]
    if not latest:
        return []
    now = {g for a in latest for g in a.gaps}
    if now & HIDES_ALL:
        return []  # an answer that missed the question shows nothing about the other gaps
    # A gap "went" when it was there just before (the previous session) or kept coming back in the sessions before
    # the latest one; a gap seen once, weeks ago, is old news rather than progress.
    previous = {g for a in by_session[-2][1] for g in a.gaps}
    earlier = Counter(g for _, answers in by_session[-TREND_WINDOW:-1] for a in answers for g in dict.fromkeys(a.gaps))
    order = [g for _, answers in by_session[-TREND_WINDOW:-1] for a in answers for g in a.gaps]
    went = [g for g in dict.fromkeys(order) if g in previous or earlier[g] >= RECURRING_MIN]
    return [g for g in went if g not in now and not (HIDES.get(g, set()) & now)]


def competency_progress(competency: str, weight: float, sessions: Sequence[SessionSummary]) -> CompetencyProgress:
    """One competency's points, trend, gaps and prompting over the sessions (oldest first)."""
    by_session = [(s, [a for a in s.answers if a.competency == competency]) for s in sessions]
    by_session = [(s, answers) for s, answers in by_session if answers]
    points = [Point(s.thread_id, s.started, round(sum(map(_score, a)) / len(a), 2), len(a)) for s, a in by_session]
    trend, s = trend_of([p.score for p in points])
    answers = [a for _, group in by_session for a in group]
    return CompetencyProgress(
        competency=competency,
        weight=weight,
        points=points,
        trend=trend,
        slope=s,
        latest=points[-1].score if points else None,
        recurring=recurring_gaps(answers),
        resolved=_resolved(by_session),
        answers=sum(1 for a in answers if not a.skipped),
        prompted=sum(1 for a in answers if a.prompted),
        follow_ups=sum(a.follow_ups for a in answers),
    )


def progress(role: str, competencies: dict[str, float], sessions: Sequence[SessionSummary]) -> Progress:
    """The progress view: every competency of the role pack (asked or not), plus role-wide recurring gaps."""
    every = [a for s in sessions for a in s.answers]
    names = list(competencies) + sorted({a.competency for a in every} - set(competencies))
    return Progress(
        role=role,
        sessions=len(sessions),
        answers=sum(1 for a in every if not a.skipped),
        competencies=[competency_progress(c, competencies.get(c, 0.0), sessions) for c in names],
        recurring=recurring_gaps(every),
        prompted=sum(1 for a in every if a.prompted),
        follow_ups=sum(a.follow_ups for a in every),
        first_session=sessions[0].started if sessions else None,
        last_session=sessions[-1].started if sessions else None,
    )
