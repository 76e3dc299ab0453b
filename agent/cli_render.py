"""Rich rendering of the terminal session: the interviewer's panels, compact critiques, hints, the scorecard.

Only renders what the driver returns (Steps, TurnRecord dicts, the report dict); decides nothing.
Without a TTY the console has no colours and no terminal control codes, so piped output reads as text.
Every text shown passes through safe(): control sequences from answers or documents are removed and rich
markup and :emoji: codes are shown literally. The interviewer's lines are printed at once (no model wrote
them, so there is nothing to stream).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from agent.backend import memory_only
from agent.cli_input import SUBMIT_HELP
from agent.critique_lines import detail_lines, flag_line
from agent.safe_text import clean_text
from agent.wording import gap_label, story_note

HELP_LINES = (
    "/hint — your best matching prepared story for this question",
    "/skip — skip this question (or follow-up)",
    "/repeat — show the question again",
    "/feedback on|off — critique after each answer, or all at the end",
    "/end — finish the interview now and get the report",
    "/help — this list",
)
HINT_TITLES = {False: "Hint: your story", True: "Hint: a sample story"}
UNKNOWN_COMMAND = "Unknown command. Commands: /hint /skip /repeat /feedback on|off /end /help"


def make_console(tty: bool) -> Console:
    """A console for a terminal (colours) or for a pipe/file (plain text, wide enough to avoid odd wraps)."""
    if tty:
        return Console(highlight=False, emoji=False)
    return Console(highlight=False, emoji=False, no_color=True, force_terminal=False, width=100, file=sys.stdout)


def safe(text: object) -> str:
    """Text ready for rich: no terminal control sequences, rich markup escaped."""
    return escape(clean_text(str(text)))


def _mark(flag: bool) -> str:
    return "✓" if flag else "✗"


class Renderer:
    """Everything the session prints, in one place."""

    def __init__(self, console: Console, total_questions: int) -> None:
        self.console = console
        self.total = total_questions
        self.sample_bank = False  # the bundled fictional bank: its stories are not "yours"

    def line(self, text: str, style: str = "") -> None:
        """One plain line (escaped: answers and titles may contain [brackets]); never re-wrapped, so paths
        and the resume command stay copyable."""
        self.console.print(safe(text), style=style or None, soft_wrap=True)

    def waiting(self, text: str) -> Any:
        """A spinner with `text` while the session gets ready (a terminal only; a context manager)."""
        from contextlib import nullcontext

        return self.console.status(safe(text)) if self.console.is_terminal else nullcontext()

    def prose(self, text: str, style: str = "") -> None:
        """A paragraph, wrapped between words to the terminal's width."""
        self.console.print(safe(text), style=style or None)

    def echo(self, text: str, limit: int = 160) -> None:
        """A scripted answer, shortened to one line, so a piped session reads like a transcript."""
        flat = " ".join(clean_text(text).split())
        self.prose("> " + (flat if len(flat) <= limit else flat[: limit - 1] + "…") if flat else "> (empty)", "dim")

    def notice(self, text: str) -> None:
        self.line(text, "yellow")

    def banner(self, role_title: str, mode: str, bank: str, session_id: str, interactive: bool) -> None:
        """What is about to happen: role, mode (offline critic or LLM), whose stories, the session id."""
        body = "\n".join(
            [
                f"Role: {role_title}",
                f"Mode: {mode}",
                f"Stories: {bank}",
                f"Session: {session_id}",
            ]
            + ([SUBMIT_HELP] if interactive else [])
        )
        self.console.print(Panel(safe(body), title="Mock interview", expand=False))

    def step(self, step: Any, with_main: bool = False) -> None:
        """The interviewer's current line: a main question or a follow-up (`with_main`: the main question
        it follows first, for /repeat and for a session resumed at a follow-up)."""
        main = str(getattr(step, "main_question", "") or "")
        if step.kind == "follow_up" and with_main and main:
            total = int(getattr(step, "total", 0) or self.total)
            title = f"Question {int(step.turn_index) + 1}/{total} (you are answering its follow-up)"
            self.console.print(Panel(safe(main), title=title, title_align="left", border_style="dim"))
        if step.kind == "follow_up":
            title = "Follow-up"
            style = "cyan"
        else:
            total = int(getattr(step, "total", 0) or self.total)
            title = f"Question {int(step.turn_index) + 1}/{total}"
            style = "green"
        self.console.print(Panel(safe(step.text), title=title, title_align="left", border_style=style))

    def critique(self, record: dict[str, Any]) -> None:
        """A compact critique of one answer: score, STAR checks, the gap, story notes."""
        from agent.report import notes_beyond_gap  # lazy: loaded by the driver already, kept off the launch path

        crit = record.get("critique")
        if not crit:
            return
        lines = [flag_line(crit), *detail_lines(crit, record.get("left"))]
        # the messages name their source themselves ("Your story ..."): no second prefix
        lines += [story_note(str(note["message"]), self.sample_bank) for note in notes_beyond_gap(crit)]
        label = "Feedback (follow-up)" if record.get("is_follow_up") else "Feedback"
        self.console.print(Panel(safe("\n".join(lines)), title=label, title_align="left", border_style="dim"))

    def deferred(self, records: list[dict[str, Any]]) -> None:
        """Critiques held back while feedback was off, shown at the end with their questions."""
        if not records:
            return
        self.console.rule("Feedback")
        for record in records:
            self.prose(
                ("Follow-up: " if record.get("is_follow_up") else "Q: ") + str(record.get("question", "")), "bold"
            )
            self.critique(record)

    def hint(self, hit: Any) -> None:
        """The candidate's best matching prepared story: title, one line of it, source, its result figures."""
        if hit is None:
            where = "the sample story bank" if self.sample_bank else "your prep documents"
            self.notice(f"No matching story in {where} for this question.")
            return
        from agent.hint_lines import hint_lines  # lazy: kept off the launch path

        lines = hint_lines(hit.story)
        title = HINT_TITLES[self.sample_bank]
        self.console.print(Panel(safe("\n".join(lines)), title=title, title_align="left", border_style="magenta"))

    def help(self) -> None:
        self.line(SUBMIT_HELP)
        for text in HELP_LINES:
            self.line("  " + text)

    def scorecard(self, rows: list[dict[str, Any]], overall: Any = None, practice: list[str] | None = None) -> None:
        """The end-of-interview table: one row per planned question, then the overall score."""
        table = Table(title="Scorecard")
        for col in ("#", "Question", "Type", "Score", "Main gap"):
            table.add_column(col, overflow="fold")
        for i, row in enumerate(rows, 1):
            table.add_row(
                str(i),
                safe(row.get("question", "")),
                safe(row.get("type", "")),
                safe(row.get("score", "—")),
                safe(gap_label(row.get("gap", ""))),
            )
        self.console.print(table)
        self.line(f"Overall: {overall}/5" if overall is not None else "Overall: no answered questions", "bold")
        if practice:
            self.prose("Practise next: " + "; ".join(gap_label(gap) for gap in practice))

    def saved(self, paths: dict[str, str]) -> None:
        """Where the report files are (labels with empty paths are left out)."""
        for label, path in paths.items():
            if path:
                self.line(f"{label}: {path}")

    def resume_hint(self, session_id: str, reason: str = "Session saved.", report: str = "") -> None:
        """The command that resumes, with the interpreter running now (a bare `python` may lack the venv); a session
        kept in memory only says it cannot be resumed instead of a command that would fail, and where its answers
        were written (`report`, agent.memory_report)."""
        if memory_only():
            kept = (f"Your answers so far are in {report}" if report
                    else "Without it, the default session file keeps answers across runs.")  # fmt: skip
            self.line("This session was kept in memory only (--checkpointer memory:): it ends with this process and "
                      f"cannot be resumed. {kept}")  # fmt: skip
            return
        self.line(f"{reason} Resume with: {resume_command(session_id)}")


