"""What a resume says about moves it recovered: one plain sentence, the same for both journals, counted in words
(sweep23 S10: "Restored 0 answer(s) and 1 other step(s)", two texts for one event, a file named that is then gone)."""

from __future__ import annotations

from agent.recovery import recovered_line


def test_a_recovered_skip_is_called_a_skipped_question() -> None:
    line = recovered_line([{"kind": "skip", "text": ""}])
    assert line == "Recovered 1 skipped question you submitted before the session stopped; graded now."


def test_answers_and_skips_are_counted_with_plurals_and_no_zero_counts() -> None:
    moves = [{"kind": "answer", "text": "a"}, {"kind": "answer", "text": "b"}, {"kind": "skip", "text": ""}]
    assert recovered_line(moves) == (
        "Recovered 2 answers and 1 skipped question you submitted before the session stopped; graded now."
    )


def test_a_recovered_end_is_not_called_graded() -> None:
    """sweep30 S4: "Recovered 1 request to end the interview you submitted ...; graded now." (an end is not graded)."""
    assert recovered_line([{"kind": "end", "text": ""}]) == (
        "Recovered your request to end the interview, made before the session stopped; the interview is ended now."
    )
    assert recovered_line([{"kind": "answer", "text": "a"}, {"kind": "end", "text": ""}]) == (
        "Recovered 1 answer you submitted before the session stopped; graded now, and your request to end the "
        "interview: it is ended now."
    )
