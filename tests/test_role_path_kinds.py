"""A `--role` path that exists but is no file (a folder, a FIFO) is said as what it is, in one line, not "role file not
found" (sweep 38 RF5). Driven through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _start(role: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", str(role), "--offline", "--questions", "1",
         "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, cwd=REPO, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_role_path_that_is_no_file_is_named_for_what_it_is(kind: str, tmp_path: Path) -> None:
    role = tmp_path / "mine.yaml"
    if kind == "folder":
        role.mkdir()
    else:
        os.mkfifo(role)
    run = _start(role, tmp_path)
    said = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
    assert run.returncode == 2, run.stdout + run.stderr
    assert len(said) == 1, said
    assert "not found" not in said[0] and str(role) in said[0], said
    assert ("is a folder" if kind == "folder" else "not a regular file") in said[0], said
