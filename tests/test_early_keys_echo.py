"""Keys typed before the program could turn the terminal's echo off are echoed raw by the terminal itself; the line
they sit on is cleared before the banner is drawn, so its border does not start after them (sweep27 S12), and the
keys still reach the prompt. Real pty; a shell sleeps before starting the session, so the keys are surely typed
while the echo is still on."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.test_session_tty import ARGS, Terminal

EARLY = "EARLY keys typed before the banner"


def test_keys_echoed_before_the_program_started_are_cleared_before_the_banner(isolated_data_dir: Path) -> None:
    slow_start = ["sh", "-c", 'sleep 0.5; exec "$0" -m agent.session "$@"', sys.executable]
    term = Terminal(ARGS, program=slow_start)
    try:
        term.type(EARLY)
        time.sleep(0.1)
        term.wait_for_prompt(after="Question 1/1")
        deadline = time.monotonic() + 60  # the prompt shows the keys it took from the terminal's queue
        while EARLY not in term.text().split("Question 1/1")[-1]:
            assert time.monotonic() < deadline, term.text()[-1500:]
            term._read()
        raw = term.screen
    finally:
        term.close()
    banner = raw.index("╭".encode())
    echoed = raw.find(EARLY.encode())
    assert 0 <= echoed < banner, raw[:400]  # the terminal echoed them (the moment the test makes)
    between = raw[echoed + len(EARLY) : banner]
    assert b"\r\x1b[2K" in between, between  # then the line was cleared before the banner's border
