"""An empty `--checkpointer` or `--data-dir` is refused with one line (sweep 33 S6: `--checkpointer ""` was taken as
the default session file with no notice, so a script's unset variable sent sessions somewhere the user did not ask)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_session_cli import run_cli


@pytest.mark.parametrize("option", ["--checkpointer", "--data-dir"])
def test_an_empty_store_option_is_refused_with_one_line(isolated_data_dir: Path, option: str) -> None:
    run = run_cli("--role", "director", "--embedder", "hashing", option, "", stdin="An answer.\n/done\n")
    assert run.returncode == 2, run.stdout + run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and option in lines[0] and "empty" in lines[0], run.stderr
    assert "Question 1" not in run.stdout
    assert not (isolated_data_dir / "sessions.sqlite").exists()
