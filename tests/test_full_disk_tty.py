"""A disk that fills while the candidate answers, in a real pty on a real (tmpfs) full disk (sweep cases 4a, 4a',
4c, 4d): the answer is kept, the screen says which keys send it again, and once space is freed the interview goes
on at the next question with every answer recorded once; a start on a full disk never offers a resume that would
fail; a session finished after freeing space reaches the history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_disk_faults import fill, small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_persistence import A1, A2, run, scripted, session_id
from tests.test_session_cli import answers_in, only_transcript
from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "4", "--follow-ups", "0"]
PADDING = " More detail on the rollout, week by week." * 400  # big enough that the disk cannot take it


def _type_long(term: Terminal, text: str) -> None:
    """Type a long paste in pieces, reading the echo meanwhile (a full pty buffer would block both sides)."""
    for start in range(0, len(text), 256):
        term.type(text[start : start + 256])
        term._read()


def test_a_full_disk_mid_answer_then_freed_goes_on_at_the_next_question(
    small_disk: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = small_disk / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/4")
        term.submit(A1)
        term.wait_for_prompt(after="Question 2/4")
        filler = fill(small_disk)
        term.submit(A2)
        term.wait_for("is full")
        screen = term.text()
        filler.unlink()
        term.wait_for_prompt()
        term.type("\x1b\r")  # the answer is back in the prompt (or saved already): send it / go on
        term.wait_for_prompt(after="Question 3/4")
        assert "Question 4/4" not in term.text()
        term.type("/end\r")
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
    finally:
        term.close()
    answers = answers_in(only_transcript(data))
    assert answers == [A1, A2]  # each once; question 3 was never answered with question 2's answer
    assert "Press Enter" not in screen  # Enter only adds a line at this prompt
    assert "Esc then Enter" in screen
    history = data / "history"
    assert history.is_dir() and any(history.iterdir())


def test_a_full_disk_at_the_start_offers_no_resume_that_would_fail(small_disk: Path) -> None:  # noqa: F811
    data = small_disk / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    data.mkdir()
    fill(small_disk)
    done = run(*ARGS, stdin=scripted(A1), env=env)
    assert done.returncode == 2, done.stdout + done.stderr  # refused before the start (tests/test_full_disk_start)
    assert "is full" in done.stderr and "then resume" not in done.stderr
    assert "--resume" not in done.stdout and "Nothing was asked or saved" in done.stdout


def test_a_finished_session_whose_summary_never_reached_the_history_gets_it_on_resume(isolated_data_dir: Path) -> None:
    # The state a full disk leaves (sweep case 4d): the last answer and the scorecard are saved, the history
    # summary is not. Resuming the finished session (after freeing space) writes it.
    done = run(*ARGS, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    sid = session_id(done.stdout)
    history = isolated_data_dir / "history"
    for path in history.glob("*.json"):
        path.unlink()
    again = run("--resume", sid)
    assert again.returncode == 0 and "already finished" in again.stdout, again.stdout + again.stderr
    (summary,) = history.glob("*.json")
    assert json.loads(summary.read_text(encoding="utf-8"))["finished"] is True
