"""Keys typed while the session is busy after inviting typing are read by the session, never left to the shell.

A resume's "Getting the interview ready… (you can start typing)" and "The model is grading your answer…" invite
typing while no prompt reads keys. Left in the terminal's input queue, they reached the parent shell as command lines
when the process was killed (kill -9, an OOM kill): an answer line such as `touch x` ran (sweep35 S33, S44). So a
thread reads them as they come (BusyKeys); the next prompt gets them as its typeahead, as if it had read them itself,
and a stop gathers them with the keys still unread (PromptSource.take_unread).

What is read is kept on disk as it comes (TypedKeeper): the text typed as the session's draft in the answer journal,
at most every SAVE_EVERY seconds, and on a resume an answer submitted with Esc Enter as the session's next move at
once (the README promises it is in pending/ before a kill can cost it).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import threading
import time
from collections.abc import Callable
from typing import Any

from agent import answer_journal
from agent.backend import is_postgres
from agent.cli_unread import as_text, submit_at

SAVE_EVERY = 0.5  # s between two draft writes while keys keep coming (a write is an fsync'd rename)
_POLL = 0.05  # s the reader waits for a key before it looks whether it should stop
_SUBMIT = re.compile(rb"\x1b[\r\n]")  # Esc Enter: an answer submitted, kept at once


class BusyKeys:
    """A thread reading the terminal's keys until stop(); `on_keys` is told all keys read so far when they change
    (at most every SAVE_EVERY s, and at once when a submit key arrives). The terminal must be out of line mode
    (agent.cli_input.hold_keys), or an unfinished line would stay unread."""

    def __init__(self, fd: int, on_keys: Callable[[str], None] | None = None) -> None:
        self._fd = fd
        self._on_keys = on_keys
        self._data = b""
        self._told = b""  # the keys on_keys last saw
        self._lock = threading.Lock()
        self._stop = threading.Event()
        # a daemon: a stop that leaves through os._exit never waits for it (it imports nothing while it runs)
        self._thread = threading.Thread(target=self._run, name="busy-keys", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        last = 0.0
        while not self._stop.is_set():
            try:
                ready = select.select([self._fd], [], [], _POLL)[0]
                chunk = os.read(self._fd, 4096) if ready else None
            except (OSError, ValueError):
                return  # the terminal closed: what was read stays for the stop to keep
            if chunk == b"":
                return
            if chunk:
                with self._lock:
                    self._data += chunk
            now = time.monotonic()
            submitted = bool(chunk) and _SUBMIT.search(self._data[-len(chunk or b"") - 1 :]) is not None
            if self._data != self._told and (submitted or now - last >= SAVE_EVERY):
                last = now
                self._tell()

    def _tell(self) -> None:
        if self._on_keys is None:
            return
        with self._lock:
            data = self._data
        self._told = data
        with contextlib.suppress(Exception):  # a full disk: the keys stay in memory for the prompt
            self._on_keys(data.decode("utf-8", errors="replace"))

    def stop(self) -> str:
        """Stop reading; the keys read, as typed."""
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)
        with self._lock:
            return self._data.decode("utf-8", errors="replace")


class TypedKeeper:
    """Keeps the keys typed while `thread_id`'s session is busy: their text as its draft (after the draft it had),
    and with `answers` (a resume getting ready) an answer submitted there as the session's next move. close() puts
    the draft back as it was: the prompt (or the stop's own save) takes the keys from here on."""

    def __init__(self, thread_id: str, answers: bool = False) -> None:
        self.thread_id = thread_id
        self.answers = answers
        entry = answer_journal.load(thread_id)
        self.before = entry.draft if entry is not None else ""
        self.seq: int | None = None  # the move number an answer typed here was kept as
        self.answer = ""  # that answer's text
        self.skip = 0  # keys up to the end of its submit key: kept as a move, never a draft
        self._wrote = False

    def __call__(self, keys: str) -> None:
        if self.answers and self.seq is None and (end := submit_at(keys)) is not None:
            answer = as_text(keys[: end[0]])
            if answer.strip() and (seq := journal_resumed_answer(self.thread_id, answer)) is not None:
                self.seq, self.answer, self.skip = seq, answer, end[1]
        typed = as_text(keys[self.skip :])
        if not typed.strip() and not self._wrote:
            return
        joined = f"{self.before}\n{typed}" if self.before.strip() and typed.strip() else self.before or typed
        answer_journal.keep_draft(self.thread_id, {}, joined)
        self._wrote = True

    def close(self) -> None:
        """The draft as it was before (the keys go to the prompt, or to the stop that keeps them)."""
        if self._wrote:
            with contextlib.suppress(OSError):
                answer_journal.keep_draft(self.thread_id, {}, self.before)
            self._wrote = False


def journal_resumed_answer(thread_id: str, answer: str) -> int | None:
    """An answer (or /skip, /end) submitted with Esc Enter at a resume's "you can start typing" before the session
    opened: kept in the answer journal as the session's next move, graded on resume as an answer submitted while a
    new session got ready is (sweep32 S9). Only for an unfinished session whose registry can be read before it opens
    (the SQLite file, a PostgreSQL server: agent.registry_peek), whose move count says the move's number; that
    number once kept, else None."""
    from agent.cli_early import early_move
    from agent.registry_peek import unfinished_moves

    move = early_move(answer)
    if move is None or (stored := unfinished_moves(thread_id)) is None:
        return None
    entry = answer_journal.load(thread_id)
    seq = stored + (len(entry.missing_from(stored)) if entry is not None else 0)  # after moves kept there already
    try:
        answer_journal.record(thread_id, {}, seq, move)
    except OSError:
        return None
    return seq


def terminal_fd() -> int | None:
    """stdin's descriptor when it is a terminal, else None (nothing to read while busy)."""
    try:
        fd = 0 if os.isatty(0) else None
    except OSError:
        return None
    return fd


def preload() -> Any:
    """The modules the keeper writes with, imported on the main thread before the reader starts (a daemon thread
    frozen at exit inside an import aborts the process): on PostgreSQL its driver too."""
    import agent.cli_early
    import agent.registry_peek
    import agent.resume_pick

    modules: tuple[Any, ...] = (agent.cli_early, agent.registry_peek, agent.resume_pick)
    if is_postgres(os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()):
        with contextlib.suppress(ImportError):  # not installed: refused before any keys are read
            import psycopg

            import agent.store_postgres

            modules += (psycopg, agent.store_postgres)
    return modules
