"""Records copied out of a tracker, each under a banner between two rules, written to disk and read by the real
ingester. A short record (three or four aligned `Key:   value` fields, one of them wrapped) sits between the rule
under its banner and the rule over the next one: its fields are its text, never a header box whose first value
becomes a title with the other lines blanked.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.ingest.normalize import normalize

RULE = "-" * 64

TRACKER = "\n".join([
    "=== CASES: interview prep ===   (pasted from my ticket tracker, one card after another)",
    "",
    RULE,
    "CARD #8 · The ledger that closed twice · Column: Ready · Due: 3 Apr 2025",
    RULE,
    "Trigger:     I found that our month-end close had run twice in March 2024 and booked 1,900",
    "             duplicate entries across two subsidiaries before anyone noticed.",
    "Moves:       I froze the job and wrote the dedupe script myself. I replayed the month with finance",
    "             over one weekend, then I added a lock so a second run stops before it books anything.",
    "Since:       we have had no double close in 14 months, and the auditors withdrew their note.",
    "",
    RULE,
    "CARD #9 · Handing the rota to the team · Column: Ready · Due: 9 Jun 2025",
    RULE,
    "Trigger:     I was the only person who could run the weekly release, so every release waited",
    "             for my calendar and two of them slipped by a week.",
    "Moves:       I wrote the release checklist down, ran the next four releases as the second pair",
    "             of hands and let a different engineer lead each one.",
    "Blockers:    one release failed its smoke test and I stayed out of it; the lead rolled it back.",
    "Since:       five people have run a release and none has waited for me since; cadence went from",
    "             fortnightly to weekly.",
    "",
])


def test_a_short_record_under_a_banner_keeps_its_fields() -> None:
    lines = TRACKER.split("\n")
    out = normalize(lines)
    record = range(5, 11)  # the ledger card's fields, its wrapped lines and the blank line under them
    # the wrapped lines may be set flush (hanging.py: aligned under their field's value), their words kept
    assert [out[i].strip() for i in record] == [lines[i].strip() for i in record]
    assert not any(line.startswith("#") and "duplicate entries" in line for line in out)


def test_a_short_record_under_a_banner_is_stored_whole(tmp_path: Path) -> None:
    path = tmp_path / "tracker export - cards.txt"
    path.write_text(TRACKER, encoding="utf-8")
    stories = [s for s in ingest_paths([path]).stories if s.kind == "story"]
    ledger = [s for s in stories if "ledger" in s.title.lower()]
    assert ledger, [s.title for s in stories]
    assert "dedupe script" in ledger[0].text and "14 months" in ledger[0].text
    assert any("rota" in s.title.lower() for s in stories), [s.title for s in stories]
