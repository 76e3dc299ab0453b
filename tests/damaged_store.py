"""A session database damaged as a failing disk damages one, after a real session wrote it: the shared setup of the
damaged-database tests (the `damaged_database` fixture in conftest.py wraps after_a_session for the test's data
folder). Pages 3-10 are overwritten and the header kept: the file opens, reading the session tables fails."""

from __future__ import annotations

import subprocess
from pathlib import Path


def damage(database: Path) -> None:
    """Overwrite pages 3-10 of `database` and keep its header."""
    with open(database, "r+b") as out:
        out.seek(2048)
        out.write(b"\xa5" * 8192)


def after_a_session(data_dir: Path, args: list[str], *answers: str) -> subprocess.CompletedProcess[str]:
    """Run a scripted session with `args` and `answers` (finished, or saved when they run out), then damage the data
    folder's session database and remove the reports it wrote (a report would tell a finished session apart from
    the damaged one); the session's run, for its id and output."""
    from tests.test_persistence import run, scripted

    done = run(*args, stdin=scripted(*answers))
    assert done.returncode in (0, 3), done.stdout + done.stderr
    damage(data_dir / "sessions.sqlite")
    for path in (data_dir / "reports").glob("*"):
        path.unlink()
    return done
