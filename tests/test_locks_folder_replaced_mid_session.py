"""A file put in place of the locks folder while a session waits at its second question (sweep 38 C14): submitting
the answer says so in one line with the mv that fixes it and exits; the answer is kept (never turned back into an
unsent draft behind prompt_toolkit's "Unhandled exception" traceback) and graded when the session resumes once the
file is moved away. Real pty and CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_early_answer_durable import _reported_answers
from tests.test_session_tty import REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "We moved the nightly ledger export to a queue over one quarter; late files dropped from 12 a month to 1."
SECOND = "I wrote the hand-off checklist with the two support leads, and reopened tickets fell by a third by June."


def replaced_at_second_question(folder: Path, first: str, move: str) -> tuple[int, str]:
    """A two-question director session in a pty: `first` answered, then at question 2 the data folder's `folder`
    replaced by a file and `move` submitted; the exit status and what the terminal showed."""
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(first)
        term.wait_for_prompt(after="Question 2/2")
        shutil.rmtree(folder)
        folder.write_text("x", encoding="utf-8")
        term.submit(move)
        return term.proc.wait(timeout=240), term.said()
    finally:
        term.close()


@pytest.mark.parametrize("move", [SECOND, "/end"])
def test_a_file_in_place_of_locks_after_the_first_answer_is_one_line_and_keeps_the_answer(
    isolated_data_dir: Path, move: str
) -> None:
    locks = isolated_data_dir / "locks"
    exited, said = replaced_at_second_question(locks, FIRST, move)
    assert "Traceback" not in said and "Unhandled exception" not in said, said[-2500:]
    assert "Press ENTER" not in said, said[-2500:]
    assert exited != 0, said[-1500:]
    assert "mv " in said and "locks.moved" in said.replace(" ", "").replace("\n", ""), said[-1500:]
    locks.rename(isolated_data_dir / "locks.moved")
    resumed = subprocess.run([sys.executable, "-m", "agent.session", "--resume"], input="/end\n",
                             capture_output=True, text=True, cwd=REPO, timeout=240)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout[-800:] + resumed.stderr[-800:]
    if move == SECOND:
        assert _reported_answers(isolated_data_dir) == [FIRST, SECOND]  # graded, not left as an unused draft
    else:
        assert _reported_answers(isolated_data_dir) == [FIRST]
    assert not list((isolated_data_dir / "reports").glob("*.unused-draft.txt"))
