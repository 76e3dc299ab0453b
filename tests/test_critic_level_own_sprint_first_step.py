"""Below-level scope told in plain words (issue 9): a director or a manager whose answer is their own tickets in their
own sprint, and a senior engineer whose technique is a first step (an instruction in the prompt, a single retry)
where the role asks for a mechanism. The at-level answers to the same questions stay at the level. Driven through
the real CLI, scripted offline sessions; the answers are written for this file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.roles import load_role
from tests.scripted_critique import main_critique

DIRECTOR_BUDGET_SEED = 69  # the director pack asks how to choose two of three funded priorities
GENAI_STRUCTURED_SEED = 22  # the senior-genai-engineer pack asks how to make structured LLM output robust
AI_JSON_SEED = 24  # the ai-engineer pack asks how to fix an LLM call that returns broken JSON
EM_ROADMAP_SEED = 19  # the engineering-manager pack asks how to choose what to build with three times the requests
DIRECTOR_HIRE_SEED = 41  # the director pack asks about a hire the candidate got wrong


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_director_choosing_among_their_own_sprint_tickets_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", DIRECTOR_BUDGET_SEED, (
        "I'd go for whichever two are quickest to get done. Something similar came up in the spring: there were "
        "four tickets on my board and room for three, so I closed the two small bugs and the config change and let "
        "my tech lead know the cleanup would move out. I posted a note in our chat so people knew, and I did the "
        "cleanup the sprint after."
    ), "funds two of your three priorities")  # fmt: skip
    assert critique["level"] == "below", critique
    assert critique["level_note"], critique
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_director_cutting_one_of_three_funded_programmes_stays_at_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", DIRECTOR_BUDGET_SEED, (
        "I score the three on revenue at stake, customer risk and what each unblocks, and I test that ranking with "
        "my product peer and with finance; then I make the call. Last year the budget covered the data quality "
        "programme and the search rebuild but not the internal tooling overhaul, so I cut the overhaul. I told its "
        "engineering manager first, one to one, then the six engineers before anything went out, and gave the "
        "reason with the numbers. Four of them joined the search rebuild and two kept a small maintenance scope."
    ), "funds two of your three priorities")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_engineering_manager_telling_their_own_tickets_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_ROADMAP_SEED, (
        "I look at what I can close fastest. Last quarter there were nine tickets in my sprint. I finished the four "
        "small bugs on my board first, and whatever was left went to the next one."
    ), "three times more requests than capacity")  # fmt: skip
    assert critique["level"] == "below", critique
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_engineering_manager_planning_the_quarter_with_the_team_stays_at_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_ROADMAP_SEED, (
        "I run the quarter's planning with my team and the product manager: every request gets an impact and an "
        "effort estimate, and we fund the top of that list up to 70% of capacity, keeping the rest for on-call and "
        "debt. Last quarter that meant saying no to eleven of the nineteen requests; I told each requesting team "
        "why, in person, and two of them got a workaround from us instead."
    ), "three times more requests than capacity")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_senior_engineer_asking_the_model_nicely_and_retrying_once_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_STRUCTURED_SEED, (
        "I'd ask the model in the instructions to reply with JSON only and read the reply with the standard JSON "
        "parser. When that throws I just try again. It has mostly worked fine for us."
    ), "structured data")  # fmt: skip
    assert critique["level"] == "below", critique
    assert "first-step technique" in critique["level_note"], critique["level_note"]
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_instruction_in_the_prompt_backed_by_a_schema_and_a_queue_stays_at_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_STRUCTURED_SEED, (
        "I do tell the model in the system prompt to return JSON, but nothing relies on that: the call goes through "
        "the provider's schema mode, every reply is checked against the schema before it leaves the service, and a "
        "reply that fails two attempts lands in a review queue. A test file of broken replies runs on every change."
    ), "structured data")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_ai_engineer_retrying_a_broken_reply_once_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", AI_JSON_SEED, (
        "I would tell the LLM more firmly to only output valid JSON, and retry the request once if parsing "
        "breaks. That has generally been enough on my projects."
    ), "broken JSON")  # fmt: skip
    assert critique["level"] == "below", critique
    assert critique["score"] <= 3, critique


@pytest.mark.parametrize("role", ["senior-genai-engineer", "ai-engineer"])
def test_every_first_step_cue_matches_its_example(role: str) -> None:
    spec = load_role(role).level
    assert spec is not None and spec.entry and spec.entry_means
    for cue in spec.entry:
        assert re.search(cue.pattern, cue.example, re.IGNORECASE), (role, cue.example)


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_director_who_designed_a_new_interview_loop_stays_at_the_level(tmp_path: Path) -> None:
    """An interview loop is hiring, not code: designing one is a director's work."""
    critique = main_critique(tmp_path, "director", DIRECTOR_HIRE_SEED, (
        "I hired a staff engineer in 2022 who interviewed brilliantly and could not work with others: within two "
        "quarters two engineers asked to leave her project. I had leaned on the system design round and never asked "
        "how she handled disagreement. I moved her to a solo research track she wanted, and I designed a new "
        "interview loop myself: a round on a real design disagreement and a reference call with a former peer. The "
        "five senior hires since have all worked out."
    ), "hire")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]
