"""The key metrics /hint lists are figures that measure something, not a count of one (newcomer trial N16: "1 backlog"
was listed as a key metric). A terse note written for this file, read by the real ingest."""

from __future__ import annotations

from pathlib import Path

from agent.hint_lines import hint_lines
from knowledge.ingest import ingest_paths


def test_a_count_of_one_is_no_key_metric(tmp_path: Path) -> None:
    doc = tmp_path / "notes.md"
    doc.write_text(
        "# notes\n\n## ONE QUEUE FOR EVERYONE (team split)\n"
        "- 2023: a single infra team of 22, 1 intake queue, every request waited on it\n"
        "- split it into three product-aligned squads and a small tooling group\n"
        "- result after a quarter: requests waiting on infra 45% -> 10%\n",
        encoding="utf-8",
    )
    (story,) = [s for s in ingest_paths([doc]).stories if s.kind != "reference"]
    figures = next(line for line in hint_lines(story) if line.startswith("Key metrics:"))
    assert "45% -> 10%" in figures and "1 intake" not in figures, figures
