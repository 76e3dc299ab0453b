"""Launch figures as a candidate meets them: `python -m agent.session --role director` on a terminal (a pty).

Two times from the moment the process starts: the first question on screen, and the prompt accepting input (the
prompt switches bracketed paste on when it starts reading keys). The sample bank's index is built by one warm-up
launch first, as on a user's second run; MiniLM is the embedder, as by default. That warm-up also writes the
project's bytecode caches, as a user's first run does: PYTHONDONTWRITEBYTECODE, if set where the bench runs, is not
passed on (with it, every launch compiled every project module on its path from source again).
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROMPT_READY = b"\x1b[?2004h"  # prompt_toolkit turns bracketed paste on when it starts reading keys
TIMEOUT_S = 60.0


def _launch_once(env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first question on screen, seconds to the prompt reading keys) for one launch."""
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "agent.session", "--role", "director", "--offline"],
        stdin=slave, stdout=slave, stderr=slave, cwd=REPO, env=env, close_fds=True,
    )  # fmt: skip
    os.close(slave)
    screen, question_at, ready_at = b"", 0.0, 0.0
    try:
        while not ready_at and time.perf_counter() - start < TIMEOUT_S:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                screen += os.read(master, 65536)
            except OSError:
                break
            now = time.perf_counter() - start
            if not question_at and b"?" in screen.split(b"Question 1", 1)[-1] and b"Question 1" in screen:
                question_at = now
            if PROMPT_READY in screen:
                ready_at = now
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    if not ready_at:
        raise RuntimeError(f"no prompt within {TIMEOUT_S:.0f} s; screen ended: {screen[-300:]!r}")
    return question_at or ready_at, ready_at


def launch_env(data: str) -> dict[str, str]:
    """The launched session's environment: a terminal of 100 columns, its own data folder, colours on, and bytecode
    cached as a user's Python caches it (see the module docstring)."""
    env = {**os.environ, "INTERVIEWER_DATA_DIR": data, "TERM": "xterm", "COLUMNS": "100", "LINES": "40",
           "PROMPT_TOOLKIT_NO_CPR": "1"}  # fmt: skip
    env.pop("NO_COLOR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def launch_times(runs: int) -> tuple[list[float], list[float]]:
    """Question-on-screen and prompt-ready times over `runs` launches after one warm-up launch."""
    on_screen: list[float] = []
    accepts: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = launch_env(tmp)
        for i in range(runs + 1):
            shown, reads = _launch_once(env)
            if i:
                on_screen.append(shown)
                accepts.append(reads)
    return on_screen, accepts
