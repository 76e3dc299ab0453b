"""Word .docx documents as Markdown: headings, bold labels, bulleted and numbered lists and tables kept.

A heading is a paragraph whose style (or a style it is based on) is Word's Title / "heading N" or carries an
outline level; a list item is a paragraph with numbering (its format from numbering.xml: bullet or number); a
table becomes a pipe table, one row a line. Bold runs become **bold** so a "**Situation.**" label reads as in a
Markdown note. Tracked changes read as accepted (insertions kept, deletions dropped); comments, footnotes, headers
and images are left out. The zip and XML are read through zipped.py (size-checked, no entity expansion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from knowledge.ingest.pipe_table import pipe_table
from knowledge.ingest.zipped import open_zip, read_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:-|1\.) ")
# Containers whose children are body content (content controls, custom XML, tracked insertions).
_PASS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag", W + "hyperlink", W + "fldSimple"}
# Content that is not the text as it stands: deletions, moved-away text, field codes.
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delText", W + "rPr", W + "pPr", W + "sdtPr"}


def docx_markdown(data: bytes) -> str:
    """The document's body as Markdown. Raises zipped.Unreadable with a one-line reason."""
    archive = open_zip(data)
    document = read_part(archive, "word/document.xml")
    styles = _Styles(read_part(archive, "word/styles.xml", required=False))
    bullets = _bullet_lists(read_part(archive, "word/numbering.xml", required=False))
    body = document.find(W + "body") if document is not None else None
    if body is None:
        return ""
    out: list[str] = []
    for block in _blocks(body):
        text = "\n".join(_table(block, styles)) if block.tag == W + "tbl" else _paragraph(block, styles, bullets)
        if not text:
            continue
        if out and not (_LIST_ITEM.match(text) and _LIST_ITEM.match(out[-1])):
            out.append("")  # paragraphs apart, list items together (a Markdown reader would merge them otherwise)
        out.append(text)
    return "\n".join(out).strip() + "\n"


