"""Level cues read the forms people use (level for every role, newcomer36 N6): a manager who settles the team's
"in-process cache" debate by coding it over a weekend is below a manager's level ("in-process" is no team process);
a manager who says "I still know the code" of an incident they hot-fixed is too; an engineer who "got the right people
together" and "made sure everyone felt heard" told management language in place of a mechanism. Driven through the
real CLI, scripted offline sessions; answers written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

EM_DECISION_SEED = 15  # the engineering-manager pack asks about a technical decision where the manager stepped in
EM_INCIDENT_SEED = 25  # ... about a production incident on the team's services
GENAI_INCIDENT_SEED = 9  # the senior-genai-engineer pack asks about an AI feature that misbehaved in production


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_manager_coding_the_in_process_option_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_DECISION_SEED, (
        "The team spent a fortnight arguing over an in-process cache versus a shared Memcached tier for the pricing "
        "service. I lost patience and settled it over a weekend: I wrote a load test, ran both against a replay of "
        "real traffic, and the in-process cache was faster but tripled memory on the large pods. I coded the "
        "Memcached client, tuned its pool and opened the PR on Monday. The team reviewed it and it shipped that week."
    ), "technical decision")  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_manager_who_still_knows_the_code_and_fixed_it_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", EM_INCIDENT_SEED, (
        "Our search API began returning stale results to a fifth of users after a config push. I spotted it on the "
        "dashboards first. I reproduced it on staging and patched the config myself within the hour. "
        "The team was glad it was over quickly. It helps that I still know the code, since on a small team you "
        "cannot always wait for someone else."
    ), "production incident")  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_engineer_who_got_the_right_people_together_is_below_the_level(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", GENAI_INCIDENT_SEED, (
        "Last spring our assistant started giving strange replies to some customers. Someone noticed fairly soon, "
        "and I got the right people together to look into it and made sure everyone felt heard. We worked out it "
        "came from a recent change and undid it while we dug further. We added some guardrails afterwards and the "
        "process held up well."
    ), "misbehaved in production")  # fmt: skip
    assert critique["level"] == "below", critique["level_note"]
