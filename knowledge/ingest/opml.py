"""OPML outlines (Workflowy, Dynalist, OmniOutliner exports) as Markdown.

An outliner keeps each item's text, and the note under it, in attributes (`<outline text="..." _note="...">`),
the text often as escaped HTML (`&lt;b&gt;Title&lt;/b&gt;`). Written out as the author structured it: an item
with items or a note of its own under it is a heading one level per depth (its `#tags` left out) followed by its
note's lines; a STAR part ("A: what I did") keeps its details as bullets under it instead of becoming a heading;
every other item is a bullet. Items ticked off (`_complete="true"`) are left out. Parsed with defusedxml (no entity
expansion), walked without recursion.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree

from knowledge.ingest.labels import STAR, parse_label

_TAG = re.compile(r"<[^<>]{1,400}>")
_HASHTAGS = re.compile(r"(?:\s+#[\w/-]+)+\s*$")


class NotAnOutline(ValueError):
    """Not OPML (the caller reads the file as ordinary XML or text)."""


def opml_markdown(data: bytes) -> str:
    """The outline as Markdown (see the module docstring). Raises NotAnOutline when it is not an OPML file."""
    try:
        root = SafeTree.fromstring(data)
    except Exception:  # ParseError, and defusedxml's refusals of entities and DTDs
        raise NotAnOutline("not well-formed XML") from None
    body = root.find("body") if root.tag == "opml" else None
    if body is None:
        raise NotAnOutline("no <opml><body>")
    out: list[str] = []
    # (element, depth, heading depth above it, inside a STAR part): a work list instead of recursion
    todo: list[tuple[Element, int, int, bool]] = [(c, 0, -1, False) for c in reversed(body) if c.tag == "outline"]
    while todo:
        item, depth, heading, in_part = todo.pop()
        if (item.get("_complete") or "").lower() == "true":
            continue
        text = _text(item.get("text") or item.get("title") or "")
        note = "\n".join(_text(line) for line in html.unescape(item.get("_note") or "").split("\n")).strip()
        kids = [c for c in item if c.tag == "outline"]
        label = parse_label(text) if text else None
        part = in_part or (label is not None and label.canon in (*STAR, "answer"))
        if text and (kids or (note and len(note.split()) >= 12)) and not part:
            out += ["", f"{'#' * min(depth + 1, 6)} {_HASHTAGS.sub('', text).strip() or text}", ""]
            if note:
                out += [note, ""]
            under = depth
        elif text:
            indent = "  " * (1 if in_part else min(max(depth - heading - 1, 0), 1))
            out.append(f"{indent}- {text}" + (f" — {' '.join(note.split())}" if note else ""))
            under = heading
        else:
            under = heading
        todo.extend((c, depth + 1, under, part) for c in reversed(kids))
    return "\n".join(out).strip() + "\n"


def _text(value: str) -> str:
    """An attribute's words: escaped HTML (bold, links) resolved to its text, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub("", html.unescape(value))).split())
