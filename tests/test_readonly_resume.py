"""--resume of an unfinished session on a read-only data folder refuses in one line, exit 2, and says when the resume
will work (sweep: rc 1 and 'Everything answered so far is saved. Resume with: ...', a command that failed the same
way). A real read-only disk: a small tmpfs remounted ro (root only, as tests/test_disk_faults.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_persistence import A1, FAST, run, scripted, session_id


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (a real read-only disk)")
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(mount)]).returncode:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_resuming_an_unfinished_session_on_a_read_only_folder_says_when_it_will_work(small_disk: Path) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(small_disk / "data")}
    done = run(*FAST, "--questions", "2", stdin=scripted(A1), env=env)
    assert done.returncode == 3, done.stderr  # saved at question 2
    sid = session_id(done.stdout)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    again = run("--resume", sid, stdin=scripted("The second answer."), env=env)
    assert again.returncode == 2, again.stdout + again.stderr
    assert "read-only" in again.stderr and "Everything answered so far is saved" not in again.stdout
    assert "once" in again.stdout and "writable again" in again.stdout and f"--resume {sid}" in again.stdout
