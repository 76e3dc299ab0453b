"""A FIFO, or a link to /dev/zero, in the data folder's history/ (a damaged or hostile history folder): skipped
with the note any unreadable summary gets (sweep 40 C8: `agent.progress` and `--focus weakest` hung on the FIFO, and
on /dev/zero grew to 5.7 GB in 15 s). Only regular files of a bounded size are read. Real subprocesses, a real data
folder; each run under a timeout, so a hang fails the test instead of hanging it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_persistence import A1, FAST, REPO, scripted

SPECIAL = {
    "fifo": lambda path: os.mkfifo(path),
    "zero": lambda path: path.symlink_to("/dev/zero"),
    "huge": lambda path: path.write_bytes(b'{"thread_id": "' + b"x" * (64 << 20) + b'"}'),
}


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, timeout=60,
                          cwd=REPO, env=dict(os.environ))  # fmt: skip


@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_a_special_file_in_history_is_skipped_with_a_note(isolated_data_dir: Path, kind: str) -> None:
    done = _run("-m", "agent.session", *FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    odd = isolated_data_dir / "history" / f"{kind}.json"
    SPECIAL[kind](odd)
    progress = _run("-m", "agent.progress", "--role", "director")
    said = " ".join((progress.stdout + progress.stderr).split())
    assert progress.returncode == 0 and "Traceback" not in said, said
    assert f"{odd}: not a readable session summary; skipped" in said, said
    assert "1 session" in said or "sessions: 1" in said.lower() or "1 director session" in said, said
    focused = _run("-m", "agent.session", *FAST, "--questions", "1", "--focus", "weakest", stdin=scripted(A1))
    assert focused.returncode == 0 and "Question 1/1" in focused.stdout, focused.stdout + focused.stderr
