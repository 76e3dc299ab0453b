"""Title-like lines and markup residue in any plain-text prep document, whatever tool wrote it.

- Decorated titles: a short line between runs of the same mark (`=== The outage ===`, `-- Mentoring --`,
  `>>> Cost cut <<<`, `~~ X ~~`), after `=` marks only (`== The outage`, Typst) or in title brackets (`【降本】`,
  `〔X〕`, `« X »`), alone on its line.
- Numbered story lines: `Story 3 — The outage`, `Example #2: X`, `Case 4) X`, and outline numbering before a
  capitalised title (`2.1 The outage`, `IV. Mentoring`, `三、成本`).
- Residue of note apps: Bear/Obsidian highlights (`::text::`, `==text==`) keep their text; a line of nothing but
  `#tags` (`#interviews/stories #q3`) is metadata and is blanked; MediaWiki bold (three quotes) becomes `**x**`;
  an Obsidian block id closing a line (` ^a1B2c3D4`, the anchor a link or a drawing's text box points at) is
  dropped.
- A run of `=` or `-` under a whole paragraph is a separator between entries (clippings, exports), not the
  underline of a setext heading: a title is short, so the paragraph stays text, and so do the short entries the
  same run separates (`separated_paragraphs`).

normalize.py turns a title into a heading one level below the Markdown heading above it. The number of lines never
changes.
"""

from __future__ import annotations

import re

_DECORATED = re.compile(
    r"^\s*(?P<mark>[=\-~*+#_.•◆◇■□▶►▸>:|/\\])(?P=mark){1,}\s+(?P<title>[^\s].{0,78}?)\s+"
    r"(?:(?P=mark){2,}|<{2,}|◀+|◄+)\s*$"
)
# Headings written with leading "=" marks only (Typst, some wikis): "== The outage".
_EQUALS = re.compile(r"^\s*={1,6}\s+(?P<title>[^=\s].{0,78}?)\s*$")
_BRACKETED = re.compile(r"^\s*(?:【(?P<a>[^】]{1,60})】|〔(?P<b>[^〕]{1,60})〕|«\s*(?P<c>[^»]{1,60}?)\s*»)\s*$")
_NUMBERED = re.compile(
    r"^\s*(?:story|example|case|anecdote|scenario|故事|案例)\s*(?:#|no\.?\s*)?\d{1,3}\s*(?:[:.)]|\s[-–—])\s*"
    r"(?P<name>[^\s].{1,90}?)\s*$",
    re.IGNORECASE,
)
# Outline numbering before a title: "2.1 The outage", "IV. Mentoring", "三、成本".
_OUTLINE = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|[IVX]{1,5}\.|[一二三四五六七八九十]{1,3}[、.])\s*(?P<name>[^\W\d_a-z].{1,80})$"
)
_WIKI_BOLD = re.compile(r"'''(?P<text>[^'\n]{1,100})'''")
_HIGHLIGHT = re.compile(
    r"(?<![\w:])::(?=\S)(?P<a>[^:\n]{1,200}?)(?<=\S)::(?![\w:])|(?<![\w=])==(?=\S)(?P<b>[^=\n]{1,200}?)(?<=\S)==(?![\w=])"
)
_BLOCK_ID = re.compile(r"\s\^[A-Za-z0-9-]{6,}\s*$")
_TAG_LINE = re.compile(r"^\s*(?:#[^\s#][^\s]*\s*){1,12}$")


def title_line(line: str) -> str | None:
    """The title a decorated, bracketed or numbered title line stands for, or None."""
    for pattern in (_DECORATED, _BRACKETED, _EQUALS):
        found = pattern.match(line)
        if found:
            title = next((g for g in (found.groupdict().get(k) for k in ("title", "a", "b", "c")) if g), "")
            return title.strip() if re.search(r"\w", title) else None
    for pattern in (_NUMBERED, _OUTLINE):
        numbered = pattern.match(line)
        name = numbered.group("name").strip() if numbered else ""
        if name and not name.endswith((".", "?", ",", ";")) and len(name.split()) <= 12:
            return name
    return None


_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_TITLE_WORDS = 40  # more words than this above an underline: a paragraph, never a heading (a long question is one)


def separated_paragraphs(lines: list[str]) -> list[str]:
    """Same number of lines; a `===` / `---` line under a paragraph of more than _TITLE_WORDS words is blanked, and
    so is every other line of exactly the same run: the document uses it to separate entries, short ones too."""
    under = [i for i in range(1, len(lines)) if _UNDERLINE.match(lines[i]) and lines[i - 1].strip()]
    words = _paragraph_words(lines) if under else []
    separators = {lines[i].strip() for i in under if words[i] > _TITLE_WORDS}
    out = list(lines)
    for i in under:
        if lines[i].strip() in separators:
            out[i] = ""
    return out


def _paragraph_words(lines: list[str]) -> list[int]:
    """For each line i, the words in the paragraph that ends just above it, in one pass (walking back from each
    line cost a paragraph of 9,000 `---` lines 13 s)."""
    out: list[int] = []
    words = 0  # in the paragraph so far
    for line in lines:
        out.append(words)
        n = len(line.split())
        words = words + n if n else 0
    return out


def clean_residue(line: str) -> str:
    """A line without note-app residue: highlight marks dropped, a line of only `#tags` blanked."""
    if "#" in line and _TAG_LINE.match(line) and not re.match(r"^\s*#{1,6}\s", line):
        return ""
    if "^" in line:
        line = _BLOCK_ID.sub("", line)
    if "'''" in line:
        line = _WIKI_BOLD.sub(r"**\g<text>**", line)  # MediaWiki bold
    if "::" in line or "==" in line:
        return _HIGHLIGHT.sub(lambda m: m.group("a") or m.group("b"), line)
    return line
