"""A document with a very long run of one character (a line of brackets, spaces or digits, as a broken export or a
pasted hex dump leaves) is read in a moment, and what follows it is still found where it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from knowledge.ingest import ingest_text

STORY = (
    "## Cutting the nightly batch\n\n"
    "Our nightly batch ran for six hours and blocked the morning reports. I profiled it, found two joins that "
    "re-read the same table, and rewrote them as one pass. The run fell to forty minutes and the reports were "
    "ready before anyone came in.\n"
)


def test_long_runs_of_one_character_do_not_hang_ingest(tmp_path: Path) -> None:
    # Each of these lines kept the readers' patterns busy for minutes (tried again from every position of the line).
    hostile = ["[" * 200_000, " " * 100_000 + "x", "1" * 100_000]
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n" + "\n\n".join(hostile) + "\n\n" + STORY, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(notes), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Cutting the nightly batch" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_story_after_a_long_run_keeps_its_line() -> None:
    text = "# Notes\n\n" + "=" * 50_000 + "\n\n" + STORY
    result = ingest_text(text, "notes.md")
    [story] = [s for s in result.stories if "nightly batch" in s.title]
    assert story.line == 5  # the heading's line in the file: the run was shortened, no line moved


def test_log_export_and_profile_readers_stay_linear_on_long_input() -> None:
    # The readers added for logs and exports (gedcom.py, banners.py's records a rule opens, datadoc.py's untitled
    # sheet rows, stories.py's banner and motivation cues), each on one long line of one character or of a short
    # pattern, and on as many short lines. (The whole ingester on 50,000 short lines is slower than this: sweep
    # 42b's G3, not these readers.)
    import time

    from knowledge.ingest.banners import unbanner
    from knowledge.ingest.datadoc import undata
    from knowledge.ingest.gedcom import ungedcom
    from knowledge.ingest.stories import _BANNER_FIELDS, _motivated

    cases: list[tuple[object, str]] = [
        (ungedcom, "0 HEAD\n1 NOTE " + "a" * 100_000),
        (ungedcom, "0 HEAD\n" + "2 CONC x\n" * 50_000),
        (ungedcom, "0 HEAD\n" + "0 @N1@ NOTE x\n1 CONC y\n" * 25_000),
        (ungedcom, "0 HEAD\n0 @I1@ INDI\n1 NAME A /B/\n" + "1 NOTE @N1@\n" * 50_000),
        (unbanner, "-" * 20 + "\nA | " + "b | " * 25_000 + "\ntext\n"),
        (unbanner, ("-" * 20 + "\nLOG 1 | x | y\ntext\n\n") * 5_000),
        (unbanner, "-\n" * 100_000),
        (undata, "Date,Place,Notes\n2025-01-01,some place,\"" + "why this job: " * 7_000 + '"\n'),
        (undata, "Date,Place,Notes\n" + "2025-01-01,a b,c\n" * 20_000),
        (undata, "Date,Place,Notes\n" + "2025-01-01,a b," + "x" * 100_000 + "\n"),
        (lambda lines: [_motivated(lines), _BANNER_FIELDS.match(lines[0])], "why ML. " * 12_000),
        (lambda lines: [_motivated(lines), _BANNER_FIELDS.match(lines[0])], "|" * 100_000),
        (lambda lines: [_motivated(lines)], "why ML.\n" * 50_000),
    ]
    for read, text in cases:
        start = time.perf_counter()
        read(text.split("\n"))  # type: ignore[operator]
        assert time.perf_counter() - start < 2, text[:40]
