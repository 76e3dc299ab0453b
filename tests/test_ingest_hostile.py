"""Hostile input never crashes ingestion: bad bytes, BOM + CRLF, empty, huge, binary, unreadable, no content."""

from __future__ import annotations

import os
import time
from pathlib import Path

from knowledge.ingest import ingest_paths, ingest_text

STORY = "## Story 1: Fixing the nightly export\n\n**Situation:** The export {s}.\n**Result:** It finished.\n"


def test_invalid_utf8_is_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(STORY.format(s="failed \xff\xfe twice").encode("latin-1"))
    result = ingest_paths([path])
    assert [s.title for s in result.stories] == ["Fixing the nightly export"]
    assert "\ufffd" in result.stories[0].situation
    assert any("not UTF-8 text (byte 0x" in w and "bad.md" in w for w in result.warnings)


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.md"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.format(s="timed out").replace("\n", "\r\n").encode())
    result = ingest_paths([path])
    story = result.stories[0]
    assert story.title == "Fixing the nightly export" and story.line == 1
    assert story.situation == "The export timed out."
    assert "\r" not in story.text and "\ufeff" not in story.text
    assert result.warnings == []


def test_mojibake_is_repaired() -> None:
    broken = "## ðŸŽ¯ Story 1: Cutting costs\n\n**Situation:** Weâ€™re over budget.\n**Result:** Saved 20%.\n"
    story = ingest_text(broken, "m.md").stories[0]
    assert story.title == "Cutting costs"
    assert story.situation == "We’re over budget."


def test_empty_file_warns(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_text("")
    result = ingest_paths([tmp_path / "empty.md"])
    assert result.stories == [] and result.files == [str(tmp_path / "empty.md")]
    assert result.warnings == [f"{tmp_path / 'empty.md'}: file is empty; nothing to ingest"]


def test_binary_junk_is_skipped_with_warning(tmp_path: Path) -> None:
    junk = tmp_path / "junk.md"
    junk.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    result = ingest_paths([junk])
    assert not result.found_anything
    assert any("binary" in w and "junk.md" in w for w in result.warnings)


def test_table_of_contents_only_warns_naming_the_file() -> None:
    result = ingest_paths([Path(__file__).parent / "fixtures" / "docs" / "toc-only.md"])
    assert not result.found_anything
    assert len(result.warnings) == 1
    assert "toc-only.md" in result.warnings[0] and "no stories or questions" in result.warnings[0]


def test_huge_file_is_capped_and_fast(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    block = STORY.format(s="was slow") + "\nFiller paragraph with no story in it at all, just words.\n" * 40
    with path.open("w") as handle:
        while handle.tell() < 5_500_000:
            handle.write(block)
    start = time.process_time()
    result = ingest_paths([path])
    elapsed = time.process_time() - start
    assert elapsed < 10, f"5.5 MB took {elapsed:.1f} s of CPU"
    assert result.stories, "the head of the file is still ingested"
    assert any("very large file" in w for w in result.warnings)


def test_missing_and_unreadable_paths_do_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(STORY.format(s="broke"))
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = ingest_paths([tmp_path / "missing.md", empty_dir, good])
    assert [s.title for s in result.stories] == ["Fixing the nightly export"]
    assert any("missing.md: no such file or folder" in e for e in result.errors)
    assert any("nothing: no .md, .markdown or .txt files" in e for e in result.errors)


def test_folders_are_walked_recursively_for_supported_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.markdown").write_text(STORY.format(s="stalled"))
    (tmp_path / "a" / "notes.txt").write_text("Q: Why do you want this job?\nA: Because I like hard problems.\n")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.md").write_text(STORY.format(s="leaked"))
    result = ingest_paths([tmp_path])
    assert sorted(Path(f).name for f in result.files) == ["deep.markdown", "notes.txt"]
    assert len(result.stories) == 2 and len(result.questions) == 1
