"""Document file names are the candidate's (or anyone's who shared the folder): knowledge.ingest and
knowledge.search show them with terminal escapes removed and rich markup shown as text, piped and on a terminal,
as the session already does for answers and titles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pty_run import REPO, run_on_a_terminal

STORY = (
    "## Moving the billing jobs off the old scheduler\n\n**Situation:** Nightly billing jobs overran twice a week.\n"
    "**Task:** I owned the move to the new scheduler.\n**Action:** I split the jobs and added retries.\n"
    "**Result:** Overruns fell from eight a month to none in the next quarter.\n"
)
CLEARS = "\x1b[2J"
RETITLES = "\x1b]0;OWNED\x07"


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / f"a{RETITLES}{CLEARS}b\nc.md").write_text(STORY, encoding="utf-8")
    (folder / "[bold red]loud.md").write_text(STORY.replace("billing", "payroll"), encoding="utf-8")
    (folder / "bin\x1b[31mred.md").write_bytes(b"\x00\x01\x02 not text")
    return folder


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}


def _commands(folder: Path) -> list[list[str]]:
    return [
        [sys.executable, "-m", "knowledge.ingest", str(folder)],
        [sys.executable, "-m", "knowledge.search", "a time you fixed jobs that overran", "--docs", str(folder)],
    ]


@pytest.mark.parametrize("tool", [0, 1], ids=["ingest", "search"])
def test_piped_output_has_no_escape_and_shows_markup_as_text(hostile_folder: Path, tmp_path: Path, tool: int) -> None:
    run = subprocess.run(
        _commands(hostile_folder)[tool], capture_output=True, cwd=REPO, env=_env(tmp_path), timeout=180, check=False
    )
    shown = run.stdout + run.stderr
    assert run.returncode == 0, shown
    assert b"\x1b" not in shown and b"OWNED" not in shown
    assert b"[bold red]loud.md" in shown  # the name as it is, not swallowed as markup


@pytest.mark.parametrize("tool", [0, 1], ids=["ingest", "search"])
def test_a_terminal_is_not_cleared_or_retitled_by_a_file_name(hostile_folder: Path, tmp_path: Path, tool: int) -> None:
    screen = run_on_a_terminal(_commands(hostile_folder)[tool], _env(tmp_path), timeout=180)
    assert CLEARS.encode() not in screen and b"\x1b]0;" not in screen and b"OWNED" not in screen
    assert b"\x1b[31mred" not in screen
    assert b"loud" in screen


def test_one_story_is_counted_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "bank.md").write_text(STORY, encoding="utf-8")
    env = _env(tmp_path)
    ingest = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(folder), "--index", str(tmp_path / "idx")],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert ingest.returncode == 0 and "(1 story)" in ingest.stdout, ingest.stdout + ingest.stderr
    search = subprocess.run(
        [sys.executable, "-m", "knowledge.search", "jobs that overran", "--index", str(tmp_path / "idx")],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert search.returncode == 0 and "The only story" in search.stdout and "1 stories" not in search.stdout
