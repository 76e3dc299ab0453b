"""Tables: question tables, story-bank tables (one story per row) and the candidate's question tables.

Question tables: `| Question | Answer |` (or `| Question | Story to use |`) rows become questions.

A cell under an Answer (or Story) column long enough to be an answer also becomes a prepared (qa) story; a
Result/Outcome column is kept with it. A table whose question column is "Question for them" (or which sits
under a "Questions to ask" heading) holds the candidate's own questions.
"""

from __future__ import annotations

import re

from knowledge.ingest.candidates import is_candidate_title
from knowledge.ingest.labels import STAR, canonical
from knowledge.ingest.questions import clean, is_question_like
from knowledge.ingest.stories import RawStory, qa_story
from knowledge.pitch import PITCH_TITLE

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
MIN_ANSWER_CHARS = 40
# "Story to use" holds a reference to a story told elsewhere, so it is deliberately not an answer column.
_ANSWER_COLUMNS = ("a", "answer", "my answer", "response", "story", "my story", "the story", "example",
                   "what i did", "star", "star answer", "star story")  # fmt: skip
_RESULT_COLUMNS = ("result", "results", "outcome", "impact")
_TITLE_COLUMNS = ("story", "title", "name", "project", "story title", "example", "topic")


def table_items(lines: list[str], start: int, end: int) -> tuple[list[RawStory], list[tuple[str, int]], bool]:
    """Stories and (question, 1-based line) pairs of one table; the flag says the questions are the candidate's."""
    if is_candidate_table(lines, start, end):
        return [], [(q, i + 1) for i, q, _ in table_rows(lines, start, end)], True
    stories = story_rows(lines, start, end) or grid_stories(lines, start, end)
    if stories:
        return stories, [(s.question, s.line) for s in stories if s.question], False
    rows = table_rows(lines, start, end)
    return [qa_story(q, [a], i + 1) for i, q, a in rows if a], [(q, i + 1) for i, q, _ in rows], False


_TOPIC = re.compile(r"\byou(?:r|rself)?\b|^(?:a|an|your|the|time|biggest|greatest|hardest|most|favou?rite)\b", re.I)


def _topic_question(text: str) -> bool:
    """A short row naming what is asked: "Time you met a tough deadline", "A mistake you made."."""
    return 3 <= len(text.split()) <= 20 and bool(_TOPIC.search(text))


def story_refs(lines: list[str], start: int, end: int) -> list[tuple[str, str]]:
    """(question, story title) for a table mapping questions to stories told elsewhere: a short Story cell."""
    header = _header(lines, start, end)
    if header is None:
        return []
    s_col = next((i for i, h in enumerate(header) if h in _REF_COLUMNS), None)
    if s_col is None:
        return []
    refs = []
    for i, question, answer in table_rows(lines, start, end):
        cells = _cells(lines[i])
        ref = clean(cells[s_col]) if s_col < len(cells) else ""
        if ref and not answer and len(ref) < MIN_ANSWER_CHARS:
            refs.append((question, ref))
    return refs


_REF_COLUMNS = ("story", "story to use", "my story", "the story", "example", "use", "story title", "which story",
                "lead with", "use story", "best story")


def story_rows(lines: list[str], start: int, end: int) -> list[RawStory]:
    """`| Story | Situation | Task | Action | Result |`: a spreadsheet story bank, one story per row."""
    header = _header(lines, start, end)
    if header is None:
        return []
    canon = [canonical(h) if h else None for h in header]
    star = {c: i for i, c in reversed(list(enumerate(canon))) if c in STAR}
    q_col = next((i for i, h in enumerate(header) if "question" in h), None)
    t_col = next((i for i, h in enumerate(header) if h in _TITLE_COLUMNS), None)
    if len(star) == 1 and t_col is not None and q_col is None:
        return _titled_rows(lines, start, end, header, t_col)
    if len(star) < 2:
        return []
    stories = []
    for i in range(start + 2, end):
        cells = _cells(lines[i])
        fields = {k: cells[c] for k, c in star.items() if c < len(cells) and cells[c]}
        title = clean(cells[t_col]) if t_col is not None and t_col < len(cells) else ""
        if len(fields) == 1 and PITCH_TITLE.search(title) and len(next(iter(fields.values())).split()) >= 40:
            stories.append(RawStory(title, "prose", next(iter(fields.values())), i + 1))  # a sheet's pitch row
            continue
        if len(fields) < 2:
            continue
        question = clean(cells[q_col]) if q_col is not None and q_col < len(cells) else ""
        text = "\n".join(f"{header[c].capitalize()}: {cells[c]}" for c in range(len(cells)) if c in star.values())
        if question and is_question_like(question):
            stories.append(RawStory(question, "qa", text, i + 1, fields, question))
        else:
            stories.append(RawStory(title or _short(fields), "star", text, i + 1, fields))
    return stories


MIN_ROW_STORY_WORDS = 30


