"""A --docs path with nothing to read (a named pipe, a folder without notes) is one line and exit 2 before question 1,
as knowledge.ingest says it (sweep 35 N04: the interview started with no stories, exit 0); and a linked folder that
leads out of the notes folder is a `warning:` line, as a linked file out of it is (sweep 35 N03: left out silently)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STORY = "## Story: Cut the build time\n\nS: Builds took 40 minutes.\nA: I split the suite.\nR: Builds take 9 minutes.\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**os.environ, "NO_COLOR": "1"}, stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.mark.parametrize("kind", ["pipe", "empty folder", "folder of skipped entries"])
def test_docs_with_nothing_to_read_stop_the_session_in_one_line(tmp_path: Path, kind: str) -> None:
    docs = tmp_path / "notes.md"
    if kind == "pipe":
        os.mkfifo(docs)
    else:
        docs = tmp_path / "notes"
        docs.mkdir()
        if kind == "folder of skipped entries":
            os.mkfifo(docs / "stories.md")
    done = _run("agent.session", "--role", "director", "--docs", str(docs), "--offline")
    assert done.returncode == 2, done.stdout[-1500:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --docs {docs}"), done.stderr
    assert "nothing to read" in lines[0] and "Question 1" not in done.stdout


def test_one_readable_note_is_enough(tmp_path: Path) -> None:
    docs = tmp_path / "notes"
    docs.mkdir()
    os.mkfifo(docs / "pipe.md")
    (docs / "story.md").write_text(STORY, encoding="utf-8")
    answers = tmp_path / "answers.txt"
    answers.write_text("I split the suite and builds went from 40 minutes to 9.\n", encoding="utf-8")
    done = _run("agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0", "--offline",
                "--docs", str(docs), "--answers", str(answers))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "not a regular file" in done.stdout + done.stderr  # the pipe beside it: a warning, as before


def test_a_linked_folder_out_of_the_notes_is_a_warning(tmp_path: Path) -> None:
    notes, outside = tmp_path / "notes", tmp_path / "elsewhere"
    (notes / "sub").mkdir(parents=True)
    outside.mkdir()
    (notes / "story.md").write_text(STORY, encoding="utf-8")
    (outside / "more.md").write_text(STORY.replace("build time", "deploy time"), encoding="utf-8")
    (notes / "out").symlink_to(outside, target_is_directory=True)
    (notes / "sub" / "up").symlink_to("..", target_is_directory=True)  # leads back inside: read from there
    done = _run("knowledge.ingest", str(notes))
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {notes / 'out'}: a link to the folder {outside}, outside this one; not followed "
                        "(name that folder to read it)"], done.stderr  # fmt: skip
