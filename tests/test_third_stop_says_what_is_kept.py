"""Three stops in a row (Ctrl-C, or a SIGTERM then two Ctrl-C) leave at once (the third does not wait for the first
stop's save line), and the line they leave with says what stopped the session and what is kept: a draft typed at the
prompt is on disk (agent.cli_draft_saver), so the line says so with the resume command, at question 1 with nothing
answered as at a follow-up. Sweep 38 S111: at question 1 it said only "Interrupted." over a kept draft; at a follow-up
only "Session saved."; after a SIGTERM it said "Interrupted." The first stop's own save is held (tests/slow_hook.py)
so the second and third stop land in it every time. Real pty, real answer journal; the resume command printed opens
the session with the draft in the prompt."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_first_draft_kept import _run, _wait_until_started
from tests.test_session_tty import PATIENCE, Terminal
from tests.test_submit_durable_tty import _holds

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "1"]
FIRST = "I split the nightly billing batch into per-region jobs, so a late region no longer held up the rest."
DRAFT = "Unsent so far: the region owners each got a pager rota and"


def _draft_on_disk(pending: Path, term: Terminal) -> None:
    """Until the draft saver has written the draft as typed into the answer journal."""
    deadline = time.monotonic() + PATIENCE
    while not (pending.is_dir() and any(_holds(path, DRAFT) for path in pending.glob("*.json"))):
        assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
        term.drain()


@pytest.mark.parametrize(("where", "held", "first", "code", "said"), [
    ("question 1", "keep_first_draft", signal.SIGINT, 130,
     "Interrupted. The draft you had typed is kept with the session. Resume with:"),
    ("follow-up", "keep_draft", signal.SIGINT, 130,
     "Interrupted. Session saved. The draft you had typed is kept too. Resume with:"),
    # a SIGTERM first (a supervisor), then two Ctrl-C: the line names what stopped it, not "Interrupted."
    ("follow-up", "keep_draft", signal.SIGTERM, 143,
     "Stopped by a signal (SIGTERM). Session saved. The draft you had typed is kept too. Resume with:"),
])  # fmt: skip
def test_three_stops_say_the_draft_is_kept_and_how_to_resume(
    isolated_data_dir: Path, tmp_path: Path, where: str, held: str, first: int, code: int, said: str
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.cli_drafts", held, seconds=60)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        if where == "follow-up":
            term.submit(FIRST)
            term.wait_for_prompt(after="Follow-up")
        else:  # the session start beside the prompt is done: the stop takes the path of a started session
            _wait_until_started(isolated_data_dir)
        term.type_seen(DRAFT)
        _draft_on_disk(isolated_data_dir / "pending", term)
        term.proc.send_signal(first)
        term.wait_for_mark(mark)  # the first stop keeps the draft (held here): the next two Ctrl-C leave at once
        term.proc.send_signal(signal.SIGINT)
        time.sleep(0.05)
        term.proc.send_signal(signal.SIGINT)
        exited = term.proc.wait(timeout=PATIENCE)
        screen = term.said()
    finally:
        term.close()
    assert exited == code, screen[-1500:]
    assert said in screen, screen[-1500:]
    assert "Traceback" not in screen, screen[-1500:]
    (session,) = set(re.findall(r"--resume (\S+-director-\w+)", screen))
    assert session in _run("--list-sessions").stdout
    resumed = Terminal(["--resume", session])
    try:
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(DRAFT)  # the prompt starts with it
        resumed.type(" a runbook.\x1b\r")
        resumed.wait_for_prompt()  # the next question or follow-up
        resumed.type("/end\r")
        resumed.wait_for("Transcript:")
        assert resumed.exit_code() == 0
    finally:
        resumed.close()
