"""--list-sessions in a narrow terminal shows every session's id, role, status and time in full (sweep: at 60
columns the table cut its cells to '…' and printed columns blank). Driven in a real pty 60 columns wide."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_session_tty import REPO, Terminal

ARGS = ["--role", "engineering-manager", "--embedder", "hashing", "--seed", "3", "--questions", "2",
        "--follow-ups", "0"]  # fmt: skip


@pytest.mark.parametrize("columns", [60, 100])
def test_the_session_listing_reads_in_full_at_any_width(isolated_data_dir: Path, columns: int) -> None:
    answer = "I cut deploys from 40 to 9 minutes.\n"
    saved = subprocess.run([sys.executable, "-m", "agent.session", *ARGS], input=answer, capture_output=True,
                           text=True, cwd=REPO, timeout=120)  # fmt: skip
    assert saved.returncode == 3, saved.stderr  # saved at question 2
    (thread_id,) = [w for w in saved.stdout.split() if w.startswith("20") and "-engineering-manager-" in w][:1]
    term = Terminal(["--list-sessions"], columns=columns)
    try:
        term.wait_for(thread_id)
        assert term.exit_code() == 0
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert "…" not in screen  # no cell cut short
    for shown in ("engineering-manager", "active", thread_id[:4] + "-"):
        assert shown in screen, screen
    assert max(len(line) for line in screen.splitlines()) <= columns
