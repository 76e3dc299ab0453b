"""The launch benchmark drives a real terminal: it must see the first question and the prompt reading keys."""

from __future__ import annotations

from evals.bench_launch import launch_times


def test_launch_times_see_the_question_then_the_prompt() -> None:
    on_screen, accepts = launch_times(1)
    assert len(on_screen) == len(accepts) == 1
    assert 0 < on_screen[0] <= accepts[0] < 60
