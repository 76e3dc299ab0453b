"""Which signals an answer shows, in plain words, both ways (issue 9). Driven through the real CLI, one scripted
offline question per test (tests/scripted_critique.py); every answer was written for this file. A signal is shown
when the answer does what it names in the candidate's words: a named practice whatever its cosine, a compromise both
sides settled on, what the candidate does since; and not when its words are denied or dropped from a plan, when a
listed instance's qualifier is said without the thing ("JSON" without a schema), or when the answer names only the
subject a claim is about. An approach the candidate says they pushed for is their own idea."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

PRACTICES_SEED = 86  # the engineering-manager pack's one-question plan with this seed asks for a platform's practices
STRUCTURED_SEED = 22  # the senior-genai-engineer pack's asks for robust structured output
PEER_SEED = 1  # the director pack's asks for a disagreement with a peer director or product leader
FAILED_SEED = 7  # the director pack's asks for an initiative they championed that failed
TUNE_SEED = 43  # the director pack's asks how they evaluate a request to fine-tune
APPROACH_SEED = 11  # the senior-genai-engineer pack's asks for a technical approach they pushed for that failed

SLOS = "Names SLOs and alerts on symptoms users see"
RUNBOOKS = "Names runbooks for on-call"
ROLLOUT = "Names testing and safe rollout, such as tests in CI, canary releases or feature flags"


def _covered(critique: dict) -> list[str]:
    return list(critique["signals"]["covered"])


@pytest.mark.usefixtures("isolated_data_dir")
def test_practices_named_in_words_of_their_own_are_shown(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", PRACTICES_SEED, (
        "Once the payments gateway had four internal consumers, I made a few rules binding. We publish SLOs for "
        "availability and latency with an error budget; when the budget runs out, feature work waits. Every schema "
        "change to the large tables goes out through a canary on one replica before the rest. The engineers who "
        "write the gateway hold its pager. In the year after, no release of ours broke a consumer."
    ), "platform service")  # fmt: skip
    covered = _covered(critique)
    assert SLOS in covered and ROLLOUT in covered, critique["signals"]
    assert RUNBOOKS not in covered, critique["signals"]
    assert critique["relevance"] == "on_topic", critique["relevance_note"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_practices_denied_or_dropped_from_a_plan_are_not_shown(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "engineering-manager", PRACTICES_SEED, (
        "Honestly, on the search platform we never wrote runbooks for on-call, and we did not have SLOs either; "
        "the team watched a CPU dashboard. I meant to bring in canary releases that spring, but the migration ate "
        "the quarter. What we did insist on was a second reviewer on every pull request."
    ), "platform service")  # fmt: skip
    covered = _covered(critique)
    assert not {SLOS, RUNBOOKS, ROLLOUT} & set(covered), critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_asking_for_json_is_not_a_schema_nor_a_fallback(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", STRUCTURED_SEED, (
        "I put a line in the prompt asking the model to reply in JSON, read the reply with json.loads, and when "
        "that throws I send the same request one more time. So far that has held up."
    ), "structured data")  # fmt: skip
    covered = " | ".join(_covered(critique))
    assert "schema" not in covered and "fallback" not in covered, critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_middle_path_agreed_and_the_relationship_after_are_shown(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", PEER_SEED, (
        "The head of growth marketing and I fell out over the referral programme. She needed it live before the "
        "spring campaign; I thought launching it in one go would flood our fraud checks, which had never seen that "
        "volume. I wrote a two-page note with both plans and last year's fraud losses from a similar launch, and we "
        "ran a three-week trial in one country. In the end we settled on a middle path: her team kept the date and "
        "the design, and mine switched it on country by country behind a kill switch. After that she began sending "
        "me her launch plans early, and we now set the quarter's targets together."
    ), "disagreement")  # fmt: skip
    covered = " | ".join(_covered(critique))
    assert "both sides agreed" in covered and "working relationship" in covered, critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_what_they_do_since_is_shown(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", FAILED_SEED, (
        "I championed letting every team run its own database migrations the same week, with no review board. It "
        "failed on the invoices table: one migration held a lock for forty minutes, billing stopped, and we missed "
        "a day of invoices. I had been wrong about how well the teams knew our largest tables. Since then every "
        "large migration runs through an online schema tool against a copy first, and a second engineer signs it off."
    ), "initiative")  # fmt: skip
    covered = " | ".join(_covered(critique))
    assert "differently since" in covered, critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_naming_fine_tuning_is_not_a_claim_about_it(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", TUNE_SEED, (
        "I would ask the team for the cases where the current system gets it wrong and how they counted them. "
        "Before any fine-tuning I would pay for a cheap improvement to retrieval, measured on those cases, and fund "
        "fine-tuning only if that stalls. Last spring that left most of a forty thousand budget unspent."
    ), "fine-tune")  # fmt: skip
    covered = " | ".join(_covered(critique))
    assert "fine-tuning helps" not in covered and "fresh or changing facts" not in covered, critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_an_approach_they_pushed_for_is_their_own_idea(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "senior-genai-engineer", APPROACH_SEED, (
        "In spring 2024 I pushed for replacing our prompt chain for invoice extraction with a single fine-tuned "
        "small model, because the chain had four calls and felt fragile. I approved six weeks of labelling for it. On "
        "our held-out set of 800 invoices the tuned model reached 88 percent field accuracy against 93 for the chain, "
        "and every new vendor layout needed more labels. I stopped the project after the second evaluation. Since "
        "then I prototype a new approach against the current one for a week before any team commits to it."
    ), "did not work out")  # fmt: skip
    covered = " | ".join(_covered(critique))
    assert "their own idea" in covered, critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_verb_of_a_listed_instance_names_no_rollback_rule(tmp_path: Path) -> None:
    """A listed instance told as a phrase ("a metric dropping below a threshold") is named by its nouns: a serving-cost
    story whose bill "dropped" shows no rollback rule, and stays a story about another subject."""
    critique = main_critique(tmp_path, "ai-engineer", 95, (
        "After our invoice-matching model went live at Brindle Freight, what hurt was the serving bill. Three GPU "
        "machines ran it day and night for about 25 requests a second, roughly $8k a month. I profiled it and saw the "
        "cards sat mostly idle because each request ran alone, so I grouped requests into 10 ms batches and moved the "
        "model to half precision. On our 4,000-invoice test set accuracy went from 94.1 to 93.8 percent, inside the "
        "margin finance had agreed. We dropped to one machine and the bill fell to about $2.5k a month, and it has run "
        "that way since spring."
    ), "what do you monitor")  # fmt: skip
    shown = critique["signals"]["covered"]
    assert not any("rollback" in s for s in shown), shown
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
