"""Relevance reads what a question is about, its subject and its situation, not the field's nouns an answer shares
with it (issue 9, newcomer trial 37 N3 and N5), through the real CLI: a batch-bill story told to "an AI feature you
owned misbehaved in production" names no AI system and is off topic however well it is told; an incident of an AI
feature told in words of its own (what went wrong, how it was stopped) is on topic; a director's budget question
answered from the tickets of one engineer's sprint is on topic and below the level, not "about leading a team"; an
overloaded team's re-org and a filter for what is worth learning, told with its trials, are on topic (N2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import OVERLOAD, critique_of

# senior-genai-engineer seed 9 asks the AI-feature incident question first; director seed 69 the budget question;
# engineering-manager seed 38 the overloaded-team question.
AI_INCIDENT = ("senior-genai-engineer", 9, "an AI feature you owned misbehaved")
BUDGET = ("director", 69, "funds two of your three priorities")
KEEP_UP = ("senior-genai-engineer", 10, "worth learning and what is noise")  # seed 10 asks it first

BATCH_BILL = (
    "Two years ago the batch compute bill hit $390k a year and our CFO asked why. I owned that budget. I read six "
    "weeks of job logs myself and found 40% of runs were repeats after upstream jobs had failed. I moved the nightly "
    "ETL onto spot instances with autoscaling and set up chargeback per team. The analytics lead feared we would miss "
    "the SLA, so both setups ran in parallel for a month. The bill went from $390k to $250k a year and the nightly SLA "
    "held at 99.3%."
)
LEAKED_SOURCES = (
    "I owned the source-linking feature of our document assistant. A customer told us a link under an answer opened a "
    "file from another company's workspace. I turned the linking off within the hour and traced it to a cache keyed "
    "on the question text alone, so two customers asking the same thing got each other's sources. I put the workspace "
    "id into the cache key, wrote a test that asks the same question from two workspaces, and started a weekly check "
    "that samples answers and verifies every source's workspace. In the sixteen weeks since, not one link has crossed "
    "workspaces."
)
LEAKED_DRAFTS = (
    "I was responsible for the reply drafts in our help desk. A customer emailed us a screenshot of a draft that "
    "quoted another client's order number. I disabled drafting for order questions the same morning and traced it to "
    "a cache that was keyed on the wording of the question only. I added the account id to the key, wrote a test that "
    "sends one question from two accounts, and set up a weekly audit of sampled drafts. Since then, over four months, "
    "no draft has shown another account's data."
)
SPRINT_TICKETS = (
    "I would go through the three items and do the two that are quickest to close. The last time it came up I had "
    "four tickets in my sprint and room for two, so I took the login bug and the export button and told the designer "
    "the settings page would wait. I posted a note in our channel so nobody was caught out, and I took the settings "
    "page in the following sprint."
)
REORG_FOR_LOAD = (
    "In 2023 the 30-person data group I ran was swamped: every request and every call went through me and one other "
    "manager, and the time from ticket to release had stretched to eleven days. I broke the group into three teams, "
    "ingestion, model serving and internal tooling, each with its own manager, roadmap and on-call rotation. I "
    "promoted one lead into the manager role and hired a second from outside, and wrote a one-page charter per team. "
    "It took about five months to settle. The time from ticket to release fell from eleven days to five, and the "
    "engagement survey rose from 58 to 71. Looking back, I would publish the interfaces between the teams before "
    "announcing the team names."
)
STRETCHED_THEN_HIRED = (
    "Last autumn my team was stretched thin, with two launches in one quarter and a senior engineer on leave. That "
    "was when I hired Ilse, the hire I am proudest of. I had rewritten our interview loop that year: a scored rubric, "
    "a paired session on a real bug from our billing service instead of a take-home, and a debrief where everyone "
    "writes their score before anyone speaks. Ilse asked what the service was for before she read any code and found "
    "the bug by questioning the input. A year on she leads our payments integration."
)
FILTER_AND_TRIAL = (
    "My test is whether it moves a number I am responsible for. I note what I read, and I only give something build "
    "time if I can run it against our own eval set within a day. Last year agent frameworks were everywhere, so I "
    "rebuilt our ticket triage flow with one over two days and ran our 300-case eval: accuracy dropped 4 points and "
    "each call cost three times as much, so we kept the plain pipeline and I wrote up why for the team. Structured "
    "output mode, on the other hand, cut malformed replies from 2% to 0.3% on the same set, and we adopted it the next "
    "sprint. I give it about two hours a week and drop anything I cannot reproduce."
)
HIRING_DRIVE = (
    "In 2022 I had budget for five ML engineers and nobody hired. I wrote the interview loop myself: a take-home "
    "replaced by a paired exercise on a real bug, a scored rubric, and a debrief where everyone writes their score "
    "before talking. We filled all five seats in ten weeks and four of the five offers were accepted. Two of those "
    "hires lead teams today."
)


def test_a_batch_bill_story_told_to_an_ai_incident_question_is_off_topic(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    critique = critique_of(tmp_path, AI_INCIDENT, BATCH_BILL)
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2
    assert "another system" in critique["relevance_note"]


@pytest.mark.parametrize("answer", [LEAKED_SOURCES, LEAKED_DRAFTS], ids=["sources", "drafts"])
def test_an_ai_feature_incident_in_its_own_words_is_on_topic(
    isolated_data_dir: Path, tmp_path: Path, answer: str
) -> None:
    critique = critique_of(tmp_path, AI_INCIDENT, answer)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 3


def test_a_sprint_answer_to_a_director_budget_question_is_on_topic_and_below(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    critique = critique_of(tmp_path, BUDGET, SPRINT_TICKETS)
    assert critique["relevance"] != "off_topic", critique["relevance_note"]
    assert critique["level"] == "below"
    assert critique["score"] <= 3


def test_a_reorg_told_to_the_overloaded_team_question_is_on_topic(isolated_data_dir: Path, tmp_path: Path) -> None:
    critique = critique_of(tmp_path, OVERLOAD, REORG_FOR_LOAD)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4


def test_a_hire_told_after_a_stretched_opening_is_still_off_topic(isolated_data_dir: Path, tmp_path: Path) -> None:
    # The load in the opening is not enough: the change asked for must be made to the load, not a hire's story.
    critique = critique_of(tmp_path, OVERLOAD, STRETCHED_THEN_HIRED)
    assert critique["relevance"] == "off_topic", critique["relevance_note"]


def test_a_filter_with_its_trials_answers_what_is_worth_learning(isolated_data_dir: Path, tmp_path: Path) -> None:
    # Its example shares the field's nouns with the latency and cost questions of the pack; it tells the filter asked.
    critique = critique_of(tmp_path, KEEP_UP, FILTER_AND_TRIAL)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4


def test_a_hiring_drive_told_to_what_is_worth_learning_is_off_topic(isolated_data_dir: Path, tmp_path: Path) -> None:
    critique = critique_of(tmp_path, KEEP_UP, HIRING_DRIVE)
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
