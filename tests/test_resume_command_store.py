"""The printed resume command finds the session when it lives in another store than the data folder's (sweep22 S5:
with `--checkpointer` a SQLite file or a Postgres URL, the printed `--resume ID` said "unknown session id")."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from tests.test_session_cli import REPO, answers_in, only_transcript, run_cli

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."


def test_the_printed_resume_command_resumes_a_session_kept_elsewhere(tmp_path: Path, isolated_data_dir: Path) -> None:
    store = tmp_path / "elsewhere" / "my sessions.sqlite"
    store.parent.mkdir()
    started = run_cli(*ARGS, "--checkpointer", str(store), stdin=FIRST + "\n/done\n")
    assert started.returncode == 3, started.stdout + started.stderr  # the scripted answers ran out: saved
    printed = started.stdout.split("Resume with: ")[1].splitlines()[0]
    resumed = subprocess.run(shlex.split(printed), input="/end\n", capture_output=True, text=True, cwd=REPO,
                             timeout=120)  # fmt: skip  (as typed: no --checkpointer in the environment)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert answers_in(only_transcript(isolated_data_dir)) == [FIRST]


def test_a_password_in_the_store_url_is_not_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    from agent.cli_render import resume_command

    monkeypatch.setenv("INTERVIEWER_CHECKPOINTER", "postgresql://ada:s3cret@db.example:5433/interviews")
    command = resume_command("20261203-0600-director-abc")
    assert "s3cret" not in command
    assert "--checkpointer 'postgresql://ada:***@db.example:5433/interviews'" in command
    assert "put the password back" in command
