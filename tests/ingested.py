"""One helper for the ingest tests of unseen shapes (tests/test_ingest_unseen_shapes*.py): a document saved to a
real file, read by the real ingester, and what came out of it as models, (kind, title) pairs or the titles of the
stories proper."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.models import Story


def saved(folder: Path, name: str, text: str) -> Path:
    """`text` written to folder/name (UTF-8)."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def found(path: Path, kind: str | None = None) -> list[Story]:
    """The stories, pitches and answers the ingester finds in `path`; only those of `kind` when given."""
    return [s for s in ingest_paths([path]).stories if kind is None or s.kind == kind]


def kinds_and_titles(path: Path) -> list[tuple[str, str]]:
    return [(s.kind, s.title) for s in found(path)]


def story_titles(path: Path) -> list[str]:
    """Titles of what is read as a story proper (not a pitch, an answer or a reference)."""
    return [s.title for s in found(path, "story")]
