"""An answer that retells a story of the candidate's own notes, one the story index links to the question asked (the
story /hint offers for it), is on topic: the notes outweigh static vectors that place the retelling nearer another
question of the pack. A story the index does not link to the question is no such evidence. The answers and notes
are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.schema import Critique
from knowledge.models import Story

PEER_Q = "Describe a serious disagreement with a peer director or product leader. How was it resolved?"
ANSWER = (
    "Our VP of sales wanted the search revamp live for the customer summit. I believed the ranking model had not "
    "been load tested. I ran two load tests and both fell over at half the expected traffic. I offered to launch to "
    "the summit attendees only, behind a flag. She accepted, and the small launch showed a timeout on 3% of queries "
    "that we fixed before the general release."
)
NOTES = Story(
    id="summit-launch",
    title="Pushing back on the summit launch",
    text=(
        "The VP of sales wanted the search revamp live for the customer summit. I believed the ranking model had "
        "not been load tested. I ran two load tests and both fell over at half the expected traffic. I offered a "
        "launch to summit attendees only, behind a flag. The small launch showed a timeout on 3% of queries, fixed "
        "before general release."
    ),
    competencies=["conflict_resolution"],
    source="/home/candidate/prep/stories.md",
)


def _judge(fits: list[bool]) -> Critique:
    return critique_answer(PEER_Q, "behavioral", ANSWER, [NOTES], role="director", question_id="peer-conflict",
                           fits=fits)  # fmt: skip


def test_retelling_the_story_the_index_links_to_the_question_is_on_topic() -> None:
    c = _judge([True])
    assert c.relevance == "on_topic", (c.relevance, c.relevance_note)
    assert c.score >= 3 and "relevance" not in c.weak_or_missing, (c.score, c.weak_or_missing)
    assert not c.relevance_note
    # The same retelling with the index saying the story does not fit this question: judged as without notes.
    alone = critique_answer(PEER_Q, "behavioral", ANSWER, role="director", question_id="peer-conflict")
    unlinked = _judge([False])
    assert (unlinked.relevance, unlinked.score) == (alone.relevance, alone.score)
