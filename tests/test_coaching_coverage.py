"""Story coverage: best story per competency, finished or not, told counts, overused stories, and the story to
write where none fits (unit level, then through `python -m agent.progress --json` on the sample bank)."""

from __future__ import annotations

from pathlib import Path

from agent.coaching.coverage import StoryInfo, coverage, missing_parts
from agent.coaching.feed import AnswerRecord, FileFeed, SessionSummary
from knowledge.models import Metric, Story
from knowledge.roles import load_role
from tests.progress_cli import progress, progress_json


def _story(**parts: str) -> Story:
    text = " ".join(parts.values())
    return Story(id="s", title="t", text=text, source="x.md", **parts)  # type: ignore[arg-type]


def test_a_labelled_story_with_a_measured_result_is_finished() -> None:
    story = _story(
        situation="Our deploys failed weekly.",
        task="I had to fix the release process.",
        action="I added canaries and a rollback button.",
        result="Failed deploys fell from 6 to 1 a month.",
    )
    story.metrics = [Metric(text="from 6 to 1", value=1.0, baseline=6.0, after=1.0)]
    assert missing_parts(story) == []
    story.unfinished = True
    assert missing_parts(story) == ["placeholders"]


def test_a_story_without_an_outcome_says_what_it_lacks() -> None:
    story = _story(situation="Our deploys failed weekly.", action="I added canaries.")
    lacks = missing_parts(story)
    assert "result" in lacks and "measured result" in lacks and "action" not in lacks


def _told(n: int, story: str, competency: str) -> SessionSummary:
    answer = AnswerRecord(
        question_id=f"q{n}",
        question="?",
        competency=competency,
        type="behavioral",
        score=3,
        story_id=story,
        story_title=story.title(),
    )
    return SessionSummary(thread_id=f"t{n}", role="director", started=f"2026-11-0{n + 1}", answers=[answer])


def test_told_counts_overuse_and_the_story_to_write() -> None:
    pack = load_role("director")
    info = StoryInfo("outage", "Outage", "bank.md", finished=True, missing=[])
    found = {c: (None, []) for c in pack.competencies} | {"incident_response": ("outage", ["outage"])}
    sessions = [
        _told(0, "outage", "incident_response"),
        _told(1, "outage", "execution"),
        _told(2, "outage", "failure_learning"),
        _told(3, "pitch", "motivation"),
    ]
    cov = coverage(pack, found, {"outage": info}, sessions)
    assert cov.stories["outage"].told == 3 and cov.stories["outage"].overused
    assert cov.stories["outage"].told_by == {"execution": 1, "failure_learning": 1, "incident_response": 1}
    assert cov.stories["pitch"].told == 1 and not cov.stories["pitch"].overused
    rows = {r.competency: r for r in cov.competencies}
    assert rows["incident_response"].best == "outage" and rows["incident_response"].write == ""
    assert rows["hiring"].write.startswith("no prepared story fits: write one about a time you ")
    assert rows["execution"].told == 1


def test_progress_json_carries_coverage_of_every_competency(isolated_data_dir: Path) -> None:
    feed = FileFeed(isolated_data_dir / "history")
    for n, comp in enumerate(("incident_response", "execution", "quality_reliability")):
        feed.record(_told(n, "story-x", comp))
    cov = progress_json("--role", "director", "--embedder", "hashing")["coverage"]
    assert [r["competency"] for r in cov["competencies"]] == list(load_role("director").competencies)
    assert cov["sample_bank"] and cov["stories"]["story-x"]["overused"]
    best = [cov["stories"][r["best"]] for r in cov["competencies"] if r["best"]]
    assert best and all(s["source"] for s in best)  # retrieved from the documents, not only from the history
    table = progress("--role", "director", "--embedder", "hashing")
    out = " ".join(table.stdout.split())
    assert "Story coverage from the bundled sample bank" in out and "Overused: Story-X was told for 3" in out
