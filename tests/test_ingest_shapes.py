"""Each document shape a candidate writes is found: STAR sections, question headings, flashcards, fenced and
plain Q/A pairs, Question/STAR Answer blocks, unlabelled prose stories and example-question lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.ingest import IngestResult, ingest_paths, ingest_text

DOCS = Path(__file__).parent / "fixtures" / "docs"


def ingest(name: str) -> IngestResult:
    return ingest_paths([DOCS / name])


def by_title(result: IngestResult) -> dict[str, object]:
    return {s.title: s for s in result.stories}


def test_star_sections_with_every_label_style() -> None:
    result = ingest("star-labels.md")
    titles = [s.title for s in result.stories]
    assert titles == [
        "Rescuing the Invoice Pipeline Migration",
        "Negotiating a Shared On-Call Rotation",
        "Cutting Model Serving Cost",
        "Short Labels Story",
        "Labels As Headings",
    ]
    for story in result.stories:
        assert story.format == "star"
        assert story.situation and story.task and story.action and story.result, story.title
    first = result.stories[0]
    assert first.line == 10
    assert first.result.startswith("- Month-end run dropped from 9 hours to 50 minutes")
    # Extra parts stay in the full text but do not leak into the Result.
    assert "six weeks" not in first.result and "Trade-offs Accepted" in first.text
    assert "Interview Hook" in first.text
    rotation = result.stories[1]
    assert rotation.action.startswith("I gathered two months of pager data")
    assert "Data beats opinions" not in rotation.result
    short = result.stories[3]
    assert short.action.startswith("I built a dual-auth adapter")  # "A:" is Action next to S:/T:/R:
    headings = result.stories[4]
    assert "Version every cache key" not in headings.result


def test_star_story_metrics_and_competencies() -> None:
    cost = by_title(ingest("star-labels.md"))["Cutting Model Serving Cost"]
    assert "cost_efficiency" in cost.competencies  # type: ignore[attr-defined]
    assert cost.metrics, "the $80K -> $36K change should be extracted"  # type: ignore[attr-defined]


def test_intro_example_questions_are_complete_quoted_questions_only() -> None:
    result = ingest("star-labels.md")
    assert [q.text for q in result.questions] == [
        "Tell me about a time you turned around a failing project",
        "How do you decide what not to build?",
    ]  # the third example ends in "..." and is a fragment
    assert result.questions[0].type == "behavioral"
    assert result.questions[0].line == 4


def test_question_headings_give_question_and_answer_story() -> None:
    result = ingest("question-headings.md")
    texts = [q.text for q in result.questions]
    assert texts == [
        "Tell me about a time you disagreed with your manager.",
        "How would you design a rate limiter for a public API?",
        "Why do you want to join our company?",
        "What is the hardest bug you have fixed?",
        "Explain how database isolation levels differ.",
    ]
    assert [q.type for q in result.questions] == [
        "behavioral",
        "system_design",
        "motivation",
        "behavioral",
        "technical",
    ]
    # The last heading has no answer below it: a question, but no prepared story.
    assert len(result.stories) == 4
    for story in result.stories:
        assert story.format == "qa" and story.question == story.title
    star = result.stories[0]
    assert star.situation.startswith("My manager wanted") and star.result.startswith("We chose")
    assert "token bucket" in result.stories[1].text


def test_bold_flashcards_with_bulleted_answers() -> None:
    result = ingest("flashcards.md")
    assert [q.text for q in result.questions] == [
        "Tell me about yourself?",
        "How do you handle an underperforming engineer?",
        "Your team missed two deadlines in a row. What do you do?",
    ]
    assert [s.format for s in result.stories] == ["qa", "qa", "qa"]
    first = result.stories[0]
    assert "eight" in first.text and "boring, reliable ones" in first.text  # wrapped bullet kept
    assert "How do you handle" not in first.text  # answer stops at the next question
    assert "Outcome" in result.stories[1].text
    assert "Questions to ask" not in result.stories[2].text  # stops at the hr / heading


def test_candidate_questions_are_not_interview_questions() -> None:
    result = ingest("flashcards.md")
    asks = [q.text for q in result.candidate_questions]
    assert asks == [
        "How does the team decide what goes on the roadmap each quarter?",
        "What does success look like for this role after six months?",
        "Which part of the platform worries you most right now?",
    ]
    bank = {q.text for q in result.questions}
    assert not bank & set(asks)
    assert all(q.id.startswith("cq-") for q in result.candidate_questions)


def test_qa_pairs_inside_code_fences_but_not_code() -> None:
    result = ingest("fenced-qa.md")
    assert [q.text for q in result.questions] == [
        "What is the difference between a process and a thread?",
        "Why does Python have a GIL?",
    ]
    assert result.stories[1].text.startswith("It keeps reference counting safe")
    assert "```" not in result.stories[1].text
    assert all("retry" not in s.text for s in result.stories)  # a real code block is not a story


def test_plain_text_qa_pairs() -> None:
    result = ingest("plain-qa.txt")
    assert [q.text for q in result.questions] == [
        "How do you keep a team focused during a reorg?",
        "Describe a situation where you had to cut scope.",
    ]
    assert result.stories[1].text.startswith("We were three weeks from a launch")
    assert result.stories[1].line == 6


def test_question_with_star_answer_bullets() -> None:
    result = ingest("question-star-answer.md")
    assert [q.text for q in result.questions] == [
        "Tell me about a time you had to deliver bad news to a customer.",
        "Describe a time you mentored someone.",
    ]
    for story in result.stories:
        assert story.format == "qa"
        assert story.situation and story.task and story.action and story.result
    assert result.stories[1].result == "She led the next release of that service on her own."
    assert "mentoring" in result.stories[1].competencies


def test_prose_sections_become_prose_stories_with_inferred_star() -> None:
    result = ingest("prose-stories.md")
    assert [s.title for s in result.stories] == [
        "The weekend the payments queue stalled",
        "Growing the team from four to twelve",
    ]  # "How to use these notes" is instructions, not a story
    outage, team = result.stories
    assert outage.format == "prose" and outage.line == 11
    assert "12,000 orders" in outage.situation
    assert outage.task.startswith("My goal was")
    assert "rolled the consumer" in outage.action
    assert outage.result.startswith("As a result")
    assert team.task.startswith("I needed to triple capacity")
    assert "offer acceptance rose" in team.result


def test_story_heading_without_labels_is_still_a_story() -> None:
    doc = "## Story 7: The cache stampede\n\nOur cache expired all at once every hour and the database fell over.\n"
    result = ingest_text(doc, "notes.md")
    assert [(s.title, s.format) for s in result.stories] == [("The cache stampede", "prose")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Q:** What is your biggest weakness?", "What is your biggest weakness?"),
        ("Q1. How do you run a postmortem?", "How do you run a postmortem?"),
        ("- **Question 2**: Describe a time you changed your mind.", "Describe a time you changed your mind."),
        ("**Q: “Why should we hire you?”**", "Why should we hire you?"),
    ],
)
def test_explicit_question_variants(line: str, expected: str) -> None:
    result = ingest_text(f"# Practice\n\n{line}\nA: An answer I prepared in advance for this one.\n", "p.md")
    assert [q.text for q in result.questions] == [expected]
    assert result.stories[0].text == "An answer I prepared in advance for this one."


def test_quarter_labels_are_not_questions() -> None:
    doc = "# Roadmap\n\nQ3: launch the billing revamp\nQ4: migrate search to the new cluster\n"
    result = ingest_text(doc, "roadmap.md")
    assert result.questions == [] and result.stories == []


def test_several_labelled_stories_under_one_heading_are_split() -> None:
    doc = (
        "# Leadership stories\n\n"
        "**The billing migration**\n**Situation:** Billing ran on a box nobody owned.\n**Task:** Move it.\n"
        "**Action:** I planned a parallel run.\n**Result:** Zero missed invoices.\n\n"
        "**The first hire**\n\n**Situation:** No senior engineer on the team.\n**Task:** Hire one.\n"
        "**Action:** I ran the loop myself.\n**Result:** Hired in 9 weeks.\n"
    )
    result = ingest_text(doc, "leadership.md")
    assert [(s.title, s.line) for s in result.stories] == [("The billing migration", 3), ("The first hire", 9)]
    assert result.stories[0].result == "Zero missed invoices."
    assert "first hire" not in result.stories[0].text
    assert result.stories[1].situation == "No senior engineer on the team."


def test_numbered_prompts_in_lists_and_headings_are_questions() -> None:
    doc = (
        "## Common questions\n\n1. Tell me about a time you failed.\n2. Describe a conflict with a peer.\n"
        "3. Tell me about a time... → use the outage story\n\n"
        "### 1. Walk me through a launch you led\n\nI planned the launch with sales and we shipped on time.\n\n"
        "### How I scaled the platform team\n\nSome notes to myself.\n"
    )
    result = ingest_text(doc, "q.md")
    assert [q.text for q in result.questions] == [
        "Tell me about a time you failed.",
        "Describe a conflict with a peer.",
        "Walk me through a launch you led",
    ]
    assert [s.title for s in result.stories] == ["Walk me through a launch you led"]  # "How I ..." is a title


def test_yaml_front_matter_is_ignored_and_lines_stay_true() -> None:
    doc = (
        "---\ntitle: Prep\ntags: [loop]\n---\n\n"
        "## Story 1: Late data\n\n**Situation:** Data came late.\n**Result:** Fixed.\n"
    )
    result = ingest_text(doc, "fm.md")
    assert [(s.title, s.line) for s in result.stories] == [("Late data", 6)]
    assert result.warnings == []


def test_question_without_q_prefix_followed_by_an_answer_label() -> None:
    doc = (
        "# Notes\n\n**Why do you want to work here?**\n*   **Answer**: I want to own the reliability work.\n\n"
        "What is your biggest weakness?\nA1: I over-prepare; now I timebox it.\n\n"
        "Is this just a musing?\nNo label follows, so it is not a card.\n"
    )
    result = ingest_text(doc, "cards.md")
    assert [q.text for q in result.questions] == ["Why do you want to work here?", "What is your biggest weakness?"]
    assert result.stories[1].text.startswith("I over-prepare; now I timebox it.")  # runs to the next card


@pytest.mark.parametrize(
    "heading",
    ["## Questions YOU ask them", "## My questions for them", "## Reverse interview", "### Questions to ask"],
)
def test_candidate_question_headings(heading: str) -> None:
    doc = (
        f'# Prep\n\n{heading}\n\n- How big is the on-call rotation?\n- "What would you change about the team?"\n\n'
        "#### For the skip-level\n\n1. Where is the org headed next year?\n\n## Story 1: Back to stories\n\n"
        "**Situation:** A queue stalled.\n**Result:** It drained.\n"
    )
    result = ingest_text(doc, "prep.md")
    assert [q.text for q in result.candidate_questions] == [
        "How big is the on-call rotation?",
        "What would you change about the team?",
        "Where is the org headed next year?",
    ]
    assert result.questions == []
    assert [s.title for s in result.stories] == ["Back to stories"]


def test_candidate_questions_after_a_bold_label_inside_a_section() -> None:
    doc = (
        "## Wrap-up\n\nThank them for their time.\n\n**My questions for them:**\n"
        "- What does a great first quarter look like?\n- How are decisions escalated?\n"
    )
    result = ingest_text(doc, "wrap.md")
    assert [q.text for q in result.candidate_questions] == [
        "What does a great first quarter look like?",
        "How are decisions escalated?",
    ]
    assert result.questions == []


def test_question_heading_answer_followed_by_cards_in_the_same_section() -> None:
    doc = (
        "## Behavioral\n\n### Q1: Describe a reorg you led.\n\n**Situation:** Three teams owned one feature.\n"
        "**Result:** Lead time halved.\n\n---\n\n**Question**: Tell me about a missed deadline.\n\n"
        "**STAR Answer**:\n- **Situation**: A vendor slipped.\n- **Result**: We shipped a week late, with notice.\n"
    )
    result = ingest_text(doc, "mixed.md")
    assert [q.text for q in result.questions] == ["Describe a reorg you led.", "Tell me about a missed deadline."]
    assert [s.title for s in result.stories] == ["Describe a reorg you led.", "Tell me about a missed deadline."]
    assert result.stories[0].result == "Lead time halved."
    assert "vendor" not in result.stories[0].text


def test_closing_paragraph_of_a_prose_story_is_its_result() -> None:
    doc = (
        "## Saying no to a favour\n\nA sales director asked my team to hard-code a discount rule for one client. "
        "I knew it would break the pricing audit we had just passed.\n\n"
        "I asked for a day, wrote up a configurable option with the finance lead, and walked the director through "
        "the audit risk.\n\nThe client got the configurable rule a week later and the audit stayed clean.\n"
    )
    story = ingest_text(doc, "no.md").stories[0]
    assert story.format == "prose"
    assert story.result == "The client got the configurable rule a week later and the audit stayed clean."
    assert story.action.startswith("I asked for a day")


def test_mixed_notes_with_bold_question_cards_and_prompt_lists() -> None:
    result = ingest("mixed-notes.md")
    assert [(s.format, s.title) for s in result.stories] == [
        ("qa", "Tell me about yourself"),
        ("star", "Conflict"),
        ("star", "Failure"),
        ("qa", "How does Kafka guarantee ordering?"),
        ("qa", "Why is idempotency important for payment retries?"),
    ]
    assert result.stories[1].action == "I ran a joint design review and wrote the ownership doc."  # "**A** —"
    assert [(q.text, q.type) for q in result.questions] == [
        ("Tell me about yourself", "motivation"),
        ("How does Kafka guarantee ordering?", "technical"),
        ("Why is idempotency important for payment retries?", "technical"),
        ("Design a URL shortener", "system_design"),
        ("Design a rate limiter for a public API", "system_design"),
    ]
    assert [q.text for q in result.candidate_questions] == ["What's the on-call like?"]


def test_question_tables() -> None:
    doc = (
        "# Drill table\n\n| # | Question | Answer |\n|---|----------|--------|\n"
        "| 1 | Tell me about a time you shipped under pressure. | We had two weeks to launch billing v2; "
        "I cut scope to invoices only and we launched on the date. |\n"
        "| 2 | Why this company? | Short. |\n| 3 | Not a question | whatever |\n\n"
        "| Metric | Value |\n|--------|-------|\n| p95 | 120 ms |\n"
    )
    result = ingest_text(doc, "table.md")
    assert [(q.text, q.line) for q in result.questions] == [
        ("Tell me about a time you shipped under pressure.", 5),
        ("Why this company?", 6),
    ]
    assert [s.title for s in result.stories] == ["Tell me about a time you shipped under pressure."]
    assert result.stories[0].text.startswith("We had two weeks")
