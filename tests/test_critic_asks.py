"""Several-part questions: an ask never answered makes the answer partial, capped at 3, and the gap names that ask.

Every ask kind in agent/critic/asks.py carries an example ask and an example covering sentence; each is checked here,
so no kind ships without a reason to be there. The answers are written for this file.
"""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from agent.critic.asks import KINDS, AskKind, asks, covers, kind_of
from agent.critic.text import sentences


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_every_ask_kind_reads_its_example(kind: AskKind) -> None:
    assert kind_of(kind.example_ask) is kind
    assert covers(kind, sentences(kind.example_cover)[0], [])


def test_a_question_splits_at_its_asks() -> None:
    assert asks("Once it is live, what do you watch, and what would make you switch it off?") == [
        "Once it is live, what do you watch", "what would make you switch it off"]  # fmt: skip
    assert asks("Tell me about a launch that slipped. What did you learn?") == [
        "Tell me about a launch that slipped", "What did you learn"]  # fmt: skip


Q = "Tell me about a migration you led that went badly. What did you learn?"
STORY = (
    "Last year I led the move of our billing service from a self-managed Postgres cluster to a managed one, with "
    "two engineers and a four-week window. I planned the cutover for a Saturday and wrote the runbook myself, but "
    "I skipped a full rehearsal on production-sized data to save a week. The copy took nine hours instead of two, "
    "and invoices went out a day late for 3,000 customers."
)
LESSON = " Since then I never cut a rehearsal on real volumes, and I put the rehearsal date in the plan first."


def test_a_story_without_the_lesson_asked_for_is_partial_and_capped() -> None:
    c = critique_answer(Q, "behavioral", STORY, role="engineering-manager")
    assert c.relevance == "partial" and c.score <= 3
    assert c.weak_or_missing[0] == "relevance" and "What did you learn?" in c.gap


def test_the_same_story_with_its_lesson_answers_the_question() -> None:
    c = critique_answer(Q, "behavioral", STORY + LESSON, role="engineering-manager")
    assert c.relevance == "on_topic" and c.score >= 4


def test_a_plan_question_without_first_steps_is_partial() -> None:
    question = (
        "What would the platform look like in two years if it went right, and what would you do in the first quarter?"
    )
    vision = (
        "In two years any product team could take a model from a notebook to a monitored endpoint in days without "
        "a ticket to us, with one feature definition for training and serving and cost shown per team. The platform "
        "group would build paved roads and guardrails rather than one-off integrations, and we would judge ourselves "
        "on adoption and lead time."
    )
    c = critique_answer(question, "leadership", vision, role="director")
    assert c.relevance == "partial" and c.score <= 3


def test_what_was_changed_told_as_how_things_run_now_answers_a_change_ask() -> None:
    """"The release checklist now runs itself" says what changed as the state after it, with no "changed" and no
    past-tense step of the candidate's own."""
    change = next(k for k in KINDS if k.name == "change")
    assert covers(change, sentences("The release checklist now runs itself before every deploy.")[0], [])
    assert not covers(change, sentences("The release checklist is long and right now nobody reads it.")[0], [])


def test_a_story_whose_steps_use_irregular_past_verbs_answers_what_was_changed() -> None:
    question = "Tell me about a time your team was overloaded. What did you change?"
    story = (
        "In March my team of seven was carrying two launches and the nightly pager at once, and two people had "
        "cancelled their leave. I froze intake from the partner team for a month and withdrew us from the "
        "reporting project, and the pages dropped from about twenty a week to four."
    )
    c = critique_answer(question, "behavioral", story, role="engineering-manager", question_id="burnout")
    assert c.relevance != "partial", c


def test_how_it_went_is_answered_by_any_result_not_only_by_outcome_words() -> None:
    """A "how did it turn out?" ask is covered by a result the STAR reading finds, whatever its words; a story that
    stops before its ending still leaves it open."""
    question = "Tell me about a time you pushed back on a date a senior leader had promised. How did it turn out?"
    story = (
        "Our CFO had told the board that self-serve invoicing would be live in six weeks, and my team's estimate was "
        "closer to four months. I wrote a one-page cut of what we could do by then, walked her through the risks "
        "line by line, and offered a manual invoicing service for the two biggest accounts in the meantime."
    )
    ending = " The board accepted the smaller scope, and the account managers stopped escalating to her."
    told = critique_answer(question, "behavioral", story + ending, role="engineering-manager")
    stopped = critique_answer(question, "behavioral", story, role="engineering-manager")
    assert told.relevance == "on_topic"
    assert stopped.relevance == "partial"


def test_a_practice_changed_since_answers_what_was_learned() -> None:
    """What the candidate does differently since is the lesson shown, whatever the sentence's subject: "since then
    every review ..." covers a "what did you learn?" ask as "since then I ..." does."""
    changed = STORY + " Since then every cutover plan on my team has a rehearsal on production-sized data."
    assert critique_answer(Q, "behavioral", changed, role="engineering-manager").relevance == "on_topic"
    assert critique_answer(Q, "behavioral", STORY, role="engineering-manager").relevance == "partial"
