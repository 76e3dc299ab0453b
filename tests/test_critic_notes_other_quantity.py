"""A new figure of another quantity with the same unit as a figure of the notes is no contradiction: how long a
debate lasted or a planning horizon is not how long the work took, a discount is not a utilisation; and a change's
size said without its sign ("moved only 0.3%" for the notes' "-0.3%") is not left out. The same figures said of the
notes' own quantities are still caught. Notes and answers are written for this file (newcomer 40 N5, N6)."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.models import Story

QUESTION = "Tell me about a technical decision your team was stuck on and how you resolved it."
RESULT = (
    "Result: warehouse bill $90k -> $55k/mo (39% down) in 8 weeks. Dashboard p95 4s -> 2.5s. Freshness flat (-0.3%)."
)
NOTES = Story(
    id="s-warehouse", title="WAREHOUSE BILL (cost)", source="notes.md", competencies=["technical_judgment"],
    text=("Situation: warehouse bill at $90k a month, growing. Analysts split on materialised views vs a bigger "
          "cluster. Action: had the team tag every query by dashboard; 5 dashboards = 60% of spend, clusters at 25% "
          "util. Chose views + auto-suspend, dropped the cluster resize. " + RESULT),
    result=RESULT,
)  # fmt: skip
OPENING = ("Our warehouse bill was $90k a month and the analysts were split between materialised views and a bigger "
           "cluster. I had the team tag every query by dashboard: five dashboards were 60% of the spend. ")  # fmt: skip


def _notes(answer: str) -> list[tuple[str, str, str]]:
    c = critique_answer(QUESTION, "behavioral", answer, [NOTES], "technical_judgment")
    return [(n.kind, n.notes_value, n.said_value) for n in c.story_notes if n.kind != "better_story"]


def _contradictions(answer: str) -> list[tuple[str, str]]:
    return [(notes, said) for kind, notes, said in _notes(answer) if kind == "contradiction"]


def test_how_long_a_debate_ran_is_not_how_long_the_work_took() -> None:
    answer = OPENING + (
        "The argument had gone on for five weeks with no numbers, so I stepped in and chose the views "
        "with auto-suspend. The bill went from $90k to $55k a month and dashboard p95 from 4s to 2.5s."
    )
    assert _contradictions(answer) == []


def test_a_planning_horizon_is_not_how_long_the_work_took() -> None:
    answer = (
        "I rank the options by their effect on cost over the next three quarters, then by risk. That is how I "
        "chose views over a bigger cluster: the bill went from $90k to $55k a month."
    )
    assert _contradictions(answer) == []


def test_a_discount_is_not_the_clusters_utilisation() -> None:
    answer = OPENING + (
        "The other option was committing to the clusters for a year at a 35% discount, but it would "
        "have locked in the waste. The bill went from $90k to $55k a month."
    )
    assert _contradictions(answer) == []


def test_a_changes_size_said_without_its_sign_is_not_left_out() -> None:
    answer = OPENING + (
        "I chose views with auto-suspend. The bill went from $90k to $55k a month, dashboard p95 from "
        "4s to 2.5s, and freshness moved only 0.3%."
    )
    assert not [n for n in _notes(answer) if n[0] == "omitted_metric" and "0.3" in n[1]], _notes(answer)


def test_the_same_quantities_misquoted_are_still_caught() -> None:
    answer = OPENING + (
        "The clusters ran at 40% utilisation. I chose views with auto-suspend, and in 12 weeks the "
        "bill went from $90k to $55k a month."
    )
    found = _contradictions(answer)
    assert ("25%", "40%") in found, found
    assert [x for x in found if "8 weeks" in x[0] and "12 weeks" in x[1]], found
