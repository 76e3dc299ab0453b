"""Lead-ins that say a list holds interview questions: "Likely questions:", "They'll probably ask:", a heading
such as "Behavioral" or "Practice prompts", or "Questions I map these to:" after a run of stories.
"""

from __future__ import annotations

import re

from knowledge.ingest.blocks import Section
from knowledge.ingest.items import BULLET, list_items
from knowledge.ingest.labels import parse_label
from knowledge.ingest.questions import ASKING, PROMPT, clean, is_question_like

_QUESTION_LIST = re.compile(
    r"\bquestions?\b|\basked\b|\b(?:they|interviewers?|panel|he|she)\b[\w' ]{0,20}?\bask\b|"
    r"\bprompts?\b|\bpractice\b|\blikely\b|\bsystem design\b|\bbehaviou?ral\b|"
    r"\btechnical\b|\binterview\b|\buse (?:it |this )?(?:for|when)\b|\banswers\b|\bcovers\b|\bgood for\b|"
    r"\bmaps? to\b",
    re.IGNORECASE,
)


_QUESTION_PARENT = re.compile(r"\bquestions?\b|\bprompts?\b|\bq\s*&\s*a\b", re.IGNORECASE)


def asks_for_questions(sec: Section, lines: list[str], start: int, first_item: int, parent: str = "") -> bool:
    """Example questions must be introduced as such: the heading or the lead-in text mentions questions, or the
    section is a category ("### Leadership") under a heading that does ("## Question bank")."""
    lead = " ".join(lines[max(start, first_item - 3) : first_item])
    return bool(_QUESTION_LIST.search(f"{sec.title} {lead}") or _QUESTION_PARENT.search(parent))


def question_list_label(lines: list[str], start: int, end: int, code: set[int]) -> int | None:
    """Line of a lead-in such as "Questions I map these to:" directly followed by a list of questions."""
    for i in range(start, end):
        if not lines[i].rstrip("*_ ").endswith(":") or i in code:
            continue  # cheap test first: this runs on every line of every section
        raw = clean(lines[i].strip().lstrip("#>-*+ "))
        if not raw.endswith(":") or len(raw) > 80 or not _QUESTION_LIST.search(raw):
            continue
        label = parse_label(raw)
        if label is not None and label.canon not in ("other", "links"):
            continue  # "Likely follow-ups:" is part of a story, not a list of interview questions
        listed = example_questions(lines, i + 1, end)
        if listed and listed[0][0] <= i + 2:
            return i
    return None


def example_questions(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Quoted (or "?"-ending) list items given as example interview questions: complete questions only."""
    found = _question_paragraphs(lines, start, end)
    for i, raw in list_items(lines, start, end):
        if not BULLET.match(lines[i]):
            continue
        text = raw.strip()
        mapped = _QUOTED_THEN_NOTE.match(text)
        if mapped:
            text = mapped.group(1)  # '"Describe a failure" -> story 4': the quoted part is the question
        quoted = bool(text) and text[0] in "\"“'‘" and _fully_quoted(text)
        cleaned = _without_tag(clean(text))
        if cleaned is None:
            continue
        prompt = bool(PROMPT.match(cleaned)) and not re.search(r"→|->|\.\.\.|…", cleaned)
        if (quoted or cleaned.endswith("?") or prompt) and is_question_like(cleaned):
            found.append((i, cleaned))
    return sorted(found)


def _question_paragraphs(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """Questions written one per line without bullets: a paragraph made only of lines that ask something."""
    found: list[tuple[int, str]] = []
    para: list[int] = []
    for i in range(start, end + 1):
        line = lines[i].strip() if i < end else ""
        if line and not BULLET.match(lines[i]) and not line.startswith(("#", "|", ">")):
            para.append(i)
            continue
        asked = [(j, clean(lines[j])) for j in para]
        if asked and all(_asks(text) for _, text in asked):
            found += asked
        para = []
    return found


def _asks(text: str) -> bool:
    opens = bool(ASKING.match(text)) and text.endswith("?")
    return (opens or bool(PROMPT.match(text))) and is_question_like(text) and not re.search(r"→|->|\.\.\.|…", text)


_TAG_PREFIX = re.compile(r"^([A-Z][\w /&-]{0,24}):\s+(?P<rest>.+)$")


def _without_tag(text: str) -> str | None:
    """ "Behavioral: Tell me about..." -> the question; "Round 2: system design?" is a note, not a question (None)."""
    tagged = _TAG_PREFIX.match(text)
    if not tagged or ASKING.match(text) or PROMPT.match(text):
        return text
    rest = tagged.group("rest")
    return rest if ASKING.match(rest) or PROMPT.match(rest) else None


_QUOTED_THEN_NOTE = re.compile(r"^([\"“][^\"“”]{8,}[\"”])\s*(?:->|→|=>|⇒|—|–|-|:|\(|\[).*$")


def _fully_quoted(text: str) -> bool:
    body = re.sub(r"\*\*|__", "", text).strip().rstrip(".,;")
    return len(body) > 2 and body[-1] in "\"”'’" and body[1:-1].count('"') == 0
