"""Rows of cell texts as Markdown pipe-table lines, for the readers that convert a document's tables (.docx, .odt)."""

from __future__ import annotations


def pipe_table(rows: list[list[str]]) -> list[str]:
    """The rows as pipe-table lines, padded to the widest row, with the first row as the header."""
    if not rows:
        return []
    width = max(len(r) for r in rows)
    lines = []
    for i, cells in enumerate(rows):
        lines.append("| " + " | ".join(cells + [""] * (width - len(cells))) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return lines
