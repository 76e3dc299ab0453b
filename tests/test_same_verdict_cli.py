"""Same answer, same verdict, through the real CLI: one answer judged twice by `python -m agent.session`, once in a
quiet process and once in a process whose other threads keep the CPU busy (a server's other sessions, a story
index build, MiniLM embedding ahead), gives the same critique.

The role file's level cue backtracks over a long build id before it finds "my team": a search of some 40 ms, run
with a bound of four times that. The `regex` timeout counts the whole process's CPU, so the busy threads once ran
it out, the cue was skipped and the answer was judged below the level in the busy run only
(knowledge.cue_patterns says why no more).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
# Tries one- and two-character steps over a run of letters and digits before giving up on it: 2^n/2 paths.
SLOW_CUE = r"\b(?:(?:[a-z0-9]|[a-z0-9]{2})+:|my team)\b"
BUILD_ID = "5d0c7e2a9f4b1e8c3a6d0f7b2e9c4a1d5e8f"  # made up; cut to the length this machine needs (_build_id)
# The session in a process of its own, with `burners` other threads burning CPU outside the GIL (large matrix
# products) and the cue bound set to `bound` (several times the slow cue's cost, as 1 s is for a shipped cue).
PROGRAM = """
import runpy, sys, threading, numpy
import knowledge.cue_patterns
burners, bound = int(sys.argv[1]), float(sys.argv[2])
knowledge.cue_patterns.CUE_TIMEOUT_S = bound
stop = threading.Event()
def burn():
    m = numpy.ones((900, 900))
    while not stop.is_set():
        m @ m
threads = [threading.Thread(target=burn) for _ in range(burners)]
for t in threads:
    t.start()
sys.argv = ['agent.session', *sys.argv[3:]]
try:
    runpy.run_module('agent.session', run_name='__main__', alter_sys=True)
finally:  # stopped before the interpreter shuts down (numpy in a thread still running then can crash it)
    stop.set()
    for t in threads:
        t.join()
"""
BURNERS = 6


def _build_id() -> tuple[str, float]:
    """The shortest cut of BUILD_ID whose search costs the slow cue at least 40 ms of CPU here, and that cost."""
    from knowledge.cue_patterns import compiled

    for n in range(22, len(BUILD_ID) + 1):
        started = time.thread_time()
        compiled(SLOW_CUE).search(f"After build {BUILD_ID[:n]} broke, my team")
        cost = time.thread_time() - started
        if cost >= 0.04:
            return BUILD_ID[:n], cost
    return BUILD_ID, cost


def _answer(build_id: str) -> str:
    return (
        f"After build {build_id} broke the nightly export twice, my team and I agreed to freeze merges for a day. "
        "I debugged the config myself that evening and found a stale schema path. We added a check to the "
        "pipeline, and the export has not failed once in the four months since."
    )


def _role(folder: Path) -> Path:
    """The engineering manager's pack with one level cue: the slow one."""
    pack = yaml.safe_load((REPO / "knowledge" / "roles" / "engineering-manager.yaml").read_text(encoding="utf-8"))
    pack["level"]["at"] = [{"pattern": SLOW_CUE, "example": "Together with my team we chose the fix."}]
    path = folder / "slow-cue-manager.yaml"
    path.write_text(yaml.safe_dump(pack, sort_keys=False), encoding="utf-8")
    return path


def _judge(folder: Path, role: Path, answer: str, bound: float, burners: int) -> dict[str, Any]:
    """The critique of `answer` to the session's first question, from the saved report."""
    data = folder / f"burners-{burners}"
    answers = folder / "answers.json"
    answers.write_text(json.dumps([answer]), encoding="utf-8")
    program = [sys.executable, "-c", PROGRAM, str(burners), str(bound)]
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
    build_id, cost = _build_id()
    bound = 4 * cost  # a shipped cue takes microseconds against its 1 s: here the margin is far smaller
    quiet = _judge(tmp_path, role, _answer(build_id), bound, burners=0)
    busy = _judge(tmp_path, role, _answer(build_id), bound, burners=BURNERS)
    assert quiet["level"] == "at", quiet  # the slow cue found "my team" in the quiet run
    assert busy == quiet
