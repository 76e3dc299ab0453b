"""Heading sections as spans of lines, and how a section relates to its sub-sections.

A span is a section's own body (up to the next heading of any level) and its full extent (up to the next heading
of the same or a higher level). A story section absorbs its sub-sections unless one of them is an item of its
own: cards, a labelled story, a question, a list of questions, or a narrative told under a title of its own
("### Mentoring a new hire" below a labelled story is a second story, "### Longer version" is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.ingest import items, prose
from knowledge.ingest.blocks import Section
from knowledge.ingest.candidates import is_candidate_title
from knowledge.ingest.cards import item_tables
from knowledge.ingest.labels import parse_label
from knowledge.ingest.leadins import asks_for_questions, example_questions
from knowledge.ingest.questions import has_story_prefix, heading_question
from knowledge.ingest.star import split_star


@dataclass
class Span:
    section: Section
    start: int  # first body line (0-based)
    end: int  # own end: next heading
    full_end: int  # end including deeper sub-sections
    qa: list[items.QAPair]
    star_labels: int


def spans_of(sections: list[Section], lines: list[str], code: set[int], n: int) -> list[Span]:
    """One span per section, in document order."""
    spans: list[Span] = []
    starts = [s.heading.start if s.heading else 0 for s in sections] + [n]
    for k, sec in enumerate(sections):
        start = sec.heading.end if sec.heading else 0
        end = starts[k + 1]
        full_end = end
        if sec.heading:
            later = (starts[j] for j in range(k + 1, len(sections)) if sections[j].level <= sec.level)
            full_end = next(later, n)
        star_labels = split_star(lines[start:end], code, start)[1]
        spans.append(Span(sec, start, end, full_end, _qa(lines, sec, start, end, code), star_labels))
    return spans


def children(spans: list[Span], k: int) -> range:
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
    stops |= {t.start for t in item_tables(sec, lines, start, end)}  # a question table ends the card above it
    stops |= {i for b in fences if b.title == "fence" for i in (b.start, b.end - 1)}
    return items.qa_pairs(lines, scannable, stops, end)


def parent_title(spans: list[Span], k: int) -> str:
    """Title of the heading that spans[k] sits under ("Question bank" above "### Leadership")."""
    level = spans[k].section.level
    for j in range(k - 1, -1, -1):
        if 0 < spans[j].section.level < level:
            return spans[j].section.title
    return ""


# Sub-headings that continue the story above them rather than tell another one.
_PART_TITLE = re.compile(
    r"\b(?:version|details?|detailed|notes?|more|full|long(?:er)?|short(?:er)?|summary|extended|draft|continued|"
    r"context|background|retelling|cont\.?|part \d+|take \d+|rewrite|reflection|lessons?|"
    r"what happened|how it (?:went|ended)|aftermath|follow[- ]?ups?|why it matters|talking points)\b",
    re.IGNORECASE,
)


def is_item(span: Span, lines: list[str], code: set[int]) -> bool:
    """A sub-section with content of its own: cards, a labelled story, a question, a list of questions, or a
    narrative under a topical title of its own."""
    title = span.section.title
    if span.qa or span.star_labels >= 2 or has_story_prefix(title) or heading_question(title):
        return True
    listed = example_questions(lines, span.start, span.end)
    if listed and asks_for_questions(span.section, lines, span.start, listed[0][0]):
        return True
    return told_under_own_title(span, lines, code)


def told_under_own_title(span: Span, lines: list[str], code: set[int]) -> bool:
    """A first-person narrative whose heading names a topic, not a part or version of the story above."""
    title = span.section.title
    if not title or parse_label(title) is not None or _PART_TITLE.search(title):
        return False
    body = [x for i, x in enumerate(lines[span.start : span.end], start=span.start) if i not in code]
    return prose.is_narrative(prose.prose_text(body))


def recurring_titles(spans: list[Span]) -> set[str]:
    """Sub-heading titles that recur under two or more different headings: the parts of a template every story is
    written in ("### Summary", "### Root cause"; "### Situation", "### What I did"), not names of stories."""
    under: dict[str, set[int]] = {}
    for k, parent in enumerate(_parents(spans)):
        if spans[k].section.heading and parent is not None:
            under.setdefault(part_key(spans[k].section.title), set()).add(parent)
    return {key for key, parents in under.items() if key and len(parents) >= 2}


def _parents(spans: list[Span]) -> list[int | None]:
    """For each span, the nearest span before it with a heading level above its own (0 < level < its level), in
    one pass: a stack of open headings, not a walk back from each span (10,000 headings at one level took 10 s)."""
    out: list[int | None] = []
    open_: list[int] = []  # spans whose levels rise strictly from bottom to top
    for k, span in enumerate(spans):
        level = span.section.level
        if level <= 0:
            out.append(None)
            continue
        while open_ and spans[open_[-1]].section.level >= level:
            open_.pop()
        out.append(open_[-1] if open_ else None)
        open_.append(k)
    return out


def part_key(title: str) -> str:
    """A title as compared with others: lower case, words only."""
    return " ".join(re.sub(r"[^\w\s]", " ", title.lower()).split())


def _template_parts(titles: list[str], recurring: set[str]) -> bool:
    """Sub-sections at least half of which are a template's parts (a title that recurs under other headings, or a
    STAR label: "### A", "#### Situation"); one sub-section only when it is a STAR label."""
    labels = sum(1 for t in titles if _star_name(t))
    parts = sum(1 for t in titles if part_key(t) in recurring or _star_name(t))
    return (len(titles) >= 2 and 2 * parts >= len(titles)) or labels == len(titles) == 1


def _star_name(title: str) -> bool:
    """A title that is a STAR part's name and nothing more ("A", "Situation", "What I did"); not one that only
    starts like one ("Background, short version", "Why data - my take")."""
    label = parse_label(f"{title}:")
    star = ("situation", "task", "action", "result", "answer")  # "### A" reads as an answer's label too
    if label is None or label.canon not in star or label.rest.strip() or len(title.split()) > _MAX_PART_WORDS:
        return False
    return part_key(label.name) == part_key(title)


_MAX_PART_WORDS = 3  # "What I did"
_NUMBERED = re.compile(r"^\s*\d{1,2}[.):]\s")


def titled_story_above_parts(
    span: Span, spans: list[Span], kids: range, lines: list[str], recurring: frozenset[str] = frozenset()
) -> bool:
    """A "Story N:" or question heading with no text of its own, whose sub-sections are plain parts
    ("**Short version**", "**Long version**" promoted to sub-headings), none of them a title of its own; or any
    heading over the parts of a template its stories share (`recurring`: recurring_titles)."""
    title = span.section.title
    kid_titles = [spans[j].section.title for j in kids]
    # A numbered question every entry repeats ("### 2. What did it replace?" in each filled-in form) is the
    # form's part, not a question the candidate prepared for.
    asked = [t for t in kid_titles if heading_question(t) and not (_NUMBERED.match(t) and part_key(t) in recurring)]
    if not kids or asked or any(has_story_prefix(t) or is_candidate_title(t) for t in kid_titles):
        return False
    # A document's title over stories that each have the template's parts ("## #12 X" / "### What" ...) has no
    # part among its direct sub-sections: it is not itself a story told in those parts.
    top = min((spans[j].section.level for j in kids), default=0)
    direct = [spans[j].section.title for j in kids if spans[j].section.level == top]
    has_part = any(part_key(t) in recurring or _star_name(t) for t in direct)
    # One sub-section that recurs under other headings and holds no cards, under a heading with text of its own
    # ("**Steps**" promoted over each record's text, the record's other fields written run-in above it): the
    # record's one template part.
    own_text = any(x.strip() for x in lines[span.start : span.end])
    lone_part = len(kids) == 1 and has_part and own_text and not spans[kids[0]].qa
    if (
        has_part
        and (_template_parts(kid_titles, set(recurring)) or lone_part)
        and not heading_question(title)
        and not is_candidate_title(title)
    ):
        return True  # its first part may be text of its own ("### Context" read as a label)
    if any(x.strip() for x in lines[span.start : span.end]):
        return False
    if not (has_story_prefix(title) or heading_question(title)):
        return False
    # "## Tell me about a conflict" above "### The on-call rota" told in STAR: a story of its own
    return not (heading_question(title) and any(spans[j].star_labels >= 2 for j in kids))
