"""PDF files as text: each page's text (pypdf's layout-free extraction), pages apart by form feeds.

The paginated-text reader (pages.py) then drops running headers, "Page N of M" footers and contents pages and
joins a story split across pages, as it does for `pdftotext` output. The PDF's outline (bookmarks) is the
author's own list of sections: a line that is exactly a bookmark's title becomes a heading at the bookmark's
depth. An encrypted PDF, a broken one, or one whose streams inflate past pypdf's limits costs a one-line note; at
most MAX_PAGES pages are read.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

MAX_PAGES = 300
MAX_BOOKMARKS = 2000


class UnreadablePdf(Exception):
    """The PDF cannot be read; the message is the one-line reason."""


def pdf_text(data: bytes) -> str:
    """The text of the PDF's pages, bookmarked lines as headings. Raises UnreadablePdf."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are not the reader's
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise UnreadablePdf("the PDF is password-protected; export it without a password or as text")
        pages = [(page.extract_text() or "") for page in reader.pages[:MAX_PAGES]]
        marks = _bookmarks(reader.outline, 1, [MAX_BOOKMARKS])
    except UnreadablePdf:
        raise
    except Exception:  # pypdf raises many kinds on damaged files; each means "not read"
        raise UnreadablePdf("a damaged PDF; export the source document as .docx, .md or .txt") from None
    text = "".join(f"{page}\n\f" for page in pages)  # a form feed after every page, as pdftotext writes
    if not text.strip():
        raise UnreadablePdf("no text in the PDF (a scan?); run it through OCR or export the source as text")
    return _mark_headings(text, marks)


def _bookmarks(outline: Any, depth: int, budget: list[int]) -> dict[str, int]:
    """Bookmark title -> depth (1 for top level), in a nested outline list."""
    found: dict[str, int] = {}
    for item in outline if isinstance(outline, list) else []:
        budget[0] -= 1
        if budget[0] <= 0 or depth > 6:
            break
        if isinstance(item, list):
            for title, level in _bookmarks(item, depth + 1, budget).items():
                found.setdefault(title, level)
        else:
            title = _squash(str(getattr(item, "title", "") or ""))
            if title:
                found.setdefault(title, depth)
    return found


def _mark_headings(text: str, marks: dict[str, int]) -> str:
    """Lines that are exactly a bookmark's title become Markdown headings (the first occurrence after a contents
    page's dot-leader line is left to pages.py)."""
    if not marks:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        level = marks.get(_squash(line))
        if level is not None:
            lines[i] = f"{'#' * min(level + 1, 6)} {line.strip()}"
    return "\n".join(lines)


def _squash(text: str) -> str:
    """Whitespace collapsed, for comparing a bookmark with a line."""
    return re.sub(r"\s+", " ", text).strip().lower()
