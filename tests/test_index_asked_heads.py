"""Retrieval with MiniLM over a practice tool's transcripts: a story titled by nothing but the generic question it
was prepared for ("Tell me about a failure of yours as a team lead.") is not a hub for every question on the same
broad subject. Its head view is an interview question itself, so its closeness to the probe questions counts more
when stories are ranked (index_dense.ASKED_HUB_WEIGHT); a story named after what happened then gets its turn.

Every story here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import index_dense
from knowledge.index import StoryIndex
from knowledge.index_views import story_views, titled_by_question
from knowledge.models import Story


def _asked(i: int, question: str, text: str) -> Story:
    return Story(
        id=f"asked{i}",
        title=question,
        format="qa",
        question=question,
        questions=[question],
        source="tool.txt",
        text=text,
    )


BANK = [
    _asked(
        1,
        "Tell me about a failure of yours as a team lead.",
        "I promised a designer on my team a promotion date before the review panel had met, and the panel moved it "
        "by half a year. I told her the same afternoon that the promise was mine to regret, not hers, and we wrote a "
        "plan for the two pieces of work her case lacked. She was promoted at the next panel and I no longer give "
        "dates.",
    ),
    _asked(
        2,
        "Describe an outage you ran as a team lead.",
        "On the first snowy Monday our delivery slot service stopped offering slots and the call centre filled up. I "
        "ran the incident, kept the commercial lead updated every quarter of an hour and let the on-call pair debug. "
        "A cache had expired with nothing to refill it; we restored slots in seventy minutes and added a refill "
        "check.",
    ),
    _asked(
        3,
        "Tell me about a time a delivery you owned ran late.",
        "Our move of the loyalty points ledger to the new database was planned for ten weeks and at week six we were "
        "a third done. I told my director that week, moved the largest partners first and left the rest on the old "
        "ledger with a date. We finished four weeks late and now estimate data moves separately.",
    ),
    Story(
        id="lead",
        title="A team lead who stopped leading",
        format="prose",
        source="notes.md",
        text="One of the four team leads reporting to me kept doing the senior engineer's work himself while his "
        "team waited on him for every decision. Two of his engineers asked to move. I gave him clear feedback with "
        "examples, set a ninety-day plan with a coach, and when nothing changed we agreed he would go back to a "
        "staff engineer role, where he is doing well; I hired a new lead from outside.",
    ),
    Story(
        id="ovens",
        title="Oven sensor data arriving late",
        format="prose",
        source="notes.md",
        text="Our oven fault model ranked bakeries for engineer visits, but readings from older sensors came in "
        "hours late and the model treated silence as health. I added a freshness flag per oven so stale ones went "
        "on a separate list for the dispatchers, and missed faults dropped to none in a quarter.",
    ),
]
QUESTION = "How did you deal with a team lead under you who was failing at the job?"


def test_only_a_title_that_is_the_whole_question_is_an_asked_head() -> None:
    assert [titled_by_question(s) for s in BANK] == [True, True, True, False, False]
    named = _asked(9, "Tell me about a crisis you handled. — the flooded depot", "We moved the vans at night.")
    assert not titled_by_question(named)  # the name after the question says what the story is about
    own = _asked(8, "Who owns the label printer?", "Nobody did, so I took it on and wrote the runbook.")
    assert not titled_by_question(own)  # a question about the story's own subject, not one put to the candidate
    assert story_views(BANK[0])[0].kind == "asked" and story_views(BANK[3])[0].kind == "head"


def test_generic_question_titles_leave_room_for_the_story_that_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def first() -> str:
        index = StoryIndex.open(BANK, index_dir=tmp_path, embedder="minilm")
        return index.search(QUESTION, k=3)[0].story.id

    assert first() == "lead"
    monkeypatch.setattr(index_dense, "ASKED_HUB_WEIGHT", index_dense.HUB_WEIGHT)
    assert first() == "asked1"  # corrected like any other view, the generic prompt about leads ranks first
