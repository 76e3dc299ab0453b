"""Plain text sectioned by XML-style tags, as notes written to paste into a chat model are: `<background>` …
`</background>`, `<story title="The outage" comp="incidents">` … `</story>`.

An opening tag alone on its line, closed by the same tag alone on a later line, becomes a heading: named by its
`title` (or `name`) attribute, else by the tag's own name (`my_questions` -> "my questions"), one level deeper per
enclosing tag; the closing tag line is blanked. HTML's own tags, HTML pages and XML documents are left to their
readers. The number of lines never changes.
"""

from __future__ import annotations

import re

_OPEN = re.compile(r"^\s*<(?P<tag>[A-Za-z_][\w.-]*)(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*>\s*$")
_CLOSE = re.compile(r"^\s*</(?P<tag>[A-Za-z_][\w.-]*)\s*>\s*$")
_NAMED = re.compile(r"\b(?:title|name)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')", re.IGNORECASE)
_HTML_TAGS = frozenset((
    "html", "head", "body", "div", "p", "span", "details", "summary", "section", "article", "header", "footer",
    "table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li", "dl", "dt", "dd", "pre", "code", "blockquote",
    "center", "font", "b", "i", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "img", "style",
    "script", "nav", "main", "aside", "figure", "figcaption", "sup", "sub", "small", "u", "s", "kbd",
))


def untag(lines: list[str]) -> list[str]:
    """Same number of lines; tag-delimited sections as headings (see the module docstring)."""
    closes = [(i, m["tag"]) for i, x in enumerate(lines) if (m := _CLOSE.match(x))]
    if not closes or (lines and lines[0].lstrip().startswith(("<?xml", "<!DOCTYPE", "<!doctype", "<html"))):
        return lines
    out = list(lines)
    depth: list[str] = []
    for i, line in enumerate(lines):
        opened = _OPEN.match(line)
        if opened and opened["tag"].lower() not in _HTML_TAGS and any(j > i and t == opened["tag"] for j, t in closes):
            named = _NAMED.search(opened["attrs"] or "")
            title = (named["dq"] or named["sq"] or "").strip() if named else ""
            out[i] = f"{'#' * min(len(depth) + 1, 6)} {title or opened['tag'].replace('_', ' ')}"
            depth.append(opened["tag"])
            continue
        closed = _CLOSE.match(line)
        if closed and closed["tag"] in depth:
            while depth and depth.pop() != closed["tag"]:
                pass
            out[i] = ""
    return out
