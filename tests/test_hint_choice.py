"""/hint never offers the story the candidate just told off topic to the same question (newcomer trial N5: the
feedback named a fitting story, and the hint under it offered the story it had just called off topic).

The turns are shaped as the critique step saves them (TurnRecord: question_index, critique, told); the stories and
questions are this file's own."""

from __future__ import annotations

from typing import Any

from agent.hint_choice import off_topic_told


def _turn(index: int, relevance: str, told: str | None) -> dict[str, Any]:
    turn: dict[str, Any] = {"question_index": index, "critique": {"relevance": relevance}, "is_follow_up": False}
    if told is not None:
        turn["told"] = {"id": told, "title": told, "score": 0.04}
    return turn


def test_a_story_told_off_topic_to_this_question_is_skipped() -> None:
    turns = [_turn(0, "on_topic", "story-kiln"), _turn(1, "off_topic", "story-coaching-ines")]
    assert off_topic_told(turns, 1) == {"story-coaching-ines"}


def test_a_story_told_on_topic_or_to_another_question_stays_a_hint() -> None:
    turns = [_turn(0, "off_topic", "story-kiln"), _turn(1, "on_topic", "story-van"), _turn(1, "partial", None)]
    assert off_topic_told(turns, 1) == set()
    assert off_topic_told(turns, None) == set()


def test_a_sibling_or_partial_answer_counts_as_not_on_topic() -> None:
    turns = [_turn(2, "partial", "story-van"), {"question_index": 2, "critique": None, "told": {"id": "story-x"}}]
    assert off_topic_told(turns, 2) == {"story-van"}
