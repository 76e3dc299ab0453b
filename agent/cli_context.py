"""The session's Context from the command line, checked up front, and how it is described on screen.

Validation happens before the graph and LangGraph are imported, so a typo in a role or a path fails
fast, with one line.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from agent.cli_args import Options
from agent.context import Context


class UsageError(ValueError):
    """Bad input the user can fix; printed as one line, exit 2."""


def role_title(role: str, strict: bool = True) -> str:
    """The role pack's title; unknown roles raise UsageError listing the available ones.

    Not strict on resume: the session already has its plan, so a moved pack file only costs the title.
    """
    from knowledge.roles import UnknownRoleError, load_role

    try:
        return load_role(role).title
    except (UnknownRoleError, ValueError) as exc:
        if strict:
            raise UsageError(str(exc)) from None
        return role


def check_inputs(context: Context) -> None:
    """Validate role, docs and embedder before anything heavy starts, with one-line errors."""
    from knowledge.embedder_names import EMBEDDER_NAMES

    role_title(context.role)
    missing = [d for d in context.docs if not Path(d).exists()]
    if missing:
        raise UsageError(f"--docs path not found: {missing[0]}")
    if context.docs and (problem := nothing_to_read(context.docs)):
        raise UsageError(problem)
    if context.index_dir:
        from knowledge.paths import index_folder_problem

        if problem := index_folder_problem(context.index_dir):  # not "index not saved (File exists)" (sweep27 S16)
            raise UsageError(problem)
    if context.base_url is not None:
        check_base_url(context.base_url)
    if context.embedder not in EMBEDDER_NAMES:
        raise UsageError(f"unknown embedder {context.embedder!r}; choose one of: {', '.join(EMBEDDER_NAMES)}")
    if context.embedder == "openai" and not os.environ.get("OPENAI_API_KEY"):
        # known at launch: said before question 1, not after the first answer (which then could not be graded)
        raise UsageError("embedder 'openai' needs OPENAI_API_KEY; use --embedder minilm to stay offline")


def nothing_to_read(docs: list[str]) -> str | None:
    """Why none of the --docs paths holds a file to read (a pipe, a folder without notes, only skipped entries),
    else None. Said before question 1 as `knowledge.ingest` says it (sweep 35 N04: the interview started with no
    stories and exit 0); one readable file anywhere is enough, the rest is a warning as before."""
    from knowledge.ingest.reader import discover

    first: str | None = None
    for path, _shown, error in discover(docs):
        if error is None and path is not None:
            return None  # stops the walk at the first file it would read
        first = first or error
    return f"--docs {first}; nothing to read: give a notes file or a folder of notes"


def check_base_url(url: str) -> None:
    """An http(s) URL with a host, or UsageError (an unparsable URL must not fail in a worker thread)."""
    from urllib.parse import urlsplit

    from agent.safe_text import redact_url

    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        ok = False
    if ok and not url.isprintable():
        # urlsplit drops a tab or newline silently; the HTTP client refuses them later, a traceback from a worker
        # thread with the session already started (sweep 37 B35)
        raise UsageError(
            f"the base URL {redact_url(url)!r} has a control character (a newline or tab?) in it; "
            "give it on one line (--base-url or OPENAI_BASE_URL)"
        )
    if ok and (parts.query or parts.fragment):  # the client appends /chat/completions: a query breaks the path
        what, mark = ("a query string", "?") if parts.query else ("a fragment", "#")
        raise UsageError(f"the base URL {redact_url(url)!r} has {what}; give the API key in "
                         f"OPENAI_API_KEY and the base URL without '{mark}…'")
    if ok and (parts.username is not None or parts.password is not None):
        # the HTTP client would send it as Basic auth in place of the API key (the key never reaching the server)
        raise UsageError(f"the base URL {redact_url(url)!r} has a user name or password in it; give the API key "
                         "in OPENAI_API_KEY and the base URL without 'user:password@'")
    if not ok:
        raise UsageError(f"invalid base URL {redact_url(url)!r} (--base-url or OPENAI_BASE_URL): "
                         "expected http(s)://host[:port]/path")


def docs_path(doc: str) -> str:
    """A --docs path made absolute; a link that loops back on itself, or one whose target does not exist, is bad
    input said in one line naming the path as given (sweep25 S9: a dangling two-link chain was "path not found"
    naming the chain's last hop, a path the candidate never typed)."""
    path = Path(doc).expanduser()
    try:
        return str(path.resolve(strict=True))
    except RuntimeError:  # pathlib: "Symlink loop from ..."
        raise UsageError(f"--docs {doc}: a link that loops back on itself") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(f"--docs {doc}: a link that loops back on itself") from None
        if path.is_symlink():
            raise UsageError(f"--docs {doc}: a link to a path that does not exist ({path.resolve()})") from None
        return str(path.resolve())  # missing or unreadable: check_inputs() says which, as before


def new_context(opts: Options) -> Context:
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
    context.docs = [docs_path(d) for d in opts.docs]  # resume may run elsewhere
    # an offline session says so in its transcript, and stays offline if an LLM is configured before resume
    context.offline = context.offline or opts.offline or not context.may_use_llm()
    context.history = opts.seed is None  # a seed alone decides the questions
    if opts.jd or opts.focus:
        from agent.coaching.lean import apply_lean

        apply_lean(context, opts.jd, opts.focus)
    return context


def restore_credentials(context: Context, opts: Options) -> bool:
    """On resume, the --base-url whose credentials were redacted when the session was saved (True if used)."""
    from agent.safe_text import redact_url

    given = opts.base_url
    if not given or context.base_url == given or redact_url(given) != context.base_url:
        return False
    context.base_url = given
    return True


def ignored_on_resume(opts: Options) -> list[str]:
    """Flags that cannot change a saved session (it keeps the settings it was started with)."""
    flags = {
        "--role": opts.role,
        "--questions": opts.questions,
        "--follow-ups": opts.follow_ups,
        "--seed": opts.seed,
        "--docs": opts.docs,
        "--index": opts.index,
        "--embedder": opts.embedder,
        "--offline": opts.offline,
        "--model": opts.model,
        "--base-url": opts.base_url,
        "--jd": opts.jd,
        "--focus": opts.focus,
    }
    return [flag for flag, value in flags.items() if value not in (None, False, [])]


def mode_line(context: Context) -> str:
    """Which critic grades: offline, or 'LLM: model @ url' (the LLM stack is imported only if configured)."""
    if not context.may_use_llm():
        return "offline (deterministic critic)"
    from agent.llm import llm_status
    from agent.safe_text import redact_urls

    return redact_urls(llm_status(context))  # never show a password given in the URL


def bank_line(context: Context) -> str:
    """Whose stories the hints and story notes come from."""
    if context.docs:
        return "your documents: " + ", ".join(Path(d).name for d in context.docs)
    return "the bundled sample story bank (a fictional candidate; use --docs for yours)"
