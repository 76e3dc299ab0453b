"""Counts on the shared real prep documents (skipped when ../shared/sample-prep is absent).

Hand counts: story-bank.md has Story 1..10 and three quoted example questions in its Purpose list (the
"Tell me about a time..." fragments under "How to Use" are not questions). director-flashcards.md has 16
**Q:** cards (rounds of 2, 3, 2, 4, 2, 3), one prepared answer each, and three questions for the interviewer.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths


def test_story_bank(shared_samples: Path) -> None:
    result = ingest_paths([shared_samples / "story-bank.md"])
    assert len(result.stories) == 10
    assert [s.format for s in result.stories] == ["star"] * 10
    assert result.stories[0].title == "Choosing Knowledge Graphs Over Traditional Databases"
    assert result.stories[1].title == "Debugging & Fixing Production SQLite Locking"
    for story in result.stories:
        assert story.situation and story.task and story.action and story.result, story.title
        assert "Interview Hook" not in story.result
    assert [q.text for q in result.questions] == [
        "Tell me about a time you made a difficult technical decision",
        "How do you handle trade-offs between speed and quality?",
        "Describe a time you had to debug a production issue",
    ]
    assert result.candidate_questions == []
    assert result.warnings == []


def test_director_flashcards(shared_samples: Path) -> None:
    result = ingest_paths([shared_samples / "director-flashcards.md"])
    assert len(result.questions) == 16
    assert len(result.stories) == 16
    assert all(s.format == "qa" and s.question == s.title for s in result.stories)
    assert len(result.candidate_questions) == 3
    lines = [q.line or 0 for q in result.questions]
    rounds = [(7, 18), (18, 39), (39, 49), (49, 75), (75, 87), (87, 108)]
    assert [sum(lo < n < hi for n in lines) for lo, hi in rounds] == [2, 3, 2, 4, 2, 3]
    everything = [s.title for s in result.stories] + [s.text for s in result.stories]
    everything += [q.text for q in result.questions + result.candidate_questions]
    assert not any("ðŸ" in t or "â€" in t for t in everything)
    assert result.questions[0].text == "Tell me about yourself?"
    assert result.questions[0].type == "motivation"
    types = {q.text: q.type for q in result.questions}
    assert types["Tell me about a time you failed."] == "behavioral"
    assert types["Design the backend for a high-concurrency Analytics API."] == "system_design"
    assert types["How do you structure an AI Engineering organization?"] == "leadership"
    bank = {q.text for q in result.questions}
    assert not any(c.text in bank for c in result.candidate_questions)
    # The stray copy of the technical-debt answer after the "Beta" card creates no question.
    assert sum("20% Tax" in s.text for s in result.stories) == 1
