"""Command-line arguments of `python -m agent.session`, parsed into one Options object.

Argument errors print one line (not argparse's usage block) and exit 2, like every other bad input.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import NoReturn

EXIT_OK = 0
EXIT_ERROR = 1  # an unexpected failure (one line, no traceback)
EXIT_USAGE = 2  # bad input: arguments, role, resume id, --docs path, --answers file
EXIT_SCRIPT_EXHAUSTED = 3  # scripted answers ran out before the end; the session is saved
EXIT_INTERRUPTED = 130  # Ctrl-C; the session is saved

EPILOG = """\
answers: type a multi-line answer; Enter adds a line. Submit with Esc then Enter, Alt+Enter, or a line /done.
commands (at the start of an answer): /hint /skip /repeat /feedback on|off /end /help
non-interactive: --answers FILE (YAML/JSON list, or text with --- between answers) or pipe answers on stdin
  (separated by --- or /done lines).
exit codes: 0 interview finished (or Ctrl-D: saved, resume later), 2 bad input (or a read-only data folder or
  full disk before the start), 3 scripted answers ran out (saved; resume with --resume ID), 130 Ctrl-C (saved),
  129 the terminal closed (saved), 143 SIGTERM (saved), 1 unexpected error.
"""


@dataclass
class Options:
    """Everything the session needs from the command line; None means 'not given'."""

    role: str | None = None
    questions: int | None = None
    follow_ups: int | None = None
    seed: int | None = None
    docs: list[str] = field(default_factory=list)
    index: str | None = None
    resume: str | None = None  # "" = the latest session
    answers: str | None = None
    feedback: bool | None = None
    offline: bool = False
    model: str | None = None
    base_url: str | None = None
    embedder: str | None = None
    list_sessions: bool = False
    jd: str | None = None
    focus: str | None = None
    checkpointer: str | None = None
    data_dir: str | None = None


class OneLineParser(argparse.ArgumentParser):
    """argparse with a one-line error instead of the usage block (agent.session's and agent.progress's)."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


def _whole(text: str) -> int:
    """A whole number, or the error argparse prints (its own names the Python function that read it)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _positive(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _non_negative(text: str) -> int:
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for --help tests and docs)."""
    p = OneLineParser(
        prog="python -m agent.session",
        description="A mock interview in the terminal: questions, follow-ups, critique and a report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--role",
        help="role pack: director, senior-genai-engineer, ai-engineer, engineering-manager "
        "or a path to a pack YAML (default: senior-genai-engineer, or $INTERVIEWER_ROLE)",
    )
    p.add_argument("--questions", type=_positive, metavar="N", help="main questions to ask (default 5)")
    p.add_argument("--follow-ups", type=_non_negative, metavar="K", help="follow-ups per question at most (default 2)")
    p.add_argument("--seed", type=int, metavar="S", help="seed for question choice (same seed, same interview)")
    p.add_argument(
        "--docs",
        nargs="+",
        default=[],
        metavar="PATH",
        help="your prep documents (files or folders); default: the bundled sample story bank",
    )
    p.add_argument("--index", metavar="DIR", help="where the story index is cached (default: in the data dir)")
    p.add_argument(
        "--resume", nargs="?", const="", metavar="ID", help="resume a saved session (no ID: the latest unfinished one)"
    )
    p.add_argument("--answers", metavar="FILE", help="scripted answers: YAML/JSON list, or text separated by ---")
    p.add_argument(
        "--feedback",
        choices=("on", "off"),
        help="on: critique after each answer (default); off: all critiques at the end",
    )
    p.add_argument("--offline", action="store_true", help="never call an LLM: deterministic critic only")
    p.add_argument("--model", metavar="M", help="chat model for the LLM critic/interviewer (e.g. gpt-4o-mini)")
    p.add_argument("--base-url", metavar="URL", help="OpenAI-compatible endpoint (e.g. a local server)")
    p.add_argument("--embedder", metavar="NAME", help="story index embedder: minilm (default), hashing, openai")
    p.add_argument("--list-sessions", action="store_true", help="list saved sessions and exit")
    p.add_argument("--jd", metavar="FILE", help="a job description (Markdown or text): lean toward its requirements")
    p.add_argument(
        "--focus", choices=("weakest",), help="weakest: plan from your history (weak competencies, questions due again)"
    )
    p.add_argument(
        "--checkpointer",
        metavar="URL",
        help="where sessions live: a SQLite file (default: in the data dir), postgresql://... (pip install "
        "'.[postgres]') or memory: (this process only); default $INTERVIEWER_CHECKPOINTER",
    )
    add_data_dir(p)
    return p


def add_data_dir(p: argparse.ArgumentParser) -> None:
    """The --data-dir option, said the same way by the session and by agent.progress."""
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where sessions, reports, history and indexes are kept (default $INTERVIEWER_DATA_DIR, else the "
        "platform's user data folder)",
    )


def parse_args(argv: list[str] | None = None) -> Options:
    """Parse argv into Options; exits 2 with one line on bad arguments."""
    parser = build_parser()
    ns = parser.parse_args(argv)
    given = [("--checkpointer", ns.checkpointer), ("--data-dir", ns.data_dir), ("--answers", ns.answers)]
    given += [("--jd", ns.jd), ("--index", ns.index), *(("--docs", doc) for doc in ns.docs)]
    for option, value in given:
        # `--checkpointer ""` went silently to the default (sweep 33 S6); `--docs ""` indexed every note under the
        # current folder, and `--answers ""` / `--jd ""` were ignored (sweep 37 B34): a script's unset variable
        if value is not None and not value.strip():
            parser.error(f"{option} needs a value, not an empty string")
    return Options(
        role=ns.role,
        questions=ns.questions,
        follow_ups=ns.follow_ups,
        seed=ns.seed,
        docs=list(ns.docs),
        index=ns.index,
        resume=ns.resume,
        answers=ns.answers,
        feedback=None if ns.feedback is None else ns.feedback == "on",
        offline=ns.offline,
        model=ns.model,
        base_url=ns.base_url,
        embedder=ns.embedder,
        list_sessions=ns.list_sessions,
        jd=ns.jd,
        focus=ns.focus,
        checkpointer=ns.checkpointer,
        data_dir=ns.data_dir,
    )
