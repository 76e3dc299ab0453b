"""An answer the screen shows as accepted is on disk already, and a second Ctrl-C waits for that save.

Two stops that came in the instant after Esc Enter (stop 21's open items): a kill -9 the moment the prompt drew the
answer as accepted lost it once in a sweep (the answer journal was written only after the prompt closed), and a
second Ctrl-C between the submit and the save left at once, without the answer. The window is milliseconds wide on
an idle disk; here every fsync of the answer journal takes a second (a slow disk, through a `sitecustomize` on the
child's path), so the stop lands inside it every time. Real pty, real files, `--resume` grades what was kept.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_early_answer_durable import _docs, _reported_answers
from tests.test_postgres import pg_url  # noqa: F401  (the fixture: a fresh database on the test server)
from tests.test_session_tty import PATIENCE, REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."
SECOND = "SECOND-ANSWER: I cut the platform budget by 30% in two quarters, and I owned the plan myself."
SLOW_DISK = '''
import os, time
_fsync = os.fsync
def _slow_fsync(fd):
    try:
        where = os.readlink("/proc/self/fd/%d" % fd)
    except OSError:
        where = ""
    if "/pending/" in where:  # the answer journal's files: a slow disk
        time.sleep(1.0)
    _fsync(fd)
os.fsync = _slow_fsync
'''


def _slow_disk(tmp_path: Path) -> dict[str, str]:
    hook = tmp_path / "slow-disk"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_DISK, encoding="utf-8")
    return {"PYTHONPATH": str(hook)}


def _at_second_question(tmp_path: Path, checkpointer: str = "") -> Terminal:
    extra = ["--checkpointer", checkpointer] if checkpointer else []
    term = Terminal([*ARGS, *extra], extra_env=_slow_disk(tmp_path))
    term.wait_for_prompt(after="Question 1/3")
    term.submit(FIRST)
    term.wait_for_prompt(after="Question 2/3")
    return term


def _holds(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # renamed into place meanwhile
        return False


def _holds_answer(path: Path, text: str) -> bool:
    """The journal file holds `text` as a submitted move, not as the draft typed before it (agent.cli_draft_saver
    writes the prompt's text through the same journal while it is typed)."""
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # renamed into place meanwhile, or not all written yet
        return False
    return any(text in str(move.get("text", "")) for move in body.get("moves", {}).values())


def _resumed_answers(data_dir: Path, *args: str) -> list[str]:
    resumed = subprocess.run([sys.executable, "-m", "agent.session", "--resume", *args], input="/end\n", text=True,
                             capture_output=True, cwd=REPO, timeout=120)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    return _reported_answers(data_dir)


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_kill_the_moment_the_answer_is_drawn_as_accepted_keeps_it(
    isolated_data_dir: Path, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    # Postgres (sweep22 S1's variant there, 3 of 3 lost at 0-10 ms) kept no answer journal at all before
    url = str(request.getfixturevalue("pg_url")) if backend == "postgres" else ""
    term = _at_second_question(tmp_path, url)
    thread_id = re.search(r"Session: (\S+)", term.text()).group(1)  # type: ignore[union-attr]
    try:
        seen = term.text().count("SECOND-ANSWER")
        term.submit(SECOND)
        deadline = time.monotonic() + PATIENCE
        while term.text().count("SECOND-ANSWER") < seen + 2:  # typed, then drawn again as accepted
            assert time.monotonic() < deadline, term.text()[-1500:]
            term._read()
        term.proc.kill()  # kill -9 at once: nothing after the drawing runs
        term.proc.wait(timeout=10)
    finally:
        term.close()
    where = ["--checkpointer", url] if url else []
    assert _resumed_answers(isolated_data_dir, thread_id, *where) == [FIRST, SECOND]


def test_a_kill_the_moment_an_early_answer_is_drawn_as_accepted_keeps_it(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    # sweep22 S1's variant: submitted at question 1 while the session still gets ready (a cold index of 400
    # documents), kill -9 as the answer is drawn: the whole session was gone, the answer left in a temp file
    term = Terminal([*ARGS, "--docs", str(_docs(tmp_path, 400))], extra_env=_slow_disk(tmp_path))
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        deadline = time.monotonic() + PATIENCE
        while term.text().count("trunk-based") < 2:  # typed, then drawn again as accepted
            assert time.monotonic() < deadline, term.text()[-1500:]
            term._read()
        term.proc.kill()
        term.proc.wait(timeout=10)
    finally:
        term.close()
    assert _resumed_answers(isolated_data_dir)[:1] == [FIRST]


def test_a_kill_while_the_answer_is_written_keeps_it(isolated_data_dir: Path, tmp_path: Path) -> None:
    # kill -9 between writing the journal's temp file and renaming it into place: the temp file stayed for good
    # and the answer in it was lost (sweep22 S1, "never renamed, ignored by resume and never cleaned up")
    term = _at_second_question(tmp_path)
    pending = isolated_data_dir / "pending"
    try:
        term.submit(SECOND)
        deadline = time.monotonic() + PATIENCE
        while not (pending.is_dir() and any(_holds_answer(t, "SECOND-ANSWER") for t in pending.glob(".*.tmp"))):
            # written, in its (slow) fsync: a temp file only created, not yet written, holds no answer to keep
            assert time.monotonic() < deadline, term.text()[-1500:]
            time.sleep(0.002)
        term.proc.kill()
        term.proc.wait(timeout=10)
    finally:
        term.close()
    assert _resumed_answers(isolated_data_dir) == [FIRST, SECOND]
    assert not list(pending.glob(".*.tmp")) if pending.is_dir() else True


def test_a_second_ctrl_c_while_the_answer_is_saved_waits_for_the_save(isolated_data_dir: Path, tmp_path: Path) -> None:
    term = _at_second_question(tmp_path)
    pending = isolated_data_dir / "pending"
    try:
        term.submit(SECOND)
        deadline = time.monotonic() + PATIENCE
        while not (pending.is_dir() and any(pending.glob(".*.tmp"))):  # the answer is being written: a slow fsync
            assert time.monotonic() < deadline, term.text()[-1500:]
            time.sleep(0.002)
        term.proc.send_signal(signal.SIGINT)
        time.sleep(0.05)
        term.proc.send_signal(signal.SIGINT)
        exited = term.proc.wait(timeout=PATIENCE)
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert exited == 130, screen[-1500:]
    assert "Traceback" not in screen and "terminate called" not in screen, screen[-1500:]
    assert _resumed_answers(isolated_data_dir) == [FIRST, SECOND]


def test_a_second_stop_while_holding_waits_for_the_answer_then_the_first_stop_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The window after the prompt closed (the process's own SIGINT handler again) and before the session store
    # holds the answer is too short to hit from outside: the handler is driven directly here. Once it is saved,
    # the first stop runs (its save line and resume command; leaving there said only "Interrupted.", sweep 38
    # S104): tests/test_double_stop_during_first_index_build.py drives it in a pty.
    from agent import cli_signals

    left: list[int] = []

    def leave(code: int) -> None:
        left.append(code)
        raise SystemExit(code)

    monkeypatch.setattr(cli_signals.os, "_exit", leave)
    for name, value in (("_interrupts", 0), ("_holding", False), ("_pending", False), ("_leave", False),
                        ("_stop_code", None), ("_deadline", None), ("_ended", False), ("_stop_due", False),
                        ("_retry", None)):  # fmt: skip  (restored after: a stop left due would stop a later test)
        monkeypatch.setattr(cli_signals, name, value, raising=False)
    cli_signals.hold()  # Esc Enter: the answer is on its way to disk
    cli_signals.on_interrupt(signal.SIGINT, None)  # the first Ctrl-C waits
    cli_signals.on_interrupt(signal.SIGINT, None)  # the second too
    assert left == []
    with pytest.raises(KeyboardInterrupt):
        cli_signals.release()  # saved: now the first stop runs, and does not leave before its lines
    assert left == []
