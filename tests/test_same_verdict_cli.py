"""Same answer, same verdict, through the real CLI: one answer judged twice by `python -m agent.session`, once in a
quiet process and once in a process whose other threads keep the CPU busy (a server's other sessions, a story
index build, MiniLM embedding ahead), gives the same critique.

The role file's level cue backtracks over a long build id before it finds "my team": a search of a few tenths of a
second. The `regex` timeout counts the whole process's CPU, so the busy threads once ran it out, the cue was
skipped and the answer was judged below the level in the busy run only (knowledge.cue_patterns says why no more).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
# Tries one- and two-character steps over a run of letters and digits before giving up on it: 2^n/2 paths.
SLOW_CUE = r"\b(?:(?:[a-z0-9]|[a-z0-9]{2})+:|my team)\b"
BUILD_ID = "5d0c7e2a9f4b1e8c3a6d0f7b2e9c4a1d"  # made up; ~0.2-0.4 s of the cue's own CPU at 31 characters
ANSWER = (
    f"After build {BUILD_ID[:31]} broke the nightly export twice, my team and I agreed to freeze merges for a day. "
    "I debugged the config myself that evening and found a stale schema path. We added a check to the pipeline, "
    "and the export has not failed once in the four months since."
)
# Other threads of the same process burning CPU outside the GIL while the session judges (large matrix products).
BUSY = (
    "import runpy, sys, threading, numpy\n"
    "def burn():\n"
    "    m = numpy.ones((900, 900))\n"
    "    while True:\n"
    "        m @ m\n"
    "for _ in range(6):\n"
    "    threading.Thread(target=burn, daemon=True).start()\n"
    "sys.argv = ['agent.session', *sys.argv[1:]]\n"
    "runpy.run_module('agent.session', run_name='__main__', alter_sys=True)\n"
)


def _role(folder: Path) -> Path:
    """The engineering manager's pack with one level cue: the slow one."""
    pack = yaml.safe_load((REPO / "knowledge" / "roles" / "engineering-manager.yaml").read_text(encoding="utf-8"))
    pack["level"]["at"] = [{"pattern": SLOW_CUE, "example": "Together with my team we chose the fix."}]
    path = folder / "slow-cue-manager.yaml"
    path.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    return path


def _judge(folder: Path, role: Path, busy: bool) -> dict[str, Any]:
    """The critique of ANSWER to the session's first question, from the saved report."""
    data = folder / ("busy" if busy else "quiet")
    answers = folder / "answers.json"
    answers.write_text(json.dumps([ANSWER]), encoding="utf-8")
    program = [sys.executable, "-c", BUSY] if busy else [sys.executable, "-m", "agent.session"]
    args = ["--role", str(role), "--offline", "--seed", "4", "--questions", "1", "--follow-ups", "0",
            "--embedder", "hashing", "--answers", str(answers), "--data-dir", str(data)]  # fmt: skip
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    done = subprocess.run([*program, *args], cwd=REPO, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(next((data / "reports").glob("*.json")).read_text(encoding="utf-8"))
    turn = next(t for t in report["turns"] if not t["is_follow_up"])
    critique: dict[str, Any] = turn["critique"]
    return critique


def test_a_busy_process_judges_an_answer_as_a_quiet_one(tmp_path: Path) -> None:
    role = _role(tmp_path)
    quiet = _judge(tmp_path, role, busy=False)
    busy = _judge(tmp_path, role, busy=True)
    assert quiet["level"] == "at", quiet  # the slow cue found "my team" in the quiet run
    assert busy == quiet
