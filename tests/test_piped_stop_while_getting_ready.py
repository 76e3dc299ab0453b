"""Ctrl-C (SIGINT) while a piped session still gets ready, with question 1 already printed: the last line says the
interview was stopped while it got ready and that nothing was answered, never "before the first question" or "before
the session started" under the question just shown (sweep 37 S80). tests/slow_hook.py holds the moment: the import
of the interview's machinery (after question 1 is shown), or the session's own start. Real CLI, piped answers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.slow_hook import slow_call, slow_import
from tests.test_session_tty import PATIENCE, REPO

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
ANSWER = "I moved our on-call to follow-the-sun across two sites; night pages per engineer fell from 9 to 2 a month."


@pytest.mark.parametrize("moment", ["machinery import", "session start"])
def test_sigint_while_a_piped_session_gets_ready_says_so(moment: str, tmp_path: Path) -> None:
    if moment == "machinery import":
        env, mark = slow_import(tmp_path / "hook", "agent.cli_run", seconds=60)
    else:
        env, mark = slow_call(tmp_path / "hook", "agent.driver", "InterviewDriver._prune_empty", seconds=60)
    child = subprocess.Popen([sys.executable, "-m", "agent.session", *ARGS], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO,
                             env={**os.environ, **env})  # fmt: skip
    try:
        assert child.stdin is not None
        child.stdin.write(f"{ANSWER}\n/done\n")
        child.stdin.flush()
        deadline = time.monotonic() + PATIENCE
        while not mark.exists():
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.01)
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=PATIENCE)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    said = " ".join(out.split())
    assert child.returncode == 130, said[-1200:]
    assert "Question 1/2" in said, said[-1200:]
    after = said.split("Question 1/2")[-1]
    assert "before the first question" not in after and "before the session started" not in after, after[-600:]
    assert "getting ready" in after and "nothing was answered yet" in after, after[-600:]
    assert "Traceback" not in said, said[-1200:]
