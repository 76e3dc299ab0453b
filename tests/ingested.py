"""One helper for the ingest tests of unseen shapes: a document written to a real file, read by the real ingester,
and what came out of it as (kind, title) pairs or the titles of one kind."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.models import Story


def read(folder: Path, name: str, text: str) -> list[Story]:
    """The stories (pitches and reference items too) the ingester finds in `text` saved as folder/name."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return ingest_paths([path]).stories


def kinds_and_titles(folder: Path, name: str, text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.title) for s in read(folder, name, text)]


def titles(folder: Path, name: str, text: str, kind: str = "story") -> list[str]:
    return [s.title for s in read(folder, name, text) if s.kind == kind]
