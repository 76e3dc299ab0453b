"""sweep 33: the session sets NOFLSH on the terminal while it runs (keys typed before a Ctrl-C are kept, see
agent.cli_input.keys_kept_at_stop) and gave it back only in a `finally`. A path that leaves through os._exit (a second
Ctrl-C while the first keeps the draft, the watchdog) skipped it, so NOFLSH stayed on in the candidate's shell: every
Ctrl-C there afterwards left the half-typed line in place. The draft's write is slowed (tests.test_submit_durable_tty's
slow disk) so the second stop lands inside it every time. Real pty, real files."""

from __future__ import annotations

import signal
import termios
import time
from pathlib import Path

from tests.test_first_draft_kept import ARGS, DRAFT
from tests.test_session_tty import PATIENCE, Terminal
from tests.test_submit_durable_tty import _holds, _slow_disk


def _flags(term: Terminal) -> int:
    return int(termios.tcgetattr(term.master)[3])  # a pty's master shows its terminal's local flags


def test_a_second_ctrl_c_gives_the_terminal_back_as_it_was(isolated_data_dir: Path, tmp_path: Path) -> None:
    term = Terminal(ARGS, extra_env=_slow_disk(tmp_path))
    pending = isolated_data_dir / "pending"
    try:
        before = _flags(term)
        assert not before & termios.NOFLSH
        term.wait_for_prompt(after="Question 1/2")
        assert _flags(term) & termios.NOFLSH  # on while the session runs
        term.type_seen(DRAFT)
        term.proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + PATIENCE
        while not (pending.is_dir() and any(_holds(t, DRAFT) for t in pending.glob(".*.tmp"))):
            assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
            time.sleep(0.002)  # polling a file, not a pause to wait for something
        term.proc.send_signal(signal.SIGINT)  # the second Ctrl-C: leaves (os._exit) once the draft is kept
        exited = term.proc.wait(timeout=PATIENCE)
        term.drain()
        after = _flags(term)
    finally:
        term.close()
    assert exited == 130, term.text()[-1500:]
    assert not after & termios.NOFLSH, term.text()[-1500:]
    assert after == before, (before, after)  # echo and line mode too
