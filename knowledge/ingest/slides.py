"""PowerPoint .pptx decks (PowerPoint, Google Slides, Keynote exports) as Markdown: a slide per section.

Read with python-pptx after the archive passed zipped.py's size checks. A slide's title is a heading (the title
slide's the document's `#`, every other slide's `##`); its other shapes are read in reading order (top to bottom,
then left to right: a deck lays Situation / Action / Result boxes side by side, and PowerPoint keeps shapes in the
order they were drawn, not read). A text box whose first paragraph is a short bold line is a labelled part
(`**Situation:** ...`), so the STAR reader knows it; a body placeholder's paragraphs and indented paragraphs are list
items; a table is a pipe table. The speaker notes follow the slide as a paragraph of their own: they are where a
presenter keeps what a slide is for ("the failure story", "use for a conflict question").
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from typing import Any

from knowledge.ingest.pipe_table import pipe_table
from knowledge.ingest.zipped import Unreadable, check_members, open_zip

MAX_SLIDES = 500  # a prep deck has tens; a slide dump is not notes
LABEL_CHARS = 40  # a box's own label ("What I did", "Result") is a short line
_BODY_PLACEHOLDERS = {"BODY", "OBJECT"}
_CONTINUED = re.compile(
    r"\b(?:part\s*(?:[2-9]|two|three|ii)\b|cont(?:inued|'d|\.|\b))|\(\s*[2-9]\s*/\s*[2-9]\s*\)", re.I
)
_WORD = re.compile(r"\w+")


def pptx_markdown(data: bytes) -> str:
    """The deck as Markdown. Raises zipped.Unreadable with a one-line reason."""
    check_members(open_zip(data))
    from pptx import Presentation

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            deck = Presentation(io.BytesIO(data))
            out: list[str] = []
            previous = ""
            for n, slide in enumerate(deck.slides):
                if n >= MAX_SLIDES:
                    break
                lines, title = _slide(slide, previous)
                out += lines
                previous = title or previous
    except Unreadable:
        raise
    except Exception as exc:  # any parse failure means "not a deck we read"
        raise Unreadable(f"not a readable PowerPoint deck ({exc.__class__.__name__})") from None
    return "\n".join(out).strip() + "\n"


def _slide(slide: Any, previous: str) -> tuple[list[str], str]:
    """One slide as Markdown lines (its title, its shapes in reading order, then its speaker notes) and its title.
    A slide that says it goes on with the one before ("..., part 2", "(cont.)") adds no heading of its own."""
    title_shape = slide.shapes.title
    out: list[str] = []
    title = _one_line(title_shape.text_frame.text) if title_shape is not None and title_shape.has_text_frame else ""
    if title and not _continues(title, previous):
        level = "#" if _placeholder_type(title_shape) == "CENTER_TITLE" else "##"
        out += ["", f"{level} {title}", ""]
    shapes = [s for s in _shapes(slide.shapes) if title_shape is None or s.shape_id != title_shape.shape_id]
    for shape in sorted(shapes, key=lambda s: (s.top or 0, s.left or 0)):
        if getattr(shape, "has_table", False):
            rows = [[_one_line(c.text).replace("|", "/") for c in row.cells] for row in shape.table.rows]
            out += ["", *pipe_table(rows), ""]
        elif shape.has_text_frame:
            out += _text_frame(shape)
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        notes = " ".join(_one_line(p.text) for p in frame.paragraphs if p.text.strip()) if frame is not None else ""
        if notes:
            out += ["", f"**Notes:** {notes}", ""]
    return out, title


def _continues(title: str, previous: str) -> bool:
    """The title marks its slide as the second half of the one before: it says so ("part 2", "cont.", "2/2") and
    opens with the same first word."""
    if not previous or not _CONTINUED.search(title):
        return False
    first, before = _WORD.findall(title.lower()), _WORD.findall(previous.lower())
    return bool(first and before and first[0] == before[0])


def _shapes(shapes: Any) -> Iterator[Any]:
    """Every shape with text or a table, looking inside groups (a group's children carry their own positions)."""
    for shape in shapes:
        if shape.shape_type is not None and str(shape.shape_type).startswith("GROUP"):
            yield from _shapes(shape.shapes)
        elif shape.has_text_frame or getattr(shape, "has_table", False):
            yield shape


def _text_frame(shape: Any) -> list[str]:
    """A text box or placeholder: a labelled part when its first line is a short bold label, else paragraphs."""
    paras = [(p.level, _one_line(p.text), p) for p in shape.text_frame.paragraphs if p.text.strip()]
    if not paras:
        return []
    listed = _placeholder_type(shape) in _BODY_PLACEHOLDERS and len(paras) > 1
    _, first, para = paras[0]
    if len(paras) > 1 and len(first) <= LABEL_CHARS and _bold(para):
        rest = [text for _, text, _ in paras[1:]]
        return ["", f"**{first.rstrip(':')}:** {rest[0]}", *rest[1:], ""]
    lines = [f"{'  ' * lvl}- {text}" if listed or lvl > 0 else text for lvl, text, _ in paras]
    if listed:
        return ["", *lines, ""]
    return [part for line in lines for part in ("", line)] + [""]


def _bold(para: Any) -> bool:
    """Every run of the paragraph with text is bold (set on the run, or inherited from the paragraph's font)."""
    runs = [r for r in para.runs if r.text.strip()]
    return bool(runs) and all(r.font.bold or (r.font.bold is None and para.font.bold) for r in runs)


def _placeholder_type(shape: Any) -> str:
    """The placeholder's kind ("TITLE", "BODY", ...) or "" for a plain text box."""
    if not shape.is_placeholder:
        return ""
    kind = shape.placeholder_format.type
    return str(getattr(kind, "name", kind) or "")


def _one_line(text: str) -> str:
    """Text with its soft line breaks and vertical tabs (PowerPoint's shift-enter) as spaces."""
    return " ".join(text.replace("\x0b", " ").split())
