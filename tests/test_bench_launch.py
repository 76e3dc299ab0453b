"""The launch benchmark drives a real terminal: it must see the first question and the prompt reading keys."""

from __future__ import annotations

import pytest

from evals.bench_launch import launch_env, launch_times


def test_launch_times_see_the_question_then_the_prompt() -> None:
    on_screen, accepts = launch_times(1)
    assert len(on_screen) == len(accepts) == 1
    assert 0 < on_screen[0] <= accepts[0] < 60


def test_launches_cache_bytecode_as_a_users_python_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # set where the bench ran (this machine's shell), it made every launch compile every project module again:
    # 0.1-0.15 s of the figure that no user meets (imports of the launch path: 0.56 -> 0.42 s at load 3.5)
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = launch_env("/tmp/data")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["INTERVIEWER_DATA_DIR"] == "/tmp/data"
