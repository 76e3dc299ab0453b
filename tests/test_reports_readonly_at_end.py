"""The reports folder read-only when the last answer is graded (sweep 39 E2): "error: OSError: [Errno 30] …
.<id>.md.<pid>-<hex>.tmp" (exit 1) was all that was said, and a bare `--resume` then found nothing unfinished. Now
one line names the folder, the next says every answer is saved and which resume command writes the report, and a
bare `--resume` finds that session and writes it. A real read-only mount (root only, as tests/test_disk_faults.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_persistence import A1, FAST, run, scripted, session_id


@pytest.fixture
def readonly_reports(isolated_data_dir: Path) -> Iterator[Path]:
    """The data folder, its reports/ a read-only tmpfs (unmounted at the end or by the test)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a read-only tmpfs")
    reports = isolated_data_dir / "reports"
    reports.mkdir(parents=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(reports)], check=False).returncode:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield isolated_data_dir
    finally:
        subprocess.run(["umount", "-l", str(reports)], check=False, capture_output=True)


def test_a_read_only_reports_folder_at_the_end_says_the_answers_are_saved(readonly_reports: Path) -> None:
    ended = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert ended.returncode == 1, ended.stdout + ended.stderr
    sid = session_id(ended.stdout)
    (line,) = ended.stderr.strip().splitlines()
    reports = readonly_reports / "reports"
    assert line == (f"error: the reports folder {reports} cannot be written (a read-only disk or no permission), so "
                    "the report was not written"), line  # fmt: skip
    said = " ".join(ended.stdout.split())
    assert "every answer is saved" in said and f"Once {reports} is writable again" in said, said[-800:]
    assert f"--resume {sid}" in said, said[-800:]
    subprocess.run(["umount", str(reports)], check=True)
    again = run("--resume", stdin="/end\n")  # bare: the finished session whose report is due
    assert again.returncode == 0, again.stdout + again.stderr
    assert (reports / f"{sid}.md").is_file() and (reports / f"{sid}.json").is_file()
    assert "no unfinished session" not in again.stderr
