"""A data folder whose sessions.sqlite is another program's SQLite database (an app folder that keeps a file of that
name) is refused in one line, the file left byte for byte as it was, as the same file named by --checkpointer is
(sweep 35 B30: the interview ran and wrote its tables into the other program's database)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [["--role", "director"], ["--list-sessions"], ["--resume"]])
def test_another_programs_sessions_file_is_left_untouched(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "app"
    folder.mkdir()
    database = folder / "sessions.sqlite"
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("CREATE TABLE visits (who TEXT, at TEXT)")
        conn.execute("INSERT INTO visits VALUES ('someone', 'today')")
        conn.commit()
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    answers = tmp_path / "answers.txt"
    answers.write_text("I cut the build time from 40 minutes to 9 by splitting the suite.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"}
    done = subprocess.run([sys.executable, "-m", "agent.session", *command, "--data-dir", str(folder), "--offline",
                           "--answers", str(answers)], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**env, "NO_COLOR": "1"}, stdin=subprocess.DEVNULL)  # fmt: skip
    assert done.returncode == 2, done.stdout[-1500:]
    assert done.stderr.strip() == (
        f"error: {database} is not a session database (an SQLite database with a table of another program); it was "
        "left untouched: point --data-dir at a folder of the interviewer's own, or --checkpointer at a new file name"
    )
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["sessions.sqlite"]  # no -wal, -shm, reports or locks
