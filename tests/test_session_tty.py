"""The interactive prompt in a real pseudo-terminal: multi-line answers, submit keys, /hint and Ctrl-C.

prompt_toolkit only runs on a TTY, so these tests give the CLI one (pty) and type into it.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.cli_input import SUBMIT_HELP

pty = pytest.importorskip("pty")

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]
PROMPT_READY = b"\x1b[?2004h"  # prompt_toolkit turns bracketed paste on when it starts reading keys
# s before a wait gives up: a deadline for a hang, never a measure of speed (CI runs `pytest -n 2` on 2 cores
# beside other work; at load 15 a session start took over 60 s)
PATIENCE = 240.0
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def _own_terminal() -> None:
    # in the child, before exec: a new session whose controlling terminal is the pty on stdin
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _own_terminal_sighup_late() -> None:
    # as _own_terminal, with SIGHUP blocked (the mask survives exec): the process never handles the SIGHUP of a
    # closed terminal, as when its handler has not run yet (a closed terminal fails writes before it sends SIGHUP)
    _own_terminal()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})


class Terminal:
    """A child process on a pty: type keys into it and wait for text on its screen."""

    def __init__(
        self,
        args: list[str],
        controlling: bool = False,
        sighup_late: bool = False,
        columns: int = 100,
        extra_env: dict[str, str] | None = None,
        program: list[str] | None = None,
    ) -> None:
        """controlling: the pty is the child's controlling terminal in a session of its own, as a terminal
        window gives its shell, so closing the master hangs it up (SIGHUP). sighup_late: that SIGHUP is never
        handled (blocked). extra_env: more environment for the child. program: what runs instead of
        `python -m agent.session` (given `args` after it)."""
        self.master, slave = pty.openpty()
        env = dict(os.environ, TERM="xterm", COLUMNS=str(columns), LINES="40", PROMPT_TOOLKIT_NO_CPR="1")
        env.update(extra_env or {})
        self.proc = subprocess.Popen(
            [*(program or [sys.executable, "-m", "agent.session"]), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=REPO,
            env=env,
            close_fds=True,
            preexec_fn=_own_terminal_sighup_late if sighup_late else _own_terminal if controlling else None,
        )
        os.close(slave)
        self.screen = b""
        self.prompts = 0  # prompts seen so far

    def text(self) -> str:
        return ANSI.sub(b"", self.screen).decode("utf-8", errors="replace")

    def wait_for(self, needle: str, timeout: float = PATIENCE) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} not shown; screen:\n{self.text()[-2000:]}")
            if not self._read() and self.proc.poll() is not None:
                raise AssertionError(f"{needle!r} not shown before exit; screen:\n{self.text()[-2000:]}")

    def _read(self) -> bool:
        """Read what the child printed in the next 0.2 s; False when nothing came."""
        ready, _, _ = select.select([self.master], [], [], 0.2)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the child closed the terminal
            return False
        self.screen += data
        return bool(data)

    def wait_for_prompt(self, after: str | None = None) -> None:
        """Wait until a new prompt reads keys (it switches bracketed paste on): keys typed earlier would
        reach a terminal still in line mode. `after`: text to see on the screen first (e.g. "Question 2/3")."""
        if after is not None:
            self.wait_for(after)
        deadline = time.monotonic() + PATIENCE
        seen = self.prompts
        while self.screen.count(PROMPT_READY) <= seen:
            assert time.monotonic() < deadline, f"no prompt; screen:\n{self.text()[-2000:]}"
            self._read()
        self.prompts = self.screen.count(PROMPT_READY)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def type_seen(self, keys: str, timeout: float = PATIENCE) -> None:
        """Type keys and wait until the prompt has echoed them all (they are in its buffer, not the terminal's
        input queue): a fixed sleep was not enough under load."""
        start = len(self.screen)
        self.type(keys)
        deadline = time.monotonic() + timeout
        while keys not in ANSI.sub(b"", self.screen[start:]).decode("utf-8", errors="replace"):
            if time.monotonic() > deadline:
                raise AssertionError(f"{keys!r} not echoed; screen:\n{self.text()[-2000:]}")
            if not self._read() and self.proc.poll() is not None:
                raise AssertionError(f"{keys!r} not echoed before exit; screen:\n{self.text()[-2000:]}")

    def submit(self, answer: str) -> None:
        """Type an answer and submit it (Esc+Enter)."""
        self.type(answer + "\x1b\r")

    def wait_for_mark(self, mark: Path, patience: float = PATIENCE) -> None:
        """Wait until the child creates `mark` (tests/slow_hook.py: the slowed call has begun), reading its screen."""
        deadline = time.monotonic() + patience
        while not mark.exists():
            assert time.monotonic() < deadline and self.proc.poll() is None, self.text()[-1500:]
            self._read()

    def wait_delivered(self, sig: int, patience: float = PATIENCE) -> None:
        """Wait until the kernel has handed `sig` (sent by the test) to the child: no longer pending in
        /proc/<pid>/status, its handler runs at the child's next Python step (a paused slow_call checks every 10 ms).
        A fixed sleep did not make that certain under load: a child not scheduled yet still had the signal pending
        when the test went on, and two signals sent apart reached it as one."""
        bit = 1 << (sig - 1)
        status = Path(f"/proc/{self.proc.pid}/status")
        deadline = time.monotonic() + patience
        while self.proc.poll() is None:
            try:
                fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            except OSError:  # it exited meanwhile
                return
            if not (int(fields["SigPnd"], 16) | int(fields["ShdPnd"], 16)) & bit:
                return
            assert time.monotonic() < deadline, f"signal {sig} still pending; screen:\n{self.text()[-1500:]}"
            time.sleep(0.005)

    def queued(self) -> int:
        """Bytes typed into the child's terminal and not read by it yet (its input queue, seen from its own side).
        0 once it exited.

        Keys written to the pty reach that queue a moment later (a kernel worker moves them), so right after a
        write FIONREAD alone said 0 for keys still on their way (33 of 200 tries here, stop 42). A poll() of the
        child's side first waits for that move when the queue is empty (Linux's n_tty_poll flushes the pty's
        pending input): a key typed before this call is then counted here, or was read by the child."""
        try:
            fd = os.open(f"/proc/{self.proc.pid}/fd/0", os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError:
            return 0
        try:
            waiting = select.poll()
            waiting.register(fd, select.POLLIN)
            waiting.poll(0)  # never blocks: it only makes the keys on their way arrive
            return int.from_bytes(fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"), sys.byteorder)
        finally:
            os.close(fd)

    def delivered(self) -> int:
        """Make every key typed so far reach the child's terminal (see queued()) and return how many wait unread:
        a key is then in its input queue or read by the child, as after a person's typing (a fixed 0.5 s sleep
        stood here and was not enough under load)."""
        return self.queued()

    def wait_read(self, patience: float = PATIENCE) -> None:
        """Wait until the child has read every key typed so far (queued() is 0; it counts keys still on their
        way, so no pause is needed after a write)."""
        deadline = time.monotonic() + patience
        while self.proc.poll() is None and (queued := self.queued()):
            assert time.monotonic() < deadline, f"{queued} typed bytes never read; screen:\n{self.text()[-1500:]}"
            time.sleep(0.01)

    def wait_started(self, data_dir: Path, patience: float = PATIENCE) -> None:
        """Wait until the session's start is done: the data folder's session database holds its first checkpoint
        (the graph asked question 1; the start hands its step to the prompt at once), reading the screen meanwhile.
        A fixed sleep stood for this ("past the start") and was not enough under load."""
        import sqlite3
        from contextlib import closing

        database = data_dir / "sessions.sqlite"
        deadline = time.monotonic() + patience
        while True:
            assert time.monotonic() < deadline and self.proc.poll() is None, self.text()[-1500:]
            try:
                with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)) as conn:
                    if conn.execute("SELECT 1 FROM checkpoints LIMIT 1").fetchone():
                        return
            except sqlite3.Error:  # not made yet, or its tables not yet
                pass
            self._read()

    def kill_at_mark(self, mark: Path, patience: float = PATIENCE, sig: int = signal.SIGKILL) -> int:
        """Wait for `mark` (wait_for_mark), then send `sig` (kill -9 unless told); the child's exit code."""
        self.wait_for_mark(mark, patience)
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=60)

    def drain(self) -> None:
        """Read what the child still prints, until 0.2 s pass with nothing (it exited, or waits)."""
        while self._read():
            pass

    def said(self) -> str:
        """drain(), then the screen's text with each run of spaces and line breaks as one space."""
        self.drain()
        return " ".join(self.text().split())

    def exit_code(self) -> int:
        return self.proc.wait(timeout=PATIENCE)  # called after the last line was seen: nothing left to read

    def hang_up(self) -> None:
        """Close the terminal (the window is closed): the kernel sends SIGHUP to the child's session."""
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.master >= 0:
            os.close(self.master)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(ARGS)
    yield term
    term.close()


