"""The terminal session: `python -m agent.session --role director` runs a mock interview in the terminal.

Setup (arguments, the answer source, opening the driver) and exit codes live here; the Context is built
in agent.cli_context, the question/answer loop is agent.cli_loop, all printing is agent.cli_render.
Heavy modules (the graph, the embedder, LLM clients) are imported only once the session starts, to keep
launch fast.

Exit codes: 0 finished (also Ctrl-D at the interactive prompt: saved, resume later); 1 unexpected
error; 2 bad input (arguments, role, --docs path, --answers file, resume id); 3 scripted answers
(--answers or piped stdin) ran out before the end (saved); 130 Ctrl-C (saved).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from agent.cli_answers import AnswersFileError, load_answers_file, split_answers
from agent.cli_args import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SCRIPT_EXHAUSTED,
    EXIT_USAGE,
    Options,
    parse_args,
)
from agent.cli_context import (
    UsageError,
    bank_line,
    check_inputs,
    ignored_on_resume,
    mode_line,
    new_context,
    role_title,
)
from agent.cli_input import AnswerSource, PromptSource, ScriptedSource, ScriptExhausted
from agent.cli_loop import InterviewLoop
from agent.cli_render import Renderer, make_console
from agent.context import Context, new_session_id, with_seed


def _answer_source(opts: Options) -> AnswerSource:
    """--answers file, else piped stdin, else the interactive prompt."""
    if opts.answers:
        try:
            return ScriptedSource(iter(load_answers_file(opts.answers)))
        except AnswersFileError as exc:
            raise UsageError(str(exc)) from None
    if not sys.stdin.isatty():
        return ScriptedSource(split_answers(sys.stdin))
    return PromptSource()


def run(opts: Options) -> int:
    """One session from the parsed options; returns the exit code."""
    render = Renderer(make_console(sys.stdout.isatty()), opts.questions or 5)
    if opts.list_sessions:
        from agent.cli_listing import show_sessions

        show_sessions(render)
        return EXIT_OK
    resuming = opts.resume is not None
    try:
        source = _answer_source(opts)
        context = None if resuming else new_context(opts)
        if context is not None:
            check_inputs(context)
    except (UsageError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    shown = None
    thread_id = None
    if context is not None:
        # A new session is on screen (banner and first question) before LangGraph is imported; the graph
        # asks the same question (same planner, seed and history) and the loop re-shows it only if it differs.
        from agent.preview import first_question

        context = with_seed(context)
        thread_id = new_session_id(context.role)
        _banner(render, context, role_title(context.role), thread_id, source.interactive)
        preview = first_question(context)
        if preview is not None:
            render.total = preview.total
            render.step(preview)
            shown = preview.text
    from agent import cli_run  # lazy: imports the graph, LangGraph and the index
    from knowledge.embeddings import EmbedderUnavailableError

    driver: Any = None
    try:
        if context is None:
            try:
                driver = cli_run.resume_driver(opts.resume or "")
            except cli_run.ResumeError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return EXIT_USAGE
            context = driver.context
            _banner(render, context, role_title(context.role, strict=False), driver.thread_id, source.interactive)
            render.notice(f"Resuming session {driver.thread_id}.")
            if ignored := ignored_on_resume(opts):
                render.notice(f"Ignored on resume (the session keeps its settings): {' '.join(ignored)}")
        else:
            driver = cli_run.new_driver(context, thread_id)
        step = cli_run.first_step(driver, resuming, render)
        feedback = context.feedback if opts.feedback is None else opts.feedback
        loop = InterviewLoop(driver, source, render, feedback=feedback)
        cli_run.closing(loop.run(step, already_shown=shown), loop, render)
        return EXIT_OK
    except (cli_run.ResumeError, EmbedderUnavailableError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ScriptExhausted:
        render.resume_hint(driver.thread_id, "Scripted answers ran out before the end. Session saved.")
        return EXIT_SCRIPT_EXHAUSTED
    except EOFError:
        render.resume_hint(driver.thread_id)
        return EXIT_OK
    except KeyboardInterrupt:
        render.line("")
        if driver is None:
            render.line("Interrupted before the session started.")
        else:
            render.resume_hint(driver.thread_id)
        return EXIT_INTERRUPTED


def _banner(render: Renderer, context: Context, title: str, session_id: str, interactive: bool) -> None:
    """Role, mode, whose stories, session id; in LLM mode on a terminal the interviewer's lines stream in."""
    mode = mode_line(context)
    render.banner(title, mode, bank_line(context), session_id, interactive)
    render.stream = render.console.is_terminal and interactive and not mode.startswith("offline")


def main(argv: list[str] | None = None) -> int:
    """Entry point: never a traceback for the user (INTERVIEWER_DEBUG=1 shows it)."""
    if not sys.stdout.isatty():
        # a reader on the other end of a pipe sees each question as soon as it is printed
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    try:
        return run(parse_args(argv))
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        if os.environ.get("INTERVIEWER_DEBUG"):
            raise
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
