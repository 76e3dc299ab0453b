"""A story named inside its section, when the section's own title does not name it.

Two ways notes put a story's name below the line the reader took for its title:

- A line that announces the story told under it, after the section's small talk: `2026: (long version)
  STORY: <name>` in a journal day whose heading is the book's printed prompt, `Story: <name>` under a date. The
  story starts at that line and is named by it; the lines above it (one-word answers of other years) are not
  its text. A pitch announced the same way (`TMAY draft 4 -`) starts there too, named by the words of the line.
- Titles that are the same banner on every entry (`HOUSE RESEARCH | UPDATE | 14 Oct`, `SUBMISSION 3 — <author>`),
  once figures and dates are set aside: the banner says whose and when, not what. Such a story is named by its
  subject field when its header holds one (`SUBJECT: <name>`, `Headline: <name>`, and the same field as other
  trades' forms name it: `Matter:` on a legal or police form, `Re:` / `Regarding:` on a letter or memo, `Topic:`),
  else by its first line when that line is short and no part label.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.ingest import prose
from knowledge.ingest.labels import parse_label
from knowledge.ingest.stories import RawStory

# "2026: (long version - for panels) STORY: <name>": a date or year field and remarks in brackets may come first.
_LEAD = r"^\W*(?:(?:19|20)\d\d\b\s*[:.-]?\s*)?(?:\([^()]{1,60}\)\s*)*"
_STORY_LINE = re.compile(_LEAD + r"STORY\s*[:—–-]\s*(?P<name>\S.{2,100}?)\s*[:—–-]?\s*$", re.IGNORECASE)
_PITCH_LINE = re.compile(_LEAD + r"(?P<name>(?:TMAY|elevator pitch|intro pitch)\b[^.!?]{0,60}?)\s*[:—–-]?\s*$",
                         re.IGNORECASE)
_NAME_WORDS = 14
# A subject field in a record's header: "SUBJECT:  <name>", "Headline: <name>", a form's "Matter: <name>".
_SUBJECT = re.compile(r"^\s{0,3}(?:subject|headline|matter|re|regarding|topic)\s*:\s+(?P<name>\S.{2,160})$",
                      re.IGNORECASE)
_NOTE = re.compile(r"^\s*note\s*:", re.IGNORECASE)
_HEADER_LOOK = 10  # lines of a story's text where its subject field is looked for
_FIRST_LINE_WORDS = 14
# What a banner keeps from entry to entry: its words once figures, dates and month names are set aside.
_VARYING = re.compile(
    r"\d+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|[^\w\s]", re.IGNORECASE
)


def name_within(stories: list[RawStory], lines: list[str]) -> None:
    """Rename (and for an announced story, start) stories as the module docstring says, in place; `lines` are
    the document's lines, where an announced story's new first line is found."""
    for story in stories:
        _announced(story, lines)
    # a banner repeats in the document even where an entry under it was named otherwise (or not stored)
    shapes = Counter(_shape(x.lstrip("#").strip()) for x in lines if x.startswith("#"))
    for story in stories:
        if story.reference or _NOTE.match(story.title):
            continue  # kept as a note (a model card, tips): its title says so, whatever the banner
        if shapes[_shape(story.title)] >= 2 and _shape(story.title):
            name = _subject(story) or _first_line(story)
            if name:
                story.title = name


def _announced(story: RawStory, lines: list[str]) -> None:
    """A line after the section's first that announces the story: the story starts there, named by it."""
    text = story.text.split("\n")
    said = 0  # non-blank lines above the one looked at
    for n, x in enumerate(text):
        if not x.strip():
            continue
        match = _STORY_LINE.match(x.strip()) or _PITCH_LINE.match(x.strip())
        name = match["name"].strip(" -—–:") if match else ""
        below = "\n".join(text[n + 1 :]).strip()
        at = _find(lines, x, story.line) if said and name and len(below) >= _MIN_TOLD else None
        if at is not None and len(name.split()) <= _NAME_WORDS and not name.endswith((".", "!", "?")):
            story.title, story.line = name, at + 1
            story.text = "\n".join(text[n:]).strip()
            if story.kind == "prose":  # its parts are read from its own text, not the small talk above it
                story.fields = prose.infer_star(prose.prose_text(text[n + 1 :]))
            return
        said += 1


_MIN_TOLD = 200  # characters under an announcing line: a story told there, not a one-line answer


def _find(lines: list[str], line: str, after: int) -> int | None:
    """Index of `line` in the document at or after line `after` (1-based)."""
    return next((i for i in range(max(after - 1, 0), len(lines)) if lines[i] == line), None)


def _shape(title: str) -> str:
    return " ".join(_VARYING.sub(" ", title.lower()).split())


def _subject(story: RawStory) -> str | None:
    for x in story.text.split("\n")[:_HEADER_LOOK]:
        match = _SUBJECT.match(x)
        if match:
            return match["name"].strip()
    return None


def _first_line(story: RawStory) -> str | None:
    first = next((x.strip() for x in story.text.split("\n") if x.strip()), "")
    name = first.strip("*_# ").strip()
    if not name or len(name.split()) > _FIRST_LINE_WORDS or name.endswith((".", "!", "?")):
        return None
    label = parse_label(first)
    return None if label is not None and label.canon != "other" else name
