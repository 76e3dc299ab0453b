"""Ctrl-C in the first moments after launch ends quietly: exit 130, no traceback, nothing left behind (sweep N4).

Before the session takes over the signals, Python's default Ctrl-C raised KeyboardInterrupt in the middle of the
module imports and printed a traceback. Driven as a user meets it: the command on a terminal (pty), SIGINT at a
spread of moments once the session's own code runs (it turns the terminal's echo off first thing, to hold keys
typed early); a Ctrl-C while the interpreter itself starts is Python's, before any of our code.
"""

from __future__ import annotations

import signal
import termios
import time
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_session_tty import ARGS, PATIENCE, Terminal


def _session_code_runs(term: Terminal) -> None:
    deadline = time.monotonic() + PATIENCE
    while termios.tcgetattr(term.master)[3] & termios.ECHO:
        assert time.monotonic() < deadline and term.proc.poll() is None, "the session never held the keys"
        time.sleep(0.002)


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2, 0.35])
def test_ctrl_c_right_after_launch_exits_130_without_a_traceback(isolated_data_dir: Path, delay: float) -> None:
    term = Terminal(ARGS)
    try:
        _session_code_runs(term)
        time.sleep(delay)
        term.proc.send_signal(signal.SIGINT)
        code = term.proc.wait(timeout=60)
        term.drain()
        screen = term.text()
        echo = bool(termios.tcgetattr(term.master)[3] & termios.ECHO)  # the keys held at launch are given back
    finally:
        term.close()
    assert "Traceback" not in screen and "KeyboardInterrupt" not in screen, screen[-1500:]
    assert code == 130, (code, screen[-1500:])
    assert "nothing was saved" in screen
    assert echo


def _ctrl_c_at_mark(env: dict[str, str], mark: Path) -> tuple[int, str, bool]:
    """Launch with a slow_hook held open, send Ctrl-C once its mark appears: exit code, screen, echo given back."""
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_mark(mark)
        term.proc.send_signal(signal.SIGINT)
        code = term.proc.wait(timeout=60)
        term.drain()
        return code, term.text(), bool(termios.tcgetattr(term.master)[3] & termios.ECHO)
    finally:
        term.close()


def test_ctrl_c_while_the_signal_handlers_are_installed_exits_130_without_a_traceback(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """Stop 33's CI: a Ctrl-C while cli_signals.install() waited for its terminal watcher's thread to start raised
    KeyboardInterrupt out of install() (a traceback). The thread's start is held open here (tests.slow_hook) and the
    Ctrl-C sent then: it leaves as a Ctrl-C while the modules load does."""
    env, mark = slow_call(tmp_path / "hook", "agent.cli_signals", "threading.Thread.start",
                          "args[0].name == 'terminal-watch'", seconds=3)  # fmt: skip
    code, screen, echo = _ctrl_c_at_mark(env, mark)
    assert "Traceback" not in screen and "KeyboardInterrupt" not in screen, screen[-1500:]
    assert code == 130, (code, screen[-1500:])
    assert "nothing was saved" in screen
    assert echo


def test_ctrl_c_the_moment_the_echo_goes_off_gives_the_echo_back(isolated_data_dir: Path, tmp_path: Path) -> None:
    """Stop 36's CI: a Ctrl-C that came as the launch turned the terminal's echo off, before the settings to give
    back were noted, left the terminal without echo. The call that turns it off is held open once it has returned
    (tests.slow_hook) and the Ctrl-C sent then."""
    echo_off = "len(args) > 2 and not (args[2][3] & 8)"  # termios.ECHO is 8 on Linux
    env, mark = slow_call(tmp_path / "hook", "termios", "tcsetattr", echo_off, seconds=3, after=True)
    code, screen, echo = _ctrl_c_at_mark(env, mark)
    assert "Traceback" not in screen, screen[-1500:]
    assert code == 130, (code, screen[-1500:])
    assert echo
