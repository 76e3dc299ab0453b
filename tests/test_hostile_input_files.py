"""--jd and --answers take regular files of sane size; anything else is refused in one line, exit 2 (sweep N5, N8).

`--jd /dev/zero` exhausted memory, `--jd` on a named pipe hung for ever, and an --answers file had no size bound.
Driven as a user runs it (subprocess); an address-space limit keeps a regression from taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # 3 GB: reading /dev/zero whole fails fast


@pytest.mark.parametrize("flag", ["--jd", "--answers"])
@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "huge"])
def test_a_file_flag_refuses_what_is_not_a_sane_regular_file(tmp_path: Path, flag: str, kind: str) -> None:
    if kind == "device":
        path = Path("/dev/zero")
    elif kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif kind == "folder":
        path = tmp_path
    else:
        path = tmp_path / "huge.md"
        path.write_text(("- Led a platform migration for six teams.\n" * 150_000), encoding="utf-8")  # ~6.3 MB
    done = subprocess.run([sys.executable, "-m", "agent.session", *ARGS, flag, str(path)], input="/end\n",
                          capture_output=True, text=True, cwd=REPO, timeout=60, preexec_fn=_limited)  # fmt: skip
    assert done.returncode == 2, done.stdout[-500:] + done.stderr[-500:]
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {flag} {path}: ")
    assert ("not a regular file" in line) if kind != "huge" else ("bytes;" in line and "is under" in line)
    assert "Question 1" not in done.stdout
