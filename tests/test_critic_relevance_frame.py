"""The meaning view of relevance reads the story, not a frame that restates the question: a polished story told to
another question, opened or closed with the asked question's own words ("bad data reaching a customer is something
I think about a lot"), is placed where the story itself is (critic_dev6 and critic_dev8 stories of that shape were
on topic). Every answer here is written for this file.
"""

from __future__ import annotations

from agent.critic import features, relevance
from agent.critic.question import question_info
from agent.critic.semantic import semantic
from agent.critic.text import sentences
from knowledge.roles import load_role

# A tool migration, nothing about bad data in it.
STORY = (
    "Last year I led the move of our ticketing tool from a self-hosted server to a managed service. I planned the "
    "cut-over in three waves, trained the forty support agents in small groups and kept the old server read-only for "
    "a month. The move finished two weeks early and agents closed tickets 15% faster."
)
OPENING = "Bad data reaching a customer, a report or a model is something I think about a lot."
CLOSING = "That is what I changed so that bad data would not reach a customer again."


def _placed(answer: str) -> relevance.RelevanceResult:
    q = next(q for q in load_role("director").questions if q.id == "data-quality-crisis")
    info = question_info(q.text, q.type, None, "director", None, q.id)
    sents = sentences(answer)
    sent_vecs, asked, pack, _sigs, _pool = features._vectors(semantic(), info, sents)
    return relevance.judge(info, sents, sent_vecs, asked, pack, "story", True)


def test_a_frame_in_the_questions_words_does_not_move_the_story() -> None:
    bare = _placed(STORY)
    framed = _placed(f"{OPENING} {STORY} {CLOSING}")
    assert bare.ahead >= 3  # other questions of the pack fit the story better than the asked one
    assert framed.ahead == bare.ahead
    assert abs(framed.fit - bare.fit) < 1e-6
    assert framed.best_sentence is not None and framed.rival_sentence not in (0, 4)  # the rival is seen in the story
