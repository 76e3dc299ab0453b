"""The printed resume command finds the session from a new shell when the data folder is not the default one
(newcomer 33 N27: started with INTERVIEWER_DATA_DIR=..., stopped, and the printed `--resume ID` said "unknown session
id" from a shell without the variable). The command carries `--data-dir DIR`; a relative folder is made absolute."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_session_cli import REPO, answers_in, only_transcript

ARGS = ["-m", "agent.session", "--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2",
        "--follow-ups", "0"]  # fmt: skip
FIRST = "I split the platform org into two groups with their own managers, and on-call pages fell from 40 to 12 a week."


def _env_without_data_dir(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("INTERVIEWER_DATA_DIR", None)
    env["HOME"] = str(home)  # the default data folder, were the command to miss the one it was given
    env.pop("XDG_DATA_HOME", None)
    return env


@pytest.mark.parametrize("how", ["environment", "option"])
def test_the_printed_resume_command_carries_the_data_folder(tmp_path: Path, how: str) -> None:
    started_in = tmp_path / "work"
    started_in.mkdir()
    env = _env_without_data_dir(tmp_path / "home")
    if how == "environment":
        env["INTERVIEWER_DATA_DIR"] = "my-data"  # relative to where the candidate started it
        extra: list[str] = []
    else:
        extra = ["--data-dir", "my-data"]
    env["PYTHONPATH"] = str(REPO)
    first = subprocess.run([sys.executable, *ARGS, *extra], input=FIRST + "\n/done\n", capture_output=True, text=True,
                           cwd=started_in, env=env, timeout=120)  # fmt: skip
    assert first.returncode == 3, first.stdout + first.stderr  # the scripted answers ran out: saved
    command = re.search(r"Resume with: (.+ --resume \S+.*)", first.stdout)
    assert command, first.stdout[-1500:]
    data = started_in / "my-data"
    assert f"--data-dir {data}" in command.group(1)
    # typed into a new shell elsewhere, without the variable
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    plain = _env_without_data_dir(tmp_path / "home")
    plain["PYTHONPATH"] = str(REPO)
    resumed = subprocess.run(["/bin/sh", "-c", command.group(1)], input="/end\n", capture_output=True, text=True,
                             cwd=elsewhere, env=plain, timeout=120)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "unknown session id" not in resumed.stdout + resumed.stderr
    assert answers_in(only_transcript(data)) == [FIRST]
    assert not (elsewhere / "my-data").exists()
