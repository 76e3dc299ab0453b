"""What a section adds to the document besides its stories: explicit question cards, links and follow-ups
attached to the story they sit in, item tables, and the reference material kept but never retrieved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.ingest import items, kinds
from knowledge.ingest.blocks import Block, Section
from knowledge.ingest.candidates import is_candidate_title
from knowledge.ingest.questions import clean, is_question_like
from knowledge.ingest.stories import RawStory, qa_story
from knowledge.ingest.tables import candidate_rows, story_refs, table_items

MIN_REFERENCE_WORDS = 8  # a heading over a sentence or two of advice; shorter bodies are just section intros


@dataclass
class RawDoc:
    stories: list[RawStory] = field(default_factory=list)
    questions: list[tuple[str, int]] = field(default_factory=list)  # (text, 1-based line)
    candidates: list[tuple[str, int]] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)  # (question, title of the story it maps to)
    warnings: list[str] = field(default_factory=list)


def link(stories: list[RawStory], links: list[tuple[int, str]]) -> None:
    """Attach each linked question (0-based line, text) to the story it sits in: the last one starting above it."""
    for i, text in links:
        above = [s for s in stories if s.line - 1 <= i] or stories[:1]
        if above and text not in above[-1].links:
            above[-1].links.append(text)


def follow(doc: RawDoc, stories: list[RawStory], asked: list[tuple[int, str]]) -> None:
    """'Likely follow-up: ...' questions: in the question bank, and kept with the story they follow."""
    for i, text in asked:
        doc.questions.append((text, i + 1))
        above = [s for s in stories if s.line - 1 <= i] or stories[:1]
        if above and text not in above[-1].follow_ups:
            above[-1].follow_ups.append(text)


def add_pairs(doc: RawDoc, pairs: list[items.QAPair], answers_seen: set[str]) -> None:
    """Each explicit question is a Question; its answer (minus copy-pasted repeats) a qa Story."""
    for pair in pairs:
        if is_candidate_title(pair.question) and not pair.question.endswith("?"):  # "Questions for them" card
            doc.candidates += [(q, pair.line + 1) for q in _asked_in(pair.answer)]
            continue
        # A card front that does not ask anything ("the Friday deploy [incident]") is a cue naming its story:
        # the story's title, not an interview question.
        asked = is_question_like(pair.question)
        if asked:
            doc.questions.append((pair.question, pair.line + 1))
        answer, dropped = items.drop_repeats(pair.answer, answers_seen)
        if dropped:
            doc.warnings.append(
                f"line {pair.line + 1}: the answer under this question repeats an "
                "earlier answer paragraph word for word; the copy was ignored"
            )
        if answer:
            doc.stories.append(qa_story(pair.question, answer, pair.line + 1, asked=asked))


_LIST_MARK = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")


def _asked_in(answer: list[str]) -> list[str]:
    """The questions in a card's answer: its lines (or bullets) that ask something."""
    found = []
    for line in answer:
        text = clean(_LIST_MARK.sub("", line.strip()))
        if text.endswith("?") and len(text.split()) >= 3:
            found.append(text)
    return found


def item_tables(sec: Section, lines: list[str], start: int, end: int) -> list[Block]:
    """The section's tables in lines[start:end] that hold items (questions, story rows, question -> story maps)."""
    found = []
    for table in (b for b in sec.blocks if b.kind == "table" and start <= b.start < end):
        stories, asked, _ = table_items(lines, table.start, table.end)
        if stories or asked or story_refs(lines, table.start, table.end):
            found.append(table)
    return found


def read_tables(doc: RawDoc, tables: list[Block], lines: list[str]) -> None:
    """Stories, questions and question -> story links of item tables, wherever they sit in a section."""
    for table in tables:
        stories, asked, theirs = table_items(lines, table.start, table.end)
        doc.refs += story_refs(lines, table.start, table.end)
        doc.candidates += candidate_rows(lines, table.start, table.end)
        doc.stories += stories
        if theirs:
            doc.candidates += asked
        else:
            doc.questions += asked


_TABLE_ROW = re.compile(r"^\s*\|")


def keep_reference(doc: RawDoc, sec: Section, lines: list[str], span: tuple[int, int], listed: bool) -> None:
    """A heading over advice, tips or a list of questions: kept as reference (never retrieved), not dropped."""
    if not sec.heading or (sec.level == 1 and not listed):
        return  # a document's title over its introduction is neither
    body = [x for x in lines[span[0] : span[1]] if x.strip() and not _TABLE_ROW.match(x)]
    text = "\n".join(items.trim(body)).strip()
    if len(text.split()) < MIN_REFERENCE_WORDS:
        return
    if listed or (kinds.REFERENCE_TITLE.search(sec.title) and kinds.reads_as_reference(sec.title, text)):
        doc.stories.append(RawStory(sec.title, "prose", text, sec.line, reference=True))
