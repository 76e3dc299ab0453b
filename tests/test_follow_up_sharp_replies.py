"""Follow-up replies judged as a sharp interviewer judges them, for follow-ups worded as a model backend words them
(the offline graph's own follow-ups are driven in tests/test_follow_up_listens.py): a figure chosen with the other
owned as a slip settles "which is right?"; pointing back to what the answer already named answers a follow-up that
asked for it again, but not one asking why; a reply naming the thing asked for without a clause of its own ("what
cadence did you set up?" -> "a triage every Tuesday, ...") gives the step; a reply that announces a turn to
another subject is off topic even when it keeps a word or two of the story. Stories written for this file."""

from __future__ import annotations

import pytest

from agent.critic import critique_follow_up
from agent.critic.question import question_info
from agent.critic.schema import Critique
from prompts import load_yaml

QUESTION = "Tell me about a process you changed that made your team's work easier."
# Names the two tools replaced and the steps taken, with no figure on the outcome.
ANSWER = (
    "Our analytics team at a grocery chain spent Monday mornings re-running failed exports. I owned the fix. I "
    "replaced the cron scheduler and the hand-run export scripts with Airflow jobs that retry twice and post to the "
    "team channel when they give up. I moved the four worst exports first, then the rest over three sprints, and I "
    "wrote a one-page guide so anyone on the rota could restart a job. Mondays got a lot calmer after that."
)


def _judge(follow_up: str, probes: str, reply: str, earlier: str = ANSWER) -> Critique:
    info = question_info(QUESTION, "behavioral", None, "engineering-manager", None, None)
    return critique_follow_up(info, follow_up, probes, reply, earlier=earlier, first_score=3)


@pytest.mark.parametrize(
    "reply",
    ["Four. I overstated it when I said six.", "Four sites; I got it wrong in the answer.", "Four, my slip earlier."],
)
def test_a_figure_with_the_other_owned_as_a_slip_settles_which_is_right(reply: str) -> None:
    # The follow-up names the quantity without setting the two figures out, as a model may word it.
    c = _judge("Which is right: how many sites moved first?", "specificity", reply)
    assert c.closes_gap and c.score >= 3 and not c.non_answer, c


def test_a_reply_that_says_no_figure_leaves_which_is_right_open() -> None:
    c = _judge("Which is right: how many sites moved first?", "specificity", "Honestly it went well at every site.")
    assert not c.closes_gap, c


def test_pointing_back_to_what_was_named_answers_a_follow_up_asking_for_it_again() -> None:
    reply = "I named both already: the cron scheduler and the hand-run export scripts, both moved to Airflow jobs."
    c = _judge("Which tools did you actually replace?", "specificity", reply)
    assert c.closes_gap and c.score in (3, 4), c
    phrases = load_yaml("critic_phrases.yaml")["chain"]
    assert phrases["asked_again"] in c.notes and phrases["restatement"] not in c.notes, c.notes


def test_pointing_back_does_not_answer_a_why() -> None:
    # Names again what was replaced; the follow-up asked for the reason, which the answer never gave.
    reply = "I named both already: the cron scheduler and the hand-run export scripts, both moved to Airflow jobs."
    c = _judge("Why Airflow rather than fixing the scripts you had?", "rationale", reply)
    assert not c.closes_gap and c.score <= 2, c


def test_a_named_point_back_must_really_be_in_the_answer() -> None:
    # Claims to have named what it now gives for the first time: judged on what it gives, not taken on its word.
    reply = "I listed them earlier: a Kafka topic per store and a nightly dbt run, with Great Expectations checks."
    c = _judge("Which tools did you actually replace?", "specificity", reply)
    assert load_yaml("critic_phrases.yaml")["chain"]["asked_again"] not in c.notes, c.notes


def test_naming_the_cadence_asked_for_without_a_clause_gives_the_step() -> None:
    reply = (
        "From the second month: a twenty-minute triage every Tuesday with support in the room, a written summary on "
        "Thursdays, and a monthly review of the three worst failures with the product lead."
    )
    c = _judge("What cadence did you put in place once the jobs had moved?", "action", reply)
    assert c.closes_gap and c.score >= 4, c


def test_a_reply_announcing_a_turn_is_off_topic_though_it_keeps_a_story_word() -> None:
    # Keeps "team" and "two" of the story, picks up nothing of what the follow-up asks ("told", "rota", "change").
    reply = (
        "The part I'd really stress is the offsite we ran that spring: the whole team went away for two days and "
        "came back with a new roadmap."
    )
    c = _judge("What did you tell the people on the rota would change for them?", "action", reply)
    assert not c.closes_gap and c.score == 1, c


def test_naming_again_what_the_previous_reply_named_is_neither_off_topic_nor_empty() -> None:
    # newcomer37 N7: a follow-up asked again for sources the reply before it had named; naming them again answered it.
    info = question_info(
        "How do you know whether the managers reporting to you are doing well, when you rarely see their teams' work "
        "directly?", "leadership", None, "director", None, None,
    )  # fmt: skip
    main = "I keep an eye on a few things and talk to people, and mostly I trust my managers unless something comes up."
    previous = (
        "Take Omar, who runs our search team of nine. I watch three things: on-call load, how his hiring pipeline is "
        "doing, and what comes up in skip-levels. When on-call pages doubled in a quarter, we moved two people onto "
        "alert clean-up for a month."
    )
    reply = "I just named three: on-call load, his hiring pipeline, and what comes up in skip-levels."
    c = critique_follow_up(info, "What about at least two sources you use?", "signal", reply, earlier=main,
                           previous=previous, first_score=2)  # fmt: skip
    assert not c.non_answer and c.closes_gap and c.score >= 3, c
