"""A follow-up reply that closes its gap scores 5 only when it carries more than the piece asked for
(agent/critic/follow_up.py _full_marks): a reply of a sentence or two (under SHORT_REPLY words) closes it at 4, and
after a weak first answer a reply that only supplies the missing piece closes it at 4, while a full account of four
sentences or more still earns 5. Driven through the graph as `python -m evals.run` replays a transcript, with the first
answer's score passed from the graph's record; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import yaml

from evals.calibrate_session import session_judge
from evals.labels import LabeledItem
from evals.run import replay
from evals.transcript import load_transcript

SLIPPED = "Tell me about a project of your team that slipped badly. What did you do when you realised it?"
VAGUE = ("We had a billing rewrite that slipped quite a lot. The team worked hard on it and we talked a lot about "
         "what was going wrong. In the end we got it out, later than we wanted, and we learned a lot about planning "
         "from it.")
PIECE = ("I rebuilt the plan in a day: I split the rewrite into the invoice path and the refunds path, and I asked "
         "the finance lead to accept invoices first, six weeks late, with refunds a month after that.")
OWN_PART = 'You said "We had a billing rewrite that slipped quite a lot". What was your own part in that?'  # as asked
ACCOUNT = ("I rebuilt the plan in a day once the missed demo showed we were two months behind. I split the rewrite "
           "into the invoice path and the refunds path, because refunds held most of the unknowns. I took that to the "
           "finance lead with two dates and she chose invoices first, six weeks late, with refunds a month after. "
           "Invoices shipped on the new date and refunds a week early, and I now ask for a demo every two weeks on any "
           "project over a quarter.")  # fmt: skip

CONFLICT = "Describe a conflict with a peer manager and how you resolved it."
SETTLED = ("Last year the search manager and I disagreed about who should own the ranking service: his team wanted it "
           "because ranking changes blocked their releases, and my team had built it. My task was to settle ownership "
           "before planning without losing either team's trust. I met him one on one and pulled the release log: 11 of "
           "the 14 blocked releases in six months came from ranking config his team changed. I proposed that his team "
           "own the config while mine kept the model and the serving, and I wrote the ownership note we both signed. "
           "Blocked releases fell from 14 to 2 over the next six months.")  # fmt: skip
TERSE = ("I handed his team the config and gave up control of rollout timing; it cost my on-call 2 weekends in the "
         "first quarter.")  # fmt: skip
FULLER = ("I handed his team the config and gave up control of rollout timing. It cost my on-call 2 weekends in the "
          "first quarter, when they pushed config on a Friday, so we agreed a freeze from Thursday noon and there has "
          "not been a weekend page since.")  # fmt: skip


def _chain(tmp_path: Path, role: str, question: str, answer: str, reply: str) -> tuple[dict, dict]:
    path = tmp_path / "chain.yaml"
    turns = [{"question": question, "answer": answer}, {"follow_up": True, "answer": reply}]
    path.write_text(yaml.safe_dump({"name": "chain", "role": role, "follow_ups": 1, "turns": turns}), encoding="utf-8")
    first, second = list(replay(load_transcript(path)))
    return first, second["critique"]


def test_after_a_weak_answer_the_missing_piece_alone_closes_at_4(tmp_path: Path) -> None:
    first, reply = _chain(tmp_path, "engineering-manager", SLIPPED, VAGUE, PIECE)
    assert first["critique"]["score"] <= 3, first["critique"]
    assert reply["closes_gap"] and reply["score"] == 4, reply


def test_after_a_weak_answer_a_full_account_still_earns_5(tmp_path: Path) -> None:
    first, reply = _chain(tmp_path, "engineering-manager", SLIPPED, VAGUE, ACCOUNT)
    assert first["critique"]["score"] <= 3, first["critique"]
    assert reply["closes_gap"] and reply["score"] == 5, reply


def test_after_a_strong_answer_a_one_sentence_reply_closes_at_4(tmp_path: Path) -> None:
    first, reply = _chain(tmp_path, "engineering-manager", CONFLICT, SETTLED, TERSE)
    assert first["critique"]["score"] >= 4, first["critique"]
    assert reply["closes_gap"] and reply["score"] == 4, reply


def test_after_a_strong_answer_a_fuller_reply_still_earns_5(tmp_path: Path) -> None:
    first, reply = _chain(tmp_path, "engineering-manager", CONFLICT, SETTLED, FULLER)
    assert first["critique"]["score"] >= 4, first["critique"]
    assert reply["closes_gap"] and reply["score"] == 5, reply


def test_the_calibration_session_passes_the_first_answers_score() -> None:
    """evals/calibrate_session.py judges a labelled chain as the graph does: with the first answer's score."""
    item = LabeledItem.model_validate({
        "id": "marks-001", "role": "engineering-manager", "question": SLIPPED, "question_type": "behavioral",
        "style": "we_only", "answer": VAGUE, "labels": {"score": [2, 2]}, "notes": {"score": "written for this test"},
        "follow_ups": [{"question": OWN_PART, "probes": "ownership", "answer": PIECE,
                        "labels": {"score": [3, 4], "closes_gap": True}}],
    })  # fmt: skip
    main, (reply,) = session_judge()(item)
    assert main.score <= 3 and reply.closes_gap and reply.score == 4, (main.score, reply)
