"""A typed, unsubmitted draft is not silently dropped by Ctrl-C or Ctrl-D (sweep cases K2, K3): it is kept with the
session and is back in the prompt on `--resume` (at question 1 with nothing answered yet too:
tests/test_first_draft_kept.py). Real pty."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_session_cli import answers_in, only_transcript
from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."
DRAFT = "Half typed: I would start with the two teams that"


@pytest.mark.parametrize("key", ["\x03", "\x04"], ids=["ctrl-c", "ctrl-d"])
def test_a_draft_typed_before_stopping_is_back_in_the_prompt_on_resume(isolated_data_dir: Path, key: str) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt()
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/2")
        term.type(DRAFT + key)
        term.wait_for("Resume with")
        term.wait_for("draft you had typed is kept")
        term.exit_code()
    finally:
        term.close()
    resumed = Terminal(["--resume"])
    try:
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(DRAFT)  # the prompt starts with it
        resumed.type(" led the pilot.\x1b\r")
        resumed.wait_for("Transcript:")
        assert resumed.exit_code() == 0
    finally:
        resumed.close()
    answers = answers_in(only_transcript(isolated_data_dir))
    assert answers == [FIRST, DRAFT + " led the pilot."]
