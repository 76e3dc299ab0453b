"""A slice of a lead's plan is below an engineer's level however the lead's part is put (newcomer36 N6, level for
every role): "my tech lead, Anja, put together the plan" and "she handed me the tickets" name another person's
design and the candidate's given piece as plainly as "designed" and "I was given". Driven through the real CLI, a
scripted offline ai-engineer session; the answer is written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

SEED = 9  # the ai-engineer pack's one-question plan with this seed asks for a feature taken from idea to production


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_plan_a_lead_put_together_and_tickets_she_handed_over_are_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", SEED, (
        "The feature was smart replies in our support inbox. My tech lead, Anja, put together the plan and picked "
        "the model, and she handed me the tickets for the prompt templates and the batching job. I wrote the "
        "templates the way her tickets described, set the batch size she had chosen, and deployed the job. After "
        "launch I watched her dashboard for a few weeks and the replies looked reasonable to me."
    ), "idea to production")  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]
    assert critique["score"] <= 3, critique
