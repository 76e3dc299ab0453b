"""A section that reads like a story but was not stored as one: named in one warning line per document.

Ingestion reads shapes by rules, and a shape it does not know can lose a story without a word. A section whose
text tells a case the way stories are told (several sentences in the first person and the past tense, with a
figure) that no stored story holds is named, so the candidate can give it a heading or labels of its own.
"""

from __future__ import annotations

import re

from knowledge.ingest import prose
from knowledge.ingest.blocks import parse_blocks, split_sections
from knowledge.ingest.normalize import normalize
from knowledge.ingest.spans import spans_of
from knowledge.ingest.stories import RawStory

_FIGURE = re.compile(r"\d")
_MIN_CHARS = 200  # a section shorter than this tells too little to be missed as a story
_MIN_KEY = 12  # letters of a line worth looking for in the stored stories
_MIN_TOLD = 3  # first-person past-tense sentences that make a section story-like
_SHOWN = 60  # characters of a section's title shown in the warning


def unstored_warning(text: str, stories: list[RawStory] | list[str]) -> str | None:
    """One line naming the story-like sections (module docstring) that no stored story holds; None if none.
    `stories` are the stored stories, or their texts."""
    texts = [s if isinstance(s, str) else s.text for s in stories]
    missed = list(_missed(text, texts))
    if not missed:
        return None
    title, line = missed[0]
    more = f" (and {len(missed) - 1} more)" if len(missed) > 1 else ""
    return (
        f"line {line}: section \"{title[:_SHOWN]}\"{more} reads like a story (told in the past, with figures) "
        "but was not stored as one; give it a heading of its own or Situation/Action/Result labels"
    )


def _missed(text: str, told: list[str]) -> list[tuple[str, int]]:
    lines = normalize(text.split("\n"))
    blocks = parse_blocks("\n".join(lines))
    code = {i for b in blocks if b.kind == "code" for i in range(b.start, b.end)}
    held = _key("\n".join(told))
    missed = []
    for span in spans_of(split_sections(blocks, lines), lines, code, len(lines)):
        body = [x for i, x in enumerate(lines[span.start : span.end], start=span.start) if i not in code]
        # lines no stored story holds (a section whose stories were stored, in parts, has none to speak of)
        lost = [x for x in body if len(_key(x)) >= _MIN_KEY and _probe(x) not in held]
        plain = prose.prose_text(lost)
        if len(plain) < _MIN_CHARS or not _FIGURE.search(plain):
            continue
        if any(_told(paragraph, held) >= _MIN_TOLD for paragraph in _paragraphs(body)):
            first = next((x.strip() for x in lost if x.strip()), "")
            title = span.section.title if span.section.heading else first
            missed.append((" ".join(title.split()), span.section.line if span.section.heading else _line(lines, first)))
    return missed


def _paragraphs(body: list[str]) -> list[list[str]]:
    """The body's runs of lines between blank lines."""
    runs: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _told(paragraph: list[str], held: str) -> int:
    """First-person past-tense sentences among a paragraph's lines that no stored story holds. A case is told in
    one run of text; sentences scattered over a planning page's entries (a line of a set list, 'I applied online.'
    in each of several copied reviews) tell none, however many there are in all."""
    lost = [x for x in paragraph if len(_key(x)) >= _MIN_KEY and _probe(x) not in held]
    return sum(1 for s in prose.note_sentences(prose.prose_text(lost)) if prose.told_by_narrator(s))


def _line(lines: list[str], first: str) -> int:
    """1-based line of the first lost line (a preamble has no heading to point at)."""
    return next((i + 1 for i, x in enumerate(lines) if x.strip() == first), 1)


def _probe(line: str) -> str:
    """The middle of a line's key: a stored story may have dropped a label before it ("ANSWER:") or markup after."""
    key = _key(line)
    mid = len(key) // 2
    return key if len(key) <= 2 * _PROBE else key[mid - _PROBE : mid + _PROBE]


_PROBE = 20


def _key(text: str) -> str:
    """Letters and digits only, lower-cased: a sentence is found in a story whatever markup or wrapping it had."""
    return re.sub(r"[\W_]+", "", text.lower())
