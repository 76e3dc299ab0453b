"""sweep32 S5: a --checkpointer file on a read-only disk (the data folder writable) was refused as "the data folder
<the checkpointer's folder> is read-only ... point INTERVIEWER_DATA_DIR at a writable folder": not the data folder,
and changing INTERVIEWER_DATA_DIR changes nothing. The line names the session database and --checkpointer. A real
read-only disk: a small tmpfs remounted ro (root only, as tests/test_disk_faults.py); the CLI in a subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.test_disk_faults import small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_persistence import A1, FAST, run, scripted


@pytest.mark.parametrize("kind", ["own database", "new file name"])
def test_a_checkpointer_on_a_read_only_disk_names_the_checkpointer(
    small_disk: Path,  # noqa: F811
    tmp_path: Path,
    kind: str,
) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data")}  # writable
    database = small_disk / ("own.sqlite" if kind == "own database" else "fresh.sqlite")
    if kind == "own database":
        made = run(*FAST, "--questions", "2", "--checkpointer", str(database), stdin=scripted(A1), env=env)
        assert made.returncode == 3, made.stdout + made.stderr
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    done = run(*FAST, "--questions", "1", "--checkpointer", str(database), stdin=scripted(A1), env=env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"the session database {database} is in a folder that cannot be written" in done.stderr, done.stderr
    assert "--checkpointer" in done.stderr and "INTERVIEWER_DATA_DIR" not in done.stderr, done.stderr
