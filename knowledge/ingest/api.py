"""Library entry points: ingest_text (one document) and ingest_paths (files and folders)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

from knowledge.ingest.build import build
from knowledge.ingest.extract import extract
from knowledge.ingest.fallback import titled_blocks
from knowledge.ingest.formats import convert
from knowledge.ingest.reader import decode, discover, read_file
from knowledge.ingest.repeats import first_copy
from knowledge.ingest.result import IngestResult
from knowledge.ingest.transcript import untranscript
from knowledge.ingest.unstored import unstored_warning
from knowledge.models import Story

# A character repeated past this many times in a row (a line of 100,000 spaces or digits) is cut to this many: no
# note needs more, and the readers' patterns are tried from every position of a line, so such a run cost minutes.
_MAX_RUN = 200
_LONG_RUN = re.compile(r"(.)\1{" + str(_MAX_RUN) + ",}")


def _short_runs(text: str) -> str:
    """`text` with every run of one character longer than _MAX_RUN cut to _MAX_RUN; lines stay where they are."""
    return _LONG_RUN.sub(lambda m: m.group(1) * _MAX_RUN, text)


def ingest_text(text: str | bytes, source: str) -> IngestResult:
    """Stories and questions of one document given as text or raw bytes; never raises on bad content."""
    result = IngestResult(files=[source])
    try:
        converted = convert(text, source)  # Word, OpenDocument, RTF, notebooks: Markdown first (formats.py)
    except Exception as exc:  # a reader bug must cost one document, not the whole run
        result.warnings.append(f"{source}: could not be read ({exc.__class__.__name__}: {exc}); skipped")
        result.mark_failed()
        return result
    if converted is not None:
        if converted.text is None:
            result.warnings.append(f"{source}: {converted.note}")
            return result
        text = converted.text
    decoded = decode(text, source)
    if decoded is None:
        result.warnings.append(f"{source}: looks like a binary file, not a text document; skipped")
        return result
    result.warnings.extend(decoded.warnings)
    if not decoded.text.strip():
        result.warnings.append(f"{source}: file is empty; nothing to ingest")
        return result
    stem = PurePath(source.replace("\\", "/")).stem or "notes"
    body = _short_runs(first_copy(decoded.text))  # a text written out twice over is read once
    try:
        doc = extract(body, fallback_title=stem.replace("-", " ").replace("_", " "))
        items, result.questions, result.candidate_questions = build(doc, source)
        spoken = "\n".join(untranscript(body.split("\n")))  # timestamps are not titles of blocks
        if len(items) <= 1 and not result.questions and (blocks := titled_blocks(spoken, len(items))):
            # nothing found, or one item in a document without headings: read each block under its title-like
            # first line (fallback.py), kept when that finds more
            again = build(extract(blocks, fallback_title=stem.replace("-", " ").replace("_", " ")), source)
            if len(again[0]) > len(items):
                items, result.questions, result.candidate_questions = again
        result.stories = [s for s in items if s.kind != "reference"]
        result.references = [s for s in items if s.kind == "reference"]
    except ImportError as exc:  # a reader library this install lacks: say which; the next run tries again
        result.warnings.append(f"{source}: not read: the library to read it is missing ({exc}); reinstall the tool")
        result.mark_failed()
        return result
    except Exception as exc:  # a heuristic bug must cost one document, not the whole run
        result.warnings.append(f"{source}: could not be parsed ({exc.__class__.__name__}: {exc}); skipped")
        result.mark_failed()
        return result
    result.warnings.extend(f"{source}: {w}" for w in doc.warnings)
    if (missed := _unstored(body, [*result.stories, *result.references])) is not None:
        result.warnings.append(f"{source}: {missed}")
    if not result.found_anything:
        result.warnings.append(
            f"{source}: no stories or questions found (expected STAR stories, Q&A pairs or narrative sections)"
        )
    return result


Progress = Callable[[int, int], None]  # (documents done, documents in all)


def ingest_paths(paths: Sequence[str | Path], progress: Progress | None = None) -> IngestResult:
    """Ingest every prep document (.md, .markdown, .txt, .org, .adoc, ...: reader.SUFFIXES) under `paths`.

    Unreadable or missing paths become one-line entries in `errors`; the other files are still ingested.
    `progress` is told (done, total) after each document. Unchanged documents come from the ingest cache.
    """
    from knowledge.ingest.cache import IngestCache

    total = IngestResult()
    seen_ids: set[str] = set()
    seen_files: set[Path] = set()
    found = list(discover(paths))  # listed first, so progress knows the total
    with IngestCache() as cache:
        for done, (path, shown, error) in enumerate(found, start=1):
            if progress is not None:
                progress(done - 1, len(found))
            if error or path is None:
                _error(total, error or f"{shown}: cannot be read")
                continue
            if path.resolve() in seen_files:
                continue  # named twice (or a folder and a file inside it): ingest once
            seen_files.add(path.resolve())
            try:
                data = read_file(path)
            except OSError as exc:
                _error(total, f"{shown}: cannot be read ({exc.strerror or exc.__class__.__name__})")
                continue
            one = cache.load(data, shown)
            if one is None:
                one = ingest_text(data, shown)
                cache.store(data, shown, one)
            _dedupe_across_files(one, seen_ids)
            total.extend(one)
    if progress is not None:
        progress(len(found), len(found))
    return total


def _unstored(text: str, items: Sequence[Story]) -> str | None:
    """The one-line notice naming story-like sections no item holds (unstored.py); None when there is none or
    the check itself fails (a notice must never cost the document)."""
    try:
        return unstored_warning(text, [s.text for s in items if s.kind != "reference"])
    except Exception:  # the stories are already read; the notice is extra
        return None


def _error(result: IngestResult, message: str) -> None:
    """Errors are also warnings, so callers that only show warnings still tell the user."""
    result.errors.append(message)
    result.warnings.append(message)


def _dedupe_across_files(result: IngestResult, seen: set[str]) -> None:
    """Two files with the same name (in different folders) must not share ids: key those by full path."""
    from knowledge.models import stable_id

    for story in [*result.stories, *result.references]:
        if story.id in seen:
            story.id = stable_id("story", story.source, f"{story.title} @{story.line}")
        seen.add(story.id)
    for question in [*result.questions, *result.candidate_questions]:
        if question.id in seen:
            prefix = question.id.split("-", 1)[0]
            question.id = stable_id(prefix, question.source, f"{question.text} @{question.line}")
        seen.add(question.id)
