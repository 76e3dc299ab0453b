"""One document -> raw stories and questions, section by section.

Per section, first match wins: the candidate's own questions; explicit Q/A pairs and flashcards; a heading
that is a question (its body is the prepared answer); a STAR-labelled story; a first-person narrative
(prose story); a list of example interview questions. A story section absorbs its sub-sections unless one
of them is an item of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.ingest import items
from knowledge.ingest.blocks import Section, parse_blocks, split_sections
from knowledge.ingest.labels import parse_label, split_star
from knowledge.ingest.normalize import normalize
from knowledge.ingest.questions import clean, has_story_prefix, heading_question
from knowledge.ingest.stories import RawStory, qa_story, section_stories
from knowledge.ingest.tables import is_candidate_table, table_rows

MAX_ITEMS = 2000  # stories, and questions, per document: beyond this a "document" is a dump, not notes


@dataclass
class RawDoc:
    stories: list[RawStory] = field(default_factory=list)
    questions: list[tuple[str, int]] = field(default_factory=list)  # (text, 1-based line)
    candidates: list[tuple[str, int]] = field(default_factory=list)
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
    lines = normalize(_blank_front_matter(text.split("\n")))
    blocks = parse_blocks("\n".join(lines))
    code = {i for b in blocks if b.kind == "code" for i in range(b.start, b.end)}
    spans = _spans(split_sections(blocks, lines), lines, code, len(lines))
    doc = RawDoc()
    consumed: set[int] = set()
    candidate_until = -1  # candidate-question region (document line) from a "Questions to ask" heading
    answers_seen: set[str] = set()
    for k, span in enumerate(spans):
        if k in consumed:
            continue
        if len(doc.stories) > MAX_ITEMS or len(doc.questions) > MAX_ITEMS:
            break
        sec = span.section
        if sec.heading and items.CANDIDATE.search(sec.title):
            candidate_until = max(candidate_until, span.full_end)
        if span.start < candidate_until:
            doc.candidates += [(t, i + 1) for i, t in items.candidate_items(lines, span.start, span.end, code)]
            doc.candidates += _table_questions(sec, lines, span.start, span.end)
            continue
        label_at = _candidate_label(lines, span, code)
        own_end = label_at if label_at is not None else span.end
        if label_at is not None:
            doc.candidates += [(t, i + 1) for i, t in items.candidate_items(lines, label_at, span.end, code)]
            candidate_until = max(candidate_until, span.full_end)
        list_at = _question_list_label(lines, span.start, own_end, code)
        story_end = list_at if list_at is not None else own_end
        heading = sec.title if sec.heading else None
        question = heading_question(sec.title) if sec.heading else None
        if span.qa:
            # Text before the first card can be the section's own story or answer ("### Q2: ..." + STAR).
            lead = (span.start, span.qa[0].line)
            found = section_stories(heading, sec.line, lines, lead, question, code, fallback_title)
            doc.stories += found
            if question:
                doc.questions.append((question, sec.line))
            _add_pairs(doc, [p for p in span.qa[: MAX_ITEMS + 1] if p.line < own_end], answers_seen)
            continue
        children = _children(spans, k)
        simple = label_at is None and list_at is None and not any(_is_item(spans[j]) for j in children)
        found = section_stories(heading, sec.line, lines, (span.start, story_end), question, code, fallback_title)
        if found and list_at is not None:  # stories, then "Questions these answer:" and a list
            doc.questions += [(t, i + 1) for i, t in items.example_questions(lines, list_at, own_end)]
        if found:
            if simple and found[0].kind != "prose":  # a labelled story or answer keeps its sub-sections
                whole = (span.start, span.full_end)
                found = section_stories(heading, sec.line, lines, whole, question, code, fallback_title) or found
                consumed.update(children)
            doc.stories += found
            if question:
                doc.questions.append((question, sec.line))
            continue
        if question:
            doc.questions.append((question, sec.line))
            continue
        for table in (b for b in sec.blocks if b.kind == "table" and b.start < own_end):
            if is_candidate_table(lines, table.start, table.end):
                doc.candidates += [(q, i + 1) for i, q, _ in table_rows(lines, table.start, table.end)]
                continue
            for i, question, answer in table_rows(lines, table.start, table.end):
                doc.questions.append((question, i + 1))
                if answer:
                    doc.stories.append(qa_story(question, [answer], i + 1))
        listed = items.example_questions(lines, span.start, own_end)
        if listed and _asks_for_questions(sec, lines, span.start, listed[0][0]):
            doc.questions += [(t, i + 1) for i, t in listed]
    return doc


def _add_pairs(doc: RawDoc, pairs: list[items.QAPair], answers_seen: set[str]) -> None:
    """Each explicit question is a Question; its answer (minus copy-pasted repeats) a qa Story."""
    for pair in pairs:
        doc.questions.append((pair.question, pair.line + 1))
        answer, dropped = items.drop_repeats(pair.answer, answers_seen)
        if dropped:
            doc.warnings.append(
                f"line {pair.line + 1}: the answer under this question repeats an "
                "earlier answer paragraph word for word; the copy was ignored"
            )
        if answer:
            doc.stories.append(qa_story(pair.question, answer, pair.line + 1))


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


def _is_item(span: _Span) -> bool:
    title = span.section.title
    return bool(span.qa or span.star_labels >= 2 or has_story_prefix(title) or heading_question(title))


def _candidate_label(lines: list[str], span: _Span, code: set[int]) -> int | None:
    """Line of a "**Questions to ask them:**" label inside the section body, if any."""
    for i in range(span.start, span.end):
        if not re.search(r"ask|question|reverse", lines[i], re.IGNORECASE):
            continue
        raw = lines[i].strip()
        text = clean(raw.lstrip("#>-*+ "))
        label_like = text.endswith(":") or raw.startswith(("**", "__", "#"))  # not a sentence in a story
        if i not in code and label_like and len(text) < 80 and items.CANDIDATE.search(text) and "?" not in text:
            return i
    return None


def _table_questions(sec: Section, lines: list[str], start: int, end: int) -> list[tuple[str, int]]:
    """Questions in the tables of a candidate-question region: the first cell of each row that asks something."""
    found = []
    for table in (b for b in sec.blocks if b.kind == "table" and start <= b.start < end):
        for i in range(table.start + 2, table.end):
            cells = [clean(c) for c in lines[i].strip().strip("|").split("|")]
            asked = next((c for c in cells if c.endswith("?") and len(c) >= 8), None)
            if asked:
                found.append((asked, i + 1))
    return found


def _question_list_label(lines: list[str], start: int, end: int, code: set[int]) -> int | None:
    """Line of a lead-in such as "Questions I map these to:" directly followed by a list of questions."""
    for i in range(start, end):
        raw = lines[i].strip()
        if i in code or not raw.endswith(":") or len(raw) > 80 or not _QUESTION_LIST.search(raw):
            continue
        label = parse_label(raw)
        if label is not None and label.canon != "other":
            continue  # "Likely follow-ups:" is part of a story, not a list of interview questions
        listed = items.example_questions(lines, i + 1, end)
        if listed and listed[0][0] <= i + 2:
            return i
    return None


def _blank_front_matter(lines: list[str]) -> list[str]:
    """YAML front matter (--- key: value ---) is metadata, not content; blanked so line numbers stay true."""
    if not lines or lines[0].strip() != "---":
        return lines
    for i in range(1, min(len(lines), 60)):
        if lines[i].strip() in ("---", "..."):
            return [""] * (i + 1) + lines[i + 1 :]
        if lines[i].strip() and not re.match(r"^\s*(?:[\w-]+\s*:|-\s)", lines[i]):
            return lines
    return lines


_QUESTION_LIST = re.compile(
    r"\bquestions?\b|\basked\b|\b(?:they|interviewers?|panel|he|she)\b[\w' ]{0,20}?\bask\b|"
    r"\bprompts?\b|\bpractice\b|\blikely\b|\bsystem design\b|\bbehaviou?ral\b|"
    r"\btechnical\b|\binterview\b",
    re.IGNORECASE,
)


def _asks_for_questions(sec: Section, lines: list[str], start: int, first_item: int) -> bool:
    """Example questions must be introduced as such: the heading or the lead-in text mentions questions."""
    lead = " ".join(lines[max(start, first_item - 3) : first_item])
    return bool(_QUESTION_LIST.search(f"{sec.title} {lead}"))


__all__ = ["RawDoc", "RawStory", "extract"]
