"""`knowledge.ingest --index DIR` where nothing can be written (a read-only disk) fails in one line, exit 2, before any
document is read, and never says the index is ready (sweep23 S2: "index not saved" then "story index ready in DIR",
rc 0, and no DIR; sweep29 S5: a note, an error, then the tables, rc 1). A real read-only disk: a small tmpfs
remounted ro (root only, as tests/test_disk_faults.py); and a folder that cannot be made (under /proc)."""

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
    # one line, rc 2 (bad input), before any document is read: not a "rebuilt next time" note, an error and then the
    # tables, rc 1 (sweep29 S5)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "ready" not in run.stdout and not run.stdout.strip(), run.stdout
    said = f"error: --index {small_disk / 'idx'}: the story index cannot be saved there (Read-only file system)"
    assert run.stderr.strip() == said, run.stderr


def test_an_index_folder_that_cannot_be_made_and_a_missing_path_are_one_line(tmp_path: Path) -> None:
    """sweep29 S5's other shapes: `--index /proc/1/nope` and `knowledge.ingest /nonexistent` printed an error, then an
    empty "Ingested documents" table, rc 1."""
    doc = tmp_path / "bank.md"
    doc.write_text(STORY, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    runs = {
        "proc": [str(doc), "--index", "/proc/1/nope"],
        "missing": [str(tmp_path / "nonexistent")],
    }
    for name, args in runs.items():
        run = subprocess.run([sys.executable, "-m", "knowledge.ingest", *args], capture_output=True, text=True,
                             cwd=REPO, env=env, timeout=180, check=False)  # fmt: skip
        assert run.returncode == 2, (name, run.stdout, run.stderr)
        assert not run.stdout.strip() and len(run.stderr.strip().splitlines()) == 1, (name, run.stdout, run.stderr)
