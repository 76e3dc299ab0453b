"""Run a command with a pty as its stdout and stderr, as a user's terminal is, and return all it showed.

For one-shot tools (knowledge.ingest, knowledge.search) whose output on a terminal differs from piped output:
rich draws progress bars and colours only there. Interactive sessions use tests.test_session_tty.Terminal.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_on_a_terminal(args: list[str], env: dict[str, str], timeout: float = 120) -> bytes:
    """The bytes the command wrote to its terminal, until it exits (or `timeout` seconds pass)."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, cwd=REPO, env=env)
    os.close(slave)
    screen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=10)
    os.close(master)
    return screen
