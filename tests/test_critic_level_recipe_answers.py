"""Below-level technical answers told in the question's own words (issue 9): an engineer whose whole answer is a
first step (a library default kept, a tutorial's recipe, a line added to the prompt, temperature at zero, a bigger
model, reading a few outputs) is below the level, and a below-level answer scores 2, as every labelled set scores
one. The at-level answers to the same questions, which may name a first step beside the mechanism, stay at the
level. Driven through the real CLI, scripted offline sessions; the answers are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

AI_RARE_METRIC_SEED = 49  # the ai-engineer pack asks how to pick a metric when positives are one percent of the data
GENAI_FACTS_SEED = 27  # the senior-genai-engineer pack asks how to cut and measure made-up facts in an assistant
DIRECTOR_BUDGET_SEED = 69  # the director pack asks how to choose two of three funded priorities


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_engineer_keeping_the_defaults_of_a_tutorial_pipeline_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", AI_RARE_METRIC_SEED, (
        "I'd use the standard modelling pipeline I know: hold out a fifth of the rows, fit a gradient-boosted model "
        "and compare the accuracy of a few runs. I'd leave the default cut-off as it is, since the library picks it "
        "for you. I read in a blog post that oversampling helps with lopsided classes, so I might switch that on."
    ), "positive class is one percent")  # fmt: skip
    assert critique["level"] == "below", critique
    assert "first-step technique" in critique["level_note"], critique["level_note"]
    assert critique["score"] == 2, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_engineer_choosing_the_metric_from_error_costs_stays_at_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", AI_RARE_METRIC_SEED, (
        "Accuracy is useless here: a model that never flags anything already gets 99 percent. I compare candidates "
        "on PR-AUC over a held-out month, then read precision at the recall the fraud team asked for. The cut-off "
        "comes from what a missed case costs against a false alarm. I keep the defaults for the model's settings at "
        "first, since the metric is where the choice matters."
    ), "positive class is one percent")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_senior_engineer_fixing_made_up_facts_with_prompt_lines_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_FACTS_SEED, (
        "Mostly I'd work on the prompt: put a rule at the top saying to stick to what it knows, and drop the "
        "temperature to 0. If that is not enough I'd switch to a larger model. To see what is left I'd skim through "
        "a few transcripts every week and keep an eye on the thumbs-down button."
    ), "hallucinated facts")  # fmt: skip
    assert critique["level"] == "below", critique
    assert "first-step technique" in critique["level_note"], critique["level_note"]
    assert critique["score"] == 2, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_senior_engineer_grounding_answers_and_counting_the_rest_stays_at_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_FACTS_SEED, (
        "Every reply is built from retrieved help-centre passages, with a citation per claim; when nothing retrieved "
        "backs a claim the assistant says it does not know. A plain check that each cited passage exists runs "
        "before a model grader. We also set the temperature to zero. What is left we count on a labelled set of 300 "
        "real questions: the hallucination rate went from 6 to 1.5 percent."
    ), "hallucinated facts")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_director_answering_the_budget_question_with_their_sprint_scores_two(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", DIRECTOR_BUDGET_SEED, (
        "I'd pick the two that are done soonest. It came up last month: my sprint had five tickets and space for "
        "three, so I closed the two quick fixes and the logging change, and the refactor waited for the next sprint. "
        "I let my tech lead know in our chat."
    ), "funds two of your three priorities")  # fmt: skip
    assert critique["level"] == "below", critique
    assert critique["score"] == 2, critique
