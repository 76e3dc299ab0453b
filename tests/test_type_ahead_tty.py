"""Keys typed before the prompt reads them are not dropped (sweep cases 17a, 17f): an answer
and its Esc Enter typed during launch, or the instant the question is drawn while a cold --docs start still has a
notice to show, are submitted as typed. Real pty."""

from __future__ import annotations

import time
from pathlib import Path

from tests.test_session_cli import answers_in, only_transcript
from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]
ANSWER = "I owned the rota change for five teams and pages fell from 40 to 9 a week in a quarter."


def test_an_answer_and_submit_typed_during_launch_are_submitted(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        time.sleep(0.15)  # the interpreter is still importing: nothing is on screen yet
        term.submit(ANSWER)
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
    finally:
        term.close()
    assert answers_in(only_transcript(isolated_data_dir)) == [ANSWER]


def test_a_submit_typed_as_the_question_is_drawn_survives_the_start_s_notice(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "notes"
    docs.mkdir()
    for i in range(60):
        (docs / f"s{i:02}.md").write_text(f"## Story {i}: Rota {i}\nI cut pages from {40 + i} to 9 a week.\n")
    (docs / "scan.txt").write_bytes(b"\x00\x01\x02 not text")  # the start has a warning to show
    term = Terminal([*ARGS, "--docs", str(docs)])
    try:
        term.wait_for("Question 1/1")
        term.type(ANSWER + "\x1b\r")  # at once, before the prompt may even read keys
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
    finally:
        term.close()
    assert answers_in(only_transcript(isolated_data_dir)) == [ANSWER]