def _blocks(body: Element) -> Iterator[Element]:
    """Paragraphs and tables of the body in reading order, looking inside content controls (no recursion)."""
    stack = [iter(body)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in _PASS:
            stack.append(iter(child))


class _Styles:
    """Paragraph styles: heading level and bold, following basedOn chains."""

    def __init__(self, root: Element | None) -> None:
        self.level: dict[str, int] = {}
        self.bold: set[str] = set()
        based: dict[str, str] = {}
        for style in root.iter(W + "style") if root is not None else ():
            sid = style.get(W + "styleId", "")
            name = _val(style.find(W + "name"))
            found = _HEADING_NAME.match(name)
            if name.lower() == "title" or sid == "Title":
                self.level[sid] = 1
            elif found:
                self.level[sid] = int(found.group(1)) + 1
            elif (outline := style.find(f"{W}pPr/{W}outlineLvl")) is not None and _val(outline).isdigit():
                self.level[sid] = int(_val(outline)) + 2
            if _on(style.find(f"{W}rPr/{W}b")):
                self.bold.add(sid)
            if (parent := style.find(W + "basedOn")) is not None:
                based[sid] = _val(parent)
        for sid in list(based):
            seen, cur = 0, sid
            while cur in based and seen < 20 and sid not in self.level:
                cur, seen = based[cur], seen + 1
                if cur in self.level:
                    self.level[sid] = self.level[cur]
                if cur in self.bold:
                    self.bold.add(sid)


def _val(element: Element | None) -> str:
    return (element.get(W + "val") or "") if element is not None else ""


def _on(element: Element | None) -> bool:
    """A toggle property (<w:b/>) that is present and not switched off."""
    return element is not None and _val(element).lower() not in ("0", "false", "off")


def _bullet_lists(root: Element | None) -> set[tuple[str, str]]:
    """(numId, level) pairs whose numbering format is a bullet; every other numbered paragraph counts 1., 2., ..."""
    if root is None:
        return set()
    abstract: dict[str, set[str]] = {}
    for node in root.iter(W + "abstractNum"):
        levels = {lvl.get(W + "ilvl", "0") for lvl in node.iter(W + "lvl") if _val(lvl.find(W + "numFmt")) == "bullet"}
        abstract[node.get(W + "abstractNumId", "")] = levels
    bullets: set[tuple[str, str]] = set()
    for num in root.iter(W + "num"):
        for level in abstract.get(_val(num.find(W + "abstractNumId")), ()):
            bullets.add((num.get(W + "numId", ""), level))
    return bullets


def _runs_text(paragraph: Element, bold_style: bool) -> str:
    """The paragraph's text with bold stretches as **...** (whitespace kept outside the markers)."""
    pieces: list[tuple[str, bool]] = []
    stack = [iter(paragraph)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if node.tag in _SKIP:
            continue
        if node.tag == W + "r":
            props = node.find(W + "rPr")
            bold = bold_style
            if props is not None:
                if (b := props.find(W + "b")) is not None:
                    bold = _on(b)
                elif _val(props.find(W + "rStyle")).lower() in ("strong", "bold"):
                    bold = True
            for part in node:
                if part.tag == W + "t":
                    pieces.append((part.text or "", bold))
                elif part.tag in (W + "tab", W + "ptab"):
                    pieces.append(("\t", False))
                elif part.tag in (W + "br", W + "cr"):
                    pieces.append(("\n", False))
                elif part.tag in (W + "noBreakHyphen", W + "softHyphen"):
                    pieces.append(("-" if part.tag == W + "noBreakHyphen" else "", bold))
            continue
        if node.tag == W + "p":
            continue  # a paragraph inside a text box: its own block would be out of order; left out
        stack.append(iter(node))
    return _emphasis(pieces)


def _emphasis(pieces: list[tuple[str, bool]]) -> str:
    """Join (text, bold) pieces, merging neighbouring bold ones and keeping spaces outside the ** markers."""
    texts: list[str] = []
    bolds: list[bool] = []
    for text, bold in pieces:
        if texts and (bolds[-1] == bold or not text.strip(" ")) and "\n" not in text:
            texts[-1] += text
        else:
            texts.append(text)
            bolds.append(bold)
    out = []
    for chunk, bold in zip(texts, bolds, strict=True):
        if bold and chunk.strip():
            lead = chunk[: len(chunk) - len(chunk.lstrip())]
            tail = chunk[len(chunk.rstrip()) :]
            out.append(f"{lead}**{chunk.strip()}**{tail}")
        else:
            out.append(chunk)
    return "".join(out)


def _paragraph(paragraph: Element, styles: _Styles, bullets: set[tuple[str, str]]) -> str:
    """One paragraph as a Markdown line (heading, list item or plain text)."""
    props = paragraph.find(W + "pPr")
    style = _val(props.find(W + "pStyle")) if props is not None else ""
    level = styles.level.get(style)
    if props is not None and (outline := props.find(W + "outlineLvl")) is not None and _val(outline).isdigit():
        level = int(_val(outline)) + 2 if int(_val(outline)) < 9 else None
    if level is not None:
        text = _runs_text(paragraph, False).replace("**", "")
        text = " ".join(text.split())
        return f"{'#' * min(level, 6)} {text}" if text else ""
    text = _runs_text(paragraph, style in styles.bold).strip()
    if not text:
        return ""
    numbering = props.find(W + "numPr") if props is not None else None
    if numbering is not None or "list" in style.lower():
        ilvl = _val(numbering.find(W + "ilvl")) if numbering is not None else ""
        num_id = _val(numbering.find(W + "numId")) if numbering is not None else ""
        if num_id == "0":  # numbering switched off on this paragraph
            return text
        depth = int(ilvl) if ilvl.isdigit() else 0
        bullet = (num_id, ilvl or "0") in bullets or (numbering is None and "number" not in style.lower())
        return "  " * min(depth, 8) + ("- " if bullet else "1. ") + text.replace("\n", " ")
    return text


def _table(table: Element, styles: _Styles) -> list[str]:
    """A table as Markdown pipe rows (the first row as its header); cell paragraphs joined by spaces."""
    rows: list[list[str]] = []
    for row in table.iter(W + "tr"):
        cells = []
        for cell in row.findall(W + "tc"):
            texts = [_runs_text(p, False).strip() for p in cell.iter(W + "p")]
            cells.append(" ".join(" ".join(t.split()) for t in texts if t).replace("|", "\\|"))
        if any(cells):
            rows.append(cells)
    return pipe_table(rows)
