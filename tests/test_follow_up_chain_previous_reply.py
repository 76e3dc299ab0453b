"""A later reply of a follow-up chain is judged against the chain's previous reply too (agent/critic/chain.py): a
reply that pastes the previous one again closes nothing, and one that changes a figure of it is a correction, judged
on what it now says. Pinned through the graph (the transcripts replayed as `python -m evals.run` replays them), on
the critic, and in the calibration session. Answers and replies are written for this file and its transcripts."""

from __future__ import annotations

from agent.critic import critique_follow_up
from agent.critic.question import question_info
from agent.critic.schema import Critique
from evals.calibrate_session import session_judge
from evals.labels import LabeledItem
from evals.run import replay
from evals.transcript import load_transcript
from tests.conftest import REPO

TRANSCRIPTS = REPO / "evals" / "transcripts"
QUESTION = "Tell me about a time you cut the scope of a release to hold its date."
MAIN = ("Our invoicing release was slipping two sprints and finance needed it for the year-end close. We moved the "
        "export screens out of the release and shipped the rest on the date.")  # fmt: skip
FIRST = ("I made that call myself after the second standup that week: I listed the eleven open stories with the "
         "finance lead, we kept the four she needed for the close, and I moved the export screens to January. I "
         "told the team the same afternoon and rewrote the sprint board with them.")  # fmt: skip
ASKED = "What trade-offs did you weigh, and what did you give up?"


def _reply(reply: str, previous: str) -> Critique:
    info = question_info(QUESTION, "behavioral", None, "engineering-manager", None, None)
    return critique_follow_up(info, ASKED, "tradeoffs", reply, earlier=MAIN, previous=previous)


def test_a_second_reply_that_repeats_the_first_closes_nothing_in_the_graph() -> None:
    records = list(replay(load_transcript(TRANSCRIPTS / "em-chain-reply-repeats.yaml")))
    first, second = records[1]["critique"], records[2]["critique"]
    assert first["closes_gap"], first
    # judged on its own, the pasted reply read as a specific answer to the trade-off follow-up (5/5, closed)
    assert second["probes"] == "tradeoffs" and not second["closes_gap"] and second["score"] <= 2, second


def test_a_second_reply_that_corrects_the_first_is_judged_on_what_it_says_in_the_graph() -> None:
    records = list(replay(load_transcript(TRANSCRIPTS / "em-chain-reply-corrects.yaml")))
    second = records[2]["critique"]
    assert second["closes_gap"] and second["score"] >= 4, second


def test_the_critic_says_a_repeat_and_names_a_corrected_figure() -> None:
    repeat = _reply(FIRST, FIRST)
    assert not repeat.closes_gap and repeat.score <= 2
    assert any("repeats your previous" in n for n in repeat.notes)
    corrected = FIRST.replace("eleven open stories", "fourteen open stories")
    fixed = _reply(corrected + " I gave up the export screens for the close; finance did them by hand once.", FIRST)
    assert any("corrected your previous reply" in n and "fourteen" in n for n in fixed.notes), fixed.notes
    assert not any("repeats" in n for n in fixed.notes)


def test_a_first_reply_has_no_previous_reply_to_repeat() -> None:
    alone = _reply(FIRST, "")
    assert not any("repeats" in n or "corrected" in n for n in alone.notes)


def test_the_calibration_session_passes_the_previous_reply() -> None:
    turns = load_transcript(TRANSCRIPTS / "em-chain-reply-repeats.yaml").turns  # the reply that reads as answering
    item = LabeledItem.model_validate({
        "id": "chain-001", "role": "engineering-manager", "question": turns[0].question,
        "question_type": "behavioral", "style": "partial", "answer": turns[0].answer, "labels": {"score": [2, 3]},
        "notes": {"score": "written for this test"},
        "follow_ups": [
            {"question": "What evidence led you there?", "probes": "rationale", "answer": turns[1].answer,
             "labels": {"score": [4, 5], "closes_gap": True}},
            {"question": ASKED, "probes": "tradeoffs", "answer": turns[2].answer,
             "labels": {"score": [1, 2], "closes_gap": False}},
        ],
    })  # fmt: skip
    _, follow = session_judge()(item)
    assert follow[0].closes_gap and not follow[1].closes_gap and follow[1].score <= 2, follow


def test_the_feedback_and_the_report_say_the_repeat() -> None:
    """The terminal's feedback panel and the report's critique lines (agent/critique_lines.py) show the chain's note;
    the "still open" note is left to the flag line's ✗. Driven through the interview driver as a session runs."""
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.context import Context
    from agent.critique_lines import detail_lines, flag_line
    from agent.driver import InterviewDriver

    transcript = load_transcript(TRANSCRIPTS / "em-chain-reply-repeats.yaml")
    questions = transcript.main_questions()
    context = Context(role=transcript.role, questions=len(questions), follow_ups=transcript.follow_ups, seed=0,
                      fixed_questions=questions, offline=True)  # fmt: skip
    driver = InterviewDriver(context, checkpointer=InMemorySaver())
    driver.start()
    records = [dict(driver.submit(turn.answer).last or {}) for turn in transcript.turns[:3]]
    first, second = records[1]["critique"], records[2]["critique"]
    lines = [flag_line(second), *detail_lines(second)]
    assert any("repeats your previous" in line for line in lines), lines
    assert "Answered the follow-up ✗" in lines[0] and not any("still open" in line for line in lines), lines
    assert not any("repeats" in line or "corrected" in line for line in detail_lines(first))
