"""`python -m agent.progress [--role R] [--json] [--jd FILE] [--html FILE [--open]] [--data-dir DIR]`: practice across
sessions.

Per competency of the role: the score of each session over time, the trend, recurring gaps and how much prompting
answers needed (the history feed, agent.coaching.feed); story coverage of the role by the candidate's documents
(the latest session's --docs unless given); with --jd, the job's requirements and the story backing each.
--html writes the same as one self-contained page. Exit codes: 0 shown, 2 bad input.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from pathlib import Path
from typing import Any

from agent.cli_args import EXIT_OK, EXIT_USAGE, OneLineParser, add_data_dir
from agent.coaching.feed import HistoryFeed, SessionSummary, open_feed
from agent.coaching.progress import progress
from knowledge.paths import (
    DataDirError,
    data_dir_path,
    data_dir_setting,
    name_data_dir_setting,
    private_umask,
    write_private,
)
from knowledge.safe_text import one_line


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    p = OneLineParser(prog="python -m agent.progress", description="Your progress across mock interview sessions.")
    p.add_argument("--role", help="role pack name or path (default: the role of your latest session)")
    p.add_argument("--json", action="store_true", help="print everything as JSON")
    p.add_argument("--docs", nargs="+", metavar="PATH", help="prep documents (default: your latest session's)")
    p.add_argument("--jd", metavar="FILE", help="a job description (Markdown or text): requirements and their stories")
    p.add_argument("--embedder", metavar="NAME", help="story index embedder: minilm (default), hashing")
    p.add_argument("--no-coverage", action="store_true", help="skip story coverage (no story index is opened)")
    p.add_argument("--html", metavar="FILE", help="write a self-contained progress page")
    p.add_argument("--open", action="store_true", help="open the page in the browser (with --html)")
    add_data_dir(p)
    return p


def _pack(name: str | None, feed: HistoryFeed) -> Any:
    """The role pack of --role, else of the latest session."""
    from knowledge.roles import load_role

    if name is None:
        latest = feed.sessions()
        if not latest:
            raise ValueError(_no_sessions())
        name = latest[-1].role_ref or latest[-1].role
    return load_role(name)


def _no_sessions() -> str:
    """Why there is nothing to show, with a command that runs (this interpreter: a bare `python` may lack the
    venv); answers kept for a session that was never graded are named, not called 'no sessions'."""
    from agent.cli_pending import waiting_sessions
    from agent.cli_render import session_command

    waiting = waiting_sessions()
    if waiting:
        return f"no graded sessions yet. {waiting[0].line()}"
    # the folder the user named goes into the command, or the session it starts lands where this did not look
    folder = ["--data-dir", os.environ["INTERVIEWER_DATA_DIR"]] if data_dir_setting() == "--data-dir" else []
    return f"no sessions yet: run `{session_command('--role', 'ROLE', *folder)}` first, or give --role"


def _docs(given: list[str] | None, sessions: list[SessionSummary]) -> list[str]:
    if given is not None:
        from agent.cli_context import docs_path  # a link loop or a dangling link chain named as given, as a session

        chosen = [docs_path(d) for d in given]
        missing = [d for d, path in zip(given, chosen, strict=True) if not Path(path).exists()]
        if missing:
            raise ValueError(f"--docs path not found: {missing[0]}")
        return chosen
    return list(sessions[-1].docs) if sessions else []


def build_view(
    role: str | None,
    docs: list[str] | None = None,
    jd: str | None = None,
    embedder: str | None = None,
    with_coverage: bool = True,
    feed: HistoryFeed | None = None,
) -> dict[str, Any]:
    """Everything the terminal, --json and the page show."""
    feed = feed or open_feed()
    pack = _pack(role, feed)
    sessions = feed.sessions(pack.name)
    chosen = _docs(docs, sessions)
    model = embedder or os.environ.get("INTERVIEWER_EMBEDDER", "").strip() or "minilm"
    view: dict[str, Any] = {
        "role": pack.name,
        "title": pack.title,
        "docs": chosen,
        "progress": progress(pack.name, dict(pack.competencies), sessions).to_dict(),
    }
    if with_coverage:
        from agent.coaching.views import coverage_view

        view["coverage"] = coverage_view(pack, chosen, model, sessions).to_dict()
        view["notices"] = list(view["coverage"]["notices"])
    skipped = getattr(feed, "skipped", [])
    view.setdefault("notices", []).extend(f"{path}: not a readable session summary; skipped" for path in skipped)
    if jd is not None:
        from agent.coaching.views import requirements_view

        view["requirements"] = [r.to_dict() for r in requirements_view(pack, chosen, model, jd)]
    return view


def _html_target_problem(given: str) -> str | None:
    """Why --html `given` cannot take the page, said before anything is written: a device, a pipe or a socket, or a
    link that loops or points nowhere (sweep28 S14: each was replaced by a regular file, the link's target left
    stale). A new name or a regular file (or a link to one) is fine; a folder fails at the write, as before."""
    import stat

    from knowledge.paths import link_problem

    path = Path(given).expanduser()
    if problem := link_problem(path):
        return f"--html {given} is {problem}"
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a new name
    if stat.S_ISDIR(mode):
        return None
    if stat.S_ISREG(mode):
        return _not_a_page(given, path.resolve(), mode)
    return f"--html {given} is not a regular file (a pipe, device or socket); give a file name for the page"


PAGE_START = b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Progress: '  # agent.coaching.page


def _not_a_page(given: str, target: Path, mode: int) -> str | None:
    """Why the existing file `target` must not be overwritten by the page: read-only, or not a web page at all (a
    typo for --docs put the page over the candidate's notes, sweep30 S8); None for an .html file or an earlier page."""
    if not mode & 0o200:
        return f"--html {given} is read-only; nothing was written there: give another file name for the page"
    if target.suffix.lower() in (".html", ".htm"):
        return None
    try:
        with target.open("rb") as handle:
            if handle.read(len(PAGE_START)) == PAGE_START:
                return None
    except OSError:
        return None  # unreadable: the write says why
    return (f"--html {given} is a file that is not a web page; nothing was written there: give a new file name or an "
            ".html file for the page")  # fmt: skip


def _write_page(target: Path, page: str) -> None:
    """A new page file is written whole and private (0600); an existing one is rewritten in place, so its mode,
    owner and hard links stay as the candidate set them (sweep29 S2: it was replaced by a new 0600 file). The room
    the new page needs is taken first (_reserve), before a byte of the old page changes: on a full disk the old page
    stays whole and the error says so (sweep 33 S8: the truncating rewrite cut it). A crash mid-write can still cut
    it; the next run writes it whole again (nothing else is in it)."""
    if not target.is_file():
        write_private(target, page)
        return
    payload = page.encode("utf-8")
    with target.open("r+b") as handle:
        _reserve(handle.fileno(), len(payload))
        handle.write(payload)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _reserve(fd: int, size: int) -> None:
    """Make the file at `fd` hold `size` bytes' worth of disk blocks without changing what it holds (ENOSPC, the
    file untouched, when the disk cannot); where the file system has no fallocate, its free space is checked."""
    try:
        os.posix_fallocate(fd, 0, size)
        return
    except OSError as exc:
        if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
            raise
    stats = os.fstatvfs(fd)
    if stats.f_bavail * stats.f_frsize < size - os.fstat(fd).st_size:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def main(argv: list[str] | None = None) -> int:
    """Entry point: one line on bad input, never a traceback."""
    private_umask()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None:  # as agent.session's option: an empty value is a script's unset variable
        if not args.data_dir.strip():
            parser.error("--data-dir needs a value, not an empty string")
        os.environ["INTERVIEWER_DATA_DIR"] = str(data_dir_path(args.data_dir))  # the feed and the index read it
        name_data_dir_setting("--data-dir")
    if args.open and not args.html:
        print("error: --open needs --html FILE", file=sys.stderr)
        return EXIT_USAGE
    if args.html and (problem := _html_target_problem(args.html)):
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        view = build_view(args.role, args.docs, args.jd, args.embedder, not args.no_coverage)
    except (ValueError, DataDirError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for line in view.get("notices", []):  # skipped documents and history files, one line each (sweep27 S10)
        print(f"note: {one_line(line)}", file=sys.stderr)
    if args.html:
        from agent.coaching.page import render_page

        target = Path(args.html).expanduser()
        if target.is_symlink():
            target = target.resolve()  # the page goes where the link points (the link itself was replaced)
        try:
            _write_page(target, render_page(view))
        except OSError as exc:
            full = exc.errno == errno.ENOSPC  # the room is taken before the old page changes (_reserve)
            kept = "; the page there was left as it was: free some space and run this again" if full else ""
            print(f"error: cannot write {target}: {exc.strerror or exc}{kept}", file=sys.stderr)
            return EXIT_USAGE
    if args.json:
        print(json.dumps(view, indent=2, ensure_ascii=False))
    else:
        from agent.cli_render import make_console
        from agent.coaching.tables import render_view

        render_view(make_console(sys.stdout.isatty()), view)
    if args.html:
        print(f"Progress page: {Path(args.html).expanduser().resolve()}", file=sys.stderr if args.json else sys.stdout)
        if args.open:
            import webbrowser

            webbrowser.open(Path(args.html).expanduser().resolve().as_uri())
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
