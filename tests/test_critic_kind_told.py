"""Strong answers told in words of their own stay on topic (issue 9). Driven through the real CLI, one scripted
offline question per test (tests/scripted_critique.py); every answer was written for this file. Each tells the kind of
event the question asks for without the question's words: criticism received and what changed since
(relevance.feedback_told), a delivery held to a date that went live (delivery_told), a design disagreement where a
customer is only who the design serves (outside_party)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripted_critique import main_critique

FEEDBACK_SEED = 17  # the ai-engineer pack's one-question plan with this seed asks for critical feedback received
DEADLINE_SEED = 73  # the director pack's asks for a delivery with a fixed external deadline
DESIGN_SEED = 3  # the senior-genai-engineer pack's asks for a disagreement with another engineer's design


@pytest.mark.usefixtures("isolated_data_dir")
def test_criticism_received_and_a_lasting_change_is_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "ai-engineer", FEEDBACK_SEED, (
        "Last winter I handed our churn forecast to Tomasz, the staff data scientist, before it went to the pricing "
        "team, and he told me flatly that nobody but me could rerun it: file paths were typed in by hand, there was "
        "no fixed seed, and the numbers shifted on every run. My first thought was that the figures looked fine on my "
        "laptop. I asked him to sit with me and run it from scratch, and it broke in four places within half an hour. "
        "I turned the notebook into a small package with one settings file, pinned every seed and added a single "
        "command that rebuilds the forecast end to end. Since then every analysis I hand over ships with that command, "
        "and when Tomasz reran my next forecast it matched mine to the third decimal on his first try."
    ), "critical feedback")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 3, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_dated_delivery_with_scope_traded_and_a_go_live_is_on_topic(tmp_path: Path) -> None:
    critique = main_critique(tmp_path, "director", DEADLINE_SEED, (
        "Early in 2023 the card schemes gave every issuer until the first of June to accept a new format for "
        "chargeback claims, and my org at Halden Bank ran the systems that file them. My leads sized the work at nine "
        "months, with five left. I sorted it into what the schemes required and what we merely wanted: the new "
        "message format and its checks were required; an agent dashboard, bulk uploads and French screens were not. "
        "I put that list to our head of operations and the CFO, and both agreed in writing to push the three extras to "
        "the autumn. As insurance, a small team was trained to key claims into the schemes' own web form, a route "
        "compliance approved in April. Nobody had to use it: the new format went live for every claim on 29 May, three "
        "days ahead, and the dashboard followed in October."
    ), "fixed external deadline")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_design_disagreement_that_names_who_it_serves_is_on_topic(tmp_path: Path) -> None:
    # "a customer" here is who a wrong answer would reach, not a party to the disagreement.
    critique = main_critique(tmp_path, "senior-genai-engineer", DESIGN_SEED, (
        "Mei, another senior on our shopping-assistant team, proposed storing each generated product answer for a "
        "day and serving it to any question whose embedding came within 0.9 of the stored one. I disagreed; prices "
        "change hourly, and a near match could quote a customer a price we no longer honour. Rather than argue in the "
        "design thread I replayed a week of real traffic, 18,000 questions, against her cache and against exact "
        "matching on a cleaned-up question. Her cache answered 29 percent from storage against 17 percent for mine, "
        "but quoted a stale price about three times per thousand. I showed her both figures, she keyed the cache on "
        "the price list's version as well, and stale quotes went to zero in the next replay, so we shipped her design "
        "and I wrote the part that drops entries when a price changes. Four months on it serves 26 percent of "
        "questions from storage and our model bill is down 19 percent."
    ), "another engineer's design")  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4, critique
