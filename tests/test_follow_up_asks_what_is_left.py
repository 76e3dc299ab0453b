"""A follow-up asks for what the answer leaves out, in terms of that answer: a complete answer is not asked the same
stock question whatever it said, an answer that named its alternative and its price is not asked what it gave up, and
a habit or a belief ("I always look for ...") is never quoted back as if it were a case to set the scene of. Driven
through the graph as `python -m evals.run` replays a transcript; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

from evals.run import replay
from evals.transcript import load_transcript

DECISION = "Tell me about a difficult technical decision you made."
# Complete, measured, a decision of the candidate's own, and no alternative weighed.
PLANNER = (
    "At a freight company our nightly route planner ran for six hours and dispatchers waited on it each "
    "morning. I decided to move the solver to an incremental model that re-planned only the routes new orders "
    "touched. I wrote the diffing layer myself and ran both planners side by side for two weeks. The nightly "
    "run dropped from six hours to forty minutes and dispatchers had their routes before the shift began."
)
# The same story with the alternative and its price named.
WEIGHED = PLANNER + " I picked it rather than paying for a faster commercial solver, at the cost of a month of my time."
HIRE = "Tell me about a hire you are proud of."
# No case at all: a habit, a belief and a proud remark.
HABIT = (
    "I always look for people with a growth mindset who add to the culture rather than fit it. I am proud of "
    "the people I brought in; one of them leads a team now and everyone trusts her."
)


def _asked(tmp_path: Path, role: str, question: str, answer: str, replies: list[str], budget: int) -> list[str]:
    """The follow-ups the graph asks after `answer` and each of `replies`."""
    path = tmp_path / "t.yaml"
    turns = f"  - question: {question!r}\n    answer: {answer!r}\n"
    turns += "".join(f"  - follow_up: true\n    answer: {r!r}\n" for r in replies)
    path.write_text(f"name: t\nrole: {role}\nfollow_ups: {budget}\nturns:\n{turns}", encoding="utf-8")
    return [str(r["follow_up"]["text"]) for r in replay(load_transcript(path)) if r.get("follow_up")]


def test_a_complete_answer_is_asked_what_its_own_decision_cost(tmp_path: Path) -> None:
    (text,) = _asked(tmp_path, "ai-engineer", DECISION, PLANNER, ["It cost a month."], 1)
    assert "move the solver" in text, text


def test_an_answer_that_named_its_price_is_not_asked_what_it_gave_up(tmp_path: Path) -> None:
    (text,) = _asked(tmp_path, "ai-engineer", DECISION, WEIGHED, ["Nothing else."], 1)
    assert "trade-off" not in text.lower() and "give up" not in text.lower() and "move the solver" not in text, text


def test_a_habit_is_never_quoted_back_as_a_case(tmp_path: Path) -> None:
    asked = _asked(tmp_path, "engineering-manager", HIRE, HABIT, ["She was good.", "It went well."], 3)
    assert asked and not [t for t in asked if "always" in t or "growth mindset" in t], asked
