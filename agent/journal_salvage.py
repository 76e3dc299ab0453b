"""What can still be read from a damaged answer-journal file (agent.answer_journal).

The journal is written atomically, so a damaged file comes from outside (a disk fault, a copy cut short, an
editor): most often the JSON is cut off. Its fields are written in a fixed order (thread_id, context, question,
moves, draft), each move as {"kind", "text"}, so the complete moves before the cut are read field by field. An
answer whose text is cut off comes back as a draft (the candidate finishes it), never graded as it stands.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_STRING = r'"((?:[^"\\]|\\.)*)(")?'  # a JSON string's body, and its closing quote unless the text was cut there
_MOVE = re.compile(r'"(\d+)"\s*:\s*\{\s*"kind"\s*:\s*"(\w+)"\s*,\s*"text"\s*:\s*' + _STRING)
_CUT_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{0,3})?$")


@dataclass
class Salvaged:
    """The readable part of a damaged journal file."""

    thread_id: str = ""  # empty when it was cut off
    context: dict[str, Any] = field(default_factory=dict)  # empty when it was cut off too
    question: str = ""
    moves: dict[int, dict[str, str]] = field(default_factory=dict)
    draft: str = ""
    cut_answer: bool = False  # the last answer's text was cut off: it is the draft now


def _decode(body: str) -> str:
    body = _CUT_ESCAPE.sub("", body)  # an escape cut in half
    try:
        return str(json.loads(f'"{body}"'))
    except ValueError:
        return body


def _field(text: str, name: str) -> tuple[str, bool] | None:
    """(the string field's text, complete) or None when the field is not there."""
    match = re.search(rf'"{name}"\s*:\s*' + _STRING, text)
    return (_decode(match.group(1)), match.group(2) is not None) if match else None


def _context(text: str) -> dict[str, Any]:
    start = re.search(r'"context"\s*:\s*(?=\{)', text)
    if start is None:
        return {}
    try:
        value, _ = json.JSONDecoder().raw_decode(text, start.end())
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def salvage(text: str) -> Salvaged | None:
    """The moves, draft and context still readable in `text`; None when no move or draft is."""
    found = Salvaged(context=_context(text))
    thread_id = _field(text, "thread_id")
    found.thread_id = thread_id[0] if thread_id and thread_id[1] else ""
    question = _field(text, "question")
    found.question = question[0] if question and question[1] else ""
    start = re.search(r'"moves"\s*:\s*\{', text)
    tail = text[start.end() :] if start else ""
    for match in _MOVE.finditer(tail):
        kind, body, closed = match.group(2), _decode(match.group(3)), match.group(4) is not None
        if closed:
            found.moves[int(match.group(1))] = {"kind": kind, "text": body}
        elif kind == "answer" and body.strip():
            found.draft, found.cut_answer = body, True
    draft = _field(tail, "draft") if start else None
    if draft and draft[0].strip() and not found.cut_answer:
        found.draft = draft[0]
    return found if found.moves or found.draft.strip() else None
