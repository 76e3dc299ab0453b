"""A session database emptied to 0 bytes outside the tool (a crash, a sync tool, a bad copy) while the history holds
saved sessions is named in one line, exit 2, by every command (sweep23 S5: "No saved sessions yet" and a new session
silently reused the empty file: an answered session vanished without a word)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.pty_run import REPO

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]


def _session(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "agent.session", *args], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=180, check=False, stdin=subprocess.DEVNULL)  # fmt: skip


def test_an_emptied_session_database_is_named_by_every_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    answers = tmp_path / "answers.txt"
    answers.write_text("I moved four teams to trunk-based delivery; lead time fell from 12 days to 3.\n")
    first = _session(*ARGS, "--answers", str(answers), data=data)
    assert first.returncode == 3, first.stdout + first.stderr  # scripted answers ran out: saved
    (data / "sessions.sqlite").write_bytes(b"")
    for args in (["--list-sessions"], ["--resume"], [*ARGS, "--answers", str(answers)]):
        run = _session(*args, data=data)
        assert run.returncode == 2, (args, run.stdout, run.stderr)
        assert f"the session database {data / 'sessions.sqlite'} is empty (0 bytes)" in run.stderr, run.stderr
        assert "No saved sessions yet" not in run.stdout
    assert (data / "sessions.sqlite").stat().st_size == 0  # nothing written into it meanwhile
