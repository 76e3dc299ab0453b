"""A session kept in memory only (`--checkpointer memory:`) that stops says it cannot be resumed, instead of
"Session saved. Resume with: ..." and a command that fails with "unknown session id" (sweep23 S9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.pty_run import REPO


def test_a_stopped_memory_session_says_it_cannot_be_resumed(tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("I moved four teams to trunk-based delivery; lead time fell from 12 days to 3.\n")
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--embedder", "hashing", "--seed", "3",
         "--questions", "2", "--follow-ups", "0", "--checkpointer", "memory:", "--answers", str(answers)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=180, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 3, run.stdout + run.stderr  # scripted answers ran out
    assert "cannot be resumed" in run.stdout and "Resume with" not in run.stdout, run.stdout[-800:]
