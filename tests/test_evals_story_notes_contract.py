"""`python -m evals.run --json` carries critique.story_notes as {kind, story_id, notes_value, said_value, text}."""

from __future__ import annotations

from pathlib import Path

from evals.run import run

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "evals" / "transcripts"


def test_json_carries_story_notes_with_both_values() -> None:
    results, errors = run([str(TRANSCRIPTS / "director-docs-drift-contradiction.yaml")])
    assert errors == []
    (turn,) = results
    notes = turn["critique"]["story_notes"]
    contradiction = next(n for n in notes if n["kind"] == "contradiction")
    assert set(contradiction) == {"kind", "story_id", "notes_value", "said_value", "text"}
    assert contradiction["notes_value"] == "from 9 days to 4 days"
    assert contradiction["said_value"] == "from 9 days to 2 days"
    assert contradiction["text"] == "Your notes say from 9 days to 4 days; you said from 9 days to 2 days."
    assert contradiction["story_id"].startswith("story-data-platform-consolidation")
    assert all(c["passed"] for c in turn["checks"])
