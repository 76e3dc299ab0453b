"""Markdown structure via markdown-it: top-level blocks with source lines, grouped into heading sections.

Only block structure is parsed (inline parsing is off: we read the source lines ourselves), which keeps a
few hundred KB of notes well under a second. Headings that are just STAR labels ("### Situation") stay inside
their story rather than opening a section of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

from knowledge.ingest.labels import parse_label
from knowledge.ingest.questions import unmark

_BLOCK_OPEN = {
    "paragraph_open": "para",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "blockquote_open": "quote",
    "table_open": "table",
}
_LEAF = {"fence": "code", "code_block": "code", "hr": "hr", "html_block": "html"}


@dataclass
class Block:
    """One top-level Markdown block: lines [start, end) of the document (0-based)."""

    kind: str  # heading | para | list | quote | table | code | hr | html
    start: int
    end: int
    level: int = 0  # heading level; -1 marks code nested inside another block
    title: str = ""  # heading text; for code, "fence" or "code_block"


@dataclass
class Section:
    """A heading and the blocks up to the next heading (any level). `heading` is None for the preamble."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    @property
    def line(self) -> int:
        """1-based line of the heading (or of the first block for the preamble)."""
        if self.heading:
            return self.heading.start + 1
        return self.blocks[0].start + 1 if self.blocks else 1


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def parse_blocks(text: str) -> list[Block]:
    """Top-level blocks in document order."""
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        if tok.level != 0:
            if tok.type in ("fence", "code_block"):  # code nested in a list item is still code
                blocks.append(Block("code", tok.map[0], tok.map[1], level=-1, title=tok.type))
            continue
        start, end = tok.map
        if tok.type == "heading_open":
            title = tokens[i + 1].content if i + 1 < len(tokens) else ""
            blocks.append(Block("heading", start, end, int(tok.tag[1:]), clean_heading(title)))
        elif tok.type in _BLOCK_OPEN:
            blocks.append(Block(_BLOCK_OPEN[tok.type], start, end))
        elif tok.type == "code_block" and is_prose(tok.content):
            blocks.append(Block("para", start, end))  # an indented answer in a plain-text doc, not code
        elif tok.type in _LEAF:
            blocks.append(Block(_LEAF[tok.type], start, end, title=tok.type))
    return blocks


_CODE_CHARS = re.compile(r"[{};=<>\[\]]|\w\(|\)\s*$|^\s*(?:def|class|import|from|return|SELECT|#include)\b", re.M)
_CODE_LINE = re.compile(
    r"[{};]\s*$|^\s*(?:def|class|import|return|SELECT|#include|if|for|while)\b.*[:({]\s*$|\w\s*=\s*\S"
)
_SENTENCE_END = re.compile(r"\w[.!?][\"')]?(?:\s|$)")
_PROSE_WORDS = 40  # a block this long that ends sentences reads as prose despite a bracket or an arrow in it
_CODE_SHARE = 0.1  # at most this share of its lines look like code


def is_prose(text: str) -> bool:
    """Indented text that reads as sentences (tab-indented notes, a commit message's body) rather than code."""
    words = text.split()
    if len(words) < 6:
        return False
    if not _CODE_CHARS.search(text) and sum(w.isalpha() for w in words) >= 0.7 * len(words):
        return True
    # a long block with figures, a stray "[check]" or "->": prose when it ends sentences and few lines look like code
    alpha = sum(w.strip(".,;:!?()\"'~").isalpha() for w in words) >= 0.7 * len(words)
    lines = [x for x in text.splitlines() if x.strip()]
    coded = sum(bool(_CODE_LINE.search(x)) for x in lines)
    sentences = len(_SENTENCE_END.findall(text))
    return alpha and len(words) >= _PROSE_WORDS and sentences >= 2 and coded <= _CODE_SHARE * len(lines)


_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
# Symbols before a title's first word (emoji, bullets, arrows); a currency sign before a figure is the figure's own
# ("$18k a month back"), and a minus sign too.
_LEADING_SYMBOLS = re.compile(r"^(?:(?![$£€¥+-]\d)[^\w\"'“‘(\[])+")


# Pandoc / Google Docs heading attributes: "Title {#anchor}", "Title {#id .class}" (never part of the title).
_ATTRIBUTES = re.compile(r"\s*\{[#.][^{}]*\}\s*$")


def clean_heading(title: str) -> str:
    """Heading text without emphasis markers, leading emoji/symbols, `{#anchor}` attributes or trailing #'s."""
    title = _EMPHASIS.sub("", unmark(_ATTRIBUTES.sub("", title.strip()))).replace("`", "")
    title = _LEADING_SYMBOLS.sub("", title.strip())
    return re.sub(r"\s+", " ", title).strip(" #")


def split_sections(blocks: list[Block], lines: list[str]) -> list[Section]:
    """Group blocks under headings; label headings ("### Result") are kept as body blocks."""
    sections = [Section(None)]
    headings = [b for b in blocks if b.kind == "heading"]
    labels = {id(b) for b in headings if _is_label_heading(b, lines)}
    # a sub-heading between two part headings of its level ("### Situation", "### Why nobody owned it", "### Action")
    # is one more part of the story told there, not a section that takes the parts after it away
    labels |= {
        id(b)
        for before, b, after in zip(headings, headings[1:], headings[2:], strict=False)
        if id(before) in labels and id(after) in labels and before.level == b.level == after.level
    }
    for block in blocks:
        if block.kind == "heading" and id(block) not in labels:
            sections.append(Section(block))
        else:
            sections[-1].blocks.append(block)
    return [s for s in sections if s.heading is not None or s.blocks]


def _is_label_heading(block: Block, lines: list[str]) -> bool:
    label = parse_label(lines[block.start]) if block.start < len(lines) else None
    return label is not None and label.canon in {"situation", "task", "action", "result", "extra", "star"}
