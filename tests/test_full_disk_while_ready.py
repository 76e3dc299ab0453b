"""A disk that fills while the interview is still getting ready, with an answer submitted meanwhile (sweep24 S1):
neither the answer journal nor the session database can take it, so the screen gives the answer back to copy
instead of "Nothing was answered yet", and the exit code is the one of a data folder that cannot take a new
session (2). Real pty, real full tmpfs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.test_disk_faults import fill, small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_early_answer_durable import _docs
from tests.test_session_tty import PATIENCE, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
ANSWER = "I moved eleven teams onto one release train; change failure rate fell from 19% to 6% in two quarters."


def _after(term: Terminal, marker: str) -> str:
    return " ".join(term.text().split()).split(marker)[-1]


def test_an_answer_submitted_while_the_disk_fills_at_the_start_is_given_back(
    small_disk: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(small_disk / "data"))
    term = Terminal([*ARGS, "--docs", str(_docs(tmp_path, 1000))])  # a cold index: the start takes a while
    try:
        term.wait_for_prompt(after="Question 1/2")
        fill(small_disk)
        term.submit(ANSWER)
        term.wait_for("is full")
        term.wait_for("here it is, to copy")
        deadline = time.monotonic() + PATIENCE
        while ANSWER not in _after(term, "here it is, to copy"):  # the echo of the submit came before the marker
            assert time.monotonic() < deadline, term.text()[-1500:]
            term._read()
        code = term.exit_code()
        screen = " ".join(term.text().split())
    finally:
        term.close()
    assert "Getting the interview ready" in screen, screen[-1500:]  # submitted before the start was done
    assert ANSWER in screen.split("here it is, to copy")[1]  # given back in full
    assert "Nothing was answered yet" not in screen and "--resume" not in screen
    assert code == 2
