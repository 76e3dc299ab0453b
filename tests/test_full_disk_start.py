"""A full disk before the interview (sweep case 4c, defect 13 remainder), on a real full tmpfs: a new session is
refused before any question is drawn, in one line saying what to free, with the exit code of the other refusals
before the start (2); `--list-sessions` and `python -m agent.progress` only read, so they still work; once space
is freed the unfinished session resumes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_disk_faults import fill, small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_persistence import A1, A2, FAST, run, scripted, session_id
from tests.test_session_tty import REPO


def test_a_full_disk_refuses_a_new_session_before_question_one_and_lists_what_is_saved(
    small_disk: Path,  # noqa: F811
) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(small_disk / "data")}
    finished = run(*FAST, "--questions", "1", stdin=scripted(A1), env=env)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    unfinished = run(*FAST, "--questions", "2", stdin=scripted(A1), env=env)
    assert unfinished.returncode == 3, unfinished.stdout + unfinished.stderr  # the script ran out: saved
    done_id, open_id = session_id(finished.stdout), session_id(unfinished.stdout)
    filler = fill(small_disk)

    fresh = run(*FAST, "--questions", "2", stdin=scripted(A1), env=env)
    assert fresh.returncode == 2, fresh.stdout + fresh.stderr
    assert "Question 1" not in fresh.stdout  # refused before the interview, not after drawing Q1
    errors = fresh.stderr.strip().splitlines()
    assert len(errors) == 1 and "is full" in errors[0] and "free a few MB there" in errors[0], fresh.stderr
    assert "Traceback" not in fresh.stdout + fresh.stderr and "--resume" not in fresh.stdout

    listing = run("--list-sessions", env=env)
    assert listing.returncode == 0, listing.stdout + listing.stderr
    assert done_id in listing.stdout and open_id in listing.stdout
    assert "is full" in listing.stdout  # and what to free before starting or resuming
    progress = subprocess.run([sys.executable, "-m", "agent.progress", "--no-coverage"], capture_output=True,
                              text=True, cwd=REPO, env={**os.environ, **env}, timeout=120)  # fmt: skip
    assert progress.returncode == 0, progress.stdout + progress.stderr

    filler.unlink()
    resumed = run("--resume", open_id, stdin=scripted(A2), env=env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr


def test_a_resume_on_a_full_disk_says_the_disk_is_full_and_what_to_free(small_disk: Path) -> None:  # noqa: F811
    """sweep25 S6: `--resume` on a full disk said "failed to read or write (disk I/O error)" (a failing disk)."""
    env = {"INTERVIEWER_DATA_DIR": str(small_disk / "data")}
    unfinished = run(*FAST, "--questions", "2", stdin=scripted(A1), env=env)
    assert unfinished.returncode == 3, unfinished.stdout + unfinished.stderr
    open_id = session_id(unfinished.stdout)
    filler = fill(small_disk)
    for args in (["--resume", open_id], ["--resume"]):
        resumed = run(*args, stdin=scripted(A2), env=env)
        assert resumed.returncode == 2, resumed.stdout + resumed.stderr
        errors = resumed.stderr.strip().splitlines()
        assert len(errors) == 1 and "is full" in errors[0] and "free a few MB there" in errors[0], resumed.stderr
        assert "I/O" not in resumed.stderr and "Traceback" not in resumed.stderr
    filler.unlink()
    resumed = run("--resume", open_id, stdin=scripted(A2), env=env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
