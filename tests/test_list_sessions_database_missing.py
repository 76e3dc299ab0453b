"""`--list-sessions` after the data folder's sessions.sqlite was deleted outside the tool while history/ still holds
the sessions' summaries: said as `--resume` says it (the database is missing, restore it from a backup), not "No
saved sessions yet" (sweep 40 K31b). Listing creates no empty database in its place either: a `--resume` after it
still says what happened. Real subprocesses, a real data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_persistence import A1, FAST, REPO, scripted


def _tool(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                          text=True, timeout=180, cwd=REPO, env=dict(os.environ))  # fmt: skip


def test_listing_says_the_session_database_is_missing(isolated_data_dir: Path) -> None:
    done = _tool(*FAST, "--questions", "2", stdin=scripted(A1))  # one answer of two: an unfinished session
    assert done.returncode == 3, done.stdout + done.stderr
    for db in isolated_data_dir.glob("sessions.sqlite*"):
        db.unlink()
    listed = _tool("--list-sessions")
    said = " ".join((listed.stdout + listed.stderr).split())
    db = isolated_data_dir / "sessions.sqlite"
    assert "No saved sessions yet" not in said, said
    assert f"the session database {db} is missing while the history folder holds 1 saved session" in said, said
    assert not db.exists(), "listing made an empty database in place of the missing one"
    resumed = _tool("--resume")
    assert resumed.returncode == 2 and "is missing while the history folder" in resumed.stderr, resumed.stderr
