"""The first prompt reads keys while the session starts.

A new interactive session shows its first question before LangGraph is imported (agent.preview). From then on the
candidate can type: the prompt starts at once, and the driver (LangGraph, the session database, the story index,
the critic) starts on a thread beside it.

The start interrupts the prompt only when it has something to show first (a notice, a first question other than
the one previewed, an error); the prompt then comes back below it with the draft as it was. An answer submitted
before the start is done waits for it under a spinner; one typed for a previewed question the graph did not ask
becomes the draft for the graph's question. The first input goes to the interview loop as if the loop had read it.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from agent import answer_journal, cli_signals
from agent.cli_input import PromptSource
from agent.cli_render import Renderer
from agent.context import Context
from agent.storage import StorageError
from agent.whole_answer import keep_over_cap
from knowledge.paths import DataDirError


def early_move(text: str) -> dict[str, str] | None:
    """The move the interview loop will make of `text` (an answer, /skip or /end), or None (another command)."""
    from agent.cli_input import cap_answer, parse_command, without_done
    from agent.safe_text import clean_text

    cleaned, _ = cap_answer(without_done(clean_text(text)))
    command = parse_command(cleaned)
    if command is None:
        return {"kind": "answer", "text": cleaned} if cleaned.strip() else None
    return {"kind": command.name, "text": ""} if command.name in ("skip", "end") else None


class _Ready(Exception):
    """Raised inside the running prompt: the start has something to show (the draft is kept)."""


class EarlyStart:
    """The driver's start on a thread beside the first prompt (see the module docstring)."""

    def __init__(self, context: Context, thread_id: str, shown: str) -> None:
        self.context = context
        self.thread_id = thread_id
        self.shown = shown  # the interviewer's text on screen
        self.driver: Any = None  # kept even when the start fails after it exists, so the caller closes it
        self.step: Any = None
        self.notices: list[str] = []
        self.error: BaseException | None = None
        self.damaged = False  # a damaged session database: the caller asks about it, as a start without us does
        self.abandoned = False  # stopped while the start still ran: its driver is left alone
        self.kept: str | None = None  # the session id once an answer submitted early is in the answer journal
        self.whole_note = ""  # where an answer over the cap submitted early is kept whole (said at a stop)
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._prompt: PromptSource | None = None  # the prompt to interrupt while it reads keys
        # Not a daemon: a daemon frozen at exit inside native import code aborts the process.
        self._thread = threading.Thread(target=self._run, name="session-start", daemon=False)

    def _start(self) -> None:
        from agent import cli_run
        from agent.cli_notices import fresh_notices

        try:
            self.driver = cli_run.new_driver(self.context, self.thread_id)
        except StorageError as exc:
            if exc.problem != "corrupt":
                raise
            self.damaged = True
            return
        self.step = cli_run.started_step(self.driver, resume=False)
        self.notices = fresh_notices(self.step.notices, self.context.docs)

    def _run(self) -> None:
        try:
            self._start()
        except BaseException as exc:  # handed to the main thread, which reports it as the session always did
            self.error = exc
        with self._lock:
            self._done.set()
            if self._prompt is not None and self._needs_showing():
                self._prompt.interrupt(_Ready())

    def _needs_showing(self) -> bool:
        return self.step is None or bool(self.notices) or self.step.text != self.shown

    def _attach(self, prompt: PromptSource) -> None:
        """The prompt reads keys: interrupt it now if the start is done and has something to show."""
        with self._lock:
            if self._done.is_set() and self._needs_showing():
                prompt.interrupt(_Ready())
            else:
                self._prompt = prompt

    def _detach(self) -> None:
        with self._lock:
            self._prompt = None

    def _wait(self, render: Renderer, source: PromptSource) -> None:
        if not self._done.is_set():
            # keys typed under the spinner are read as they come (never left for the shell), the draft of the
            # next question, kept with the session once its first answer is in the answer journal
            with render.waiting("Getting the interview ready…"), source.busy(self._keeper()):
                self._done.wait()
        self._thread.join()

    def _keeper(self) -> Any:
        from agent.cli_busy_keys import TypedKeeper

        if self.kept is None:
            return None
        try:
            return TypedKeeper(self.kept)
        except (OSError, DataDirError):  # DataDirError: the data folder replaced meanwhile (a ValueError, stop 42)
            return None

    def first_input(self, source: PromptSource, render: Renderer) -> tuple[str | None, BaseException | None]:
        """(the candidate's first input, None) read while the session starts, or (None, the Ctrl-C or Ctrl-D that
        stopped it). Either way the start is done when this returns; its notices are on screen, and so is its
        first question when it differs from the preview."""
        draft = ""
        source.on_submit = self._submitted
        try:
            # a stop from here on (the question is on screen) keeps what was typed: even while prompt_toolkit is
            # imported, before the start's thread runs (abandoned below, as a start cut short)
            source.prepare()  # prompt_toolkit is imported before the start competes with it for the interpreter
            self._thread.start()
            while True:
                text: str | None = None
                try:
                    text = source.read(default=draft, pre_run=lambda: self._attach(source))
                except _Ready:
                    draft = source.draft()
                finally:
                    self._detach()
                # a start that failed has no loop to save the answer and lift the hold (a damaged database is
                # asked about next: a hold left on made Ctrl-C at that question wait for ever)
                if text is not None and (not self._done.is_set() or self.step is None):
                    if self.kept is None:  # not written at the submit key (_submitted)
                        self._keep(text)  # durable now, before the wait that Ctrl-C or a kill may cut short
                    cli_signals.release()  # a Ctrl-C held since the submit stops now
                self._wait(render, source)  # interrupted: done already; submitted early: a spinner until it is
                if self.step is None:  # failed: result() says why; a damaged database is asked about first
                    source.keep_draft(text if text is not None else draft)
                    return None, None
                changed = self._show(render)
                if text is not None and (not changed or self.step.kind == "done"):
                    return text, None
                if self.kept:  # typed for a question the graph did not ask: only a draft now
                    self._forget()
                draft = text if text is not None else draft
        except (KeyboardInterrupt, EOFError, OSError) as exc:
            if isinstance(exc, OSError):
                if not cli_signals.terminal_closed():
                    raise
                exc = KeyboardInterrupt()  # the prompt met the closed terminal before its SIGHUP: a hang-up
            if isinstance(exc, KeyboardInterrupt) and not self._done.is_set():
                # Ctrl-C or a hang-up: leave now, not when the index build is done (the process exits without
                # waiting for the start's thread; an answer submitted already is in the answer journal)
                self.abandoned = True
                return None, exc
            self._done.wait()  # the driver it started is closed (and an unanswered session dropped) by the caller
            self._thread.join()
            return None, exc
        finally:
            source.on_submit = None

    def _submitted(self, text: str) -> None:
        """The prompt accepted `text` (an answer, /skip or /end): into the answer journal before the prompt draws
        it as accepted, so a kill at that sight keeps it (the start's thread never writes it meanwhile)."""
        if not self._done.is_set() or self.step is None:  # no session yet, or a start that failed
            self._keep(text)
        elif self.driver is not None and self.step is not None and not self._needs_showing():
            move = early_move(text)
            if move is not None:
                if move["kind"] == "answer":
                    keep_over_cap(self.thread_id, text)  # whole first (sweep28 S8); the loop says where
                self.driver.keep_submitted(move)

    def keep_answer(self, text: str) -> None:
        """An answer submitted before a stop that found its keys unread (PromptSource.submitted_at_stop): kept as
        any answer submitted while the start got ready, graded on resume."""
        if self.kept is None:
            self._keep(text)

    def _keep(self, text: str) -> None:
        """Write an answer (or /skip, /end) submitted before the start is done to the answer journal."""
        move = early_move(text)
        if move is None:
            return
        if move["kind"] == "answer":  # over the cap: kept whole before the journal takes the graded part
            self.whole_note = keep_over_cap(self.thread_id, text)
        try:
            answer_journal.record(self.thread_id, self.context.to_dict(), 0, move, self.shown)
        except (OSError, DataDirError):  # a full or read-only disk (or a replaced data folder): the interview loop
            return  # says so when it saves the answer
        self.kept = self.thread_id

    def _forget(self) -> None:
        with contextlib.suppress(OSError, DataDirError):
            answer_journal.forget_moves(self.thread_id)
        self.kept = None

    def result(self, stopped: BaseException | None) -> tuple[Any, Any]:
        """(driver, first step); (None, None) for a damaged database; raises `stopped` or what the start raised."""
        if stopped is not None:
            raise stopped
        if self.error is not None:
            raise self.error
        return self.driver, self.step

    def _show(self, render: Renderer) -> bool:
        """The start's notices and, when it differs from what is on screen, its first question (then True)."""
        for line in self.notices:
            render.notice(line)
        self.notices = []
        if self.step.kind == "done" or self.step.text == self.shown:
            return False
        if self.step.total:
            render.total = self.step.total
        render.step(self.step)
        self.shown = self.step.text
        return True
