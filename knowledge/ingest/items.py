"""Items inside a section body: Q/A pairs, flashcards, Notion-style toggles and practice-transcript turns; list
items; trimming and de-duplicating answers.

All functions work on document line numbers (0-based) so every item keeps its source line. The candidate's own
questions live in candidates.py, lists of example interview questions in leadins.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.ingest.labels import parse_label
from knowledge.ingest.questions import PROMPT, clean, is_question_like, question_line

BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])\s+(?P<text>.*)$")
_QA_FENCE_Q = re.compile(r"^\s*(?:\*\*)?Q(?:uestion)?\s*\d*\s*(?:\*\*)?\s*[:.]", re.IGNORECASE)
_QA_FENCE_A = re.compile(r"^\s*(?:\*\*)?A(?:nswer)?\s*(?:\*\*)?\s*[:.]", re.IGNORECASE)
_BOLD_LINE = re.compile(r"^(\*\*|__)[^*_].*\?[\"”']?\1$")


@dataclass
class QAPair:
    """An explicit question and the prepared answer below it."""

    question: str
    line: int  # 0-based
    answer: list[str]


def is_qa_fence(lines: list[str], start: int, end: int) -> bool:
    """A code block holding Q:/A: pairs rather than code."""
    inner = lines[start:end]
    return any(_QA_FENCE_Q.match(x) for x in inner) and any(_QA_FENCE_A.match(x) for x in inner)


def qa_pairs(lines: list[str], scannable: list[int], stops: set[int], end: int) -> list[QAPair]:
    """Explicit questions on `scannable` lines; each answer runs to the next question, a stop line or `end`."""
    found: list[tuple[int, tuple[str, str], bool]] = []
    for i in scannable:
        q = question_line(lines[i]) or _asked_then_answered(lines, i, end)
        if q:
            found.append((i, q, False))
        elif toggle := _toggle_question(lines, i, end):
            found.append((i, (toggle, ""), True))
    pairs: list[QAPair] = []
    for k, (i, (text, inline), nested) in enumerate(found):
        limit = found[k + 1][0] if k + 1 < len(found) else end
        limit = min([limit, *(s for s in stops if i < s < limit)])
        limit = next((j for j in range(i + 1, limit) if _SPEAKER.match(lines[j])), limit)
        j = i + 1
        # A question may wrap onto following lines of the same paragraph.
        while j < limit and not text.rstrip().endswith(("?", ".", "!", '"', "”")) and _continues(lines[j]):
            text = f"{text} {clean(lines[j])}"
            j += 1
        answer = trim(([inline] if inline else []) + _strip_answer_label(lines[j:limit]))
        if nested and sum(len(x.split()) for x in answer) < MIN_NESTED_ANSWER_WORDS:
            answer = []  # "- use the outage story" under a question is a hint, not a prepared answer
        pairs.append(QAPair(clean(text), i, answer))
    return pairs


def _asked_then_answered(lines: list[str], i: int, end: int) -> tuple[str, str] | None:
    """A question without "Q:": a whole-bold line ending in "?" (a card title), or any line ending in "?"
    directly followed by an "Answer:"/"A:" label."""
    if "?" not in lines[i]:
        return None
    bullet = BULLET.match(lines[i])
    raw = bullet.group("text").strip() if bullet else lines[i].strip()
    lead = _BOLD_LEAD.match(raw)
    if lead and is_question_like(clean(lead.group("q"))):
        return clean(lead.group("q")), lead.group("a")  # "**Why us?** Because ..." on one line
    text = clean(raw.lstrip("# "))
    if not text.endswith("?") or len(text) < 8:
        return None
    if _BOLD_LINE.match(raw) and is_question_like(text):
        return text, ""
    nxt = lines[i + 1] if i + 1 < end else ""
    lazy = nxt.strip() and nxt == nxt.lstrip() and not BULLET.match(nxt) and not _HR.match(nxt)
    if bullet and _ADDRESSED.search(text) and lazy:
        return text, ""  # "1. Why this job?" with the answer on the very next line (a lazy list paragraph)
    j = i + 1
    while j < end and j <= i + 2 and not lines[j].strip():
        j += 1
    label = parse_label(lines[j]) if j < end else None
    return (text, "") if label is not None and label.canon == "answer" else None


_BOLD_LEAD = re.compile(r"^(\*\*|__)(?P<q>[^*_]{8,}\?[\"”']?)\1\s+(?P<a>[^\s*_].{8,})$")


MIN_NESTED_ANSWER_WORDS = 12  # shorter nested notes ("use the outage story") are hints, not answers


def _toggle_question(lines: list[str], i: int, end: int) -> str | None:
    """A Notion-style toggle: a question bullet ("...?" or "Tell me about...") with its answer nested under it."""
    bullet = BULLET.match(lines[i])
    if not bullet or not _nested_words(lines, i, end):
        return None
    text = clean(bullet.group("text"))
    if PROMPT.match(text) and not re.search(r"→|->|\.\.\.|…", text):
        return text if is_question_like(text) else None
    # "What went wrong?" inside a story is the narrator's own question; interview questions address "you".
    if text.endswith("?") and _ADDRESSED.search(text):
        return text if is_question_like(text) else None
    return None


_ADDRESSED = re.compile(r"\byou(?:r|rs|rself|'re|'ve|'d)?\b", re.IGNORECASE)


def _nested_words(lines: list[str], i: int, end: int) -> int:
    """Words in the block indented under the bullet on line i (0 when nothing is nested)."""
    bullet = BULLET.match(lines[i])
    if not bullet:
        return 0
    indent = len(bullet.group("indent").expandtabs(4))
    words = 0
    for j in range(i + 1, end):
        line = lines[j]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break
        words += len(line.split())
    return words


def _continues(line: str) -> bool:
    return bool(line.strip()) and not BULLET.match(line) and parse_label(line) is None


def _strip_answer_label(lines: list[str]) -> list[str]:
    """Drop an unbulleted "A:" / "**Answer:**" label from the first answer line (keep its text)."""
    out = list(lines)
    for i, line in enumerate(out):
        if not line.strip():
            continue
        label = parse_label(line)
        if label and label.canon == "answer" and not label.bulleted:
            out[i] = label.rest
        else:
            out[i] = _DOTTED_ANSWER.sub("", line, count=1)  # "A. ..." under a "Q. ..." line
        break
    return out


# In a practice transcript the interviewer speaking again ends the answer, question or not.
_SPEAKER = re.compile(r"^\s*(?:\*\*|__)?(?:interviewer|recruiter|hiring manager)\s*(?:\*\*|__)?\s*:", re.I)
_DOTTED_ANSWER = re.compile(r"^\s*(?:A|Ans)\.\s+")
_HR = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")


def trim(lines: list[str]) -> list[str]:
    """Without blank lines or horizontal rules at either end."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or _HR.match(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or _HR.match(lines[end - 1])):
        end -= 1
    return lines[start:end]


