"""Search the candidate's stories from the terminal: which prepared story answers this question?

    python -m knowledge.search "QUERY" [--docs PATH...] [--index DIR] [--k 3] [--competency C]
                                       [--embedder minilm|hashing|openai|bm25] [--json]

With --docs it ingests those documents (caching the index in --index DIR when given). With only --index DIR it
searches the stories stored in DIR, as `python -m knowledge.ingest PATH... --index DIR` left them, with the embedder
that built it unless --embedder says otherwise. With neither it searches the bundled sample bank.
--json prints a list of {id, title, score, source}; otherwise a small table.
Notices (index rebuilt, embedder fallback, ingest warnings) go to stderr, one line each.
Exit codes: 0 ok (even with no hits), 1 nothing to search or a runtime error, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from knowledge.models import Story
from knowledge.safe_text import one_line

EMBEDDER_CHOICES = ("minilm", "hashing", "openai", "bm25")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and --help)."""
    parser = argparse.ArgumentParser(
        prog="python -m knowledge.search", description="Find the prepared stories that best answer a question."
    )
    parser.add_argument("query", help="the interview question, in quotes")
    parser.add_argument("--docs", nargs="+", metavar="PATH", help="prep documents or folders (default: sample bank)")
    parser.add_argument("--index", metavar="DIR", help="index directory (default: in the data dir)")
    parser.add_argument("--k", type=int, default=3, help="how many stories to show (default 3)")
    parser.add_argument("--competency", metavar="C", help="boost stories tagged with this competency")
    parser.add_argument(
        "--embedder", choices=EMBEDDER_CHOICES, help="default: the one that built --index DIR, else minilm (offline)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.query.strip():
        parser.error("the query is empty")
    if args.index is not None:
        if not args.index.strip():  # Path("") is the current folder: the index was written there (sweep27 S4)
            parser.error("--index needs a folder: an empty path was given")
        args.index = Path(args.index)
    if args.k < 1:
        parser.error("--k must be at least 1")
    if any(not doc.strip() for doc in args.docs or ()):  # Path("") is the current folder: all its notes were read
        parser.error("--docs needs a value, not an empty string")  # the session's words (sweep 37 B34)
    from knowledge.index import StoryIndex, open_story_index
    from knowledge.paths import DataDirError, index_folder_problem, link_problem

    for doc in args.docs or ():
        # one line and rc 2 in the words the session and ingest use (sweep30 S7: a link loop or a dangling link
        # was "no such file or folder" under the usage text)
        if problem := link_problem(Path(doc)) or (None if Path(doc).exists() else "no such file or folder"):
            print(f"error: --docs {one_line(doc)}: {one_line(problem)}", file=sys.stderr)
            return 2

    if args.index is not None and (problem := index_folder_problem(str(args.index))):
        # a file is no story index, and the ingest command that would build one refuses it too: say so, not that
        print(f"error: {one_line(problem)}", file=sys.stderr)
        return 2

    try:
        if args.index is not None and not args.docs:
            stories, built_with = stored_stories(args.index)
            embedder = args.embedder or (built_with if built_with in EMBEDDER_CHOICES else "minilm")
            index = StoryIndex.open(stories, index_dir=args.index, embedder=embedder)
        else:
            index = open_story_index(args.docs, index_dir=args.index, embedder=args.embedder or "minilm")
    except DataDirError as exc:  # INTERVIEWER_DATA_DIR unusable: a setting to fix, like a bad argument
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    for notice in index.notices:
        print(f"note: {one_line(notice)}", file=sys.stderr)
    if not index.stories:
        print("error: no stories found in the documents", file=sys.stderr)
        return 1
    hits = index.search(args.query, k=args.k, competency=args.competency)
    rows = [{"id": h.story.id, "title": h.story.title, "score": h.score, "source": h.story.source} for h in hits]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No story matches that question.")
        return 0
    _print_table(rows, index.embedder_name, len(index.stories))
    return 0


def stored_stories(index_dir: Path) -> tuple[list[Story], str]:
    """The stories of the index in `index_dir` (the last ingest's, in order) and the embedder that built it.

    Raises ValueError with a one-line reason when there is no readable index there.
    """
    from knowledge import data_files
    from knowledge.index_store import DOCSTORE_BYTES, DOCSTORE_FILE, MANIFEST_BYTES, MANIFEST_FILE

    hint = f"build it with: python -m knowledge.ingest PATH... --index {index_dir}"
    if not (index_dir / MANIFEST_FILE).is_file():
        raise ValueError(f"no story index in {index_dir}; {hint}")
    try:
        manifest = data_files.load_json(index_dir / MANIFEST_FILE, MANIFEST_BYTES)
        entries = data_files.load_json(index_dir / DOCSTORE_FILE, DOCSTORE_BYTES)["stories"]
        # One entry per embedded view; a story's dump rides on its first view (knowledge.index_store).
        stories = [Story.model_validate(e["story"]) for e in entries if e.get("active", True) and e.get("story")]
    except (OSError, ValueError, KeyError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
        raise ValueError(f"the story index in {index_dir} is unreadable ({exc.__class__.__name__}); {hint}") from exc
    return stories, str(manifest.get("embedder", ""))


def _print_table(rows: list[dict[str, object]], embedder: str, total: int) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def shown(text: str) -> str:  # titles and file names come from the candidate's files: no markup, no escapes
        return escape(one_line(text))

    method = "bm25" if embedder == "bm25" else f"{embedder} + bm25"
    title = f"The only story ({method})" if total == 1 else f"Top {len(rows)} of {total} stories ({method})"
    table = Table(title=title, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    table.add_column("story")
    table.add_column("source", overflow="fold")
    for rank, row in enumerate(rows, start=1):
        table.add_row(str(rank), f"{row['score']:.4f}", shown(str(row["title"])), shown(Path(str(row["source"])).name))
    Console().print(table)


if __name__ == "__main__":
    sys.exit(main())
