"""A strong answer that uses none of the question's own words is on topic when it tells what the question asks for
(issue 9, miss 1): a monitoring answer that shows half of the question's signals in words of its own, more than any
other question of the pack has said in its words; an explanation to people outside engineering told as who wanted
what and what the candidate showed them. Driven through the real CLI, scripted offline AI engineer sessions; answers
written for this file. An incident story told to the explaining question stays off topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

MONITORING_SEED = 95  # the ai-engineer pack's one-question plan with this seed asks what to monitor and roll back on
EXPLAIN_SEED = 18  # ... with this seed, explaining a model's results to people who were not engineers


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_monitoring_answer_in_its_own_words_is_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", MONITORING_SEED, (
        "Our fraud scorer at Tallow Bank is watched on four fronts. Each night I check each input's spread against "
        "the training quarter, plus the spread of the predicted scores, which catches a new merchant type or a dead "
        "upstream feed by the next morning. On the money side I follow how many genuine customers get blocked per "
        "thousand payments, and how fast each score comes back, paging whoever is on call if the 99th percentile goes "
        "past 60 ms. Real fraud only comes back weeks later through chargebacks, so meanwhile I lean on a proxy, how "
        "many blocked customers phone in to dispute, and work out the true error when chargebacks close. Finally, we "
        "fix the line before every release: if wrong blocks climb by a third over three days, the previous version "
        "goes back. That happened once last year, and we were on the old scorer within half an hour."
    ), "what do you monitor")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_explaining_a_model_to_planners_who_wanted_a_plain_answer_is_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", EXPLAIN_SEED, (
        "Last autumn I had to explain our parcel-delay model to the warehouse shift planners, who wanted a simple late "
        "or not late for each truck. I skipped the dashboards and showed them one real truck: a Friday evening run to "
        "the coast with two earlier breakdowns, which the model scored at a 70 percent chance of arriving late. Then I "
        "explained what that figure means: out of ten trucks flagged around 70 percent, about seven arrive late and "
        "three are on time, so holding all ten back would waste three slots, while adding one spare driver to those "
        "runs usually pays off. I also told them the model is right about three times in four on the trucks it flags, "
        "so it will sometimes be wrong. They chose to add a spare driver only for the riskiest runs, at most one per "
        "shift, in two depots first. Over two months missed delivery windows dropped by 18 percent."
    ), "not engineers")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_incident_story_told_to_the_explaining_question_stays_off_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", EXPLAIN_SEED, (
        "Last autumn our parcel-delay model went wrong after a change I pushed: I had dropped the weather feed to save "
        "cost, and within two weeks the late-truck predictions were off by a third on rainy days. I spotted it from "
        "the weekly error report, put the feed back, and retrained on the full quarter. The error came back to where "
        "it was within a week, and now every feature removal goes through a one-week shadow comparison first."
    ), "not engineers")  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique
