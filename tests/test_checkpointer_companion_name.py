"""sweep32 S10: `--checkpointer <data dir>/sessions.sqlite-wal` (or -shm) was taken as a new file name; the session
and its answers were written there, and the next ordinary command (`--list-sessions`, which opens sessions.sqlite)
made SQLite delete it as sessions.sqlite's own write-ahead log: the answer was gone. Such a name is refused in one
line, exit 2, and nothing is made. The command line in a subprocess, as a user runs it; real SQLite files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
ANSWER = "I owned the vendor switch myself and cut our hosting bill by 30% in one quarter."


def _run(data: Path, *args: str, typed: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(data))
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=typed, capture_output=True,
                          text=True, cwd=REPO, timeout=300, env=env)  # fmt: skip


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_checkpointer_named_as_sqlite_companion_file_is_refused(tmp_path: Path, suffix: str) -> None:
    data = tmp_path / "data"
    first = _run(data, *ARGS, typed=ANSWER + "\n")  # the data folder's own sessions.sqlite exists
    assert first.returncode == 3, first.stdout + first.stderr
    companion = data / f"sessions.sqlite{suffix}"
    companion.unlink(missing_ok=True)  # closed cleanly: SQLite removed its -wal and -shm
    done = _run(data, *ARGS, "--checkpointer", str(companion), typed=ANSWER + "\n")
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == (
        f"error: --checkpointer {companion} ends in {suffix}, the name of the "
        f"{ {'-wal': 'write-ahead log', '-shm': 'shared-memory index', '-journal': 'rollback journal'}[suffix] } "
        "SQLite keeps beside a database named sessions.sqlite; SQLite deletes or rewrites such a file when "
        "sessions.sqlite is opened, and the session with it: give a file name that does not end in -wal, -shm or "
        "-journal"
    ), done.stderr
    assert not companion.exists()

