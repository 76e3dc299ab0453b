"""How the terminal session stops on a signal: Ctrl-C (SIGINT) and a closed terminal (SIGHUP) alike.

Both raise KeyboardInterrupt in the main thread, so the session takes one path: every submitted answer is
already in the session store, the session is released and `--resume` picks it up. A second signal leaves at
once. After a hang-up nothing can be shown any more (writes to a hung-up terminal fail with EIO), so the
output goes to /dev/null before the session saves, and the process exits 129 (128 + SIGHUP) instead of 130.
"""

from __future__ import annotations

import contextlib
import os
import signal
from typing import Any

EXIT_HANGUP = 128 + signal.SIGHUP

_installed = False  # set by install(): the process ends right after main() returns
_interrupts = 0  # Ctrl-C presses and hang-ups seen
_hung_up = False


def install() -> None:
    """Take over SIGINT and SIGHUP for the command line (not for tests that call main() in-process)."""
    global _installed
    _installed = True
    signal.signal(signal.SIGINT, on_interrupt)
    signal.signal(signal.SIGHUP, on_hangup)


def on_interrupt(signum: int, frame: Any) -> None:
    """First signal: KeyboardInterrupt (save, say how to resume). Second: leave now; every answer is already
    in the session database, and SQLite survives a process that stops mid-write."""
    global _interrupts
    _interrupts += 1
    if _interrupts > 1:
        os.write(2, b"\nInterrupted.\n")
        os._exit(EXIT_HANGUP if _hung_up else 130)
    raise KeyboardInterrupt


def on_hangup(signum: int, frame: Any) -> None:
    """The terminal is gone (window closed, ssh dropped): stop as for Ctrl-C, printing nowhere."""
    global _hung_up
    if not _hung_up:
        _hung_up = True
        _silence()
    on_interrupt(signum, frame)


def _silence() -> None:
    # stdout and stderr (fds 1 and 2) point at /dev/null from now on; stdin stays, so the prompt's own
    # clean-up meets the terminal it set up (and ignores that it is gone).
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, fd)
    os.close(null)


def rearm() -> None:
    """After a Ctrl-C (the prompt may have swapped handlers): the next signal exits at once (command line only)."""
    if _installed:
        signal.signal(signal.SIGINT, on_interrupt)
        signal.signal(signal.SIGHUP, on_hangup)


def check_interrupted() -> None:
    """A Ctrl-C or hang-up that a library swallowed while the session got ready still stops it before the prompt."""
    if _interrupts:
        raise KeyboardInterrupt


def hung_up() -> bool:
    """True once the terminal has hung up."""
    return _hung_up
