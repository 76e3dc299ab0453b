"""The terminal session: `python -m agent.session --role director` runs a mock interview in the terminal.

Setup (arguments, the answer source, the Context, the saved-session registry) lives here; the
question/answer loop is agent.cli_loop and all printing is agent.cli_render. Heavy modules (the graph,
the embedder, LLM clients) are imported only once the session starts, to keep launch fast.

Exit codes: 0 finished (also Ctrl-D at the interactive prompt: saved, resume later); 1 unexpected
error; 2 bad input (arguments, role, --docs path, --answers file, resume id); 3 scripted answers
(--answers or piped stdin) ran out before the end (saved); 130 Ctrl-C (saved).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
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
from agent.cli_input import AnswerSource, PromptSource, ScriptedSource, ScriptExhausted
from agent.cli_loop import InterviewLoop
from agent.cli_render import Renderer, make_console
from agent.context import Context


class UsageError(ValueError):
    """Bad input the user can fix; printed as one line, exit 2."""


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


def _role_title(role: str) -> str:
    """The role pack's title; raises UsageError listing the available roles when unknown."""
    from knowledge.roles import UnknownRoleError, load_role

    try:
        return load_role(role).title
    except UnknownRoleError as exc:
        raise UsageError(str(exc)) from None


def _check_inputs(context: Context) -> None:
    """Validate role, docs and embedder before anything heavy starts, with one-line errors."""
    from knowledge.embeddings import EMBEDDER_NAMES

    _role_title(context.role)
    missing = [d for d in context.docs if not Path(d).exists()]
    if missing:
        raise UsageError(f"--docs path not found: {missing[0]}")
    if context.embedder not in EMBEDDER_NAMES:
        raise UsageError(f"unknown embedder {context.embedder!r}; choose one of: {', '.join(EMBEDDER_NAMES)}")


def _new_context(opts: Options) -> Context:
    """A Context from the flags; unset flags keep Context's documented defaults (and env overrides)."""
    given: dict[str, Any] = {
        "role": opts.role,
        "questions": opts.questions,
        "follow_ups": opts.follow_ups,
        "seed": opts.seed,
        "index_dir": opts.index,
        "embedder": opts.embedder,
        "feedback": opts.feedback,
        "model": opts.model,
        "base_url": opts.base_url,
    }
    context = Context(**{k: v for k, v in given.items() if v is not None})
    context.docs = [str(Path(d).expanduser().resolve()) for d in opts.docs]  # resume may run elsewhere
    context.offline = context.offline or opts.offline
    return context


def _ignored_on_resume(opts: Options) -> list[str]:
    """Flags that cannot change a saved session (it keeps the settings it was started with)."""
    flags = {
        "--role": opts.role, "--questions": opts.questions, "--follow-ups": opts.follow_ups,
        "--seed": opts.seed, "--docs": opts.docs, "--index": opts.index, "--embedder": opts.embedder,
        "--offline": opts.offline, "--model": opts.model, "--base-url": opts.base_url,
    }
    return [flag for flag, value in flags.items() if value not in (None, False, [])]


def _mode(context: Context) -> str:
    """Which critic grades: offline, or 'LLM: model @ url' (the LLM stack is imported only if configured)."""
    from agent.nodes.critique import may_use_llm

    if not may_use_llm(context):
        return "offline (deterministic critic)"
    from agent.llm import llm_status

    return llm_status(context)


def _bank(context: Context) -> str:
    if context.docs:
        return "your documents: " + ", ".join(Path(d).name for d in context.docs)
    return "the bundled sample story bank (a fictional candidate; use --docs for yours)"


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
        context = None if resuming else _new_context(opts)
        if context is not None:
            _check_inputs(context)
    except (UsageError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from agent import cli_run  # lazy: imports the graph, LangGraph and the index

    driver: Any = None
    try:
        try:
            driver = cli_run.resume_driver(opts.resume or "") if context is None else cli_run.new_driver(context)
            context = driver.context
            title = _role_title(context.role)
        except (cli_run.ResumeError, UsageError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        render.banner(title, _mode(context), _bank(context), driver.thread_id, source.interactive)
        if resuming:
            render.notice(f"Resuming session {driver.thread_id}.")
            if ignored := _ignored_on_resume(opts):
                render.notice(f"Ignored on resume (the session keeps its settings): {' '.join(ignored)}")
        step = cli_run.first_step(driver, resuming, render)
        feedback = context.feedback if opts.feedback is None else opts.feedback
        loop = InterviewLoop(driver, source, render, feedback=feedback)
        cli_run.closing(loop.run(step), loop, render)
        return EXIT_OK
    except cli_run.ResumeError as exc:
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


def _entry() -> Any:
    raise SystemExit(main())


if __name__ == "__main__":
    _entry()
