"""A question that asks for explaining something to people who are not engineers leaves the system explained to the
candidate (issue 9 case 2; newcomer findings of stop 33: a plain-word story of showing a stakeholder where an
assistant failed was called off topic, 2/5, as "building an AI feature"). A story that says what the audience
expected and what the candidate showed or told them is on topic, whatever system it is about
(relevance.explaining_told); a story with no audience and no explanation still is not. Driven through the real CLI,
a scripted offline senior-genai-engineer session on that question; answers written for this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scripted_critique import main_critique

SEED = 24  # the senior-genai-engineer pack's one-question plan with this seed asks about explaining an AI's limits


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline senior-genai-engineer session."""
    return main_critique(tmp_path, "senior-genai-engineer", SEED, answer, "non-technical stakeholder")


@pytest.mark.usefixtures("isolated_data_dir")
def test_showing_a_stakeholder_where_the_system_fails_is_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "The sales director assumed our contract-review bot could sign off agreements without a lawyer. I took a "
        "dozen of last month's contracts and ran them with him watching, and we marked together where it flagged "
        "clauses well and where it invented a clause that was not there. I told him plainly that it catches roughly "
        "eight of ten risky clauses and misses the unusual ones, so a lawyer still reads anything over a set value. "
        "We settled on using it to pre-sort contracts for the legal team rather than approve them, and to revisit "
        "the numbers each quarter. He accepted that, and legal turnaround fell from five days to two."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_latency_fix_with_no_audience_is_still_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Our assistant took nine seconds to answer at the 95th percentile. I profiled the calls, moved the retrieval "
        "step to run in parallel with the classifier, cached the system prompt, and switched the first draft to a "
        "smaller model. The 95th percentile fell to two and a half seconds within a month."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2


@pytest.mark.usefixtures("isolated_data_dir")
def test_what_the_story_is_about_not_its_opening_words(tmp_path: Path) -> None:
    # Newcomer findings of stop 36, N4: who (a head of sales), what they wanted of the system, where it fell short
    # and what the candidate showed him, with none of the question's words (no "expected", no "limit", no
    # "stakeholder") and a paragraph of technical detail, is the story asked for.
    critique = _turn(tmp_path, (
        "Our head of sales wanted the meeting notes feature turned on for all accounts before the spring partner "
        "summit. I was responsible for checking its quality. Measured against our graded test calls the notes were "
        "right 79% of the time where we needed 90%, and most errors were follow-up tasks the model made up on calls "
        "over an hour. He was not interested in percentages, so I picked eight real recordings and put the "
        "generated notes next to the transcript, pointing at each task nobody had agreed to, and asked what his reps "
        "would say to the customer on the next call. Then instead of refusing I proposed a route: three pilot "
        "accounts, a review of the test results every week, and turning it on for everyone once we passed 90%. On "
        "the technical side I split long recordings into overlapping windows, kept only tasks backed by a quoted "
        "line of the transcript, and had it leave tasks out when no quote matched. We got to 92% in six weeks, "
        "turned it on for everyone, and had no complaints that quarter."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_executive_who_wanted_a_cheaper_bill_is_still_a_cost_story(tmp_path: Path) -> None:
    # A party and a wish are not enough: nothing here says where the system fell short of what was wanted.
    critique = _turn(tmp_path, (
        "Our CFO wanted the monthly cloud bill for the assistant cut by a third before the budget review. I took the "
        "usage logs for the last quarter and showed her which prompts used the most tokens. I moved the short "
        "classification calls to a smaller model, cached the system prompt and batched the nightly summaries. The "
        "bill went from 41 thousand to 26 thousand dollars a month within six weeks."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2
