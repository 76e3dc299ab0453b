"""The reports folder read-only when the last answer is graded (sweep 39 E2): "error: OSError: [Errno 30] …
.<id>.md.<pid>-<hex>.tmp" (exit 1) was all that was said, and a bare `--resume` then found nothing unfinished. Now
one line names the folder, the next says every answer is saved and which resume command writes the report, and a
bare `--resume` finds that session and writes it. A real read-only mount (root only, as tests/test_disk_faults.py),
made while the session runs (tests/slow_hook.py holds it as the answer is journalled)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.slow_hook import release, slow_call
from tests.test_persistence import A1, FAST, REPO, run, scripted, session_id


@contextmanager
def mount_readonly(folder: Path) -> Iterator[None]:
    """`folder` (made already) is a read-only tmpfs until the end (skipped where no tmpfs can be mounted)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a read-only tmpfs")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], check=False).returncode:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


@pytest.fixture
def readonly_reports(isolated_data_dir: Path) -> Iterator[Path]:
    """The data folder, its reports/ a read-only tmpfs before the session starts."""
    reports = isolated_data_dir / "reports"
    reports.mkdir(parents=True)
    with mount_readonly(reports):
        yield isolated_data_dir


def test_a_read_only_reports_folder_at_the_end_says_the_answers_are_saved(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    # read-only from the moment the answer goes to the answer journal (one read-only before the start is refused
    # then: tests/test_reports_readonly_refused_at_start.py)
    env, mark = slow_call(tmp_path / "hook", "agent.answer_journal", "record", seconds=60)
    reports = isolated_data_dir / "reports"
    reports.mkdir(parents=True)
    answers = tmp_path / "answers.txt"
    answers.write_text(scripted(A1), encoding="utf-8")
    with answers.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-m", "agent.session", *FAST, "--questions", "1"], stdin=stdin,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env={**os.environ, **env},
        )  # fmt: skip
    deadline = time.monotonic() + 120
    while not mark.exists():
        assert time.monotonic() < deadline and proc.poll() is None, "the answer never reached the journal"
        time.sleep(0.05)
    try:
        with mount_readonly(reports):
            release(mark)
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 1, out + err
            sid = session_id(out)
            (line,) = err.strip().splitlines()
            assert line == (f"error: the reports folder {reports} cannot be written (a read-only disk or no "
                            "permission), so the report was not written"), line  # fmt: skip
            said = " ".join(out.split())
            assert "every answer is saved" in said and f"Once {reports} is writable again" in said, said[-800:]
            assert f"--resume {sid}" in said, said[-800:]
    finally:
        if proc.poll() is None:
            proc.kill()
    again = run("--resume", stdin="/end\n")  # bare: the finished session whose report is due
    assert again.returncode == 0, again.stdout + again.stderr
    assert (reports / f"{sid}.md").is_file() and (reports / f"{sid}.json").is_file()
    assert "no unfinished session" not in again.stderr
