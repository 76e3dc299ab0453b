"""The critic compares an answer with the candidate's own prepared stories."""

from __future__ import annotations

from agent.critic import critique_answer
from knowledge.metrics import extract_metrics
from knowledge.models import Story, stable_id


def _story(title: str, text: str, competencies: list[str], question: str | None = None) -> Story:
    return Story(
        id=stable_id("story", "bank.md", title), title=title, text=text, metrics=extract_metrics(text),
        competencies=competencies, question=question, source="bank.md",
    )  # fmt: skip


CHURN = _story(
    "Onboarding churn fix",
    "Situation: new workspaces churned in their first week. Task: I owned activation. Action: I rebuilt the "
    "onboarding checklist and added an import wizard. Result: first-week churn dropped 30% within a quarter, "
    "and support tickets about setup fell from 120 to 45 a month.",
    ["impact", "product"],
)
OUTAGE = _story(
    "Payments outage postmortem",
    "Situation: the payments service failed during a regional outage and we lost card authorisations. Task: "
    "I led the incident. Action: I ran the failover, wrote the postmortem and added a circuit breaker. Result: "
    "no payment outage in the following year.",
    ["incident", "reliability", "conflict"],
    question="Tell me about a production incident you led.",
)
STORIES = [CHURN, OUTAGE]
Q = "Tell me about a time you improved a product metric."


def test_contradicted_figure_quotes_both_numbers() -> None:
    answer = (
        "New workspaces churned in their first week, and I owned activation. I rebuilt the onboarding checklist "
        "and added an import wizard. As a result first-week churn dropped 40% within a quarter."
    )
    c = critique_answer(Q, "behavioral", answer, stories=STORIES)
    notes = [n for n in c.story_notes if n.kind == "contradiction"]
    assert len(notes) == 1
    assert notes[0].story_id == CHURN.id
    assert "30%" in notes[0].message and "40%" in notes[0].message
    assert notes[0].message == "Your notes say 30%; you said 40%."


def test_matching_figure_is_not_a_contradiction_and_omission_is_named() -> None:
    answer = (
        "New workspaces churned in their first week, and I owned activation. I rebuilt the onboarding checklist "
        "and added an import wizard. As a result first-week churn dropped 30% within a quarter."
    )
    c = critique_answer(Q, "behavioral", answer, stories=STORIES)
    kinds = [n.kind for n in c.story_notes]
    assert "contradiction" not in kinds
    omitted = [n for n in c.story_notes if n.kind == "omitted_metric"]
    assert omitted and "120" in omitted[0].story_text and "Onboarding churn fix" in omitted[0].message


def test_better_fitting_story_is_suggested() -> None:
    question = "Tell me about a production incident you led."
    answer = (
        "I rebuilt the onboarding checklist and added an import wizard, and first-week churn dropped 30% "
        "within a quarter."
    )
    # Stories arrive in retrieval order for the question: the outage story is the retriever's best match.
    c = critique_answer(question, "behavioral", answer, stories=[OUTAGE, CHURN])
    better = [n for n in c.story_notes if n.kind == "better_story"]
    assert better and better[0].story_id == OUTAGE.id
    assert "Payments outage postmortem" in better[0].message


def test_no_better_story_when_the_answer_tells_the_retrievers_best_match() -> None:
    answer = (
        "I rebuilt the onboarding checklist and added an import wizard, and first-week churn dropped 30% "
        "within a quarter."
    )
    c = critique_answer(Q, "behavioral", answer, stories=[CHURN, OUTAGE])
    assert not [n for n in c.story_notes if n.kind == "better_story"]


def test_no_stories_no_notes() -> None:
    assert critique_answer(Q, "behavioral", "I rebuilt onboarding and churn dropped 30%.").story_notes == []


def test_retelling_a_story_with_several_same_unit_figures_raises_no_contradiction() -> None:
    story = _story(
        "Support copilot evaluation",
        "Situation: agents rejected 34% of drafted replies. Action: I built a graded test set and gated prompt "
        "changes on it. Result: accepted drafts went from 34% to 58% and hallucinated citations fell from 11% "
        "to 2.5%.",
        ["quality"],
    )
    answer = (
        "Agents rejected 34% of drafted replies, so I built a graded test set and gated prompt changes on it. "
        "Accepted drafts went from 34% to 58% and hallucinated citations fell from 11% to 2.5%."
    )
    c = critique_answer(Q, "behavioral", answer, stories=[story, OUTAGE])
    assert [n for n in c.story_notes if n.kind == "contradiction"] == []
    wrong = answer.replace("58%", "68%")
    notes = critique_answer(Q, "behavioral", wrong, stories=[story, OUTAGE]).story_notes
    assert [n.message for n in notes if n.kind == "contradiction"] == [
        "Your notes say from 34% to 58%; you said from 34% to 68%."
    ]