def _titled_rows(lines: list[str], start: int, end: int, header: list[str], t_col: int) -> list[RawStory]:
    """`| Project | Who for | What I changed | Figures |`: a story per row under a title column, its own columns naming
    one STAR part at most. Every other column of a row that tells enough is part of its text, in the table's order,
    and a column the labels do not know keeps its header ("Figures: ..."); a row of a few words is a label, not a
    story."""
    shown = [clean(h) for h in _cells(lines[start])]  # the headers as written, for the text
    stories = []
    for i in range(start + 2, end):
        cells = _cells(lines[i])
        title = clean(cells[t_col]) if t_col < len(cells) else ""
        told = [(header[c], cells[c]) for c in range(len(cells)) if c != t_col and c < len(header) and cells[c]]
        if not title or sum(len(clean(cell).split()) for _, cell in told) < MIN_ROW_STORY_WORDS:
            continue
        fields = {k: cell for h, cell in told if (k := canonical(h)) in STAR}
        text = "\n".join(f"{shown[header.index(h)]}: {cell}" for h, cell in told)
        stories.append(RawStory(title, "star", text, i + 1, fields))
    return stories


# A grid cell that tells a story under its own bold name: "**The late launch** — we had promised ...".
_NAMED_CELL = re.compile(r"^\s*(?:\*\*|__)(?P<name>[^*_]{2,80}?)(?:\*\*|__)\s*[—–:-]\s*(?P<text>.+)$")
MIN_CELL_STORY_WORDS = 40


def grid_stories(lines: list[str], start: int, end: int) -> list[RawStory]:
    """A prep grid (rows what is asked, columns projects, as interview books lay it out): each cell that names a
    story in bold and tells it is a story of its own, titled by that name. Short cells ("see above", a lesson in a
    line) are not stories."""
    if _header(lines, start, end) is None:
        return []
    stories = []
    for i in range(start + 2, end):
        for cell in _cells(lines[i])[1:]:
            named = _NAMED_CELL.match(cell)
            if named is None or len(named["text"].split()) < MIN_CELL_STORY_WORDS:
                continue
            text = named["text"].replace("<br>", "\n")
            stories.append(qa_story(clean(named["name"]).strip(" \"'“”"), [text], i + 1, asked=False))
    return stories


_ASKED = re.compile(r"(?<=\?)\s+|^\s*\d{1,2}[.)]\s*|\s+(?=\d{1,2}[.)]\s)")


def candidate_rows(lines: list[str], start: int, end: int) -> list[tuple[str, int]]:
    """(question, 1-based line) of a story sheet's "Questions to ask" row: the candidate's own questions."""
    header = _header(lines, start, end)
    t_col = next((i for i, h in enumerate(header or []) if h in _TITLE_COLUMNS), None)
    if t_col is None:
        return []
    found = []
    for i in range(start + 2, end):
        cells = _cells(lines[i])
        if t_col >= len(cells) or not is_candidate_title(clean(cells[t_col])):
            continue
        text = max((c for k, c in enumerate(cells) if k != t_col), key=len, default="")
        for piece in _ASKED.split(text):
            piece = clean(re.sub(r"^\d{1,2}[.)]\s*", "", piece or "")).strip()
            if piece.endswith("?"):
                found.append((piece, i + 1))
    return found


def _short(fields: dict[str, str]) -> str:
    """A title for an untitled row: the opening words of its situation."""
    words = clean(next(iter(fields.values()))).split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def _header(lines: list[str], start: int, end: int) -> list[str] | None:
    if end - start < 3 or not _SEPARATOR.match(lines[start + 1]):
        return None
    return [clean(c).lower() for c in _cells(lines[start])]


def is_candidate_table(lines: list[str], start: int, end: int) -> bool:
    """The table's question column says whom the questions are for: "Question for them", "Qs to ask"."""
    header = _header(lines, start, end)
    return bool(header) and any(is_candidate_title(h) for h in header or [])


def table_rows(lines: list[str], start: int, end: int) -> list[tuple[int, str, str]]:
    """(line, question, answer) for each row of a question table in lines[start:end]; [] for other tables."""
    header = _header(lines, start, end)
    if header is None:
        return []
    q_col = next((i for i, h in enumerate(header) if "question" in h or h in ("q", "qs", "prompt")), None)
    if q_col is None:
        return []
    a_col = next((i for i, h in enumerate(header) if h in _ANSWER_COLUMNS), None)
    r_col = next((i for i, h in enumerate(header) if h in _RESULT_COLUMNS), None)
    # Under a "Question" column a short row is a question even without "?" ("Time you met a tough deadline").
    named = "question" in header[q_col] or "prompt" in header[q_col]
    rows = []
    for i in range(start + 2, end):
        cells = _cells(lines[i])
        question = clean(cells[q_col]) if q_col < len(cells) else ""
        if not (is_question_like(question) or (named and _topic_question(question))):
            continue
        answer = cells[a_col].replace("<br>", "\n") if a_col is not None and a_col < len(cells) else ""
        if len(answer) < MIN_ANSWER_CHARS:
            answer = ""
        elif r_col is not None and r_col < len(cells) and cells[r_col]:
            answer = f"{answer}\n\nResult: {cells[r_col]}"
        rows.append((i, question, answer))
    return rows
