"""A document with a very long run of one character (a line of brackets, spaces or digits, as a broken export or a
pasted hex dump leaves) is read in a moment, and what follows it is still found where it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from knowledge.ingest import ingest_text

STORY = (
    "## Cutting the nightly batch\n\n"
    "Our nightly batch ran for six hours and blocked the morning reports. I profiled it, found two joins that "
    "re-read the same table, and rewrote them as one pass. The run fell to forty minutes and the reports were "
    "ready before anyone came in.\n"
)


def test_long_runs_of_one_character_do_not_hang_ingest(tmp_path: Path) -> None:
    # Each of these lines kept the readers' patterns busy for minutes (tried again from every position of the line).
    hostile = ["[" * 200_000, " " * 100_000 + "x", "1" * 100_000]
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n" + "\n\n".join(hostile) + "\n\n" + STORY, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(notes), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Cutting the nightly batch" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_story_after_a_long_run_keeps_its_line() -> None:
    text = "# Notes\n\n" + "=" * 50_000 + "\n\n" + STORY
    result = ingest_text(text, "notes.md")
    [story] = [s for s in result.stories if "nightly batch" in s.title]
    assert story.line == 5  # the heading's line in the file: the run was shortened, no line moved
