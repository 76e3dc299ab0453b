"""Ctrl-Space at the prompt (it sends NUL, Ctrl-@; many desktops use it to switch the input language, so it is
pressed by accident) changes nothing: the keys typed after it go into the answer, and the answer submitted is all
of them. Sweep 39 H35: prompt_toolkit's Emacs keys took it as "set the mark", a selection began, and every printable
key after it was neither shown nor recorded (the prompt looked frozen; the submitted answer was cut at the NUL).
Real pty, keys typed one at a time as a person does; the transcript written at the end is checked."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.test_session_tty import ARGS, Terminal

BEFORE = "We moved the ledger service to a queue"
AFTER = " and then the retries fell from 40 to 6 a day in 2022."


def test_keys_after_ctrl_space_are_typed_in_and_submitted(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/1")
        term.type_seen(BEFORE)
        term.type(" \x00")  # a space, then Ctrl-Space
        for key in AFTER:  # one at a time: a burst could hide a key dropped between two
            term.type(key)
            time.sleep(0.02)
        term.wait_for("2022.", timeout=60)  # the last keys are on screen (the prompt did not look frozen)
        term.type("\x1b\r")
        term.wait_for("Transcript:")
        code = term.exit_code()
        screen = term.text()
    finally:
        term.close()
    assert code == 0, screen[-1500:]
    (transcript,) = (isolated_data_dir / "reports").glob("*.json")
    answer = json.loads(transcript.read_text(encoding="utf-8"))["turns"][0]["answer"]
    assert answer == BEFORE + " " + AFTER, answer  # nothing cut, and no NUL in it
