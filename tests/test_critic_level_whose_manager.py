"""Level read from whose work it is: a director growing an organisation and its hiring bar (the org's size over
time, calibration, closing senior candidates) is at the level, however the answer words its loop; asking one's own
manager which work matters, or one-on-ones held with one's own manager, is the scope of the person managed, not of an
engineering manager or a director. Answers are written for this file (newcomer 40 N8)."""

from __future__ import annotations

import pytest

from agent.critic import critique_answer
from knowledge.roles import load_role


def _level(role: str, question_id: str, answer: str) -> str:
    q = next(q for q in load_role(role).questions if q.id == question_id)
    c = critique_answer(q.text, q.type, answer, [], q.competency, role=role, signals=q.signals, question_id=q.id)
    return c.level


def _id(role: str, words: str) -> str:
    return next(q.id for q in load_role(role).questions if words in q.text)


def test_growing_an_org_and_its_hiring_bar_is_at_the_director_level() -> None:
    answer = ("Over eighteen months I took our analytics org from 9 to 26 engineers. I built a structured loop of "
              "five interviews scored on a written rubric, and we held calibration sessions every week to compare "
              "write-ups. I did the sell calls for every principal candidate myself. Offer acceptance rose from 55% "
              "to 78%, and none of the new hires left in their first six months.")  # fmt: skip
    assert _level("director", _id("director", "grow your organisation quickly"), answer) == "at"


def test_asking_ones_own_manager_which_bug_matters_is_below_the_director_level() -> None:
    answer = (
        "Our squad had four bugs and room for three, so I checked with my manager which one mattered least. I "
        "fixed the other three first and mentioned at the daily stand-up that the fourth would wait a week."
    )
    assert _level("director", _id("director", "funds two of your three priorities"), answer) == "below"


def test_one_on_ones_with_ones_own_manager_are_below_the_em_level() -> None:
    answer = ("Every other Thursday I have a one-on-one with my manager. I walk her through the tasks I finished and "
              "she helps me when I am stuck on a review. Lately I ask what would help me get promoted, so the "
              "meetings have become shorter and more focused.")  # fmt: skip
    assert _level("engineering-manager", "one-on-ones", answer) == "below"


@pytest.mark.parametrize("answer", [
    "I hold a one-on-one with each of my six engineers every week. The first ten minutes are theirs; career goals "
    "come up once a month, and I write down what I promised so I follow up. Early on they were status updates, now "
    "status lives in the board and the meetings are about growth and feedback.",
])  # fmt: skip
def test_one_on_ones_the_manager_holds_stay_at_the_em_level(answer: str) -> None:
    assert _level("engineering-manager", "one-on-ones", answer) == "at"
