"""A note whose file name is not UTF-8 (copied from an old Latin-1 disk) is read like any other, its name shown with
U+FFFD (sweep23 S4: a UnicodeEncodeError took down knowledge.ingest, knowledge.search and the session)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pty_run import REPO

STORY = (
    "## Retiring the old billing export\n\n**Situation:** Finance re-keyed a broken export every month.\n"
    "**Task:** I owned the replacement.\n**Action:** I moved it to the warehouse and added row counts.\n"
    "**Result:** Re-keying went from two days a month to none.\n"
)


@pytest.fixture
def latin1_named(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"caf\xe9-stories.md")).write_text(STORY, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take a non-UTF-8 name")
    return folder


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=300,
                          check=False)  # fmt: skip


def test_ingest_and_search_read_a_note_whose_name_is_not_utf8(latin1_named: Path, tmp_path: Path) -> None:
    ingest = _run(["-m", "knowledge.ingest", str(latin1_named), "--json"], tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert "Retiring the old billing export" in ingest.stdout and "caf\ufffd-stories.md" in ingest.stdout
    search = _run(["-m", "knowledge.search", "a time you replaced a manual process", "--docs", str(latin1_named)],
                  tmp_path)  # fmt: skip
    assert search.returncode == 0 and "Retiring the old billing export" in search.stdout, search.stderr


def test_a_session_with_such_a_note_runs_to_its_report(latin1_named: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("/end\n", encoding="utf-8")
    run = _run(["-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0", "--embedder",
                "hashing", "--docs", str(latin1_named), "--answers", str(answers)], tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr
    assert "UnicodeEncodeError" not in run.stdout + run.stderr
