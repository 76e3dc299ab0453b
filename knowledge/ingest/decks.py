"""Plain-text flashcard decks whose front and back are split by a line of question marks.

Spaced-repetition tools and hand-kept decks write a card as its front, a line holding only `?`, `??` or `???`,
then the back; cards are split by `---` lines:

    Q: the on-call rota [people]
    ???
    I took over a rota that ...
    ---

Read as Markdown, such a card is one paragraph, and the `---` under it turns that paragraph into a setext heading.
`unsplit` rewrites a deck line for line (the count never changes) so the Q/A reader sees ordinary cards: the front
becomes a `Q:` line (a question loses its trailing `[tag]`s, a cue keeps them: they say what it is), the separator
a blank line and each card break a `***` rule (a rule that cannot underline a heading). A document needs two
separator lines to count as a deck: one stray `???` is a placeholder, not a card.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.questions import is_question_like, question_line

_SEPARATOR = re.compile(r"^\s{0,3}\?{1,3}\s*$")
_BREAK = re.compile(r"^\s{0,3}(?:-\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TAGS = re.compile(r"(?:\s*\[[\w&/ ,.-]{1,40}\])+\s*$")  # "[incident]", "[speed vs quality]" after a front
MAX_FRONT_LINES = 3  # a front is a cue or a question; a longer block above a "?" line is not a card front
MIN_CARDS = 2


def unsplit(lines: list[str]) -> list[str]:
    """The same lines with `front / ??? / back / ---` cards rewritten as `Q: front / (blank) / back / ***`."""
    separators = _separators(lines)
    if len(separators) < MIN_CARDS:
        return lines
    out = list(lines)
    for i in separators:
        top = i
        while top > 0 and out[top - 1].strip() and not _BREAK.match(out[top - 1]) and i - top < MAX_FRONT_LINES:
            top -= 1
        if top == i or (top > 0 and out[top - 1].strip() and not _BREAK.match(out[top - 1])):
            continue  # nothing above, or a paragraph too long to be a front: leave the line alone
        if parse_label(out[top]) is not None or not _back_follows(out, i):
            continue  # "**Result:**" over a "???" placeholder is an unfinished story part, not a card
        front = " ".join(x.strip() for x in out[top:i])
        asked = question_line(front)
        text = asked[0] if asked else front
        if is_question_like(untagged := _TAGS.sub("", text)):
            text = untagged  # "what is RRF? [tech]": the question without its deck tag; a cue keeps it
        out[top] = f"Q: {text}"
        for k in range(top + 1, i):
            out[k] = ""
        out[i] = ""
    for i in range(1, len(out)):
        if _BREAK.match(out[i]) and out[i - 1].strip():
            out[i] = "***"  # a card break, not a setext underline of the back above it
    return out


def _back_follows(lines: list[str], i: int) -> bool:
    """Some text (not a card break) follows the separator on line i, before the next blank-separated block ends."""
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return not _BREAK.match(line) and not _SEPARATOR.match(line)
    return False


def _separators(lines: list[str]) -> list[int]:
    """Lines holding only question marks, outside code fences."""
    found, fenced = [], False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _SEPARATOR.match(line):
            found.append(i)
    return found
