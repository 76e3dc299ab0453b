"""A session whose only state is the answer journal (an answer submitted while it got ready, then kill -9) is
listed by `--list-sessions` and named by `python -m agent.progress`, with what `--resume` does with it: never
"No saved sessions yet" (sweep2 N2). Driven as a user meets it: a pty session on a cold `--docs` start, killed,
then the listing commands as subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_early_answer_durable import ANSWER, _killed_early, _reported_answers, _run
from tests.test_session_tty import REPO


def _progress() -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.progress", "--no-coverage"], capture_output=True, text=True,
                          cwd=REPO, timeout=120, env=dict(os.environ))  # fmt: skip


def test_a_session_kept_only_in_the_answer_journal_is_listed(isolated_data_dir: Path, tmp_path: Path) -> None:
    session_id = _killed_early(tmp_path, isolated_data_dir).stem
    listing = _run("--list-sessions")
    assert listing.returncode == 0, listing.stderr
    assert "No saved sessions" not in listing.stdout
    assert session_id in listing.stdout and "not graded" in listing.stdout
    assert f"--resume {session_id}" in listing.stdout  # what to run, and that it grades the kept answer
    progress = _progress()
    assert progress.returncode == 2
    assert session_id in progress.stderr and "not graded" in progress.stderr, progress.stderr
    # what the listing promised: --resume grades it
    resumed = _run("--resume", session_id, stdin="/end\n")
    assert resumed.returncode == 0, resumed.stderr
    assert ANSWER in _reported_answers(isolated_data_dir)
    assert session_id in _run("--list-sessions").stdout


def test_progress_with_no_sessions_prints_a_command_that_runs(isolated_data_dir: Path) -> None:
    progress = _progress()
    assert progress.returncode == 2
    assert f"{os.path.abspath(sys.executable)} -m agent.session --role ROLE" in progress.stderr, progress.stderr


def test_a_damaged_journal_met_by_the_listing_is_said_there(isolated_data_dir: Path, tmp_path: Path) -> None:
    # sweep21 S4: --list-sessions moved a damaged journal aside without a word ("No saved sessions yet"), and the
    # --resume after it found nothing to say either
    kept = _killed_early(tmp_path, isolated_data_dir)
    kept.write_bytes(kept.read_bytes()[:20])
    listing = _run("--list-sessions")
    assert listing.returncode == 0, listing.stderr
    (aside,) = (isolated_data_dir / "pending").glob("*.damaged-*")
    said = " ".join((listing.stdout + listing.stderr).split())
    assert f"{kept} was damaged" in said and str(aside) in said, said
