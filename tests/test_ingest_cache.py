"""Re-ingesting unchanged documents reuses the remembered result; an edited document is parsed again."""

from __future__ import annotations

from pathlib import Path

import pytest

import knowledge.ingest.api as api
from knowledge.ingest import ingest_paths

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
