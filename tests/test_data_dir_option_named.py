"""Messages about the data folder name the setting the user gave: `--data-dir` when the option chose it (sweep 35
B22: "check INTERVIEWER_DATA_DIR" to a user who had set no variable); and listing the sessions of a folder that does
not exist yet makes no folder and prints a start command that keeps --data-dir (sweep 35 X06: it made the folder,
and the command it printed started the session in the default folder)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"}
    return subprocess.run([sys.executable, "-m", "agent.session", *args], capture_output=True, text=True, timeout=120,
                          cwd=REPO, env={**base, "NO_COLOR": "1", "COLUMNS": "250", **(env or {})},
                          stdin=subprocess.DEVNULL)  # fmt: skip


def test_a_data_dir_option_naming_a_file_is_named_as_the_option(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    for args in (["--role", "director"], ["--list-sessions"]):
        done = _run(*args, "--data-dir", str(blocker))
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip() == f"error: data folder {blocker} is not a folder (check --data-dir)"
    by_variable = _run("--list-sessions", env={"INTERVIEWER_DATA_DIR": str(blocker)})
    assert by_variable.stderr.strip().endswith("(check INTERVIEWER_DATA_DIR)"), by_variable.stderr


def test_listing_a_new_data_folder_makes_nothing_and_keeps_the_folder_in_the_hint(tmp_path: Path) -> None:
    folder = tmp_path / "not yet"
    done = _run("--list-sessions", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    assert not folder.exists()
    hint = done.stdout.split("Start one with: ", 1)[1].strip()
    assert shlex.split(hint)[-2:] == ["--data-dir", str(folder)], hint
    answers = tmp_path / "answers.txt"
    answers.write_text("I cut the build time from 40 minutes to 9 by splitting the suite.\n", encoding="utf-8")
    started = subprocess.run([*shlex.split(hint), "--questions", "1", "--follow-ups", "0", "--offline", "--answers",
                              str(answers)], capture_output=True, text=True, timeout=120, cwd=REPO,
                             env={k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"},
                             stdin=subprocess.DEVNULL)  # fmt: skip
    assert started.returncode == 0, started.stderr
    assert (folder / "sessions.sqlite").exists()  # the hint's session went where the listing looked
