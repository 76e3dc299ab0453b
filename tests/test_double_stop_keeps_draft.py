"""A second Ctrl-C while the first one keeps the draft typed at question 1 leaves only once the draft is kept
(sweep25 S2: it printed "Interrupted." and left at once; the draft and the session were gone). The draft's write
is slowed here (every fsync of the answer journal takes a second, a `sitecustomize` on the child's path), so the
second Ctrl-C lands inside it every time. Real pty, real files, `--resume` finishes the kept draft."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from tests.test_first_draft_kept import ARGS, DRAFT, _resume_and_finish, _run
from tests.test_session_tty import PATIENCE, Terminal
from tests.test_submit_durable_tty import _holds, _slow_disk


def test_a_second_ctrl_c_while_the_draft_is_kept_waits_for_it(isolated_data_dir: Path, tmp_path: Path) -> None:
    term = Terminal(ARGS, extra_env=_slow_disk(tmp_path))
    pending = isolated_data_dir / "pending"
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT)
        # the draft as typed is on disk already (agent.cli_draft_saver) and no write of it is under way: the next
        # write of it is the stop's own
        deadline = time.monotonic() + PATIENCE
        while not any(_holds(t, DRAFT) for t in pending.glob("*.json")) or any(pending.glob(".*.tmp")):
            assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
            time.sleep(0.01)
        term.proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + PATIENCE
        while not (pending.is_dir() and any(_holds(t, DRAFT) for t in pending.glob(".*.tmp"))):
            assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
            time.sleep(0.002)  # polling a file, not a pause to wait for something
        term.proc.send_signal(signal.SIGINT)  # the impatient second Ctrl-C, while the draft is written
        exited = term.proc.wait(timeout=PATIENCE)
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert exited == 130, screen[-1500:]
    assert "Traceback" not in screen
    assert "draft you had typed is kept" in screen, screen[-1500:]
    assert "draft kept" in _run("--list-sessions").stdout
    _resume_and_finish(isolated_data_dir)
