"""Documents of hostile shapes (one character or a short pattern repeated, on one long line or on many short lines)
are read in seconds of CPU at 1 MB, the size that is cut to the read cap: time must not grow faster than the text.
The shapes come from evals/ingest_stress.py, which also times them at two sizes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from evals.ingest_stress import UNITS, make
from knowledge.ingest import ingest_text
from knowledge.ingest.prose import _RESULT
from knowledge.ingest.reader import MAX_LINES
from knowledge.metrics import extract_metrics
from knowledge.pitch import PITCH, PITCH_QUESTION, PITCH_TITLE

STORY = (
    "## Cutting the nightly batch\n\n"
    "Our nightly batch ran for six hours and blocked the morning reports. I profiled it, found two joins that "
    "re-read the same table, and rewrote them as one pass. The run fell to forty minutes and the reports were "
    "ready before anyone came in.\n"
)
SHAPES = [
    "deflist", "deflist-sp", "char", "bold", "link", "cell", "quote", "label", "crlf", "binaryish", "qa",
    "heading", "rule",
]


@pytest.mark.parametrize("layout", ["line", "lines"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_megabyte_of_one_shape_is_read_in_seconds(shape: str, layout: str) -> None:
    text = make(UNITS[shape], layout, 1_000_000)
    start = time.process_time()
    result = ingest_text(text, "notes.md")
    elapsed = time.process_time() - start
    assert elapsed < 10, f"{shape} ({layout}): {elapsed:.1f} s of CPU"  # about 2 s; 20+ s before the line cap
    assert not result.failed


def test_many_short_lines_are_cut_at_the_line_cap_and_the_head_is_read(tmp_path: Path) -> None:
    # 'a' / ':a' lines (a definition list's shape) after a story: the story is found, the cut is said in one line.
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\n" + STORY + "\n" + "a\n:" * 160_000, encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(notes), "--json"],
        capture_output=True, text=True, timeout=120,
    )
    assert time.perf_counter() - start < 60  # 20+ s of ingest alone before the cap; about 3 s with it
    assert proc.returncode == 0, proc.stderr
    assert "Cutting the nightly batch" in proc.stdout
    assert f"very long file; only the first {MAX_LINES:,} lines were read" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_document_just_under_the_line_cap_is_read_whole() -> None:
    text = "# Notes\n\n" + "filler line\n" * (MAX_LINES - 20) + "\n" + STORY
    result = ingest_text(text, "notes.md")
    assert [s.title for s in result.stories] == ["Cutting the nightly batch"]
    assert not any("very long file" in w for w in result.warnings)


@pytest.mark.parametrize("unit", ["1,", "12", "a-", "1 "])
def test_figures_and_pitch_words_are_read_in_one_pass_over_a_long_line(unit: str) -> None:
    # A number or a hyphenated word pattern was tried again from every digit or word of a run ("1,1,1,...",
    # "1212...", "a-a-a-..."): 40,000 characters took seconds to minutes. Each is a few tens of ms now.
    line = "I cut costs by 30% in two months. " + unit * 20_000
    start = time.process_time()
    extract_metrics(line)
    for pattern in (PITCH, PITCH_TITLE, PITCH_QUESTION, _RESULT):
        pattern.search(line)
    elapsed = time.process_time() - start
    assert elapsed < 2, f"{unit!r}: {elapsed:.1f} s of CPU"
