"""Progress arithmetic on hand-made summaries: trend, recurring gaps with their sentence, vanished gaps, feed order."""

from __future__ import annotations

from pathlib import Path

from agent.coaching.feed import AnswerRecord, FileFeed, SessionSummary
from agent.coaching.progress import progress, recurring_gaps, trend_of


def answer(competency: str, score: int, gaps: list[str], prompted: bool = False) -> AnswerRecord:
    return AnswerRecord(
        question_id=f"q-{competency}",
        question="?",
        competency=competency,
        type="behavioral",
        score=score,
        first_score=score,
        gaps=gaps,
        prompted=prompted,
        follow_ups=1 if prompted else 0,
    )


def session(n: int, *answers: AnswerRecord) -> SessionSummary:
    return SessionSummary(thread_id=f"t{n}", role="r", started=f"2026-01-{n + 1:02d}T00:00:00", answers=list(answers))


def test_trend_needs_two_sessions_and_a_real_slope() -> None:
    assert trend_of([]) == ("none", None)
    assert trend_of([3.0]) == ("new", None)
    assert trend_of([3.0, 3.0, 3.1])[0] == "flat"
    assert trend_of([2.0, 3.0, 4.0]) == ("rising", 1.0)
    assert trend_of([4.0, 2.0])[0] == "falling"


def test_recurring_gap_reads_as_a_count_of_recent_answers() -> None:
    answers = [answer("a", 3, ["quantified_result"]) for _ in range(4)] + [answer("a", 5, []) for _ in range(2)]
    answers.insert(0, answer("a", 2, ["ownership", "quantified_result"]))  # older than the last six
    (gap,) = recurring_gaps(answers)
    assert (gap.gap, gap.count, gap.total) == ("quantified_result", 4, 6)
    assert gap.text == "no quantified result in 4 of your last 6 answers"


def test_progress_covers_every_pack_competency_and_counts_prompting() -> None:
    sessions = [
        session(0, answer("execution", 2, ["result"], prompted=True), answer("hiring", 4, ["ownership"])),
        session(1, answer("execution", 3, ["quantified_result"], prompted=True)),
        session(2, answer("execution", 5, [])),
    ]
    view = progress("r", {"execution": 1.0, "hiring": 1.0, "strategy": 1.0}, sessions)
    by_name = {c.competency: c for c in view.competencies}
    assert [p.score for p in by_name["execution"].points] == [2.0, 3.0, 5.0]
    assert by_name["execution"].trend == "rising" and by_name["execution"].resolved == ["quantified_result"]
    # "result" was missing two sessions ago only: old news, not a gap that just went
    assert by_name["execution"].prompted == 2 and by_name["hiring"].trend == "new"
    assert by_name["strategy"].points == [] and by_name["strategy"].trend == "none"
    assert view.sessions == 3 and view.answers == 4 and view.prompted == 2


def test_a_missing_outcome_does_not_make_its_number_gone() -> None:
    sessions = [
        session(0, answer("execution", 4, ["quantified_result"])),
        session(1, answer("execution", 2, ["result"])),
    ]
    assert progress("r", {"execution": 1.0}, sessions).competencies[0].resolved == []


def test_file_feed_orders_by_start_keeps_the_first_start_and_skips_broken_files(tmp_path: Path) -> None:
    feed = FileFeed(tmp_path / "history")
    feed.record(session(2, answer("execution", 3, [])))
    feed.record(session(0, answer("execution", 2, [])))
    feed.record(session(2, answer("execution", 5, [])).model_copy(update={"started": "2027-01-01T00:00:00"}))
    (tmp_path / "history" / "broken.json").write_text("{not json")
    got = feed.sessions("r")
    assert [s.thread_id for s in got] == ["t0", "t2"]
    assert got[1].started.startswith("2026-01-03") and got[1].answers[0].score == 5
    assert feed.sessions("other") == []
