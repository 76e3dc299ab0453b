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


SEARCH = _story(
    "Search latency rescue",
    "Situation: product search was slow, with p95 at 900 ms, and 3.2% of queries timed out. Task: I owned the fix. "
    "Action: I pulled five engineers into a tiger team, removed two synchronous calls and cached ranking results. "
    "Result: p95 search latency dropped from 900 ms to 140 ms in 8 weeks, and timeouts fell from 3.2% to 0.4%.",
    ["performance"],
)
SEARCH_Q = "Tell me about a time you fixed a performance problem."


def _drift(answer: str, stories: list[Story] | None = None) -> list:
    return critique_answer(SEARCH_Q, "behavioral", answer, stories=stories or [SEARCH, CHURN]).story_notes


def test_contradiction_carries_notes_and_said_values() -> None:
    notes = _drift(
        "Search was slow, p95 at 900 ms. I pulled five engineers into a tiger team and cached ranking results. "
        "p95 search latency dropped from 900 ms to 240 ms in 8 weeks, and timeouts fell from 3.2% to 0.4%."
    )
    (note,) = [n for n in notes if n.kind == "contradiction"]
    assert (note.notes_value, note.said_value) == ("from 900 ms to 140 ms", "from 900 ms to 240 ms")
    assert note.message == "Your notes say from 900 ms to 140 ms; you said from 900 ms to 240 ms."
    assert note.story_id == SEARCH.id


def test_rounded_reworded_and_reordered_figures_are_not_drift() -> None:
    answer = (
        "Timeouts went from about 3% to 0.4% of queries and p95 from roughly 900 milliseconds to 140 ms, in two "
        "months. I ran a tiger team of five engineers, removed two synchronous calls and cached ranking."
    )
    assert [n for n in _drift(answer) if n.kind == "contradiction"] == []


def test_swapped_before_and_after_is_a_contradiction() -> None:
    answer = (
        "Search was slow. I pulled five engineers into a tiger team and cached ranking results. p95 search latency "
        "went from 140 ms to 900 ms in 8 weeks, and timeouts fell from 3.2% to 0.4%."
    )
    (note,) = [n for n in _drift(answer) if n.kind == "contradiction"]
    assert note.said_value == "from 140 ms to 900 ms"


def test_figures_about_different_things_are_never_compared() -> None:
    # The answer's only percentage is about a different thing (engineers' time), not timeouts: no pair.
    answer = (
        "Search was slow. I pulled five engineers into a tiger team, who spent 40% of their time on it, removed two "
        "synchronous calls and cached ranking results. p95 search latency dropped from 900 ms to 140 ms."
    )
    assert [n for n in _drift(answer) if n.kind == "contradiction"] == []
    # A count of one thing is not a count of another: "12 incidents" against "five engineers".
    answer2 = answer.replace("who spent 40% of their time on it", "after 12 incidents")
    assert [n for n in _drift(answer2) if n.kind == "contradiction"] == []


def test_a_changed_count_is_caught_by_its_noun() -> None:
    answer = (
        "Search was slow. I pulled nine engineers into a tiger team, removed two synchronous calls and cached ranking. "
        "p95 search latency dropped from 900 ms to 140 ms in 8 weeks."
    )
    (note,) = [n for n in _drift(answer) if n.kind == "contradiction"]
    assert (note.notes_value, note.said_value) == ("five engineers", "nine engineers")


def test_omitted_headline_figure_is_named_once() -> None:
    answer = "Search was slow. I pulled a tiger team together, removed two synchronous calls and cached ranking."
    omitted = [n for n in _drift(answer) if n.kind == "omitted_metric"]
    assert len(omitted) == 1 and omitted[0].notes_value == "from 900 ms to 140 ms"


def test_unfinished_told_story_asks_to_finish_it() -> None:
    draft = SEARCH.model_copy(update={"unfinished": True})
    answer = "Search was slow, p95 at 900 ms. I pulled five engineers into a tiger team and cached ranking results."
    notes = _drift(answer, [draft, CHURN])
    assert [n.kind for n in notes][:1] == ["unfinished"]
    assert "finish this story" in notes[0].message


def test_a_story_that_does_not_fit_is_never_suggested() -> None:
    question = "Tell me about a production incident you led."
    answer = (
        "I rebuilt the onboarding checklist and added an import wizard, and first-week churn dropped 30% "
        "within a quarter."
    )
    # The retriever ranked the outage story first but said it does not fit the question (StoryHit.fits).
    c = critique_answer(question, "behavioral", answer, stories=[OUTAGE, CHURN], fits=[False, True])
    assert not [n for n in c.story_notes if n.kind == "better_story"]
    c = critique_answer(question, "behavioral", answer, stories=[OUTAGE, CHURN], fits=[False, False])
    assert not [n for n in c.story_notes if n.kind == "better_story"]


def test_the_told_story_is_checked_even_when_it_does_not_fit_the_question() -> None:
    answer = (
        "New workspaces churned in their first week, and I owned activation. I rebuilt the onboarding checklist "
        "and added an import wizard. As a result first-week churn dropped 40% within a quarter."
    )
    c = critique_answer(Q, "behavioral", answer, stories=[OUTAGE, CHURN], fits=[False, False])
    notes = [n for n in c.story_notes if n.kind == "contradiction"]
    assert notes and notes[0].story_id == CHURN.id and "30%" in notes[0].message
