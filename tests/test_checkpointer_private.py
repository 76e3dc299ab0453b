"""sweep32 S7: a --checkpointer file the user made first (`touch`: 0644 under umask 022) received the answers and
stayed readable by every user; SQLite gave its -wal the same mode (a new file is made 0600). An empty file is made
0600 before the first answer is written. The command line in a subprocess, as a user runs it; real SQLite files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]
ANSWER = "I owned the vendor switch myself and cut our hosting bill by 30% in one quarter."


def test_an_empty_checkpointer_file_made_first_is_made_private(tmp_path: Path) -> None:
    mine = tmp_path / "prep" / "interview.sqlite"
    mine.parent.mkdir()
    mine.touch()
    os.chmod(mine, 0o644)
    env = dict(os.environ, INTERVIEWER_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "agent.session", *ARGS, "--checkpointer", str(mine)], cwd=REPO,
                          input=ANSWER + "\n", capture_output=True, text=True, timeout=300, env=env)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert mine.stat().st_size > 0  # the session is in it
    for file in [mine, *mine.parent.glob("interview.sqlite-*")]:
        assert file.stat().st_mode & 0o777 == 0o600, (file, oct(file.stat().st_mode))
