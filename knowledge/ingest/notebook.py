"""Jupyter notebooks (.ipynb) as Markdown: markdown cells as written, code cells as fenced code, outputs left out.

A candidate who keeps prep notes in a notebook writes the stories in markdown cells and computes numbers in code
cells; the code stays with the story it follows (as a fenced block, which the Markdown reader treats as code, not
as headings or labels). Outputs are derived (and may be megabytes of images), so they are not read.
"""

from __future__ import annotations

import json
from typing import Any


class NotANotebook(ValueError):
    """The JSON is not a notebook (the caller reads it as an ordinary JSON document)."""


def notebook_markdown(text: str) -> str:
    """The notebook's cells as Markdown. Raises NotANotebook when `text` is not a notebook's JSON."""
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise NotANotebook(f"not a notebook's JSON ({exc.__class__.__name__})") from None
    if isinstance(data, dict) and "worksheets" in data and "cells" not in data:  # nbformat 3
        sheets = data.get("worksheets") or []
        data = {"cells": [c for s in sheets if isinstance(s, dict) for c in (s.get("cells") or [])]}
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        raise NotANotebook("no notebook cells")
    language = _language(data)
    out: list[str] = []
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", cell.get("input", ""))
        body = "".join(s for s in source if isinstance(s, str)) if isinstance(source, list) else str(source or "")
        if not body.strip():
            continue
        kind = cell.get("cell_type")
        if kind in ("markdown", "heading"):
            level = cell.get("level") if kind == "heading" else None
            out.append(f"{'#' * int(level)} {body.strip()}" if isinstance(level, int) and 0 < level < 7 else body)
        elif kind == "code":
            fence = "````" if "```" in body else "```"
            out.append(f"{fence}{language}\n{body.rstrip()}\n{fence}")
        else:  # raw cells: text the author kept as is
            out.append(body)
    return "\n\n".join(part.strip("\n") for part in out) + "\n"


def _language(data: dict[str, Any]) -> str:
    """The kernel's language for the code fences ("python" when the notebook does not say)."""
    meta = data.get("metadata")
    info = meta.get("language_info") if isinstance(meta, dict) else None
    name = info.get("name") if isinstance(info, dict) else None
    return name if isinstance(name, str) and name.isidentifier() else "python"
