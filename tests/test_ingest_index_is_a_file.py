"""`python -m knowledge.ingest NOTES --index FILE` where FILE is a file (sweep25 S7): one line at once, before any
document is read or embedded. It embedded every story, then said "index not saved (File exists); it will be
rebuilt next time" and "could not save the story index in afile (File exists)", which reads as if the index were
there already, and the next run failed the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTES = REPO / "knowledge" / "samples" / "story-bank.md"


@pytest.mark.parametrize("below", [False, True], ids=["the-file", "a-folder-under-it"])
def test_an_index_path_that_is_a_file_is_said_before_any_work(tmp_path: Path, below: bool) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine\n", encoding="utf-8")
    given = str(afile / "idx") if below else str(afile)
    done = subprocess.run([sys.executable, "-m", "knowledge.ingest", str(NOTES), "--index", given, "--embedder",
                           "hashing"], capture_output=True, text=True, cwd=tmp_path, timeout=240)  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == ""  # nothing was read: no summary of stories found
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --index {given}"), done.stderr
    assert f"{afile} is a file, not a folder: give a folder for the story index" in lines[0], done.stderr
    assert "File exists" not in done.stderr and "rebuilt" not in done.stderr
    assert afile.read_text(encoding="utf-8") == "mine\n"
