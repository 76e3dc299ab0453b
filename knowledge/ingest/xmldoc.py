"""XML exports (issue trackers, note apps, feeds), read as Markdown: one record, one titled section.

An XML export holds records: an element with a short title-like child (`summary`, `title`, `name`, `subject`,
...) and a long text child (`description`, `body`, `content`, ..., or any child of 120 characters or more; XHTML
inside it is still its text). Each record becomes a `## title` heading at the line of its title, followed by its
text, HTML markup resolved (`<p>`, `<br>`, `<li>` start lines, `<b>`/`<strong>` and `<h3>` labels become
`**bold**`, entities are decoded). What sits deeper in a record (comments, attachments, custom fields) is metadata
or someone else's words, not the candidate's notes: left out.
A tracker's ticket key before the title (`[PREP-3] ...`) is left out too.

Parsed with defusedxml (no entity expansion, no external entities, no DTD fetch). A document that is not
well-formed XML is read with its tags stripped, line by line. The number of lines never changes.
"""

from __future__ import annotations

import html
import re
from typing import Any

_XML_START = re.compile(r"^\s*<(?:\?xml\b|!DOCTYPE\b|[A-Za-z][\w:.-]*[\s>])")
_TAG = re.compile(r"<[^<>]{1,400}>")
_TITLE_TAGS = ("summary", "title", "name", "subject", "heading", "headline", "caption", "label")
_BODY_TAGS = ("description", "body", "content", "text", "answer", "details")
# Markup inside a body (XHTML bodies): the element is still one text, not a container of records.
# fmt: off
_INLINE = frozenset(("p", "br", "b", "strong", "i", "em", "u", "span", "a", "div", "ul", "ol", "li", "h1", "h2", "h3",
                     "h4", "code", "pre", "blockquote", "sup", "sub", "font", "table", "tr", "td", "th"))
# fmt: on
_LONG = 120  # characters of text that make a child a record's body rather than a field
_TICKET = re.compile(r"^\s*\[[A-Z][A-Z0-9]*-\d+\]\s*")
_BLOCK = re.compile(r"<\s*(?:/?p|br|/?div|/?li|/?ul|/?ol|/?h[1-6]|/?tr|/?blockquote)\b[^>]*>", re.IGNORECASE)
_BOLD = re.compile(r"<\s*(/?)\s*(?:b|strong)\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
# A heading inside a body ("<h3>Situation</h3>") is a label line there, not a section of the document.
_HEAD = re.compile(r"<\s*h[1-6]\b[^>]*>(?P<text>[^<]{1,80})<\s*/\s*h[1-6]\s*>", re.IGNORECASE)


def is_xml(lines: list[str]) -> bool:
    """An XML declaration or a root element first, and most lines are markup."""
    first = next((x for x in lines if x.strip()), "")
    if not _XML_START.match(first):
        return False
    text = [x for x in lines if x.strip()]
    return first.lstrip().startswith("<?xml") or sum(x.lstrip().startswith("<") for x in text) >= 0.6 * len(text)


def unxml(lines: list[str]) -> list[str]:
    """Same number of lines: the records of an XML export as Markdown sections (see the module docstring)."""
    if not is_xml(lines):
        return lines
    root = _parse("\n".join(lines))
    if root is None:
        return [html.unescape(_TAG.sub(" ", x)).strip() for x in lines]
    out = [""] * len(lines)
    placed: list[tuple[int, list[str]]] = []
    at = 0  # records come in document order: each title is looked for after the previous one
    for title, paragraphs in _records(root):
        found = _find(lines, title, at)
        if found is None:
            continue
        at = found + 1
        out[found] = f"## {_TICKET.sub('', title)}"
        placed.append((found, paragraphs))
    for k, (line, paragraphs) in enumerate(placed):
        end = placed[k + 1][0] if k + 1 < len(placed) else len(out)
        _place(out, line + 1, end, paragraphs)
    return out


def _parse(text: str) -> Any:
    """The root element, or None when the text is not well-formed XML (or tries entity tricks)."""
    import defusedxml.ElementTree as SafeTree

    try:
        return SafeTree.fromstring(text.encode("utf-8"))
    except Exception:  # ParseError, and defusedxml's refusals of entities and DTDs
        return None


def _local(tag: Any) -> str:
    """`{namespace}name` -> `name`, lower-case; comments and processing instructions have no name."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _records(root: Any) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of each record, in document order."""
    found: list[tuple[str, list[str]]] = []
    for element in root.iter():
        titles: list[str] = []
        bodies: list[str] = []
        for child in element:
            name, text = _local(child.tag), "".join(child.itertext()).strip()
            if not text or any(_local(g.tag) not in _INLINE for g in child.iter() if g is not child):
                continue  # an empty field, or a container (comments, labels, custom fields, nested records)
            if name in _TITLE_TAGS and len(text) <= 200:
                titles.append(re.sub(r"\s+", " ", text))
            elif name in _BODY_TAGS or len(_plain(text)) >= _LONG:
                bodies.append(text)
        if titles and bodies and any(len(_plain(b)) >= _LONG for b in bodies):
            paragraphs = [p for body in bodies for p in markdown_lines(body)]
            found.append((min(titles, key=len), paragraphs))
    return found


def markdown_lines(markup: str) -> list[str]:
    """HTML-ish text as Markdown lines: block tags break lines, bold stays bold, list items become bullets."""
    if _BLOCK.search(markup):
        markup = re.sub(r"\s*\n\s*", " ", markup)  # in HTML a line break is a space; the tags break lines
    text = _ITEM.sub("\n- ", _HEAD.sub(r"\n**\g<text>**\n", markup))
    text = _BOLD.sub("**", _BLOCK.sub("\n", text))
    text = html.unescape(_TAG.sub("", text))
    lines = [re.sub(r"[ \t]+", " ", x).strip() for x in text.split("\n")]
    return [x.replace("** ", "**", 1) if x.startswith("** ") else x for x in lines if x and x != "-"]


def _plain(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).strip()


def _find(lines: list[str], title: str, start: int) -> int | None:
    """The first line at or after `start` holding the title (as written, or XML-escaped)."""
    probes = {title[:60], html.escape(title[:60], quote=False), html.escape(title[:60])}
    for i in range(start, len(lines)):
        if any(p in lines[i] for p in probes):
            return i
    return None


def _place(out: list[str], start: int, end: int, paragraphs: list[str]) -> None:
    """Paragraphs on lines start..end-1, a blank line between them when there is room; what does not fit joins
    the last line (so the line count never changes)."""
    free = list(range(start, end))
    room = len(free)
    if not room:
        return
    spaced = room >= 2 * len(paragraphs)
    k = 0
    for n, paragraph in enumerate(paragraphs):
        if k >= room:
            out[free[-1]] = f"{out[free[-1]]} {paragraph}"
            continue
        out[free[k]] = paragraph
        k += 2 if spaced and n + 1 < len(paragraphs) else 1
