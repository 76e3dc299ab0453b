"""Code fences as the author meant them: a fence around Markdown prose is not code.

Real notes have stray ``` lines (a fence closed twice, a snippet left open). By CommonMark everything up to the
next fence is then code, and a whole run of headings, bold labels and STAR bullets disappears. Here each fenced
region is read before it is believed: when its content is Markdown prose rather than code (and its info string
names no programming language) the fence lines are blanked so the text is read as Markdown. A blanked closing
line may really open the next code block, so it is kept when the text after it reads as code.

Line count never changes, so every item keeps its true source line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.ingest.labels import parse_label

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<mark>`{3,}|~{3,})\s*(?P<info>[^`]*?)\s*$")
_PROSE_INFO = {"", "text", "txt", "md", "markdown", "plain", "plaintext", "notes", "star"}

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+[A-Za-z\"“'*_]")
_BOLD_LEAD = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)[^*_]{2,80}(?:\*\*|__)")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?P<text>.+)$")
_CODE_LINE = re.compile(
    r"[;{}]\s*$|^\s*(?:def|class|import|from \S+ import|return|const|let|var|function|public|private|async def|"
    r"await|SELECT|INSERT|UPDATE|CREATE|#include|package|fn|func|if \(|for \(|while \(|\$ |>>> |pip |npm |"
    r"docker |kubectl |curl |git |cd |sudo |print\()|"
    r"^\s*[\w.\[\]\"']+\s*(?:=|\+=|-=|:=)\s*\S|\w\([^)\s]*\)\s*$|=>|\{\w*\}|^\s*</?\w+[^>]*>\s*$|^\s*@\w+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Fence:
    line: int
    mark: str
    info: str


def _fences(lines: list[str]) -> list[_Fence]:
    found = []
    for i, line in enumerate(lines):
        if "``" in line or "~~" in line:
            m = _FENCE.match(line)
            if m and not (m.group("mark")[0] == "~" and "~" in m.group("info")):
                found.append(_Fence(i, m.group("mark"), m.group("info").lower()))
    return found


def _closes(opener: _Fence, fence: _Fence) -> bool:
    return fence.mark[0] == opener.mark[0] and len(fence.mark) >= len(opener.mark) and not fence.info


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", text)


_SENTENCE_END = re.compile(r"[.!?:\"”)]\s*$")


def _kind(line: str) -> str:
    """ "strong" (a heading, a bold or STAR label, a sentence), "weak" (a bullet of words), "code" or "other"."""
    if _CODE_LINE.search(line) or _IDENTIFIER.search(line):
        return "code"
    if _MD_HEADING.match(line) or _BOLD_LEAD.match(line) or parse_label(line) is not None:
        return "strong"
    bullet = _BULLET.match(line)
    text = bullet.group("text") if bullet else line
    tokens = text.split()
    words = _words(text)
    if not bullet and len(tokens) >= 8 and len(words) >= 0.8 * len(tokens) and _SENTENCE_END.search(text):
        return "strong"
    if len(tokens) >= 3 and len(words) >= 0.7 * len(tokens):
        return "weak"
    return "code" if not words else "other"


# Identifiers prose never holds: CamelCaseWords, snake_case, dotted.calls, paths.
_IDENTIFIER = re.compile(r"\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*\b|\b\w+_\w+\b|\w\.\w+\(|/\w+/\w+")


def reads_as(lines: list[str]) -> str:
    """ "markdown", "code" or "empty" for the content of a fenced region."""
    counts = {"strong": 0, "weak": 0, "code": 0, "other": 0}
    for line in lines:
        if line.strip():
            counts[_kind(line)] += 1
    if not any(counts.values()):
        return "empty"
    prose = counts["strong"] + counts["weak"]
    code = counts["code"] + 0.5 * counts["other"]
    return "markdown" if counts["strong"] >= 2 and prose > 2 * code else "code"


def unfence(lines: list[str]) -> list[str]:
    """`lines` with the fence lines around Markdown prose blanked (same number of lines)."""
    out = list(lines)
    fences = _fences(lines)
    k = 0
    while k < len(fences):
        opener = fences[k]
        close = next((j for j in range(k + 1, len(fences)) if _closes(opener, fences[j])), None)
        end = fences[close].line if close is not None else len(lines)
        inner = next((j for j in range(k + 1, close if close is not None else len(fences)) if fences[j].info), None)
        if not opener.info and inner is not None and reads_as(lines[opener.line + 1 : fences[inner].line]) != "code":
            # A bare fence, prose, then "```python": nobody nests fences, so the bare one is stray.
            out[opener.line] = ""
            k = inner
            continue
        if opener.info.split(" ")[0] not in _PROSE_INFO or reads_as(lines[opener.line + 1 : end]) != "markdown":
            k = close + 1 if close is not None else len(fences)
            continue
        out[opener.line] = ""
        if close is None:
            break
        closer = fences[close]
        # Only a bare fence right after it can close it: a fence with an info string opens a block of its own.
        after = close + 1 if close + 1 < len(fences) and _closes(closer, fences[close + 1]) else None
        if after is not None and reads_as(lines[closer.line + 1 : fences[after].line]) == "code":
            k = close  # the "closing" line opens a real code block: read it as an opener
        else:
            out[closer.line] = ""
            k = close + 1
    return out
