"""XML exports (issue trackers, note apps, feeds), read as Markdown: one record, one titled section.

A record (records.py) is an element whose children include a short title-like one (`summary`, `title`, `name`,
...) and a long text (`description`, `body`, `content`, ..., or any child of 120 characters or more; XHTML inside
it is still its text) or STAR-named parts (`<situation>`, `<outcome>`). Each becomes a `## title` heading at the
line of its title, followed by its text, HTML resolved (`<p>`, `<br>`, `<li>` start lines, `<b>`/`<strong>` and
`<h3>` labels become `**bold**`, entities are decoded). What sits deeper in a record (comments, attachments, custom
fields) is metadata or someone else's words, not the candidate's notes: left out. A tracker's ticket key before
the title (`[PREP-3] ...`) is left out too.

An outline whose text sits in attributes (OPML: `<outline text="The outage">` with items under it) is read as
headings and bullets, one level per depth. Parsed with defusedxml (no entity expansion, no external entities, no
DTD fetch). A document that is not
well-formed XML is read with its tags stripped, line by line. The number of lines never changes.
"""

from __future__ import annotations

import html
import re
from typing import Any

from knowledge.ingest.records import Record, place, record_of

_XML_START = re.compile(r"^\s*<(?:\?xml\b|!DOCTYPE\b|[A-Za-z][\w:.-]*[\s>])")
_TAG = re.compile(r"<[^<>]{1,400}>")
# Markup inside a body (XHTML bodies): the element is still one text, not a container of records.
# fmt: off
_INLINE = frozenset(("p", "br", "b", "strong", "i", "em", "u", "span", "a", "div", "ul", "ol", "li", "h1", "h2", "h3",
                     "h4", "code", "pre", "blockquote", "sup", "sub", "font", "table", "tr", "td", "th"))
# fmt: on
_HTML_ROOT = re.compile(r"<\s*(?:!doctype\s+html|html)\b", re.IGNORECASE)


def is_xml(lines: list[str]) -> bool:
    """An XML declaration or a root element first, and most lines are markup (an HTML page is not XML here)."""
    first = next((x for x in lines if x.strip()), "")
    if not _XML_START.match(first) or _HTML_ROOT.match(first.strip()):
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
    if _local(root.tag) == "html":
        return lines  # XHTML: a page, read by htmldoc.py
    records: list[Record] = []
    _walk(root, records)
    if records:
        return place(lines, records)
    return _outline(lines, root) or [html.unescape(_TAG.sub(" ", x)).strip() for x in lines]


_TEXT_ATTRS = ("text", "title", "name", "label")


def _outline(lines: list[str], root: Any) -> list[str] | None:
    """An outline whose text sits in attributes (OPML from an outliner, a mind map): an item with items under it
    is a heading one level per depth, a leaf a bullet, each at the line it is written on; None when the document
    holds no such items."""
    items: list[tuple[int, str, bool]] = []  # (depth, text, has items under it)

    def visit(element: Any, depth: int) -> None:
        for child in element:
            text = next((child.get(a) for a in _TEXT_ATTRS if (child.get(a) or "").strip()), None)
            if text is None:
                visit(child, depth)
                continue
            note = (child.get("_note") or "").strip()  # OPML's note under an item
            kids = any(next((g.get(a) for a in _TEXT_ATTRS if g.get(a)), None) for g in child.iter() if g is not child)
            items.append((depth, text.strip(), kids))
            if note:
                items.append((depth + 1, note, False))
            visit(child, depth + 1)

    visit(root, 0)
    if len(items) < 3:
        return None
    out = [""] * len(lines)
    at = 0
    heading = -1  # depth of the last heading written: bullets indent from there (never into a code block)
    for depth, text, kids in items:
        probe = html.escape(text[:40], quote=True)
        found = next((i for i in range(at, len(lines)) if probe in lines[i] or text[:40] in lines[i]), None)
        if kids:
            heading = depth
            line = f"{'#' * min(depth + 1, 6)} {text}"
        else:
            line = f"{'  ' * min(max(depth - heading - 1, 0), 1)}- {' '.join(text.split())}"
        if found is None or out[found]:
            out.append(line)  # a note written inside its item's tag: after the last line
            continue
        out[found] = line
        at = found
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


def _walk(element: Any, records: list[Record]) -> None:
    """Records in document order; a record's own children (comments, custom fields) are not searched."""
    pairs = []
    for child in element:
        if any(_local(g.tag) not in _INLINE for g in child.iter() if g is not child):
            continue  # a container (comments, labels, custom fields, nested records)
        pairs.append((_local(child.tag), _markup(child)))
    record = record_of(pairs)
    if record is not None:
        records.append(record)
        return
    for child in element:
        _walk(child, records)


def _markup(element: Any) -> str:
    """The text of an element, with the XHTML inside it written back as markup (records.py resolves it)."""
    from xml.etree.ElementTree import tostring

    if not len(element):
        return element.text or ""
    inner = "".join(tostring(child, encoding="unicode") for child in element)
    return re.sub(r"<(/?)[\w.-]+:", r"<\1", (element.text or "") + inner)  # "<html:p>" -> "<p>"
