"""Questions a story is also prepared for: "*Also answers: X; Y*", "**Use for:**" followed by a list, or a
"### Questions this answers" sub-section. Each becomes a link from the story to the question."""

from __future__ import annotations

import re

from knowledge.ingest.items import BULLET
from knowledge.ingest.labels import parse_label
from knowledge.ingest.qforms import asks, maybe_asks
from knowledge.ingest.questions import clean

_QUOTED = re.compile(r"[\"“]([^\"“”]{6,})[\"”]")
_SPLIT = re.compile(r"\s*(?:;|\s\|\s|\s/\s|•)\s*")


def is_links_label(line: str) -> bool:
    label = parse_label(line)
    return label is not None and label.canon == "links"


def split_questions(rest: str) -> list[str]:
    """ "Tell me about X; How do you Y?" or '"X", "Y"' -> the questions."""
    rest = re.sub(r"^[*_]+|[*_]+$", "", rest.strip())
    quoted = _QUOTED.findall(rest)
    parts = quoted or _SPLIT.split(rest)
    out = [clean(p).strip(" ,.*_") for p in parts]
    return [p for p in out if len(p.split()) >= 2]


def link_lines(lines: list[str], start: int, end: int, code: set[int]) -> list[tuple[int, str]]:
    """(0-based line, question) for every linked question in lines[start:end]."""
    found: list[tuple[int, str]] = _question_runs(lines, start, end, code)
    i = start
    while i < end:
        if i in code or not is_links_label(lines[i]):
            i += 1
            continue
        label = parse_label(lines[i])
        rest = label.rest if label else ""
        if re.search(r"\w", rest):
            found += [(i, q) for q in split_questions(rest)]
            i += 1
            continue
        i += 1
        while i < end and not lines[i].strip():
            i += 1
        while i < end and BULLET.match(lines[i]):  # the list under "**Use for:**"
            text = clean(BULLET.sub(lambda m: m.group("text"), lines[i]))
            if len(text.split()) >= 2:
                found.append((i, text.strip(" ,*_")))
            i += 1
    return found


_FOLLOW_UP = re.compile(r"\bfollow[- ]?ups?\b", re.IGNORECASE)


def follow_up_lines(lines: list[str], start: int, end: int, code: set[int]) -> list[tuple[int, str]]:
    """(0-based line, question) for every "Likely follow-up: ..." question in lines[start:end], whether given
    on the label's line or as the list under it ("**Follow-ups:**" then bullets)."""
    found: list[tuple[int, str]] = []
    i = start
    while i < end:
        label = parse_label(lines[i]) if i not in code and _FOLLOW_UP.search(lines[i]) else None
        if label is None or label.canon != "extra" or not _FOLLOW_UP.search(label.name):
            i += 1
            continue
        if re.search(r"\w", label.rest):
            found += [(i, _capital(q)) for q in split_questions(label.rest) if _asks(q)]
            i += 1
            continue
        i += 1
        while i < end and not lines[i].strip():
            i += 1
        while i < end and BULLET.match(lines[i]):
            text = clean(BULLET.sub(lambda m: m.group("text"), lines[i])).strip(" ,*_")
            if _asks(text):
                found.append((i, _capital(text)))
            i += 1
    return found


def _asks(text: str) -> bool:
    return len(text.split()) >= 3 and (text.rstrip("\"”'").endswith("?") or asks(text))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def asking_bullet(line: str) -> str | None:
    """The question of a bullet that asks the candidate something ("- Describe a time you ..."), else None."""
    bullet = BULLET.match(line) if maybe_asks(line) else None
    if not bullet:
        return None
    text = clean(bullet.group("text"))
    return text if asks(text) else None


def _question_runs(lines: list[str], start: int, end: int, code: set[int]) -> list[tuple[int, str]]:
    """Two or more bullets in a row that ask the candidate something, inside a story: what it answers."""
    asked = {i: q for i in range(start, end) if i not in code and (q := asking_bullet(lines[i]))}
    return [(i, q) for i, q in asked.items() if i - 1 in asked or i + 1 in asked]