def drop_repeats(answer: list[str], seen: set[str]) -> tuple[list[str], int]:
    """Answer without paragraphs that repeat an earlier answer verbatim (copy-paste leftovers); `seen` grows."""
    kept: list[str] = []
    dropped = 0
    for para in "\n".join(answer).split("\n\n"):
        key = " ".join(para.split()).lower()
        if key and key in seen and len(key) > 40:
            dropped += 1
            continue
        if key:
            seen.add(key)
        kept.extend([*para.split("\n"), ""])
    return trim(kept), dropped


def list_items(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Top-level items of a list (or of loose lines) in [start, end): (line, joined text)."""
    items: list[tuple[int, str]] = []
    indent: int | None = None
    for i in range(start, end):
        m = BULLET.match(lines[i])
        if m and (indent is None or len(m.group("indent")) <= indent):
            indent = len(m.group("indent"))
            items.append((i, m.group("text")))
        elif items and lines[i].strip() and i > items[-1][0]:
            if not lines[i - 1].strip() and not lines[i].startswith((" ", "\t")):
                items.append((i, lines[i].strip()))  # a new plain paragraph
            else:
                items[-1] = (items[-1][0], f"{items[-1][1]} {lines[i].strip()}")
        elif not items and lines[i].strip():
            items.append((i, lines[i].strip()))
    return items
