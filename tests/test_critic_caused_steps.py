"""A step the candidate had done by others ("I had the vendor contract reviewed") is their action, and what it
brought about, told after ", so" in the same sentence ("so a bad row now stops the load"), is its result. The
answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer
from agent.critic.text import i_action


def test_a_step_the_candidate_had_done_is_their_action() -> None:
    assert i_action("I had the vendor contract reviewed by our lawyers before renewal.", False)
    assert i_action("I got two engineers assigned to the billing rewrite.", False)
    assert not i_action("I had a feeling it mattered more than the dates.", False)
    assert not i_action("I had three reports and a contractor.", False)


QUESTION = (
    "Tell me about a time bad data reached a customer, a report or a model. "
    "What did you change so it would not happen again?"
)
ANSWER = (
    "Last spring a supplier feed started sending weights in grams instead of kilograms, and our shipping quotes to "
    "about 900 merchants came out a thousand times too high for two days. I had a range check added to the import "
    "job and the alert routed to the supplier team that owns the feed, so a bad row now stops the load before any "
    "quote is priced."
)


def test_a_caused_step_and_what_it_brought_about_are_read_as_action_and_result() -> None:
    c = critique_answer(QUESTION, "behavioral", ANSWER, role="director", question_id="data-quality-crisis")
    assert c.star.action and c.star.result, c.star
