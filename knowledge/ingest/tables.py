"""Question tables: `| Question | Answer |` (or `| Question | Story to use |`) rows become questions.

A cell under an Answer column long enough to be an answer also becomes a prepared (qa) story.
"""

from __future__ import annotations

import re

from knowledge.ingest.questions import clean, is_question_like

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
MIN_ANSWER_CHARS = 40


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def table_rows(lines: list[str], start: int, end: int) -> list[tuple[int, str, str]]:
    """(line, question, answer) for each row of a question table in lines[start:end]; [] for other tables."""
    if end - start < 3 or not _SEPARATOR.match(lines[start + 1]):
        return []
    header = [clean(c).lower() for c in _cells(lines[start])]
    q_col = next((i for i, h in enumerate(header) if "question" in h or h in ("q", "prompt")), None)
    if q_col is None:
        return []
    a_col = next((i for i, h in enumerate(header) if h in ("a", "answer", "my answer", "response")), None)
    rows = []
    for i in range(start + 2, end):
        cells = _cells(lines[i])
        question = clean(cells[q_col]) if q_col < len(cells) else ""
        if not is_question_like(question):
            continue
        answer = cells[a_col].replace("<br>", "\n") if a_col is not None and a_col < len(cells) else ""
        rows.append((i, question, answer if len(answer) >= MIN_ANSWER_CHARS else ""))
    return rows
