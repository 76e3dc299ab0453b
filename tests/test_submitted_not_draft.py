"""An answer submitted while the interview is still getting ready is an answer, never a draft (sweep2 N1).

Submitted early and then Ctrl-C or a closed terminal: the exit says the answer is saved and nothing about a kept
draft (nothing else was typed); `--resume` grades it and the next prompt starts empty, so one Esc Enter cannot
submit it a second time as the next answer. Driven in a real pty on a cold `--docs` start (the start is busy well
past the signal)."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.test_early_answer_durable import ANSWER, _reported_answers, _submit_early
from tests.test_session_tty import Terminal


@pytest.mark.parametrize("how", ["ctrl-c", "hang-up"])
def test_an_answer_submitted_early_is_not_kept_as_a_draft(isolated_data_dir: Path, tmp_path: Path, how: str) -> None:
    term = _submit_early(tmp_path, controlling=True)
    try:
        if how == "ctrl-c":
            term.type("\x03")
            term.wait_for("Resume with")
            assert term.exit_code() == 130
            while term._read():  # the lines printed after the resume hint
                pass
            assert "Your answer is saved" in term.text()
            assert "draft" not in term.text()  # nothing but the submitted answer was typed
        else:
            term.hang_up()
            assert term.proc.wait(timeout=60) in (129, -signal.SIGHUP)
    finally:
        term.close()
    (kept,) = (isolated_data_dir / "pending").glob("*.json")
    journal = json.loads(kept.read_text(encoding="utf-8"))
    assert [m["text"] for m in journal["moves"].values()] == [ANSWER]
    assert journal["draft"] == ""
    resumed = Terminal(["--resume"])
    try:
        resumed.wait_for("Question 2/2")  # the early answer graded (no follow-ups): the next question is asked
        resumed.wait_for_prompt()
        assert "back in the prompt" not in resumed.text()
        resumed.type("/end\r")  # a lone command submits on Enter only in an empty prompt
        resumed.wait_for("Transcript:")
        assert resumed.exit_code() == 0
    finally:
        resumed.close()
    assert _reported_answers(isolated_data_dir).count(ANSWER) == 1
