"""A sweeping sentence shows no signal: "every team has its own signs, as a manager you learn to read them" or "we
settled on a direction that worked for everyone" share a signal's words and name nothing of what it asks for
(agent/critic/generic.py, features.py). The answers are written for this file; the questions are the bundled packs'."""

from __future__ import annotations

from agent.critic import critique_answer, critique_follow_up
from agent.critic.question import question_info

OVERLOAD = question_info("Tell me about a time your team was overloaded. What did you change?", "behavioral", None,
                         "engineering-manager", None, "burnout")  # fmt: skip
DIRECTION = question_info(
    "Tell me about setting the technical direction for an area where several engineers had strong, different "
    "opinions.", "leadership", None, "senior-genai-engineer", None, "tech-direction",
)  # fmt: skip


def test_a_reply_of_generalities_to_a_signal_probe_shows_no_signal() -> None:
    reply = ("Fair question. I'd say every team has its own early signs of overload, and as a manager you learn to "
             "read them. It depends on the people.")  # fmt: skip
    c = critique_follow_up(OVERLOAD, "How did you notice the team was overloaded?", "signal", reply)
    assert c.signals.covered == [] and not c.closes_gap


def test_a_direction_that_worked_for_everyone_shows_no_signal() -> None:
    answer = ("There was a long argument about our message queue. Half the group wanted one option, the rest "
              "another. We went over it in several meetings, heard the objections together and in the end we "
              "settled on a direction that worked for everyone.")  # fmt: skip
    c = critique_answer(DIRECTION.text, DIRECTION.type, answer, [], DIRECTION.competency, info=DIRECTION)
    assert c.signals.covered == [], c.signals.covered


def test_a_particular_sentence_still_shows_its_signal() -> None:
    reply = ("Pages went from about 6 a week to 25, two people skipped their one-on-ones with me twice in a row, "
             "and overtime in the sprint survey doubled.")  # fmt: skip
    c = critique_follow_up(OVERLOAD, "How did you notice the team was overloaded?", "signal", reply)
    assert any("signs" in s for s in c.signals.covered), c.signals.covered
