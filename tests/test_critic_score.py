"""How gaps compose into a score, judged through the critique a user meets (a real role pack).

A stance told through a lived case with no result is a 3, as a story without one is; a generic motivation or plan
is a 2, however well it names what the question asks about; a complete, measured, owned, specific story is a 5 even
when the signal matcher names none of the question's signals. Every answer is written for this file.
"""

from __future__ import annotations

from agent.critic import critique_answer

DEBT = (
    "I keep a standing slice of each sprint for debt rather than negotiating it item by item, because a fixed slice "
    "survives pressure better than a list. At my last company, running a payments team of seven, I agreed with our "
    "product lead that 20% of every sprint went to debt we ranked together in a shared doc, and I picked the first "
    "target myself: the flaky settlement job that woke people at night. I also made the on-call engineer the owner "
    "of the debt list for their week, so the person feeling the pain chose what to fix."
)
WHY_NOW = (
    "Because I want to grow and this feels like the right time for a bigger challenge. In my current role I have "
    "been leading teams for a while and I have learned a lot, so now I want to take the next step and have more "
    "impact on the business."
)
FEEDBACK = (
    "Two years ago a senior data engineer on my team of eight, someone everyone liked, was rewriting colleagues' "
    "pipelines overnight without telling them. My task was to stop it without losing him. I booked a private "
    "hour, showed him the three commits and the messages from the two people whose work he had replaced, and said "
    "plainly that it read as distrust. He was stunned; he thought he was helping. I asked him to propose changes as "
    "reviews from then on and to pair with each owner once. Over the next quarter the overnight rewrites went from "
    "about three a week to none, and both engineers asked to keep pairing with him."
)


def test_a_stance_with_a_lived_case_and_no_result_is_a_three() -> None:
    c = critique_answer("How do you make room for technical debt in a team under constant feature pressure?",
                        "leadership", DEBT, role="engineering-manager", question_id="tech-debt")  # fmt: skip
    assert c.weak_or_missing == ["result"] and c.score == 3


def test_a_generic_motivation_is_a_two_even_when_it_names_the_signals() -> None:
    c = critique_answer("Why this role, and why now in your career?", "motivation", WHY_NOW, role="director")
    assert c.specificity == "low" and c.signals.covered and c.score == 2


def test_a_complete_measured_story_is_a_five_without_a_named_signal() -> None:
    c = critique_answer("Tell me about giving difficult feedback to someone who did not expect it.", "leadership",
                        FEEDBACK, role="engineering-manager", question_id="feedback-delivery")  # fmt: skip
    assert c.score == 5 and c.weak_or_missing == [] and c.gap == ""
