"""One document -> raw stories and questions, section by section.

Per section, first match wins: the candidate's own questions; explicit Q/A pairs and flashcards; a heading
that is a question (its body is the prepared answer); a STAR-labelled story; a first-person narrative
(prose story); tables (question tables, story-bank rows); a list of example interview questions. A story
section absorbs its sub-sections unless one of them is an item of its own.

Lines are first normalised (normalize.py) so exports from Notion, Obsidian, Google Docs or Word read like
Markdown without changing any line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.ingest import items
from knowledge.ingest.blocks import Section, parse_blocks, split_sections
from knowledge.ingest.candidates import candidate_items, candidate_label, is_candidate_title, table_questions
from knowledge.ingest.labels import parse_label
from knowledge.ingest.leadins import asks_for_questions, example_questions, question_list_label
from knowledge.ingest.links import is_links_label, link_lines
from knowledge.ingest.normalize import normalize
from knowledge.ingest.questions import clean, has_story_prefix, heading_question, strip_story_prefix
from knowledge.ingest.star import split_star
from knowledge.ingest.stories import RawStory, qa_story, section_stories
from knowledge.ingest.tables import story_refs, table_items

MAX_ITEMS = 2000  # stories, and questions, per document: beyond this a "document" is a dump, not notes


@dataclass
class RawDoc:
    stories: list[RawStory] = field(default_factory=list)
    questions: list[tuple[str, int]] = field(default_factory=list)  # (text, 1-based line)
    candidates: list[tuple[str, int]] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (question, title of the story it maps to)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Span:
    section: Section
    start: int  # first body line (0-based)
    end: int  # own end: next heading
    full_end: int  # end including deeper sub-sections
    qa: list[items.QAPair]
    star_labels: int


def extract(text: str, fallback_title: str) -> RawDoc:
    """Stories and questions of one clean document; `fallback_title` names a story without a heading."""
    lines = normalize(text.split("\n"))
    blocks = parse_blocks("\n".join(lines))
    code = {i for b in blocks if b.kind == "code" for i in range(b.start, b.end)}
    spans = _spans(split_sections(blocks, lines), lines, code, len(lines))
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
        list_at = question_list_label(lines, span.start, own_end, code)
        story_end = list_at if list_at is not None else own_end
        heading = sec.title if sec.heading else None
        question = heading_question(sec.title) if sec.heading else None
        if told[0] and span.start < told[1] and sec.heading and is_links_label(sec.title):
            # "### Questions this answers" under a story: links of that story
            listed = example_questions(lines, span.start, span.end)
            _link(told[0], [(i, t) for i, t in listed])
            doc.questions += [(t, i + 1) for i, t in listed]
            continue
        if span.qa:
            # Text before the first card can be the section's own story or answer ("### Q2: ..." + STAR).
            lead = (span.start, span.qa[0].line)
            found = section_stories(heading, sec.line, lines, lead, question, code, fallback_title)
            doc.stories += found
            if question:
                doc.questions.append((question, sec.line))
            before = len(doc.stories)
            pairs = [p for p in span.qa[: MAX_ITEMS + 1] if p.line < own_end]
            _add_pairs(doc, pairs, answers_seen)
            one = len(pairs) == 1 and len(doc.stories) == before + 1
            if heading and not question and not found and one and not _GENERIC_HEADING.search(heading):
                doc.stories[before].title = strip_story_prefix(heading)  # "### Mentoring" + one question card
                doc.stories[before].line = sec.line
            _link(found + doc.stories[before:], link_lines(lines, span.start, own_end, code))
            continue
        children = _children(spans, k)
        simple = label_at is None and list_at is None and not any(_is_item(spans[j], lines) for j in children)
        found = section_stories(heading, sec.line, lines, (span.start, story_end), question, code, fallback_title)
        if not found and _titled_story_above_parts(span, spans, children, lines):
            # "## Story 3: X" (or a question) then "**Some sub-title**" then the text: the heading names it.
            whole = (span.start, span.full_end)
            found = section_stories(heading, sec.line, lines, whole, question, code, fallback_title)
            consumed.update(children if found else ())
        if found and list_at is not None:  # stories, then "Questions these answer:" and a list
            doc.questions += [(t, i + 1) for i, t in example_questions(lines, list_at, own_end)]
        if found:
            told_end = own_end
            if simple and found[0].kind != "prose":  # a labelled story or answer keeps its sub-sections
                whole = (span.start, span.full_end)
                if whole != (span.start, story_end):  # else it was just read
                    found = section_stories(heading, sec.line, lines, whole, question, code, fallback_title) or found
                consumed.update(children)
                told_end = span.full_end
            _link(found, link_lines(lines, span.start, told_end, code))
            if list_at is not None and (label := parse_label(lines[list_at])) and label.canon == "links":
                _link(found, example_questions(lines, list_at, own_end))
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
        for table in (b for b in sec.blocks if b.kind == "table" and b.start < own_end):
            stories, asked, theirs = table_items(lines, table.start, table.end)
            doc.refs += story_refs(lines, table.start, table.end)
            doc.stories += stories
            if theirs:
                doc.candidates += asked
            else:
                doc.questions += asked
        listed = example_questions(lines, span.start, own_end)
        if listed and asks_for_questions(sec, lines, span.start, listed[0][0], _parent_title(spans, k)):
            doc.questions += [(t, i + 1) for i, t in listed]
    return doc


# Headings that group cards rather than name the story in them: the card's question stays its title.
_GENERIC_HEADING = re.compile(
    r"^\W*(?:(?:round|part|section|day|week|notes?|misc|prep|questions?|flashcards?|cards?|q\s*&\s*a|faq|"
    r"practice|drill|other|behaviou?ral|technical|leadership|general|system design|interview|the|and|[a-z]|\d+)"
    r"\b[\W_]*)+$",
    re.IGNORECASE,
)


def _link(stories: list[RawStory], links: list[tuple[int, str]]) -> None:
    """Attach each linked question (0-based line, text) to the story it sits in: the last one starting above it."""
    for i, text in links:
        above = [s for s in stories if s.line - 1 <= i] or stories[:1]
        if above and text not in above[-1].links:
            above[-1].links.append(text)


def _add_pairs(doc: RawDoc, pairs: list[items.QAPair], answers_seen: set[str]) -> None:
    """Each explicit question is a Question; its answer (minus copy-pasted repeats) a qa Story."""
    for pair in pairs:
        if is_candidate_title(pair.question) and not pair.question.endswith("?"):  # "Questions for them" card
            doc.candidates += [(q, pair.line + 1) for q in _asked_in(pair.answer)]
            continue
        doc.questions.append((pair.question, pair.line + 1))
        answer, dropped = items.drop_repeats(pair.answer, answers_seen)
        if dropped:
            doc.warnings.append(
                f"line {pair.line + 1}: the answer under this question repeats an "
                "earlier answer paragraph word for word; the copy was ignored"
            )
        if answer:
            doc.stories.append(qa_story(pair.question, answer, pair.line + 1))


def _asked_in(answer: list[str]) -> list[str]:
    """The questions in a card's answer: its lines (or bullets) that ask something."""
    found = []
    for line in answer:
        text = clean(line.strip().lstrip("-*+ ").strip())
        if text.endswith("?") and len(text.split()) >= 3:
            found.append(text)
    return found


