"""Forms real prep notes use (issue 10): stray fences, qualified STAR labels, question forms, kinds, links,
placeholders and UI residue in titles."""

from __future__ import annotations

from knowledge.ingest import ingest_text

STRAY_FENCE = """# GenAI prep

## Redaction

**Question**: "How do you keep personal data out of prompts?"

**Answer**: A recogniser pass masks names and numbers before the prompt is built.

```python
def mask(text):
    return recogniser.sub(text)
```

```

### Coaching

**Question**: "Tell me about coaching a new graduate."

**STAR Answer**:
- **S**: Two graduates joined the search team the same month.
- **T**: Make them productive on the ranking service.
- **A**: I paired with each twice a week and gave each one small feature to own.
- **R**: Both shipped to production within six weeks.

### A launch that flopped

**Question**: "Tell me about a project that failed."

- **S**: Our summary widget had almost no users.
- **T**: Decide whether to keep it.
- **A (the mistake):** I had skipped talking to users before building it.
- **R (consequence + lesson):** We removed it after a quarter; I now interview five users first.
- Likely follow-up: what would you measure next time?

```python
prompt = f"Answer using {context}"
```
"""


def test_stray_fence_does_not_swallow_the_stories_after_it() -> None:
    result = ingest_text(STRAY_FENCE, "genai.md")
    titles = [s.title for s in result.stories]
    assert titles == ["Redaction", "Coaching", "A launch that flopped"]  # one card under a topic heading
    failed = result.stories[2]
    assert failed.action == "I had skipped talking to users before building it."
    assert failed.result == "We removed it after a quarter; I now interview five users first."
    assert [s.kind for s in result.stories] == ["answer", "story", "story"]
    assert [s.questions for s in result.stories] == [
        ["How do you keep personal data out of prompts?"],
        ["Tell me about coaching a new graduate."],
        ["Tell me about a project that failed."],
    ]
    assert not any("{" in q.text for q in result.questions)


def test_question_forms_without_a_question_mark() -> None:
    doc = (
        "## STAR Question 4 : Tell me about a time when you rebuilt a team's trust\n\n"
        "**S:** The platform team had missed three launches. **T:** Win back the product teams.\n"
        "**A:** I published a weekly status page. **R:** Two quarters later every launch shipped on time.\n\n"
        "## Notes\n\n- Could add a diagram of the old pipeline here\n"
    )
    result = ingest_text(doc, "forms.md")
    assert [q.text for q in result.questions] == ["Tell me about a time when you rebuilt a team's trust"]
    [story] = result.stories
    assert story.question == "Tell me about a time when you rebuilt a team's trust" and story.kind == "story"


def test_placeholders_mark_a_story_unfinished_and_are_not_parts() -> None:
    doc = (
        "## The cache stampede ★ strongest (Click to expand)\n\n"
        "**Situation:** Our product pages fell over every morning at nine.\n"
        "**Task:** Stop the outages.\n**Action:** I added request coalescing in front of the cache.\n"
        "**Result:** [FILL: error rate after]\n"
    )
    [story] = ingest_text(doc, "wip.md").stories
    assert story.title == "The cache stampede"
    assert story.unfinished and story.result == ""


def test_legend_is_reference_and_pitch_is_an_answer() -> None:
    doc = (
        "## Story Bank Structure\n\n- **S** = Context and challenges\n- **T** = What you owned\n"
        "- **A** = Steps you took\n- **R** = Measurable outcome\n\n"
        "## Elevator pitch\n\nI am a backend lead with ten years in payments. I grew a team from three to twelve "
        "and I led the move to event sourcing at my current company.\n"
    )
    result = ingest_text(doc, "bank.md")
    assert [(s.title, s.kind) for s in result.stories] == [("Elevator pitch", "answer")]
    assert [(s.title, s.kind) for s in result.references] == [("Story Bank Structure", "reference")]


def test_also_answers_links_questions_and_the_bank_keeps_the_link() -> None:
    doc = (
        "## The billing migration\n\n**Situation:** Billing ran on a ten-year-old monolith.\n"
        "**Task:** Move it without losing an invoice.\n**Action:** I ran old and new side by side for a month.\n"
        "**Result:** We switched over with zero lost invoices.\n"
        "*Also answers: Tell me about a risky change you made; How do you de-risk a migration?*\n"
    )
    result = ingest_text(doc, "links.md")
    [story] = result.stories
    assert story.result == "We switched over with zero lost invoices."
    assert story.questions == ["Tell me about a risky change you made", "How do you de-risk a migration?"]
    assert {q.text: q.story_ids for q in result.questions} == {q: [story.id] for q in story.questions}


def test_quoted_and_numbered_questions_and_a_question_to_story_table() -> None:
    doc = (
        "# Behavioural\n\n## Deadlines\n\n> Tell me about a time you met a really tough\n> deadline.\n\n"
        "We had six weeks to ship the export feature for our largest customer. I cut scope to the three formats "
        "they used and we shipped two days early.\n\n## Practice round\n\n1. Describe a conflict with a peer.\n\n"
        "**S:** A peer wanted to rewrite the auth service.\n**T:** Agree on a plan.\n"
        "**A:** I proposed a spike with a one-week limit.\n**R:** We kept the old service and fixed two hot paths.\n\n"
        "## Which story for which question\n\n| Question | Story |\n|---|---|\n"
        "| Time you pushed back on a peer | Describe a conflict |\n| A mistake you made. | (none yet) |\n"
    )
    result = ingest_text(doc, "forms.md")
    assert [q.text for q in result.questions] == [
        "Tell me about a time you met a really tough deadline.",
        "Describe a conflict with a peer.",
        "Time you pushed back on a peer",
        "A mistake you made.",
    ]
    assert [s.questions for s in result.stories] == [
        ["Tell me about a time you met a really tough deadline."],
        ["Describe a conflict with a peer.", "Time you pushed back on a peer"],
    ]
    assert "deadline" not in result.stories[0].text  # the quoted question is not part of the answer
    linked = {q.text: q.story_ids for q in result.questions}
    assert linked["Time you pushed back on a peer"] == [result.stories[1].id]
    assert linked["A mistake you made."] == []


def test_stories_under_a_question_heading_carry_it() -> None:
    doc = (
        "## Tell me about a time you disagreed with your manager\n\n### The on-call rota\n\n"
        "**Situation:** My manager wanted every engineer on call every other week.\n"
        "**Task:** Keep the rota fair without burning people out.\n"
        "**Action:** I showed him the page counts per week and proposed a follow-the-sun split.\n"
        "**Result:** He agreed; pages per person halved.\n"
    )
    [story] = ingest_text(doc, "under.md").stories
    assert story.title == "The on-call rota"
    assert story.question == "Tell me about a time you disagreed with your manager"


def test_a_stray_fence_before_a_real_code_block_leaves_the_code_block_intact() -> None:
    doc = (
        "## Story A\n\n**Situation:** One.\n**Action:** I did a thing that mattered a lot to the team.\n```\n\n"
        "## Story B\n\n**Situation:** Two happened in the billing team last spring.\n"
        "**Result:** We cut refunds by half within a quarter.\n\n```python\nx = compute(y)\n```\n\n"
        "## Story C\n\n**Situation:** Three things broke at once during the launch.\n"
        "**Result:** We shipped anyway and nobody noticed the outage.\n"
    )
    result = ingest_text(doc, "stray.md")
    assert [s.title for s in result.stories] == ["Story A", "Story B", "Story C"]
    assert result.stories[2].result == "We shipped anyway and nobody noticed the outage."
