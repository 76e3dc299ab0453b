"""The points a follow-up lists, and whether a reply gives each of them (agent/critic/listed.py), with MiniLM."""

from agent.critic.listed import clauses, listed_points, supplies_all

ASKED = "What should it handle: who uses it, peak load, response time, data freshness?"


def test_listed_points_only_for_a_short_list_after_a_colon() -> None:
    assert listed_points(ASKED) == ["who uses it", "peak load", "response time", "data freshness"]
    assert listed_points("What was the downside?") == []
    assert listed_points("One thing: why that vendor?") == []  # one item is not a list


def test_a_reply_giving_each_point_in_its_own_words_supplies_the_list() -> None:
    reply = (
        "Warehouse staff on handheld scanners, about fifty lookups a second at shift change, an answer in under "
        "a second, and stock counts no older than five minutes."
    )
    assert len(clauses(reply)) >= 4
    assert supplies_all(ASKED, reply)


def test_an_aside_or_a_shrug_does_not() -> None:
    assert not supplies_all(ASKED, "We moved house in May, the garden is lovely, and the cat settled in fast.")
    assert not supplies_all(ASKED, "Hard to say, it varies, we'd see.")


def test_naming_each_point_without_saying_anything_of_it_does_not() -> None:
    reply = "Who uses it matters, peak load matters, response time matters, and data freshness matters too."
    assert not supplies_all(ASKED, reply)