def _spans(sections: list[Section], lines: list[str], code: set[int], n: int) -> list[_Span]:
    spans: list[_Span] = []
    starts = [s.heading.start if s.heading else 0 for s in sections] + [n]
    for k, sec in enumerate(sections):
        start = sec.heading.end if sec.heading else 0
        end = starts[k + 1]
        full_end = end
        if sec.heading:
            later = (starts[j] for j in range(k + 1, len(sections)) if sections[j].level <= sec.level)
            full_end = next(later, n)
        spans.append(
            _Span(
                sec,
                start,
                end,
                full_end,
                _qa(lines, sec, start, end, code),
                split_star(lines[start:end], code, start)[1],
            )
        )
    return spans


def _children(spans: list[_Span], k: int) -> range:
    """Indexes of the sub-sections of spans[k] (deeper headings before the next sibling)."""
    j = k + 1
    while j < len(spans) and spans[j].start < spans[k].full_end:
        j += 1
    return range(k + 1, j)


def _qa(lines: list[str], sec: Section, start: int, end: int, code: set[int]) -> list[items.QAPair]:
    fences = [b for b in sec.blocks if b.kind == "code" and items.is_qa_fence(lines, b.start, b.end)]
    inner = {
        i for b in fences for i in (range(b.start + 1, b.end - 1) if b.title == "fence" else range(b.start, b.end))
    }
    scannable = [i for i in range(start, end) if i not in code or i in inner]
    stops = {b.start for b in sec.blocks if b.kind == "hr"}
    stops |= {i for b in fences if b.title == "fence" for i in (b.start, b.end - 1)}
    return items.qa_pairs(lines, scannable, stops, end)


def _parent_title(spans: list[_Span], k: int) -> str:
    """Title of the heading that spans[k] sits under ("Question bank" above "### Leadership")."""
    level = spans[k].section.level
    for j in range(k - 1, -1, -1):
        if 0 < spans[j].section.level < level:
            return spans[j].section.title
    return ""


def _is_item(span: _Span, lines: list[str]) -> bool:
    """A sub-section with content of its own: cards, a labelled story, a question, or a list of questions."""
    title = span.section.title
    if span.qa or span.star_labels >= 2 or has_story_prefix(title) or heading_question(title):
        return True
    listed = example_questions(lines, span.start, span.end)
    return bool(listed) and asks_for_questions(span.section, lines, span.start, listed[0][0])


def _titled_story_above_parts(span: _Span, spans: list[_Span], children: range, lines: list[str]) -> bool:
    """A "Story N:" or question heading with no text of its own, whose sub-sections are plain parts
    ("**Short version**", "**Long version**" promoted to sub-headings), none of them a title of its own."""
    title = span.section.title
    if not children or not (has_story_prefix(title) or heading_question(title)):
        return False
    if any(x.strip() for x in lines[span.start : span.end]):
        return False
    if heading_question(title) and sum(spans[j].star_labels >= 2 for j in children) >= 1:
        return False  # "## Tell me about a conflict" above "### The on-call rota" told in STAR: a story of its own
    return not any(
        has_story_prefix(t) or heading_question(t) or is_candidate_title(t)
        for t in (spans[j].section.title for j in children)
    )


__all__ = ["RawDoc", "RawStory", "extract"]
