"""A vague answer told all as "we" (no name, figure or step of the candidate's own) is not called another question's
answer: it says too little for its words to place it elsewhere, and what the candidate needs to hear is that the
answer lacks their own part and specifics. The answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.roles import load_role

VAGUE = {
    "own-failure": (
        "We had a period where onboarding went badly. We had not written much down, and new people struggled for "
        "weeks. We talked about it as a team, we improved our documentation and we got better at it. It was a "
        "useful lesson for everyone."
    ),
    "low-performer": (
        "We had someone on the team who was struggling. We talked with them and we tried to support them. Things "
        "got a bit better over time and we kept an eye on it. In the end it worked out for the team."
    ),
}


def test_a_vague_we_answer_on_the_subject_is_an_ownership_gap_not_off_topic() -> None:
    questions = {q.id: q for q in load_role("engineering-manager").questions}
    for qid, answer in VAGUE.items():
        q = questions[qid]
        c = critique_answer(q.text, q.type, answer, role="engineering-manager", question_id=q.id)
        assert c.relevance != "off_topic", (qid, c.relevance_note)
        assert c.weak_or_missing[0] == "ownership" and c.score <= 2, (qid, c.weak_or_missing, c.score)
