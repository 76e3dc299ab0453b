"""`knowledge.ingest --index DIR` where nothing can be written (a read-only disk) fails in one line, exit 1, and never
says the index is ready (sweep23 S2: "index not saved" then "story index ready in DIR", rc 0, and no DIR). A real
read-only disk: a small tmpfs remounted ro (root only, as tests/test_disk_faults.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.pty_run import REPO
from tests.test_disk_faults import small_disk  # noqa: F401  (small_disk is a fixture)

STORY = (
    "## Cutting the nightly batch window\n\n**Situation:** The nightly batch ran past 7 am twice a week.\n"
    "**Task:** I owned its schedule.\n**Action:** I split the largest job in three and ran them in parallel.\n"
    "**Result:** The batch has finished by 5 am every night since.\n"
)


def test_an_index_that_cannot_be_written_is_a_failure_not_ready(small_disk: Path, tmp_path: Path) -> None:  # noqa: F811
    doc = tmp_path / "bank.md"
    doc.write_text(STORY, encoding="utf-8")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(doc), "--index", str(small_disk / "idx")],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=180, check=False,
    )  # fmt: skip
    assert run.returncode == 1, run.stdout + run.stderr
    assert "ready" not in run.stdout
    assert f"error: could not save the story index in {small_disk / 'idx'}" in run.stderr, run.stderr
    assert "Read-only file system" in run.stderr
    assert "Cutting the nightly batch window" in run.stdout  # what was read is still shown
