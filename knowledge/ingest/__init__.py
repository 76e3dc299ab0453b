"""Ingest the candidate's prep documents (Markdown / text) into stories and questions.

`ingest_paths(paths)` walks files and folders; `ingest_text(text, source)` reads one document. Both return an
IngestResult (stories, questions, candidate_questions, warnings, errors, files) and never raise on bad input.
CLI: `python -m knowledge.ingest PATH... [--index DIR] [--json]`.
"""

from knowledge.ingest.api import ingest_paths, ingest_text
from knowledge.ingest.result import IngestResult

__all__ = ["IngestResult", "ingest_paths", "ingest_text"]
