"""The question/answer loop of the terminal session: read input, run commands, feed answers to the driver.

The driver (agent.driver.InterviewDriver) owns the interview and its saved state; this loop only turns
what the candidate types into driver calls and hands each resulting Step to the renderer.
"""

from __future__ import annotations

from typing import Any

from agent.cli_input import ANSWER_CAP, AnswerSource, Command, cap_answer, parse_command
from agent.cli_render import UNKNOWN_COMMAND, Renderer
from agent.safe_text import clean_text
from agent.storage import StorageError

EMPTY_ANSWER = "Empty answer — please type an answer, or /skip to move on."


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
        self.shown: list[dict[str, Any]] = []  # critiques already shown after their answer

    def run(self, step: Any, already_shown: str | None = None, resumed: bool = False, first: str | None = None) -> Any:
        """Ask until the interview is done; return the final Step (`already_shown`: text on screen already;
        `resumed`: a follow-up waiting after a resume is shown with its main question; `first`: the first input,
        read already while the session started)."""
        if step.kind != "done" and step.text != already_shown:
            self.render.step(step, with_main=resumed)
        queued: str | None = None
        while step.kind != "done":
            if queued is None:
                # control sequences never reach the screen, the state or a report; bad bytes become U+FFFD
                raw = clean_text(self.source.read() if first is None else first)
                first = None
                if not self.source.interactive:
                    self.render.echo(raw)  # a terminal already shows what was typed
            else:
                raw, queued = queued, None
            text, cut = cap_answer(raw)
            if cut:
                self.render.notice(f"Your answer was {len(raw):,} characters; kept the first {ANSWER_CAP:,} (the cap).")
            command = parse_command(text)
            if command is None:
                if not text.strip():
                    self.render.notice(EMPTY_ANSWER)
                    continue
                try:
                    step = self._advance(self.driver.submit(text))
                except StorageError as exc:
                    if not self.source.interactive or exc.problem not in ("full", "io"):
                        raise
                    # On a terminal the answer stays in memory: free space, press Enter, it is sent again.
                    self.render.notice(f"Your answer is not saved yet: {exc}. Press Enter to try again.")
                    self.source.read()
                    queued = raw
            elif command.name in ("skip", "end"):
                step = self._advance(self.driver.skip() if command.name == "skip" else self.driver.end())
            else:
                self._command(command, step)
                queued = command.rest or None  # "/hint\nmy answer" answers after the hint
        return step

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

    def _advance(self, step: Any) -> Any:
        """Show what the last answer earned (now or at the end), then the next question."""
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
        if notices := getattr(step, "notices", None):  # e.g. the sample bank's index, rebuilt in the background
            from agent.cli_notices import fresh_notices

            for line in fresh_notices(notices, getattr(getattr(self.driver, "context", None), "docs", [])):
                self.render.notice(line)
        if step.kind != "done":
            self.render.step(step)
        return step
