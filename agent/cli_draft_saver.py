"""The draft typed at the prompt is kept on disk while it is typed, so a kill -9 at any question keeps it.

A stop the program catches (Ctrl-C, Ctrl-D, SIGTERM, a closed terminal) keeps the draft itself (agent.cli_drafts).
A kill -9, an OOM kill or a power cut runs nothing: before this saver, a draft typed at the prompt was gone, and at
question 1 so was the session (newcomer37 N12: the session was neither listed nor resumed with its draft). So the
prompt's text goes into the session's answer journal as it changes: at most every SAVE_EVERY s while keys keep
coming, and SAVE_EVERY s after the last key at the latest. At question 1 the entry carries the stored Context and
the question, as a caught stop's does: the session is listed ("draft kept, nothing answered"), never pruned as
empty, and `--resume` opens the question with the draft in the prompt, even if the database never saw it.

A write the disk refuses (full for a moment, an I/O error) is tried again every SAVE_EVERY s while the prompt is
open and its text is not on disk: one failed write left the draft off disk until the next key, so a kill -9 after
the disk was freed lost it (issue 12). Any other error in the timer is said once and tried again the same way.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from typing import Any

from agent import answer_journal, cli_signals
from agent.cli_busy_keys import SAVE_EVERY
from knowledge.paths import DataDirError


class DraftSaver:
    """Keeps one session's prompt text as its draft (see the module docstring). The prompt calls opened() when it
    starts reading, changed() after each edit, closed() when it ends."""

    def __init__(self, thread_id: str, context: dict[str, Any], question: str = "") -> None:
        self.thread_id = thread_id
        self.context = context  # stored with a first entry: the session can be resumed from the journal alone
        self.question = question
        self._latest = ""  # the prompt's text now
        self._written = ""  # the draft this saver last put in the journal
        self._last = 0.0  # monotonic time of that write
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()  # the latest text and the timer: never held during a write
        self._writing = threading.Lock()  # one write at a time, in the order the texts came
        self._round = 0  # moves on when the prompt closes: a timer of the prompt before never writes after it
        self._noted = False  # an unexpected error of a write was said (once per session)
        self._noting = threading.Lock()  # guards _noted only

    def opened(self, text: str) -> None:
        """The prompt starts with `text` (a draft put back on resume is on disk again before any key)."""
        self.changed(text)

    def changed(self, text: str) -> None:
        """The prompt's text changed: written within SAVE_EVERY s (cheap on the key's path: a timer at most)."""
        with self._lock:
            self._latest = text
            if self._timer is None:
                self._start(max(0.0, self._last + SAVE_EVERY - time.monotonic()))

    def _start(self, delay: float) -> None:
        # under self._lock; a daemon: a stop that leaves through os._exit never waits for it
        timer = threading.Timer(delay, self._due)
        timer.daemon = True
        try:
            timer.start()
        except RuntimeError as exc:  # no thread to be had; kept as the timer, it would stop every later save
            self._say(exc)
            return
        self._timer = timer

    def closed(self, draft: str, stopped: bool) -> None:
        """The prompt ended: `draft` is what stays a draft ("" once it was submitted, which the answer journal
        holds as a move already). After a submit the draft is cleared now. A stop keeps a draft itself, under its
        guard against a second Ctrl-C (agent.cli_drafts): never waited for here, where that guard is not up yet;
        only a draft emptied before the stop is cleared here (the stop keeps none, and the old one would list the
        session as kept)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._round += 1
            self._latest = draft
        if stopped and draft.strip():
            return
        with self._writing:
            self._write_noted(draft)

    def _due(self) -> None:
        with self._lock:
            if self._timer is threading.current_thread():  # a timer closed() could no longer cancel is not ours
                self._timer = None
            text, round_ = self._latest, self._round
        with self._writing:
            if round_ != self._round:  # the prompt closed meanwhile: closed() settled its text
                return
            if self._write_noted(text):
                return
        with self._lock:  # not on disk (a full disk for a moment): tried again while the prompt is open
            if self._timer is None and round_ == self._round:
                self._start(SAVE_EVERY)

    def _write_noted(self, text: str) -> bool:
        """_write(); an error other than the disk's is said once (a bug must not end the saving unsaid) and the
        text counts as not on disk, so it is tried again."""
        try:
            return self._write(text)
        except Exception as exc:  # any bug here: the prompt and the saving go on
            self._say(exc)
            return False

    def _say(self, exc: Exception) -> None:
        """One line on the terminal, once per session: a draft not saved for a reason other than the disk's."""
        with self._noting:  # said from the key's thread or the timer's
            first, self._noted = not self._noted, True
        if not first:
            return
        with contextlib.suppress(Exception):
            sys.stderr.write(f"\r\nThe draft could not be saved ({type(exc).__name__}: {exc}); it is tried again.\r\n")
            sys.stderr.flush()

    def _write(self, text: str) -> bool:
        """Put `text` in the journal as the draft; False when the disk refused it (full, read-only, an I/O error):
        the draft stays in the prompt, and the caller tries again."""
        if text == self._written:
            return True
        try:
            answer_journal.keep_draft(self.thread_id, self.context, text, self.question)
        except (OSError, DataDirError):  # DataDirError: the data folder replaced meanwhile, a disk's refusal too (it
            # is a ValueError: "The draft could not be saved (DataDirError: ...)", stop 42)
            return False
        finally:
            self._last = time.monotonic()
        self._written = text
        draft_on_disk(self.thread_id, text)
        return True


def draft_on_disk(thread_id: str, text: str) -> None:
    """A draft (or none: `text` blank) of the session is on disk now: leaving at once (a third Ctrl-C) says whether
    it is kept and how to resume it (agent.cli_signals.leave_line)."""
    from agent.cli_render import resume_command

    cli_signals.set_draft_kept(resume_command(thread_id) if text.strip() else "")
