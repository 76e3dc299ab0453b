"""A strong answer that shows the question's signals in plain words of its own is on topic (issue 9): static word
vectors and shared words place a labelling answer told as "tagging instructions with worked cases" and "how often
each pair of clerks picked the same category" on another question, and MiniLM finds most of the asked question's
signals shown in meaning, more than any other question's (relevance.shown_in_meaning). A page-speed story told to
the same question shows none of them and stays off topic. Driven through the real CLI, scripted offline AI engineer
sessions; answers written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

SEED = 7  # the ai-engineer pack's one-question plan with this seed asks how to get good labels on a small budget


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_labelling_answer_in_its_own_words_is_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", SEED, (
        "At Pellam Foods we needed a model to sort supplier invoices into nine spending categories, with none sorted "
        "yet and a few weeks of part-time help. I wrote tagging instructions that defined each category and gave two "
        "worked cases for it, including the pairs people confuse, like packaging against shipping. Before paying for "
        "volume, three clerks from accounts payable tagged the same 200 invoices. Where they split I tightened the "
        "instructions. I tracked how often each pair of clerks picked the same category, which rose from 61 to 88 "
        "percent over two rounds. Then a language model proposed a category for each remaining invoice, and a clerk "
        "accepted or corrected it. That was about three times faster than tagging from scratch. We finished with "
        "6,000 tagged invoices for 2,700 pounds, and the classifier trained on them reached 0.85 macro F1 on a hand-"
        "checked test set."
    ), "good labels")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 3, critique
    covered = " ".join(critique["signals"]["covered"])
    assert "guidelines" in covered and "agreement" in covered, critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_page_speed_story_told_to_the_labelling_question_stays_off_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", SEED, (
        "Our checkout page at Pellam Foods took four seconds to load, so I profiled it and found three blocking "
        "scripts and an uncompressed hero image. I deferred the scripts, moved the image to a CDN with modern formats, "
        "and split the bundle by route. Load time fell to 1.3 seconds and conversion went up 6 percent over the next "
        "month."
    ), "good labels")  # fmt: skip
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2, critique
