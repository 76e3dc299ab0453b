"""`python -m knowledge.ingest PATH... [--index DIR] [--json]`: ingest prep documents and report what was found.

Exit codes: 0 something was ingested, 1 nothing at all (or the requested index failed), 2 usage error (also when
no path named could be read at all: a link loop, a dangling link, a pipe, a folder without notes).
Warnings and errors go to stderr, one line each, so `--json` output on stdout stays parseable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from knowledge.ingest.api import ingest_paths
from knowledge.ingest.result import IngestResult
from knowledge.paths import DataDirError, index_folder_problem
from knowledge.safe_text import one_line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m knowledge.ingest",
        description="Find STAR stories, prepared answers and interview questions in .md/.markdown/.txt notes.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    parser.add_argument("--index", metavar="DIR", help="also build/refresh the story search index in DIR")
    parser.add_argument("--embedder", default="minilm", help="embedder for --index (default: minilm)")
    parser.add_argument("--json", action="store_true", help="print everything found as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.index is not None and not args.index.strip():  # it built no index, saying nothing (sweep27 S4)
        parser.error("--index needs a folder: an empty path was given")
    if args.index and (problem := index_folder_problem(args.index) or _cannot_write(args.index)):
        print(f"error: {one_line(problem)}", file=sys.stderr)  # before any document is read or embedded
        return 2
    if all(not os.path.lexists(os.path.expanduser(p)) for p in args.paths):
        # nothing named exists: one line and rc 2 (bad input), as every other tool's missing path, not an empty table
        # and rc 1 (sweep29 S5); one missing path among others is said and the rest is read, as before
        print(f"error: {one_line(args.paths[0])}: no such file or folder", file=sys.stderr)
        return 2
    try:
        with ingest_progress() as progress:
            result = ingest_paths(args.paths, progress=progress)
    except DataDirError as exc:  # INTERVIEWER_DATA_DIR unusable (its per-document cache lives there)
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    # a path that cannot be read is an error only when nothing could be read at all (a link loop, a dangling link,
    # a pipe, a folder without notes: bad input, rc 2 as the session and search say it, sweep30 S7, S10); skipped
    # beside files that were read it is a warning like any other skipped file, and the run succeeds (sweep 33 S7:
    # "error:" with exit 0)
    severity = "warning" if result.files else "error"
    for error in result.errors:
        print(f"{severity}: {one_line(error)}", file=sys.stderr)
    if result.errors and not result.files:
        return 2
    for warning in (w for w in result.warnings if w not in result.errors):
        print(f"warning: {one_line(warning)}", file=sys.stderr)
    index_info: dict[str, Any] | None = None
    ok = result.found_anything
    if args.index and ok:
        index_info = _open_index(result, Path(args.index).expanduser(), args.embedder)
        ok = index_info.get("error") is None
    if args.json:
        print(json.dumps(to_json(result, index_info), indent=2, ensure_ascii=False))
    else:
        print_summary(result, index_info)
    return 0 if ok else 1


def _cannot_write(given: str) -> str | None:
    """Why the story index cannot be saved in --index `given` (a read-only disk, a folder that cannot be made there),
    found before any document is read: the index it was asked for would not exist (sweep29 S5: a "not saved, rebuilt
    next time" note, then an error, then the tables, rc 1)."""
    folder = Path(given).expanduser()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"--index {given}: the story index cannot be saved there ({exc.strerror or exc})"
    return None


@contextmanager
def ingest_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while documents are read (rich.progress; transient, only on a terminal and only
    for more than a handful of documents, so piped output and --json stay clean)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("reading notes"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )  # fmt: skip
    task = bar.add_task("ingest", total=None, visible=False)

    def update(done: int, total: int) -> None:
        if total > PROGRESS_FROM:
            bar.update(task, completed=done, total=total, visible=True)

    with bar:
        yield update


PROGRESS_FROM = 20  # documents: a handful is read faster than a bar can be drawn


def _open_index(result: IngestResult, index_dir: Path, embedder: str) -> dict[str, Any]:
    """Open (build or refresh) the story index; failures are reported, not raised."""
    from knowledge.index import StoryIndex

    try:
        index = StoryIndex.open(result.stories, index_dir=index_dir, embedder=embedder)
    except Exception as exc:  # any index failure is one line for the user, never a traceback
        message = f"could not build the story index in {index_dir}: {exc}"
        print(f"error: {one_line(message)}", file=sys.stderr)
        return {"dir": str(index_dir), "error": message}
    from knowledge.index_cache import NOT_SAVED

    notices = list(getattr(index, "notices", []))
    for notice in notices:
        print(f"index: {one_line(notice)}", file=sys.stderr)
    if unsaved := next((n for n in notices if n.startswith(NOT_SAVED)), None):
        # asked to build an index in DIR and nothing is there: a failure, not "ready" (the stories were read)
        reason = unsaved.removeprefix(NOT_SAVED).split(";")[0].strip()
        message = f"could not save the story index in {index_dir} {reason}".rstrip()
        print(f"error: {one_line(message)}", file=sys.stderr)
        return {"dir": str(index_dir), "error": message, "notices": notices}
    return {"dir": str(index_dir), "stories": len(result.stories), "notices": notices, "error": None}


def to_json(result: IngestResult, index_info: dict[str, Any] | None = None) -> dict[str, Any]:
    """The --json document: every story (kind, linked questions, unfinished flag), reference item and question
    (with the ids of the stories linked to it), each with id, title/text, type, source and line."""
    def stories(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {"id": s.id, "title": s.title, "type": s.format, "kind": s.kind, "question": s.question,
             "questions": s.questions, "unfinished": s.unfinished, "source": s.source,
             "line": s.line, "competencies": s.competencies, "metrics": [m.text for m in s.metrics],
             "parts": [p for p in ("situation", "task", "action", "result") if getattr(s, p)]}
            for s in items
        ]  # fmt: skip

    def questions(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {"id": q.id, "text": q.text, "type": q.type, "competency": q.competency, "source": q.source,
             "line": q.line, "story_ids": q.story_ids}
            for q in items
        ]  # fmt: skip

    doc: dict[str, Any] = {
        "files": result.files,
        "stories": stories(result.stories),
        "references": stories(result.references),  # kept, never retrieved: legends, advice, question lists
        "questions": questions(result.questions),
        "candidate_questions": questions(result.candidate_questions),
        "warnings": result.warnings,
        "errors": result.errors,
    }
    if index_info is not None:
        doc["index"] = index_info
    return doc


def print_summary(result: IngestResult, index_info: dict[str, Any] | None = None) -> None:
    """Counts per file, then the story titles, as a rich table."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    stories = Counter(s.source for s in result.stories)
    questions = Counter(q.source for q in result.questions)
    asks = Counter(q.source for q in result.candidate_questions)
    table = Table(title="Ingested documents")
    for column in ("file", "stories", "questions", "your questions"):
        table.add_column(column, justify="left" if column == "file" else "right")
    for name in result.files:
        table.add_row(escape(one_line(name)), str(stories[name]), str(questions[name]), str(asks[name]))
    table.add_row(
        "total",
        str(len(result.stories)),
        str(len(result.questions)),
        str(len(result.candidate_questions)),
        style="bold",
    )
    console.print(table)
    if result.stories or result.references:
        found = Table(title="Stories", show_lines=False)
        for column in ("kind", "title", "where", "STAR"):
            found.add_column(column, overflow="fold")
        for story in sorted([*result.stories, *result.references], key=lambda s: (result.files.index(s.source)
                            if s.source in result.files else 0, s.line)):  # fmt: skip
            parts = "".join(p[0].upper() for p in ("situation", "task", "action", "result") if getattr(story, p))
            title = escape(story.title) + (" [yellow](finish this story)[/]" if story.unfinished else "")
            kind = story.kind if story.kind != "story" else story.format
            found.add_row(kind, title, escape(one_line(f"{Path(story.source).name}:{story.line}")), parts or "-")
        console.print(found)
    if index_info and not index_info.get("error"):
        count = index_info["stories"]
        where = escape(one_line(str(index_info["dir"])))
        console.print(f"story index ready in {where} ({count} {'story' if count == 1 else 'stories'})")
