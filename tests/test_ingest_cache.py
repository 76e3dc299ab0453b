"""Re-ingesting unchanged documents reuses the remembered result; an edited document is parsed again."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import knowledge.ingest.api as api
import knowledge.ingest.cache as cache
from knowledge.ingest import IngestResult, ingest_paths

DOC = """## Story 1: Cutting the batch window

**Situation:** Nightly jobs overran into business hours twice a week.

**Task:** I had to bring the window back under four hours.

**Action:** I split the largest job and moved two reports to incremental loads.

**Result:** The window fell from 7 hours to 3 hours within a month.
"""


def test_unchanged_document_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "bank.md"
    doc.write_text(DOC, encoding="utf-8")
    first = ingest_paths([doc])
    assert [s.title for s in first.stories] == ["Cutting the batch window"]

    def no_parsing(*_: object) -> None:
        raise AssertionError("an unchanged document was parsed again")

    monkeypatch.setattr(api, "ingest_text", no_parsing)
    again = ingest_paths([doc])
    assert again.model_dump() == first.model_dump()


def test_an_edit_misses_the_cache(tmp_path: Path) -> None:
    doc = tmp_path / "bank.md"
    doc.write_text(DOC, encoding="utf-8")
    ingest_paths([doc])
    doc.write_text(DOC.replace("Cutting the batch window", "Shrinking the batch window"), encoding="utf-8")
    assert [s.title for s in ingest_paths([doc]).stories] == ["Shrinking the batch window"]


XML_DOC = """<?xml version="1.0"?>
<stories>
  <story>
    <title>Cutting the batch window</title>
    <situation>Nightly jobs overran into business hours twice a week and the finance team waited on them.</situation>
    <action>I split the largest job and moved two reports to incremental loads over three weeks.</action>
    <result>The window fell from 7 hours to 3 hours within a month, and nobody waited at 9 am again.</result>
  </story>
</stories>
"""


def test_a_reading_that_failed_is_not_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "bank.xml"
    doc.write_text(XML_DOC, encoding="utf-8")
    with monkeypatch.context() as missing:
        missing.setitem(sys.modules, "defusedxml", None)  # the XML library is not installed: import fails
        missing.setitem(sys.modules, "defusedxml.ElementTree", None)
        first = ingest_paths([doc])
    assert not first.stories
    assert any("library" in w and "defusedxml" in w for w in first.warnings), first.warnings
    # installed again: the document is read, not served from the cache as empty
    assert [s.title for s in ingest_paths([doc]).stories] == ["Cutting the batch window"]


def test_an_unexpected_reader_error_is_not_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "bank.md"
    doc.write_text(DOC, encoding="utf-8")

    def broken(*_: object) -> None:
        raise RuntimeError("a reader bug")

    with monkeypatch.context() as bug:
        bug.setattr(api, "extract", broken)
        assert not ingest_paths([doc]).stories
    assert [s.title for s in ingest_paths([doc]).stories] == ["Cutting the batch window"]


def test_a_new_reader_library_version_misses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "bank.md"
    doc.write_text(DOC, encoding="utf-8")
    ingest_paths([doc])
    parsed: list[str] = []
    real = api.ingest_text

    def counting(text: str | bytes, source: str) -> IngestResult:
        parsed.append(source)
        return real(text, source)

    monkeypatch.setattr(api, "ingest_text", counting)
    ingest_paths([doc])
    assert parsed == []  # same document, same code, same libraries: from the cache
    installed = metadata.version

    def upgraded(name: str) -> str:
        return "99.0" if name == "markdown-it-py" else installed(name)

    monkeypatch.setattr(cache.metadata, "version", upgraded)
    cache._code_digest.cache_clear()
    try:
        assert [s.title for s in ingest_paths([doc]).stories] == ["Cutting the batch window"]
    finally:
        cache._code_digest.cache_clear()
    assert parsed == [str(doc)]
