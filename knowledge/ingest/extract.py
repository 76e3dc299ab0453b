"""One document -> raw stories and questions, section by section.

Per section, first match wins: the candidate's own questions; explicit Q/A pairs and flashcards; a heading
that is a question (its body is the prepared answer); a STAR-labelled story; a first-person narrative
(prose story); a list of example interview questions. Item tables (question tables, story-bank rows,
question -> story maps) are read in every section. A story section absorbs its sub-sections unless one of them
is an item of its own (spans.py). What is none of these but advice, tips or a question list is kept as
reference (cards.py).

Lines are first normalised (normalize.py) so exports from Notion, Obsidian, Google Docs or Word read like
Markdown without changing any line number.
"""

from __future__ import annotations

import re

from knowledge.ingest.blocks import parse_blocks, split_sections
from knowledge.ingest.bylines import retitle
from knowledge.ingest.candidates import candidate_items, candidate_label, is_candidate_title, table_questions
from knowledge.ingest.cards import (
    RawDoc,
    add_pairs,
    follow,
    item_tables,
    keep_reference,
    link,
    read_tables,
)
from knowledge.ingest.labels import parse_label
from knowledge.ingest.leadins import asks_for_questions, example_questions, question_list_label
from knowledge.ingest.links import follow_up_lines, is_links_label, link_lines
from knowledge.ingest.named_within import name_within
from knowledge.ingest.normalize import normalize
from knowledge.ingest.passages import told_passages
from knowledge.ingest.questions import heading_question, strip_story_prefix
from knowledge.ingest.spans import (
    Span,
    children,
    is_item,
    parent_title,
    part_key,
    recurring_titles,
    spans_of,
    titled_story_above_parts,
)
from knowledge.ingest.stories import RawStory, section_stories
from knowledge.ingest.story_lists import titled_items
from knowledge.ingest.units import regroup

MAX_ITEMS = 2000  # stories, and questions, per document: beyond this a "document" is a dump, not notes


