"""A y/N question never waits with a stop deferred: Ctrl-C at "Move it aside and start afresh? [y/N]" once found
the process still holding a stop for an accepted answer (the session start's interruption had overtaken the submit,
so nothing lifted the hold) and the question waited for ever. Real pty, real signal handlers, real input()."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time

from tests.test_session_tty import REPO

# the state the race left: the handlers of the session installed, an answer accepted (held), then the question
PROGRAM = (
    "from agent import cli_signals, cli_input\n"
    "cli_signals.install()\n"
    "cli_signals.hold()\n"
    "print('answer:', cli_input.confirm('Move it aside and start afresh? [y/N] '))\n"
)


def test_ctrl_c_at_a_question_asked_while_a_stop_is_held_ends_the_process() -> None:
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", PROGRAM], stdin=slave, stdout=slave, stderr=slave, cwd=REPO)
    os.close(slave)
    screen = b""
    try:
        deadline = time.monotonic() + 120
        while b"[y/N]" not in screen:
            assert time.monotonic() < deadline and proc.poll() is None, screen.decode(errors="replace")
            if select.select([master], [], [], 0.2)[0]:
                screen += os.read(master, 65536)
        proc.send_signal(signal.SIGINT)
        try:
            exited: int | None = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            exited = None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert exited is not None and exited != 0, "the question ignored Ctrl-C"
