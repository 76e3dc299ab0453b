"""Plain text sectioned by XML-style tags, as notes written to paste into a chat model are: `<background>` …
`</background>`, `<story title="The outage" comp="incidents">` … `</story>`.

An opening tag alone on its line, closed by the same tag alone on a later line, becomes a heading: named by its
`title` (or `name`) attribute, else by the tag's own name (`my_questions` -> "my questions"), one level deeper per
enclosing tag; the closing tag line is blanked. MDX pages (Markdown with JSX components) are written the same way:
`<StoryBox title="The outage" told={3} draft>` has expression and bare attributes too, and a `{/* … */}`
comment (possibly over several lines, possibly holding a copy-me template) is blanked. An unnamed tag inside a
named one (`<Tabs>`, `<TabItem label="long">`) lays out its text rather than starting a section: its lines are
blanked and its text stays with the named section. A tag whose name says it holds a story (`<story>`,
`<StoryBox>`, `<Example>`) titles its section as a story ("Story: The outage"), so the section is read as the
story its author filed, however it is told. HTML's own tags, HTML pages and XML documents are left to their
readers. The number of lines never changes.
"""

from __future__ import annotations

import re

# Attributes: quoted values, JSX expressions (`told={3}`, one level of braces) and bare flags (`draft`).
_ATTR = r"""\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\}))?"""
_OPEN = re.compile(rf"^\s*<(?P<tag>[A-Za-z_][\w.-]*)(?P<attrs>(?:{_ATTR})*)\s*>\s*$")
_STORY_TAG = re.compile(r"^(?:story|example|anecdote|case)(?:[-_.]?(?:card|item|block|box|entry))?$", re.IGNORECASE)
_JSX_COMMENT_OPEN = re.compile(r"^\s*\{/\*")
_JSX_COMMENT_CLOSE = re.compile(r"\*/\}\s*$")
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
    lines = _uncomment(lines)
    out = list(lines)
    depth: list[tuple[str, bool]] = []  # open tags, each with whether it became a heading
    for i, line in enumerate(lines):
        opened = _OPEN.match(line)
        if opened and opened["tag"].lower() not in _HTML_TAGS and any(j > i and t == opened["tag"] for j, t in closes):
            named = _NAMED.search(opened["attrs"] or "")
            title = (named["dq"] or named["sq"] or "").strip() if named else ""
            inside_named = any(heads for _, heads in depth)
            heads = bool(title) or not inside_named
            levels = sum(1 for _, h in depth if h)
            name = title or opened["tag"].replace("_", " ")
            if title and _STORY_TAG.match(opened["tag"]):
                name = f"Story: {title}"
            out[i] = f"{'#' * min(levels + 1, 6)} {name}" if heads else ""
            depth.append((opened["tag"], heads))
            continue
        closed = _CLOSE.match(line)
        if closed and any(tag == closed["tag"] for tag, _ in depth):
            while depth and depth.pop()[0] != closed["tag"]:
                pass
            out[i] = ""
    return out


def _uncomment(lines: list[str]) -> list[str]:
    """`{/* … */}` JSX comments blanked, over as many lines as they run."""
    out = list(lines)
    i = 0
    while i < len(out):
        if _JSX_COMMENT_OPEN.match(out[i]):
            end = next((j for j in range(i, min(i + 200, len(out))) if _JSX_COMMENT_CLOSE.search(out[j])), None)
            if end is not None:
                for j in range(i, end + 1):
                    out[j] = ""
                i = end
        i += 1
    return out
