"""The candidate's story bank for coaching views, and a small cache so `agent.progress` answers fast.

Searching every question of a role pack over the story index takes a second or two (the embedder, FAISS, ~70
queries); the result depends only on the documents, the role pack, the embedder and the job description, so it is
kept in data_dir()/coaching/ under a key made of their paths, sizes and modification times. Session history is
never cached: told counts are merged in on every run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from knowledge import data_files
from knowledge.paths import data_dir, samples_dir, write_private

T = TypeVar("T")

CACHE_VERSION = 3  # bump when what is cached changes shape or meaning
CACHE_BYTES = 64 << 20  # one search's result over a candidate's notes: a few hundred KB
_TEXT = {".md", ".markdown", ".txt"}


def doc_files(docs: Sequence[str]) -> list[Path]:
    """The prep documents behind --docs (files and folders), or the bundled sample bank's when none are given."""
    roots = [Path(d) for d in docs] or [samples_dir()]
    found: list[Path] = []
    for root in roots:
        if root.is_dir():
            found += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT)
        elif root.exists():
            found.append(root)
    if not docs:
        found = [p for p in found if p.stem.lower() != "readme"]
    return found


def stamp(paths: Sequence[Path]) -> list[list[Any]]:
    """(path, size, mtime) of each file: what a cached result depends on."""
    out: list[list[Any]] = []
    for p in paths:
        try:
            info = p.stat()
            out.append([str(p), info.st_size, info.st_mtime_ns])
        except OSError:
            out.append([str(p), None, None])
    return out


def cached(kind: str, parts: list[Any], compute: Callable[[], dict[str, Any]],
           parse: Callable[[dict[str, Any]], T]) -> T:
    """parse(compute()) once per distinct `parts`; later runs parse data_dir()/coaching/<kind>-<key>.json. A cached
    file parse() cannot read (a hand edit of the wrong types: a traceback from agent.progress, sweep 43 F4's
    check of the other coaching files) is computed again and rewritten."""
    key = hashlib.sha256(json.dumps([CACHE_VERSION, kind, parts], sort_keys=True).encode()).hexdigest()[:24]
    folder = data_dir() / "coaching"
    path = folder / f"{kind}-{key}.json"
    try:
        return parse(dict(data_files.load_json(path, CACHE_BYTES)))  # never waits on a pipe nor reads a device
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        pass
    value = compute()
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        for old in folder.glob(f"{kind}-*.json"):  # one entry per kind: the documents have moved on
            old.unlink(missing_ok=True)
        write_private(path, json.dumps(value))
    except OSError:
        pass  # a read-only or full disk costs the next run the search again, nothing else
    return parse(value)


def open_index(docs: Sequence[str], embedder: str) -> Any:
    """The story index of the documents (knowledge.index), built or reused from its own cache."""
    from knowledge.index import open_story_index

    return open_story_index(docs=list(docs) or None, embedder=embedder)
