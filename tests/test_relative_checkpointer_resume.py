"""A session database named by a relative path (`--checkpointer my.sqlite`, or a relative INTERVIEWER_DATA_DIR): the
printed resume command works from any folder, instead of "unknown session id" and a new empty database created
in the folder it was run from (sweep24 S6); the printed report path is absolute too."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.pty_run import REPO

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery; lead time fell from 12 days to 3."


def _run(args: list[str], cwd: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": "data"}  # relative to cwd
    env.pop("INTERVIEWER_CHECKPOINTER", None)
    return subprocess.run(args, input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=180)


def test_the_printed_resume_command_works_from_another_folder(tmp_path: Path) -> None:
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    first = _run([sys.executable, "-m", "agent.session", *ARGS, "--checkpointer", "my.sqlite"], here, f"{FIRST}\n")
    assert first.returncode == 3, first.stdout + first.stderr  # piped answers ran out after one: saved
    command = re.search(r"Resume with: (.+)", first.stdout)
    assert command is not None, first.stdout
    assert str(here / "my.sqlite") in command.group(1)
    resumed = _run(shlex.split(command.group(1)), elsewhere, "/end\n")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert not (elsewhere / "my.sqlite").exists()  # no new empty database where it was run
    report = re.search(r"Report: (\S+)", resumed.stdout)
    assert report is not None and Path(report.group(1)).is_absolute() and Path(report.group(1)).is_file()
    assert FIRST in Path(report.group(1)).read_text(encoding="utf-8")
