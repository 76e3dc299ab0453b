"""Ctrl-C or SIGTERM while `--resume` loads the session's modules: the "Getting the interview ready…" spinner is
stopped before the exit message, not drawn again after it as the last line left on the terminal (sweep25 S3). The
load is slowed here (a `sitecustomize` on the child's path sleeps in the import of agent.cli_run and leaves a file
when it starts), so the stop lands in it every time. A SIGTERM's line names it ("Interrupted" read as if the user
had pressed Ctrl-C). Real pty."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_session_tty import PATIENCE, REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
SLOW_IMPORT = """
import importlib.abc, os, sys, time
class _Slow(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "agent.cli_run":
            sys.meta_path.remove(self)
            open(os.environ["SLOW_IMPORT_MARK"], "w").close()
            for _ in range(3000):  # 30 s of import work, in steps (a signal is handled between them)
                time.sleep(0.01)
        return None
sys.meta_path.insert(0, _Slow())
"""


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stop_while_a_resume_loads_leaves_no_spinner_behind(
    isolated_data_dir: Path, tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    saved = subprocess.run([sys.executable, "-m", "agent.session", *ARGS], input="I cut pages from 40 to 9 a week.\n",
                           capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ))  # fmt: skip
    assert saved.returncode == 3, saved.stdout + saved.stderr  # one answer saved, the script ran out
    hook = tmp_path / "slow"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_IMPORT, encoding="utf-8")
    mark = tmp_path / "loading"
    term = Terminal(["--resume"], extra_env={"PYTHONPATH": str(hook), "SLOW_IMPORT_MARK": str(mark)})
    try:
        term.wait_for_mark(mark, PATIENCE)
        term.wait_for("Getting the interview ready")
        term.proc.send_signal(sig)
        exited = term.proc.wait(timeout=PATIENCE)
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert exited == code, screen[-1500:]
    assert "kept as it was" in screen, screen[-1500:]
    if sig == signal.SIGTERM:  # another program stopped it, not the user's keys: said so (sweep 38 S111's remark)
        assert "Stopped by a signal (SIGTERM) before the session resumed" in screen, screen[-1500:]
        assert "Interrupted" not in screen, screen[-1500:]
    after = screen.split("kept as it was")[1]
    assert "Getting the interview ready" not in after, repr(after)