def extract(text: str, fallback_title: str) -> RawDoc:
    """Stories and questions of one clean document; `fallback_title` names a story without a heading."""
    lines = normalize(text.split("\n"))
    blocks = parse_blocks("\n".join(lines))
    code = {i for b in blocks if b.kind == "code" for i in range(b.start, b.end)}
    spans = spans_of(split_sections(blocks, lines), lines, code, len(lines))
    parts = frozenset(recurring_titles(spans))  # sub-headings every story repeats: a template's parts
    doc = RawDoc()
    consumed: set[int] = set()
    candidate_until = -1  # candidate-question region (document line) from a "Questions to ask" heading
    answers_seen: set[str] = set()
    told: tuple[list[RawStory], int] = ([], -1)  # the last section's stories and where that section ends
    asked_above: tuple[str, int] = ("", -1)  # a question heading without a story of its own, and where it ends
    for k, span in enumerate(spans):
        if k in consumed:
            continue
        if len(doc.stories) > MAX_ITEMS or len(doc.questions) > MAX_ITEMS:
            break
        sec = span.section
        if sec.heading and is_candidate_title(sec.title):
            candidate_until = max(candidate_until, span.full_end)
        if span.start < candidate_until:
            doc.candidates += [(t, i + 1) for i, t in candidate_items(lines, span.start, span.end, code)]
            doc.candidates += table_questions(sec, lines, span.start, span.end)
            continue
        label_at = candidate_label(lines, span.start, span.end, code)
        own_end = label_at if label_at is not None else span.end
        if label_at is not None:
            doc.candidates += [(t, i + 1) for i, t in candidate_items(lines, label_at, span.end, code)]
            candidate_until = max(candidate_until, span.full_end)
        tables = item_tables(sec, lines, span.start, own_end)
        read_tables(doc, tables, lines)
        list_at = question_list_label(lines, span.start, own_end, code)
        story_end = list_at if list_at is not None else own_end
        # A question table after a story ends it: its rows are questions, not part of the story's result.
        story_end = min([story_end, *(t.start for t in tables if _text_before(lines, span.start, t.start))])
        heading = sec.title if sec.heading else None
        question = heading_question(sec.title) if sec.heading else None
        listed_stories = [] if span.qa else titled_items(lines, span.start, story_end, code)
        if listed_stories:  # "1. **Title** — told story" items: stories of their own, ending the one above
            doc.stories += [story for story, _ in listed_stories]
            after = (listed_stories[-1][1], story_end)
            story_end = listed_stories[0][0].line - 1
            rest = section_stories(None, after[0] + 1, lines, after, None, code, f"{heading or fallback_title} (2)")
            doc.stories += rest
        if told[0] and span.start < told[1] and sec.heading and is_links_label(sec.title):
            # "### Questions this answers" under a story: links of that story
            listed = example_questions(lines, span.start, span.end)
            link(told[0], [(i, t) for i, t in listed])
            doc.questions += [(t, i + 1) for i, t in listed]
            continue
        joined = _cards_in_part(spans, k, parts, doc.stories, lines, (span.start, own_end), code, fallback_title)
        if joined:  # "## <a project>" / "### Internal FAQ" / "Q: What did you do?": the project's one story
            doc.stories += joined
            continue
        if span.qa:
            # Text before the first card can be the section's own story or answer ("### Q2: ..." + STAR).
            lead = (span.start, min(span.qa[0].line, story_end))
            found = section_stories(heading, sec.line, lines, lead, question, code, fallback_title)
            doc.stories += found
            if question:
                doc.questions.append((question, sec.line))
            before = len(doc.stories)
            pairs = [p for p in span.qa[: MAX_ITEMS + 1] if p.line < own_end]
            add_pairs(doc, pairs, answers_seen)
            one = len(pairs) == 1 and len(doc.stories) == before + 1
            one = one or _told_then_followed(doc.stories[before:], len(pairs))
            named = one and bool(_NAMED_CARD.search(doc.stories[before].title))  # "Q? — **Ottoline**": its own name
            if heading and not question and not found and one and not named and not _GENERIC_HEADING.search(heading):
                doc.stories[before].title = strip_story_prefix(heading)  # "### Mentoring" + one question card
                doc.stories[before].line = sec.line
            carded = found + doc.stories[before:]
            link(carded, link_lines(lines, span.start, own_end, code))
            follow(doc, carded, follow_up_lines(lines, span.start, own_end, code))
            continue
        kids = children(spans, k)
        over_parts = titled_story_above_parts(span, spans, kids, lines, parts)
        simple = label_at is None and list_at is None
        simple = simple and (over_parts or not any(is_item(spans[j], lines, code) for j in kids))
        found = section_stories(heading, sec.line, lines, (span.start, story_end), question, code, fallback_title)
        if over_parts:
            # "## Story 3: X" (or a question) then "**Some sub-title**" then the text, or any heading over a
            # template's parts ("### Context", "### Decision"): the heading names it.
            whole = (span.start, span.full_end)
            found = section_stories(heading, sec.line, lines, whole, question, code, fallback_title, True) or found
            consumed.update(kids if found else ())
        if found and list_at is not None:  # stories, then "Questions these answer:" and a list
            doc.questions += [(t, i + 1) for i, t in example_questions(lines, list_at, own_end)]
        if found:
            told_end = own_end
            if simple and not tables and not listed_stories and found[0].kind != "prose":  # keeps its sub-sections
                whole = (span.start, span.full_end)
                if whole != (span.start, story_end):  # else it was just read
                    found = section_stories(heading, sec.line, lines, whole, question, code, fallback_title) or found
                consumed.update(kids)
                told_end = span.full_end
            link(found, link_lines(lines, span.start, told_end, code))
            follow(doc, found, follow_up_lines(lines, span.start, told_end, code))
            if list_at is not None and (label := parse_label(lines[list_at])) and label.canon == "links":
                link(found, example_questions(lines, list_at, own_end))
            told = (found, span.full_end)
            if asked_above[0] and span.start < asked_above[1]:  # "## Tell me about a conflict" / "### Story A"
                for story in (s for s in found if not s.question and asked_above[0] not in s.links):
                    story.links.insert(0, asked_above[0])
            doc.stories += found
            if question:
                doc.questions.append((question, sec.line))
            continue
        if question:
            doc.questions.append((question, sec.line))
            asked_above = (question, span.full_end)
            continue
        listed = example_questions(lines, span.start, own_end)
        asks = bool(listed) and asks_for_questions(sec, lines, span.start, listed[0][0], parent_title(spans, k))
        if asks:
            doc.questions += [(t, i + 1) for i, t in listed]
        if not tables:
            keep_reference(doc, sec, lines, (span.start, own_end), asks)
    doc.stories = regroup(doc.stories, lines, code, fallback_title, parts)  # sections holding titled stories (units.py)
    retitle(doc.stories, text.split("\n"))  # "--- draft 7 · not shared ---": named by its first line (bylines.py)
    _named_by_parent(doc.stories, spans, parts)
    name_within(doc.stories, lines)  # "STORY: <name>" below a journal's prompt; one banner over every entry
    passages = told_passages(doc.stories, text.split("\n"), lines, code)  # cases told in containers no reader knows
    doc.stories += passages
    doc.stories.sort(key=lambda story: story.line)  # document order, whichever rule found a story
    return doc