def module_command(module: str, *args: str) -> str:
    """`<this interpreter> -m MODULE ARGS`, quoted for a POSIX shell (a bare `python` may lack the venv)."""
    import shlex

    return " ".join([shlex.quote(sys.executable or "python3"), "-m", module, *map(shlex.quote, args)])


def session_command(*args: str) -> str:
    """`<this interpreter> -m agent.session ARGS`, quoted for a POSIX shell."""
    return module_command("agent.session", *args)


def resume_command(session_id: str) -> str:
    """`<this interpreter> -m agent.session --resume ID`, quoted for a POSIX shell, with the session store when it
    is not the default one: the command finds the session from another shell too."""
    store = store_args()
    command = session_command("--resume", session_id, *store)
    if any(":***@" in arg for arg in store):
        return f"{command} (put the password back in place of ***)"
    return command


def store_args() -> list[str]:
    """What a printed command needs to find this run's sessions from another shell: ["--data-dir", DIR] when the
    data folder is not the default one (--data-dir or INTERVIEWER_DATA_DIR), and ["--checkpointer", URL] when the
    sessions live in another store than the data folder's (--checkpointer or INTERVIEWER_CHECKPOINTER). A password
    in the URL is never printed: it is shown as ***."""
    folder = os.environ.get("INTERVIEWER_DATA_DIR", "").strip()
    return (["--data-dir", folder] if folder else []) + _checkpointer_args()


def _checkpointer_args() -> list[str]:
    from agent.backend import shown_url

    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    shown = shown_url(url) if url else None
    return ["--checkpointer", shown] if shown else []
