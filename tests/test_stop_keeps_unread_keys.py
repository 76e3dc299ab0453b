"""A stop while the session gets ready keeps the draft typed at the question on screen, also the keys no prompt has
read yet (sweep24 S3: SIGTERM / SIGHUP then dropped a draft, or kept it cut short, e.g. "... bill by " of "... bill
by 35 percent.", on a busy machine).

The keys are typed while the first prompt cannot read them: prompt_toolkit's import is slowed here (a
`sitecustomize` on the child's path sleeps in it and leaves a file when it starts), so the stop lands there every
time, with the whole draft still in the terminal's input queue, as a loaded machine left it. Real pty, real signals,
`--resume` finishes the kept draft."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent.cli_unread import as_text
from tests.test_early_answer_durable import _reported_answers
from tests.test_first_draft_kept import ARGS, DRAFT, _resume_and_finish, _run
from tests.test_session_tty import PATIENCE, REPO, Terminal

SLOW_IMPORT = """
import importlib.abc, os, sys, time
class _Slow(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "prompt_toolkit":
            sys.meta_path.remove(self)
            open(os.environ["SLOW_IMPORT_MARK"], "w").close()  # the first prompt is being built: keys wait
            for _ in range(24000):  # 240 s of import work (PATIENCE), in steps (a signal is handled between)
                time.sleep(0.01)
        return None
sys.meta_path.insert(0, _Slow())
"""


def _slow_prompt(tmp_path: Path) -> tuple[dict[str, str], Path]:
    hook = tmp_path / "slow-prompt"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_IMPORT, encoding="utf-8")
    mark = tmp_path / "building-the-prompt"
    return {"PYTHONPATH": str(hook), "SLOW_IMPORT_MARK": str(mark)}, mark


def _stopped_before_the_prompt(tmp_path: Path, keys: str, sig: signal.Signals) -> tuple[int, str]:
    """Type `keys` at question 1 while the first prompt is being built, wait until the terminal holds them all (no
    prompt takes them), then send `sig`: the exit code and the screen."""
    env, mark = _slow_prompt(tmp_path)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for("Question 1/2")
        term.wait_for_mark(mark)
        term.type(keys)
        deadline = time.monotonic() + PATIENCE
        while term.queued() < len(keys.encode()):  # all of it reached the terminal; no prompt takes it
            assert time.monotonic() < deadline, term.queued()
            time.sleep(0.01)
        term.proc.send_signal(sig)
        exited = term.proc.wait(timeout=PATIENCE)
        term.drain()
        return exited, term.text()
    finally:
        term.close()


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_a_draft_still_in_the_terminal_queue_is_kept_at_a_stop(
    isolated_data_dir: Path, tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    exited, screen = _stopped_before_the_prompt(tmp_path, DRAFT, sig)
    assert exited == code, screen[-1500:]
    assert "Traceback" not in screen
    if sig != signal.SIGHUP:  # after a hang-up nothing is shown
        assert "draft you had typed is kept" in screen and "nothing was saved" not in screen, screen[-1500:]
    listed = _run("--list-sessions")
    assert "draft kept" in listed.stdout, listed.stdout
    _resume_and_finish(isolated_data_dir)


def test_the_keys_read_back_are_the_text_they_type() -> None:
    assert as_text("I cut the bill by 35 percent.") == "I cut the bill by 35 percent."
    assert as_text("line one\rline two\r\nthree") == "line one\nline two\nthree"
    assert as_text("typo\x7f\x7fed") == "tyed"
    assert as_text("\x1b[200~pasted\x1b[201~ and \x1b[Darrows\x1b\r") == "pasted and arrows"
    assert as_text("bell\x07 nul\x00 tab\tend\x04") == "bell nul tab\tend"


def test_without_a_terminal_there_is_nothing_to_read_back() -> None:
    run = subprocess.run([sys.executable, "-c", "from agent.cli_unread import unread_text; print(repr(unread_text()))"],
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=REPO, timeout=60)  # fmt: skip
    assert run.stdout.strip() == "''", run.stdout + run.stderr


ANSWER = "I got four teams to adopt trunk-based delivery; lead time fell from 12 days to 3 in a quarter."


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_answer_submitted_in_keys_no_prompt_read_yet_is_kept_as_submitted(
    isolated_data_dir: Path, tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    """sweep26 S1 (LOST ANSWER): the answer and its Esc Enter were typed, the stop came before the prompt took the
    keys, and the answer was kept as an unsubmitted draft ("Nothing was answered yet"; a scripted resume dropped it)."""
    exited, screen = _stopped_before_the_prompt(tmp_path, ANSWER + "\x1b\r", sig)
    assert exited == code, screen[-1500:]
    assert "Your answer is saved; it is graded when you resume." in screen, screen[-1500:]
    assert "Nothing was answered" not in screen and "draft" not in screen, screen[-1500:]
    resumed = _run("--resume", stdin="/end\n")  # a scripted resume grades it
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert _reported_answers(isolated_data_dir) == [ANSWER]
