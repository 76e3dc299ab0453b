"""Hands-on work below the level the role asks for (critic_dev13's kind): an engineer whose lead found the cause and
wrote the fix while they ran what was asked, and a manager who packs a rewrite, a debugging session and a lost night
into one long sentence. Driven through the real CLI, scripted offline sessions; the answers are written for this
file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

GENAI_INCIDENT_SEED = 9  # the senior-genai-engineer pack asks about an AI feature that misbehaved in production
EM_INCIDENT_SEED = 25  # the engineering-manager pack asks about a production incident on the team's services


@pytest.mark.usefixtures("isolated_data_dir")
def test_errands_for_a_lead_who_traced_and_fixed_the_fault_are_below_a_senior_engineer(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_INCIDENT_SEED, (
        "In March our ticket classifier began routing billing emails to the shipping queue. I noticed the complaints "
        "on my on-call shift and pinged my tech lead, Ilse. She went through the request traces and saw that a new "
        "retrieval filter was dropping the billing examples from the prompt. She wrote the fix that evening, and "
        "she asked me to deploy it the next day, which I did. Routing went back to normal within a day."
    ), "misbehaved in production")  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]
    assert critique["score"] <= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_tracing_and_fixing_it_yourself_with_a_lead_reviewing_stays_at_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_INCIDENT_SEED, (
        "In March our ticket classifier began routing billing emails to the shipping queue. I went through the "
        "request traces and saw that a new retrieval filter was dropping the billing examples from the prompt, so "
        "the classifier had no billing cases to compare against. I wrote the fix and rolled it out behind a flag; "
        "my tech lead, Ilse, reviewed it, and she asked me to add a regression test with billing emails to our "
        "evaluation set, which now runs on every prompt change. Routing accuracy went back from 71% to 96%."
    ), "misbehaved in production")  # fmt: skip
    assert critique["level"] == "at", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_manager_doing_the_fix_in_one_long_sentence_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_INCIDENT_SEED, (
        "Our payments webhook service fell over on a Friday evening and retries piled up for hours. I took the "
        "recovery myself: I rewrote the consumer job so it skipped poisoned messages, debugged the connection pool "
        "that kept timing out, and worked through the night to drain the backlog. I covered the on-call pager for "
        "the weekend so the team could rest. On Monday I told the other teams what had happened."
    ), "production incident")  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]
    assert critique["score"] <= 3, critique
