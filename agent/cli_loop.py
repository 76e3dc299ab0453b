"""The question/answer loop of the terminal session: read input, run commands, feed answers to the driver.

The driver (agent.driver.InterviewDriver) owns the interview and its saved state; this loop only turns
what the candidate types into driver calls and hands each resulting Step to the renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from agent import cli_signals
from agent.backend import memory_only
from agent.cli_early import early_move
from agent.cli_input import ANSWER_CAP, AnswerSource, Command, cap_answer, parse_command, without_done
from agent.cli_render import UNKNOWN_COMMAND, Renderer, resume_command
from agent.context import Context
from agent.safe_text import clean_text
from agent.storage import StorageError
from agent.whole_answer import keep_over_cap, keep_whole_answer
from knowledge.paths import DataDirError

EMPTY_ANSWER = "Empty answer — please type an answer, or /skip to move on."
RETRY_KEYS = "Free some space, then press Esc then Enter (or type /done)"
BACK_KEYS = "Once the database server answers again, press Esc then Enter (or type /done)"
RETRIED = ("full", "io", "unreachable")  # the problems a terminal session waits out (the others end it)
GRADING = "The model is grading your answer… (it is saved already)"


class InterviewLoop:
    """Drives one interview from its current Step to the final ("done") Step.

    Raises ScriptExhausted, EOFError (Ctrl-D) or KeyboardInterrupt (Ctrl-C) unchanged: the state is
    already saved by the driver's checkpointer, and the caller says how to resume.
    """

    def __init__(
        self,
        driver: Any,
        source: AnswerSource,
        render: Renderer,
        feedback: bool,
    ) -> None:
        self.driver = driver
        self.source = source
        self.render = render
        self.feedback = feedback
        self.deferred: list[dict[str, Any]] = []  # critiques held back while feedback is off
        if hasattr(driver, "on_move_saved"):
            driver.on_move_saved = cli_signals.release  # a Ctrl-C at the submit stops once the answer is saved
        self.shown: list[dict[str, Any]] = []  # critiques already shown after their answer
        if hasattr(source, "on_submit") and hasattr(driver, "keep_submitted"):
            source.on_submit = self._keep_submitted  # the prompt's submit key journals the answer at once
        self._reading = False  # the prompt reads the input for the pending step (not a retry's Esc Enter)
        self._leave_note: str | None = None  # set once something of the session is saved (see _saved_so_far)

    def _keep_submitted(self, text: str) -> None:
        """The prompt accepted `text`: an answer, /skip or /end goes to the answer journal before it closes."""
        move = early_move(text) if self._reading else None
        if move is None:
            return
        if move["kind"] == "answer":
            # whole on disk before the journal entry that makes the answer count (sweep28 S8); _take finds it kept
            keep_over_cap(getattr(self.driver, "thread_id", ""), text)
        self.driver.keep_submitted(move)

    def _read(self) -> str:
        cli_signals.check_stop()  # a step boundary: a stop that came during the last move stops here at the latest
        self._reading = True
        try:
            return self.source.read()
        finally:
            self._reading = False

    def run(self, step: Any, already_shown: str | None = None, resumed: bool = False, first: str | None = None) -> Any:
        """Ask until the interview is done; return the final Step (`already_shown`: text on screen already;
        `resumed`: a follow-up waiting after a resume is shown with its main question; `first`: the first input,
        read already while the session started)."""
        if resumed:
            self._saved_so_far()
        if step.kind != "done" and step.text != already_shown:
            self.render.step(step, with_main=resumed)
        queued: str | None = None
        while step.kind != "done":
            if queued is None:
                # control sequences never reach the screen, the state or a report; bad bytes become U+FFFD
                raw = clean_text(self._read() if first is None else first)
                first = None
            else:
                raw, queued = queued, None
            if not self.source.interactive:
                self.render.echo(_echoed(raw))  # a terminal already shows what was typed
            try:
                step, queued = self._take(step, raw)
            finally:
                cli_signals.release()  # not a move, or a move that failed: a Ctrl-C held since the submit stops now
        return step

    def _take(self, step: Any, raw: str) -> tuple[Any, str | None]:
        """(the step after one input, input to read again)."""
        text, cut = cap_answer(without_done(raw))
        if cut:
            where = keep_whole_answer(getattr(self.driver, "thread_id", ""), without_done(raw))
            self.render.notice(f"Your answer was {len(raw):,} characters; the first {ANSWER_CAP:,} (the cap) are graded"
                               f"{where}.")  # fmt: skip
        command = parse_command(text)
        if command is None:
            if not text.strip():
                self.render.notice(EMPTY_ANSWER)
                return step, None
            return self._move(step, partial(self.driver.submit, text), raw, answer=True)
        if command.name in ("skip", "end"):
            call = self.driver.skip if command.name == "skip" else self.driver.end
            return self._move(step, call, raw)
        self._command(command, step)
        return step, command.rest or None  # "/hint\nmy answer" answers after the hint

    def _move(self, step: Any, call: Callable[[], Any], raw: str, answer: bool = False) -> tuple[Any, str | None]:
        """(next step, input to read again) after an answer, /skip or /end. On a terminal a full or failing disk
        does not end the session: the candidate frees space and submits again; a move that reached the session
        journal is then finished (graded), never made twice, and one that did not is made again from the draft."""
        try:
            with self._grading(answer):
                step = call()
            return self._advance(step), None
        except StorageError as exc:
            if exc.problem == "gone" and answer and getattr(self.driver, "rescued", None) is None:
                # nothing on disk could take it (not even the answer journal): shown to copy, then the end
                self.render.line("Your answer is not saved (the error below says why). Here it is, to copy:")
                self.render.line(raw)
            if exc.problem == "gone":
                raise
            if not self.source.interactive or exc.problem not in RETRIED:
                raise
            keys = _retry_keys(exc)
            saved = getattr(self.driver, "finish_move", None)
            if getattr(self.driver, "move_saved", False) and saved is not None:
                self.render.notice(f"Your answer is saved, but the session could not go on: {exc}. "
                                   f"{keys} to go on.")  # fmt: skip
                self._read_retry()
                return self._retry_saved(step), None
            if exc.problem == "unreachable":  # the submit key put it in the answer journal (agent.driver)
                self.render.notice(f"Your answer is kept on this computer, not yet in the session database: {exc}. "
                                   f"It is back in the prompt: {keys} to send it again, or press Ctrl-C to stop: "
                                   "it is graded when you resume.")  # fmt: skip
            else:
                self.render.notice(f"Your answer is not saved yet: {exc}. It is back in the prompt: {keys} "
                                   "to send it again.")  # fmt: skip
            keep = getattr(self.source, "keep_draft", None)
            if keep is None:
                self.source.read()
                return step, raw
            keep(raw)
            return step, None

    def _grading(self, answer: bool) -> Any:
        """A spinner while a model grades the move at a terminal: a slow server left a still screen for up to 30 s
        (sweep27 S8). The offline critic answers in milliseconds and shows none."""
        from contextlib import ExitStack, nullcontext

        context = getattr(self.driver, "context", None)
        if not answer or not self.source.interactive or context is None or context.offline:
            return nullcontext()
        stack = ExitStack()
        stack.enter_context(self.render.waiting(GRADING))
        busy = getattr(self.source, "busy", None)
        if busy is not None:  # the keys it invites are read as typed (never echoed over it, nor left for the shell)
            stack.enter_context(busy(self._keeper(), hold=True))
        return stack

    def _keeper(self) -> Any:
        """What keeps the keys typed while the model grades as the session's draft (None: not kept on disk)."""
        from agent.cli_busy_keys import TypedKeeper

        thread_id = getattr(self.driver, "thread_id", None)
        if not thread_id or memory_only():
            return None
        try:
            return TypedKeeper(str(thread_id))
        except (OSError, DataDirError):  # DataDirError: the data folder replaced meanwhile (a ValueError, stop 42)
            return None

    def _retry_saved(self, step: Any) -> Any:
        """Finish a saved move until the disk lets it (the candidate is asked again each time it does not)."""
        while True:
            try:
                done = self.driver.finish_move()
                return self._advance(done) if done is not None else step
            except StorageError as again:
                if again.problem not in RETRIED:
                    raise
                self.render.notice(f"Still not possible: {again}. {_retry_keys(again)} to try again.")
                self._read_retry()

    def _read_retry(self) -> None:
        """The keys that retry a saved move; text typed there (or put back from the last retry) is kept as the
        draft of the next question, never this one's answer, and never dropped."""
        extra = self.source.read()
        keep = getattr(self.source, "keep_draft", None)
        if extra.strip() and keep is not None:
            keep(extra)

    def _command(self, command: Command, step: Any) -> None:
        """The commands that do not move the interview on."""
        if command.name == "hint":
            self.render.hint(self.driver.hint())
        elif command.name == "repeat":
            self.render.step(step, with_main=True)
        elif command.name == "help":
            self.render.help()
        elif command.name == "feedback" and command.arg in ("on", "off"):
            self.feedback = command.arg == "on"
            if isinstance(getattr(self.driver, "context", None), Context):
                self.driver.context.feedback = self.feedback  # the transcript's context says what the session did
            if thread_id := getattr(self.driver, "thread_id", None):  # a resumed session keeps the choice
                from agent.cli_prefs import save_feedback

                save_feedback(str(thread_id), self.feedback)
            self.render.notice(
                "Feedback on: a critique after each answer."
                if self.feedback
                else "Feedback off: all critiques at the end."
            )
        elif command.name == "feedback":
            self.render.line("Usage: /feedback on|off")
        else:
            self.render.line(UNKNOWN_COMMAND)

    def _saved_so_far(self) -> None:
        """A move is saved (or the session was resumed): leaving at once on a second Ctrl-C says how to resume."""
        thread_id = getattr(self.driver, "thread_id", None)
        if self._leave_note is None and thread_id:
            self._leave_note = "" if memory_only() else resume_command(thread_id)
            cli_signals.set_leave_note(self._leave_note)

    def _advance(self, step: Any) -> Any:
        """Show what the last answer earned (now or at the end), then the next question."""
        self._saved_so_far()
        record = step.last
        notice = ((record or {}).get("usage") or {}).get("notice")
        if notice:  # the LLM failed for this turn and the offline critique stands in
            self.render.notice(str(notice))
        if record is not None and record.get("critique") is None:
            self.render.line("Skipped.")  # nothing to judge
        elif record is not None and self.feedback:
            self.render.critique(record)
            self.shown.append(record)
        elif record is not None:
            self.deferred.append(record)
        self._summary_failed()
        if notices := getattr(step, "notices", None):  # e.g. the sample bank's index, rebuilt in the background
            from agent.cli_notices import fresh_notices

            for line in fresh_notices(notices, getattr(getattr(self.driver, "context", None), "docs", [])):
                self.render.notice(line)
        if step.kind != "done":
            self.render.step(step)
        return step

    def _summary_failed(self) -> None:
        """The coaching history could not take this answer's summary: one line now, with what fixes it (it was said
        only at the session's end, sweep 38 R16); the next answer's summary is written once it is fixed."""
        thread_id = getattr(self.driver, "thread_id", None)
        if not thread_id or not hasattr(self.driver, "context"):  # a stand-in driver (tests) keeps no history
            return
        from agent.coaching.record import newly_unwritten

        if why := newly_unwritten(str(thread_id)):
            self.render.notice(f"This session's coaching summary (what agent.progress and --focus weakest read) was "
                               f"not saved: {why}. Your answers are saved; once that is fixed, the summary is written "
                               "again after your next answer.")  # fmt: skip


def _echoed(raw: str) -> str:
    """What a scripted input shows: a command line alone (the text after it is echoed when it is taken)."""
    if parse_command(raw) is None:
        return raw
    return raw.lstrip().partition("\n")[0]


def _retry_keys(exc: StorageError) -> str:
    """What to do before retrying a move the session database could not take."""
    return BACK_KEYS if exc.problem == "unreachable" else RETRY_KEYS
