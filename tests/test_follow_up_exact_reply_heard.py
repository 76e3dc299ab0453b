"""Replies that give exactly what a follow-up asked are heard, and follow-ups do not ask again for what was just given
(newcomer trial 37: N7, N8, N10).

Sessions are driven through the real graph (offline critic, in-memory checkpointer) with fixed questions of the shipped
role packs; the single-reply checks call the follow-up critic as the graph does. Every answer is written for this file.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from agent.critic.follow_up import critique_follow_up
from agent.critic.question import QuestionInfo, question_info
from agent.report import build_report, score_steps
from agent.signal_ask import ask_for
from knowledge.roles import load_role
from tests.fixed_session import fixed_session, graded_turns

MEASURE = "How did you know it had worked: what did you measure, and against what?"
# A complete cost story with a measured before and after (the depth follow-up on it asks something else).
RETRAINING = (
    "In 2022 the nightly model retraining on our GPU cluster cost $620k a year and finance raised it with me. It was "
    "my budget. I read a month of scheduler logs myself and found that 30% of runs were retries after an upstream "
    "data job failed. I moved retraining to preemptible nodes with checkpoints, retired 9 stale pipelines and gave "
    "each team its own cost line. The research lead worried about missed model refreshes, so we ran both set-ups side "
    "by side for a month. Result: $620k down to $390k a year, and nightly completion held at 98.5%."
)
# Exactly what MEASURE asks: the measure, its baseline and the target it was held to; nothing else.
MEASURED_AGAINST = (
    "The monthly GCP bill for training, compared with the previous six months: roughly $52k a month down to $33k, and "
    "the nightly refresh SLA against its 98% target."
)
# A failed approach told in full, with its measured damage and its measured outcome afterwards.
FAILED_CACHE = (
    "In 2023 I pushed for caching model answers by exact prompt text to cut our inference bill, sure that users asked "
    "the same things. I built it myself in two weeks. After a month the hit rate was 4%, not the 35% I had promised, "
    "and stale answers caused 60 support complaints. I spotted it on the cache dashboard and in the complaint tags, "
    "turned the cache off the same day and wrote up why I was wrong: I never sampled real prompts before building. "
    "I then sampled 2,000 prompts, grouped them by intent and cached only the 12 intents that repeat; the hit rate "
    "went from 4% to 27% and complaints from 60 a month to 3."
)
STRATEGY_ANSWER = (
    "Each quarter I write a short note for the 40 engineers of the data group that links every team's plan to a "
    "company objective, and the managers go through it with their people. I also hold skip-level lunches with groups "
    "of five. In 2023 about a third could say what their work was for; a year later most of them could."
)
# Generalities about the subject: vague and unmeasured, not about something else.
FELT_BETTER = (
    "It was more of a gut feeling from our one-to-ones; people seemed keener and more aligned, and the teams looked in "
    "a better place overall."
)
MANAGERS = (
    "How do you know whether the managers reporting to you are doing well, when you rarely see their teams' work "
    "directly?"
)
MANAGERS_VAGUE = (
    "I keep an eye on a few things, like the general mood of the team and whether work seems to be going okay, and "
    "I chat with people when there is time. Mostly I trust my managers unless something comes up."
)
# An example naming three sources and what alerted the candidate: the sources must not be asked for next.
MANAGERS_CASE = (
    "Yes. Take Priya, who ran our 6-person search team. I track three sources for every manager: delivery against "
    "plan, regretted attrition, and what I hear in skip-level meetings. Her team slipped two milestones in a row and "
    "three engineers asked to move teams in one quarter, which is what alerted me. We agreed a 90-day plan with four "
    "written goals and weekly one-to-ones; she met three of them and still runs the team."
)


def _info(role: str, qid: str) -> QuestionInfo:
    q = next(q for q in load_role(role).questions if q.id == qid)
    return question_info(q.text, q.type, role=role, question_id=qid)


def test_a_reply_giving_the_measure_and_its_baseline_answers_the_depth_follow_up() -> None:
    c = critique_follow_up(_info("senior-genai-engineer", "genai-incident"), MEASURE, "none", MEASURED_AGAINST,
                           earlier=RETRAINING, first_score=5)  # fmt: skip
    assert c.relevance == "on_topic" and not c.non_answer and c.closes_gap and c.score >= 4, c


@pytest.mark.parametrize(
    "aside",
    ["I went on a cycling trip in the Alps that summer with my brother.",
     "I like cooking a lot, it relaxes me after a long day."],
)  # fmt: skip
def test_an_aside_to_the_depth_follow_up_stays_off_topic(aside: str) -> None:
    c = critique_follow_up(_info("senior-genai-engineer", "genai-incident"), MEASURE, "none", aside,
                           earlier=RETRAINING, first_score=5)  # fmt: skip
    assert c.relevance == "off_topic" and c.score == 1, c


def test_generalities_on_the_subject_are_vague_not_off_topic() -> None:
    c = critique_follow_up(_info("director", "communicating-strategy"), MEASURE, "none", FELT_BETTER,
                           earlier=STRATEGY_ANSWER, first_score=5)  # fmt: skip
    assert c.relevance != "off_topic" and not c.closes_gap and c.score == 2, c
    assert "specific" in c.gap, c.gap


def test_naming_again_the_sources_a_follow_up_asked_for_again_answers_it() -> None:
    info = _info("director", "managers-of-managers")
    asked = ask_for(info.signals[0])
    reply = "I gave you three already: delivery against plan, regretted attrition, and what I hear in skip-levels."
    c = critique_follow_up(info, asked, "signal", reply, earlier=MANAGERS_CASE, previous=MANAGERS_CASE, first_score=2)
    assert c.relevance == "on_topic" and c.closes_gap and c.score >= 3, c


def test_a_signal_is_asked_as_a_request_to_name_it() -> None:
    asked = ask_for(_info("director", "managers-of-managers").signals[0])
    assert asked.startswith("Can you name ") and "What about" not in asked, asked


@cache
def _session(role: str, question: str, answers: tuple[str, ...], follow_ups: int = 2) -> tuple[Any, ...]:
    """(turn records, report JSON) of a session answering one fixed question and its follow-ups in order."""
    values = fixed_session(role, ((question, answers),), follow_ups)
    _, data = build_report("fu40-test", values, {})
    return graded_turns(values), data


def test_a_measured_answer_is_not_asked_how_it_was_measured(isolated_data_dir: Any) -> None:
    # the question whose depth follow-up at seed 0 would otherwise be MEASURE
    q = next(q for q in load_role("senior-genai-engineer").questions if q.id == "failed-approach")
    turns, _ = _session("senior-genai-engineer", q.text, (FAILED_CACHE,))
    main = turns[0]
    assert main["critique"]["quantified_result"] and main["follow_up"] is not None, main["critique"]["score"]
    assert main["follow_up"]["text"] != MEASURE, main["follow_up"]


def test_sources_named_in_an_example_are_not_asked_for_nor_left_open(isolated_data_dir: Any) -> None:
    turns, _ = _session("director", MANAGERS, (MANAGERS_VAGUE, MANAGERS_CASE))
    main, reply = turns[0], turns[1]
    sources = _info("director", "managers-of-managers").signals[0]
    assert sources in main["critique"]["signals"]["missing"] and reply["is_follow_up"], main["critique"]["signals"]
    assert reply["critique"]["probes"] != "signal", reply["critique"]["probes"]
    assert sources in reply["critique"]["signals"]["covered"], reply["critique"]["signals"]
    assert sources not in reply["left"]["signals_missing"], reply["left"]
    asked_next = reply["follow_up"] or {}
    assert asked_next.get("text") != ask_for(sources), asked_next


def test_the_notes_drift_follow_up_is_named_for_its_ask() -> None:
    main = {"score": 3, "weak_or_missing": ["quantified_result"]}
    reply = {"probes": "quantified_result", "closes_gap": True, "score": 4, "which_asked": True}
    _, steps = score_steps(main, [reply])
    assert "which figure is right" in steps[1] and "numbers on results" not in steps[1], steps


def _turn(answer: str, critique: dict[str, Any], follow_up: str | None, left: dict[str, Any] | None = None,
          is_follow_up: bool = True) -> dict[str, Any]:  # fmt: skip
    return {"question_index": 0, "question_id": "q", "question": "", "question_type": "behavioral",
            "competency": "execution", "answer": answer, "is_follow_up": is_follow_up, "skipped": False,
            "critique": critique, "follow_up": {"text": follow_up, "probes": "signal"} if follow_up else None,
            "stories": [], "left": left}  # fmt: skip


def test_signals_still_missing_and_a_figure_against_the_notes_are_still_open() -> None:
    from agent.report import _ending_lines, _row

    two = ["Names a shared target both sides agreed on", "Says how the working relationship was afterwards"]
    main = {"score": 3, "weak_or_missing": ["signal"], "signals": {"missing": ["States the peer's goal", *two]},
            "star": {}, "quantified_result": True, "ownership": "clear", "specificity": "high", "gap": ""}  # fmt: skip
    note = "Your notes say 6 weeks; you said 3 weeks."
    reply = {"score": 3, "probes": "signal", "closes_gap": True, "weak_or_missing": ["quantified_result"],
             "gap": note, "story_notes": [{"kind": "contradiction", "message": note}]}  # fmt: skip
    q: Any = {"id": "q", "text": "Tell me about a disagreement with a peer.", "type": "behavioral",
              "competency": "execution"}  # fmt: skip
    turns: Any = [_turn("first", main, "Can you state the peer's goal?", is_follow_up=False),
                  _turn("reply", reply, None, left={"gaps": [], "signals_missing": two})]  # fmt: skip
    row = _row(q, 0, turns)
    assert row["still_open"][0] == "notes_mismatch" and "signal" in row["still_open"], row["still_open"]
    (line, _) = _ending_lines(row)
    assert "Nothing is left open" not in line and two[0] in line, line


def test_it_depends_with_nothing_named_is_called_evasive() -> None:
    reply = "To be fair it depends, there is always something you would change with hindsight."
    c = critique_follow_up(_info("senior-genai-engineer", "genai-incident"), "Looking back, what would you do "
                           "differently?", "none", reply, earlier=RETRAINING, first_score=5)  # fmt: skip
    assert c.score == 1 and c.relevance != "off_topic" and "evades" in c.gap, c.gap


def test_a_numbers_reply_that_states_the_peers_goal_shows_that_signal() -> None:
    info = _info("director", "peer-conflict")
    first = (
        "Last year our product head wanted each squad to run its own data pipelines within a quarter. I thought that "
        "would hurt: 14 squads and only 4 data engineers. I wrote a memo proposing an eight-week trial with 2 squads "
        "and agreed success criteria first. She accepted the trial."
    )
    reply = (
        "Over the eight-week trial, the squads running their own pipelines logged 10 incidents to our 5. Once the "
        "split model was live, incidents across all 14 squads fell from about 15 a month to 6 within a quarter, and "
        "she made the launch date her product team was measured on."
    )
    c = critique_follow_up(info, "Can you put numbers on the result: from what to what, and over what period?",
                           "quantified_result", reply, earlier=first, first_score=3)  # fmt: skip
    assert info.signals[0] in c.signals.covered, c.signals
