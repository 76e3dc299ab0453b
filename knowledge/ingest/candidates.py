"""The candidate's own questions for the interviewer: which headings and labels introduce them, and the items
under those (list items, paragraphs or table rows that ask something).
"""

from __future__ import annotations

import re

from knowledge.ingest.blocks import Section
from knowledge.ingest.items import list_items
from knowledge.ingest.questions import clean, is_question_like, question_line

# Who the candidate's own questions are for: "them", "the interviewer(s)", "the VP", "my skip-level"...
_WHO = (
    r"(?:them\b|(?:(?:the|my|your|our)\s+)?(?:interviewers?(?:\(s\))?|team|panel|hiring\s+manager|hm|manager|"
    r"mgr|company|recruiter|vp|cto|ceo|director|founders?|em|skip[- ]level|tech\s+lead|leadership)\b)"
    r"(?!\s+(?:round|interview|screen|loop|stage|call)\b)"  # "Questions for the hiring manager round" are theirs
)
# "To ask", "Ask:" alone announce the list; a title that only opens with the verb ("Ask your books", a feature's
# name) does not.
CANDIDATE = re.compile(
    rf"\b(?:questions?|qs)\s+(?:for|to)\s+{_WHO}|"
    r"\b(?:questions?|qs|things|stuff)\s+(?:you|i|i'll|i will|i'd|to|we|we'll)\s+(?:\w+\s+){0,2}ask\b|"
    r"\bmy (?:questions|qs)\b|\breverse[- ](?:interview|questions?|qs|q\s*&\s*a)\b|"
    r"\bquestions?\s+(?:do\s+you\s+have\s+)?for\s+(?:me|us)\s*\??\s*$|"
    r"\b(?:i'll|i will|i'd like to|i want to|i should|i plan to|i can)\s+ask\b|"
    rf"\bask(?:ing)?\s+{_WHO}|^\W*(?:to\s+)?ask(?:\s*[:–—]|\s*-(?!\w)|\W*$|\s+about\b)|^\W*(?:what\s+)?(?:i|we)\s+asked(?:\s+them)?\W*$",
    re.IGNORECASE,
)
# "Questions for Dana (hiring manager)": a person named in the heading, with their role.
_FOR_PERSON = re.compile(r"\b(?:[Qq]uestions?|Qs)\s+for\s+(?:[A-Z][a-z]+\s*)+(?:\(|[-–—]\s*\w)|\bfor\s+(?:him|her)\b")


def is_candidate_title(text: str) -> bool:
    """A heading or label announcing the candidate's own questions."""
    return bool(CANDIDATE.search(text) or _FOR_PERSON.search(text))


def candidate_items(lines: list[str], start: int, end: int, code: set[int]) -> list[tuple[int, str]]:
    """The candidate's own questions in [start, end): list items or paragraphs that ask something."""
    found: list[tuple[int, str]] = []
    for i, raw in list_items(lines, start, end):
        if i in code or raw.lstrip().startswith(("#", "|")):
            continue
        q = question_line(raw)
        text = q[0] if q else clean(raw)
        if CANDIDATE.search(text) and "?" not in text:
            continue  # the "Questions to ask:" label itself
        if "?" in text or is_question_like(text):
            found.append((i, text))
    return found


def candidate_label(lines: list[str], start: int, end: int, code: set[int]) -> int | None:
    """Line of a "**Questions to ask them:**" label inside the section body, if any."""
    for i in range(start, end):
        if not re.search(r"ask|question|reverse", lines[i], re.IGNORECASE):
            continue
        raw = lines[i].strip()
        text = clean(raw.lstrip("#>-*+ "))
        label_like = text.endswith(":") or raw.startswith(("**", "__", "#"))  # not a sentence in a story
        if i not in code and label_like and len(text) < 80 and is_candidate_title(text) and "?" not in text:
            return i
    return None


def table_questions(sec: Section, lines: list[str], start: int, end: int) -> list[tuple[str, int]]:
    """Questions in the tables of a candidate-question region: the first cell of each row that asks something."""
    found = []
    for table in (b for b in sec.blocks if b.kind == "table" and start <= b.start < end):
        for i in range(table.start + 2, table.end):
            cells = [clean(c) for c in lines[i].strip().strip("|").split("|")]
            asked = next((c for c in cells if c.endswith("?") and len(c) >= 8), None)
            if asked:
                found.append((asked, i + 1))
    return found
