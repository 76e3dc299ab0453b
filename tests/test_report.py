"""The report: per-question scores combine the first answer and its follow-ups, skips count as unanswered,
the Markdown quotes evidence and story notes, and writing it twice gives the same files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agent.critic.schema import Critique, Evidence, Gap, Span, StarFlags, StoryNote
from agent.report import build_scorecard, render_markdown, write_report
from agent.state import PlannedQuestion, TurnRecord

PLAN: list[PlannedQuestion] = [
    {"id": "q1", "text": "Tell me about a failure.", "type": "behavioral", "competency": "failure", "signals": []},
    {"id": "q2", "text": "Design a queue.", "type": "system_design", "competency": "design", "signals": []},
    {"id": "q3", "text": "Why us?", "type": "motivation", "competency": "motivation", "signals": []},
]


def crit(score: int, gaps: list[Gap], **kw: Any) -> dict[str, Any]:
    critique = Critique(
        question_type="behavioral",
        star=StarFlags(situation=True, action=True),
        quantified_result=False,
        ownership="mixed",
        specificity="medium",
        weak_or_missing=gaps,
        gap=f"Missing {gaps[0]}." if gaps else "",
        score=score,
        **kw,
    )
    return critique.model_dump(mode="json")


def turn(index: int, answer: str, critique: dict[str, Any] | None, follow_up: bool = False) -> TurnRecord:
    return {
        "question_index": index, "question_id": PLAN[index]["id"], "question": "Q", "question_type": "behavioral",
        "competency": "x", "answer": answer, "is_follow_up": follow_up, "skipped": critique is None,
        "critique": critique, "follow_up": None, "stories": [{"id": "s1", "title": "Queue story", "score": 0.5}],
        "usage": None,
    }  # fmt: skip


EVIDENCE = Evidence(field="action", span=Span(start=0, end=14, text="I shipped it"), note="")
NOTE = StoryNote(kind="contradiction", story_id="s1", story_title="Queue story", message="Your notes say 30%.")
TURNS = [
    turn(0, "We tried it.", crit(2, ["quantified_result", "ownership"])),
    turn(0, "It dropped 40%.", crit(4, ["ownership"], evidence=[EVIDENCE], story_notes=[NOTE],
                                    probes="quantified_result", closes_gap=True), follow_up=True),
    turn(1, "", None),
]


def test_scorecard_uses_the_final_critique_and_counts_skips() -> None:
    card = build_scorecard(PLAN, TURNS, ended_early=True)
    q1, q2, q3 = card["questions"]
    # 2/5 first, one follow-up that closed its gap: 3. The skipped question and the one never reached (the
    # session ended early) each count as unanswered (1): (3 + 1 + 1) / 3.
    assert (q1["first_score"], q1["score"], q1["primary_gap"], q1["follow_ups"]) == (2, 3, "quantified_result", 1)
    assert q2["skipped"] and q2["score"] is None
    assert not q3["asked"]
    assert card["overall"] == 1.67 and card["answered"] == 1 and card["skipped"] == 1 and card["ended_early"]
    assert card["unanswered"] == 2
    assert card["practice"][0]["gap"] == "quantified_result"
    assert all(p["advice"] for p in card["practice"])


def test_ending_after_one_strong_answer_is_not_a_strong_interview() -> None:
    """A 5/5 answer and /end with four questions left reads 1.8, not 5.0 (the newcomer's trial)."""
    plan = PLAN + PLAN[:2]
    card = build_scorecard(plan, [turn(0, "A full story.", crit(5, []))], ended_early=True)
    assert card["overall"] == 1.8 and card["answered"] == 1 and card["unanswered"] == 4
    md = render_markdown("t-1", "director", plan, [turn(0, "A full story.", crit(5, []))], card)
    assert "Overall score: 1.8/5** over 5 planned question(s), 1 answered" in md


def test_a_session_with_every_question_answered_averages_them() -> None:
    turns = [turn(0, "a", crit(4, ["ownership"])), turn(1, "b", crit(5, [])), turn(2, "c", crit(3, ["rationale"]))]
    card = build_scorecard(PLAN, turns)
    assert card["overall"] == 4.0 and card["unanswered"] == 0


def test_ending_at_the_first_question_scores_every_planned_question_unanswered() -> None:
    card = build_scorecard(PLAN, [], ended_early=True)  # /end as the first move (sweep 43 F6): by the README's rule
    assert card["overall"] == 1.0 and card["answered"] == 0 and card["unanswered"] == len(PLAN)
    assert card["overall"] == build_scorecard(PLAN, [turn(0, "", None)], ended_early=True)["overall"]


def test_a_session_saved_before_any_answer_has_no_overall_score_yet() -> None:
    assert build_scorecard(PLAN, [])["overall"] is None


def test_practice_lists_at_most_three_gaps_most_frequent_first() -> None:
    turns = [
        turn(0, "a", crit(2, ["quantified_result", "ownership", "specificity", "tradeoffs"])),
        turn(1, "b", crit(3, ["quantified_result", "rationale"])),
    ]
    practice = build_scorecard(PLAN, turns)["practice"]
    assert len(practice) == 3 and practice[0]["gap"] == "quantified_result"


def test_markdown_has_answers_evidence_story_notes_and_practice() -> None:
    md = render_markdown("t-1", "director", PLAN, TURNS, build_scorecard(PLAN, TURNS))
    for expected in (
        "Overall score: 1.67",
        "Tell me about a failure.",
        "We tried it.",
        "It dropped 40%.",
        '"I shipped it"',
        "Your notes say 30%.",
        "(skipped)",
        "Top things to practise",
        "Queue story",
    ):
        assert expected in md, expected  # fmt: skip
    assert "Why us?" not in md  # never asked


def test_write_report_is_idempotent() -> None:
    values = {"plan": PLAN, "turns": TURNS, "closing": "Bye."}
    first = write_report("t-1", values, {"role": "director"})
    text = Path(first["markdown"]).read_text(encoding="utf-8"), Path(first["json"]).read_text(encoding="utf-8")
    second = write_report("t-1", values, {"role": "director"})
    assert first == second
    again = Path(second["markdown"]).read_text(encoding="utf-8"), Path(second["json"]).read_text(encoding="utf-8")
    assert again == text


def test_llm_usage_is_summed_into_the_report() -> None:
    turns = [
        {**TURNS[0], "usage": {"calls": 1, "prompt_tokens": 900, "completion_tokens": 100, "cost_usd": 0.001}},
        {**TURNS[1], "usage": {"calls": 1, "prompt_tokens": 800, "completion_tokens": 50, "cost_usd": 0.002}},
    ]
    card = build_scorecard(PLAN, turns)  # type: ignore[arg-type]
    assert card["llm"]["calls"] == 2 and card["llm"]["prompt_tokens"] == 1700
    md = render_markdown("t-1", "director", PLAN, turns, card)  # type: ignore[arg-type]
    assert "LLM refinement: 2 call(s), 1850 tokens, about $0.0030." in md
    assert "llm" not in build_scorecard(PLAN, TURNS)  # offline sessions say nothing about an LLM


def test_every_gap_the_critic_can_name_has_practice_advice() -> None:
    """The report's "Top things to practise" printed "**answering the question asked**: " with nothing after it."""
    from typing import get_args

    from prompts import load_yaml

    advice = load_yaml("interviewer.yaml")["practice"]
    assert {gap: advice.get(gap, "").strip() != "" for gap in get_args(Gap)} == dict.fromkeys(get_args(Gap), True)
