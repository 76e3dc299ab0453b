"""Ingest the candidate's prep documents (Markdown / text) into stories and questions.

`ingest_paths(paths)` walks files and folders; `ingest_text(text, source)` reads one document. Both return an
IngestResult (stories, questions, candidate_questions, warnings, errors, files) and never raise on bad input.
CLI: `python -m knowledge.ingest PATH... [--index DIR] [--json]`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.ingest.api import ingest_paths, ingest_text
    from knowledge.ingest.result import IngestResult

__all__ = ["IngestResult", "ingest_paths", "ingest_text"]

# Loaded on first use, not with the package: `python -m knowledge.ingest` imports this package before its
# __main__ can catch a Ctrl-C, and the readers took a quarter second to load here (sweep 37 N10: a traceback).
_WHERE = {"ingest_paths": "knowledge.ingest.api", "ingest_text": "knowledge.ingest.api",
          "IngestResult": "knowledge.ingest.result"}  # fmt: skip


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
