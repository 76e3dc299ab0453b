"""A history file nested too deep for the json parser (a damaged or hostile summary of 100,000 "[") is skipped with
the note a damaged file gets (sweep 39 X13: agent.progress ended in a RecursionError traceback, and `--focus
weakest` stopped before its first question). Real subprocesses, a real data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_persistence import A1, FAST, run, scripted

NESTED = '{"a": ' + "[" * 100_000


def test_a_deeply_nested_history_file_is_skipped(isolated_data_dir: Path) -> None:
    done = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    nested = isolated_data_dir / "history" / "zz.json"
    nested.write_text(NESTED, encoding="utf-8")
    progress = subprocess.run([sys.executable, "-m", "agent.progress", "--role", "director"], capture_output=True,
                              text=True, timeout=180, env=dict(os.environ))  # fmt: skip
    said = progress.stdout + progress.stderr
    assert progress.returncode == 0, said
    assert "Traceback" not in said and "RecursionError" not in said, said
    assert f"{nested}: not a readable session summary; skipped" in " ".join(said.split()), said
    focused = run(*FAST, "--questions", "1", "--focus", "weakest", stdin=scripted(A1))
    assert focused.returncode == 0, focused.stdout + focused.stderr
    assert "RecursionError" not in focused.stdout + focused.stderr