def _cards_in_part(
    spans: list[Span],
    k: int,
    parts: frozenset[str],
    found: list[RawStory],
    lines: list[str],
    bounds: tuple[int, int],
    code: set[int],
    fallback_title: str,
) -> list[RawStory]:
    """Question cards under a sub-heading every entry repeats (a template's part, "### FAQ" under each project) tell
    the story of the entry above them, together: one story titled by that entry's heading, at its line, when no
    story was found there already. [] otherwise: the cards are read one by one, as anywhere."""
    span = spans[k]
    if not span.qa or not span.section.heading or part_key(span.section.title) not in parts:
        return []
    level = span.section.level
    above = next((spans[j] for j in range(k - 1, -1, -1) if 0 < spans[j].section.level < level), None)
    if above is None or not above.section.heading or any(s.line == above.section.line for s in found):
        return []
    told = section_stories(above.section.title, above.section.line, lines, bounds, None, code, fallback_title, True)
    for story in told[:1]:
        story.kind = "qa"  # told as cards: the cards' questions are no titles of stories of their own (units.py)
    return told[:1]


def _told_then_followed(carded: list[RawStory], pairs: int) -> bool:
    """One card tells the section's story and the others are short follow-ups to it ("And next time?"
    answered in a line): the heading names that first story, as it would name a single card."""
    if len(carded) != pairs or pairs < 2:
        return False
    first = len(carded[0].text)
    return first >= _MIN_TOLD and all(3 * len(s.text) <= first for s in carded[1:])


_MIN_TOLD = 300  # characters of a card that tells a story rather than answering a follow-up in a line


def _text_before(lines: list[str], start: int, at: int) -> bool:
    """Some text (other than table rows) sits in lines[start:at]."""
    return any(x.strip() and not x.lstrip().startswith("|") for x in lines[start:at])


def _named_by_parent(stories: list[RawStory], spans: list[Span], parts: frozenset[str]) -> None:
    """A story under a sub-heading every entry repeats ("## Told as a story" under each note's own title)
    is named by the heading above it: the repeated words name the template's part, not the story."""
    at = {span.section.line: k for k, span in enumerate(spans) if span.section.heading}
    for story in stories:
        k = at.get(story.line)
        if k is None or part_key(story.title) not in parts or story.question:
            continue
        above = parent_title(spans, k)
        if above and part_key(above) not in parts:
            story.title = above


# A card's question followed by the story's own name: "Tell me about a time you failed. — Journey ID".
_NAMED_CARD = re.compile(r"[?.]\s+[—–-]\s+\w")
# Headings that group cards rather than name the story in them: the card's question stays its title.
_GENERIC_HEADING = re.compile(
    r"^\W*(?:(?:round|part|section|day|week|notes?|misc|prep|questions?|flashcards?|cards?|q\s*&\s*a|faq|"
    r"practice|drill|other|behaviou?ral|technical|leadership|general|system design|interview|the|and|[a-z]|\d+)"
    r"\b[\W_]*)+$",
    re.IGNORECASE,
)


__all__ = ["MAX_ITEMS", "RawDoc", "RawStory", "extract"]
