"""A SQLite `--checkpointer` path that can hold no session database is refused in one line naming it and the reason,
exit 2, before anything starts (sweep27 S14: a link loop exited 1 with "RuntimeError: Symlink loop" for a new
session, --list-sessions and --resume; S13: a missing folder, a link to one and a folder under a file were called
"the data folder ... is read-only", pointing at INTERVIEWER_DATA_DIR). Real files, the real CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_session_cli import FAST, run_cli


def _cases(root: Path) -> list[tuple[Path, str]]:
    (root / "l2").symlink_to(root / "l1")
    (root / "l1").symlink_to(root / "l2")
    (root / "dangling").symlink_to(root / "gone" / "db.sqlite")
    (root / "afile").write_text("not a folder\n", encoding="utf-8")
    missing, dangling, under = root / "missing" / "s.sqlite", root / "dangling", root / "afile" / "s.sqlite"
    os.mkfifo(root / "pipe")  # it hung every command that opened it (sweep28 S15)
    (root / "adir").mkdir()
    return [
        (root / "pipe", f"--checkpointer {root / 'pipe'} is not a regular file (a pipe, device or socket): give a "
                        "session database file"),
        (root / "adir", f"--checkpointer {root / 'adir'} is a folder: give a session database file"),
        (root / "l1", f"--checkpointer {root / 'l1'} is a link that loops back on itself"),
        (missing, f"--checkpointer {missing}: the folder {missing.parent} does not exist"),
        (dangling, f"--checkpointer {dangling} (a link to {root / 'gone' / 'db.sqlite'}): the folder {root / 'gone'} "
                   "does not exist"),
        (under, f"--checkpointer {under}: {root / 'afile'} is a file, not a folder"),
    ]  # fmt: skip


@pytest.mark.parametrize("command", [[*FAST, "--questions", "1"], ["--list-sessions"], ["--resume"]],
                         ids=["new session", "list", "resume"])  # fmt: skip
def test_a_checkpointer_path_that_cannot_be_used_is_named_with_the_reason(
    tmp_path: Path, isolated_data_dir: Path, command: list[str]
) -> None:
    root = tmp_path / "stores"
    root.mkdir()
    for path, message in _cases(root):
        run = run_cli(*command, "--checkpointer", str(path), stdin="An answer.\n")
        assert run.returncode == 2, (path, run.stdout + run.stderr)
        assert run.stderr.strip() == f"error: {message}", run.stderr
        assert "Question 1" not in run.stdout
    assert not (root / "gone").exists() and not (root / "missing").exists()


def test_a_typo_of_memory_is_refused_not_made_a_file_here(tmp_path: Path, isolated_data_dir: Path) -> None:
    """sweep27 S15: `--checkpointer memory:x` silently kept the session in a SQLite file named "memory:x" in the
    folder the command ran in."""
    import os
    import subprocess
    import sys

    from tests.test_session_cli import REPO

    here = tmp_path / "cwd"
    here.mkdir()
    run = subprocess.run([sys.executable, "-m", "agent.session", *FAST, "--questions", "1", "--checkpointer",
                          "memory:x"], input="An answer.\n", capture_output=True, text=True, cwd=here, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    assert run.returncode == 2, run.stdout + run.stderr
    refused = ("error: --checkpointer memory:x is not a kind of session store this tool serves: give a SQLite file "
               "path (or sqlite:///PATH), a postgresql:// URL, or memory:")  # fmt: skip
    assert run.stderr.strip() == refused
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("command", [[*FAST, "--questions", "1"], ["--list-sessions"], ["--resume"]],
                         ids=["new session", "list", "resume"])  # fmt: skip
def test_the_data_folders_session_database_as_a_pipe_is_named_as_such(
    isolated_data_dir: Path, command: list[str]
) -> None:
    """sweep28 S15 (also): the default sessions.sqlite as a fifo was "the disk holding ... failed to read or write
    (disk I/O error)"."""
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    os.mkfifo(isolated_data_dir / "sessions.sqlite")
    run = run_cli(*command, stdin="An answer.\n")
    assert run.returncode == 2, run.stdout + run.stderr
    assert "sessions.sqlite is not a regular file (a pipe, device or socket)" in run.stderr, run.stderr
    assert "disk I/O" not in run.stderr
