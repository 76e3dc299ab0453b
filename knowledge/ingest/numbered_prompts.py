"""Numbered practice prompts answered under them, read as headings titled by the prompt.

Practice tools, courses and question drills print each prompt with its place in the set ("Question 2 of 5: Tell me
about …", "Exercise 2.3 - Describe …") and the candidate's reply under a label ("Your answer:", "My submission:"),
or mark the prompt skipped, under it or closing its line ("(SKIPPED - do later)"). The numbering is the tool's,
not a story's name: the line becomes a heading holding the prompt alone, so the reply under it is that prompt's
answer, and what the tool printed after the reply (its feedback, the candidate's fix-up notes) stays in that
section instead of opening one. A skipped prompt's marker line, with any note after it, is blanked: a question
with no answer. A bare "Q3:" is left to the Q/A reader. The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.marks import ATX
from knowledge.ingest.questions import question_line

_PROMPT = re.compile(
    r"^\s{0,3}(?:question|prompt|exercise|drill)\s*#?\d{1,3}(?:\.\d{1,3})?(?:\s*(?:of|/)\s*\d{1,3})?"
    r"\s*(?:[:.)]|\s[-–—])\s*(?P<text>\S.{7,300}?)\s*$",
    re.IGNORECASE,
)
_SKIP_WORDS = r"(?:skipped|no answer|not answered|passed)"
_SKIPPED = re.compile(rf"^\s*\({_SKIP_WORDS}\b[^)]*\)", re.IGNORECASE)
# "... you're proud of. (SKIPPED - do later)": the marker closing the prompt's own line
_SKIPPED_AFTER = re.compile(rf"\s*\({_SKIP_WORDS}\b[^)]*\)\s*$", re.IGNORECASE)
# A course's or a drill's own word for the reply ("My submission:", "Transcript:"), besides the answer labels.
_REPLY = re.compile(r"^\s*(?:my\s+)?(?:submission|transcript)\s*(?:\([^)]*\))?\s*:\s*$", re.IGNORECASE)
_SETEXT = re.compile(r"^\s{0,3}(?P<mark>=+|-+)\s*$")
_LOOK_AHEAD = 2  # the reply's label sits right under the prompt (a blank line at most)


def unnumber_prompts(lines: list[str]) -> list[str]:
    """Same number of lines; each numbered prompt over a reply or a skip marker becomes a heading."""
    out = list(lines)
    level = 0  # the last heading's level: ATX marks, or a setext underline ("====" 1, "----" 2)
    for i, line in enumerate(lines):
        atx = ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            level = len(atx.group(1))
            continue
        if setext and i and lines[i - 1].strip():
            level = 1 if setext["mark"].startswith("=") else 2
            continue
        prompt = _PROMPT.match(line)
        if prompt is None:
            continue
        text = _SKIPPED_AFTER.sub("", prompt["text"]).strip()
        if text == prompt["text"].strip() and not _replied_below(lines, i):
            continue
        explicit = question_line(text)
        # the numbering and the reply under it say it is a prompt, asked or not ("Write your intro.")
        out[i] = f"{'#' * min(level + 1, 6)} {explicit[0] if explicit else text}"
        for j in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(lines))):
            if _SKIPPED.match(lines[j]):
                out[j] = ""  # "(skipped) -> note": nothing told
    return out


def _replied_below(lines: list[str], i: int) -> bool:
    """The next non-blank line opens the reply ("Your answer:") or says the prompt was skipped."""
    for j in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(lines))):
        if not lines[j].strip():
            continue
        label = parse_label(lines[j])
        replied = bool(_REPLY.match(lines[j])) or (label is not None and label.canon == "answer")
        return replied or bool(_SKIPPED.match(lines[j]))
    return False