def test_multiline_answer_submitted_with_escape_enter_after_a_hint(terminal: Terminal, isolated_data_dir: Path) -> None:
    terminal.wait_for("Question 1/1")
    assert SUBMIT_HELP in terminal.text()  # the submit keys are on screen
    terminal.wait_for_prompt()
    terminal.type("/hint\r")  # a lone command submits on Enter
    terminal.wait_for_prompt(after="Hint: a sample story")
    terminal.type("I ran the on-call overhaul for four teams.\rPages fell from 40 to 9 a week.\x1b\r")
    terminal.wait_for("Transcript:")
    assert terminal.exit_code() == 0
    (transcript,) = (isolated_data_dir / "reports").glob("*.json")
    turns = json.loads(transcript.read_text(encoding="utf-8"))["turns"]
    assert turns[0]["answer"] == "I ran the on-call overhaul for four teams.\nPages fell from 40 to 9 a week."


def test_ctrl_c_before_any_answer_says_nothing_was_saved(terminal: Terminal) -> None:
    terminal.wait_for_prompt(after="Question 1/1")
    terminal.type("\x03")  # nothing typed either (a draft typed there is kept: tests/test_first_draft_kept.py)
    terminal.wait_for("Nothing was answered yet, so nothing was saved.")
    assert terminal.exit_code() == 130
    assert "Traceback" not in terminal.text() and "--resume" not in terminal.text()


def test_ctrl_d_mid_answer_saves_and_the_session_resumes_with_earlier_answers(isolated_data_dir: Path) -> None:
    term = Terminal([*ARGS[:-4], "--questions", "2", "--follow-ups", "0"])
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type("I cut the on-call load from 40 pages a week to 9 in a quarter.\x1b\r")
        term.wait_for_prompt(after="Question 2/2")
        term.type("half an ans\x04")
        term.wait_for("-m agent.session --resume")
        assert term.exit_code() == 0
        assert "Traceback" not in term.text()
    finally:
        term.close()
    resumed = subprocess.run(
        [sys.executable, "-m", "agent.session", "--resume"], input="The second answer, in full.\n",
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert resumed.returncode == 0, resumed.stderr
    (transcript,) = (isolated_data_dir / "reports").glob("*.json")
    answers = [t["answer"] for t in json.loads(transcript.read_text(encoding="utf-8"))["turns"]]
    assert answers == ["I cut the on-call load from 40 pages a week to 9 in a quarter.", "The second answer, in full."]
