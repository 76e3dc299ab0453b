"""A submitted answer survives the loss of the session database's -wal file after a kill -9 (sweep cases 6f, 6h):
the answer journal (agent.answer_journal) holds it until the WAL is checkpointed, and `--resume` notices that the
database rolled back, says so, and grades the answer. Driven in a real pty: answer question 1, submit question 2,
kill -9 as soon as the answer reaches the WAL, then delete or scribble over the WAL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_session_cli import answers_in, only_transcript
from tests.test_session_tty import REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0"]
FIRST = "I replaced a struggling manager after a 60-day plan and attrition fell from 22% to 9% in two quarters."
SECOND = "One feature definition serves training and inference: point-in-time joins and 10 ms p99 lookups, owned by me."


def _wait_in_wal(wal: Path, text: str, timeout: float = 60) -> None:
    needle = text.encode()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if needle in wal.read_bytes():
                return
        except OSError:
            pass
        time.sleep(0.002)
    raise AssertionError("the answer never reached the -wal file")


def _damage(data_dir: Path, how: str) -> None:
    wal = data_dir / "sessions.sqlite-wal"
    if how == "deleted":
        wal.unlink()
        (data_dir / "sessions.sqlite-shm").unlink(missing_ok=True)
    else:
        with wal.open("r+b") as handle:
            handle.seek(100)
            handle.write(os.urandom(4096))


@pytest.mark.parametrize("how", ["deleted", "scribbled"])
def test_a_lost_wal_after_a_kill_does_not_roll_back_the_submitted_answer(isolated_data_dir: Path, how: str) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/3")
        term.submit(SECOND)
        _wait_in_wal(isolated_data_dir / "sessions.sqlite-wal", SECOND)  # submitted: in the move journal
        term.proc.send_signal(signal.SIGKILL)
        term.proc.wait(timeout=30)
    finally:
        term.close()
    _damage(isolated_data_dir, how)
    resumed = subprocess.run([sys.executable, "-m", "agent.session", "--resume"], input="/end\n", text=True,
                             capture_output=True, cwd=REPO, timeout=120)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert answers_in(only_transcript(isolated_data_dir))[:2] == [FIRST, SECOND]
    # the rollback is said, not silent
    assert "Recovered 1 answer you submitted before the session stopped" in " ".join(resumed.stdout.split())
