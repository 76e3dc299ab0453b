"""Right, weak and below-level answers are on topic, not another question's answer (issue 9, newcomer trial 39 N3),
through the real CLI: an overloaded team told through its on-call load after an outage, and a failed initiative told
in a director's words ("I made the call to pause it", "my misjudgement"), are on topic; a one-on-one question answered
with a weekly ticket walk-through is on topic and weak; a director's question about their managers answered from the
keyboard (pull requests read, pairing, reviews done in person) is on topic and below the level. Each was "off topic"
before, so its follow-up asked the candidate to answer a question they had just answered."""

from __future__ import annotations

from pathlib import Path

from tests.scripted_critique import OVERLOAD, critique_of

# engineering-manager seed 38 asks the overloaded-team question first, seed 9 the one-on-ones question; director
# seed 7 the failed-initiative question, seed 30 the managers-of-managers question.
ONE_ON_ONES = ("engineering-manager", 9, "one-on-ones look like")
FAILED_BET = ("director", 7, "initiative you championed that failed")
MANAGERS = ("director", 30, "managers reporting to you are doing well")

LOAD_AFTER_OUTAGE = (
    "Right after a two-hour checkout outage on a sale weekend, my team was exhausted: a single on-call rota covered "
    "every service, people were woken at night for systems they had never touched, and two engineers said they were "
    "close to burnout. I ran the incident and then the clean-up. I scrapped the shared rota and replaced it with four "
    "rotas owned by the teams that wrote the code, and deleted every alert nobody had acted on in a month. Within two "
    "quarters time to restore fell from 70 minutes to 20 and night pages halved; nobody quit."
)
PAUSED_PLATFORM = (
    "A few years back I championed a self-service analytics platform so that product teams could stop waiting on the "
    "data group. I set it as the direction for the whole org before anyone had been trained to use it. Months later "
    "usage was flat and the teams kept filing requests to the data group as before. I made the call to pause the "
    "rollout, told my VP it was my misjudgement, and put our analysts on office hours and templates instead. What I "
    "learned about my own judgement is that I trust a good platform to sell itself; now I ask who has to change their "
    "week before I champion anything."
)
TICKET_WALKTHROUGH = (
    "Each Thursday I spend half an hour with each of my eight engineers. We open the board, go down their tickets, "
    "flag what is blocked, and I help them debug whatever is stuck; now and then we pair on the code. They have not "
    "changed, the format works and keeps the sprint on track: we met 92% of sprint commitments in the last five "
    "sprints."
)
FROM_THE_KEYBOARD = (
    "I keep close to the code. Each week I read a sample of pull requests from every team, go through the on-call "
    "tickets, and pair with one engineer per team every month. Last quarter one team's reviews were sitting for four "
    "days, so I stepped in, reviewed 25 of them myself and added a lint check for the most common mistake. Review time "
    "went from four days to five hours."
)


def test_an_overload_told_through_on_call_after_an_outage_is_on_topic(isolated_data_dir: Path, tmp_path: Path) -> None:
    critique = critique_of(tmp_path, OVERLOAD, LOAD_AFTER_OUTAGE)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4


def test_a_paused_initiative_owned_as_a_misjudgement_is_on_topic(isolated_data_dir: Path, tmp_path: Path) -> None:
    critique = critique_of(tmp_path, FAILED_BET, PAUSED_PLATFORM)
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert critique["score"] >= 4


def test_a_ticket_walkthrough_is_a_weak_one_on_one_not_off_topic(isolated_data_dir: Path, tmp_path: Path) -> None:
    critique = critique_of(tmp_path, ONE_ON_ONES, TICKET_WALKTHROUGH)
    assert critique["relevance"] != "off_topic", critique["relevance_note"]
    assert critique["score"] <= 3


def test_managers_judged_from_the_keyboard_is_below_the_level(isolated_data_dir: Path, tmp_path: Path) -> None:
    critique = critique_of(tmp_path, MANAGERS, FROM_THE_KEYBOARD)
    assert critique["relevance"] != "off_topic", critique["relevance_note"]
    assert critique["level"] == "below"
    assert critique["score"] <= 3
