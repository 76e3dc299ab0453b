"""OpenDocument text (.odt: LibreOffice, Google Docs' "Download as ODT") as Markdown.

Headings (text:h with its outline level), paragraphs, list items ("- ") and tables (pipe rows) in reading order;
spans whose style sets a bold font weight become **bold**. Notes, annotations, frames and tracked deletions are
left out. Read through zipped.py (size-checked zip, XML without entity expansion); walked without recursion.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from knowledge.ingest.pipe_table import pipe_table
from knowledge.ingest.zipped import open_zip, read_part

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_SKIP = {TEXT + "note", OFFICE + "annotation", TEXT + "tracked-changes", TEXT + "bookmark-ref", TEXT + "sequence-decls"}


def odt_markdown(data: bytes) -> str:
    """The document's body text as Markdown. Raises zipped.Unreadable with a one-line reason."""
    archive = open_zip(data)
    content = read_part(archive, "content.xml")
    assert content is not None  # required=True
    bold = _bold_styles(content) | _bold_styles(read_part(archive, "styles.xml", required=False))
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        return ""
    out: list[str] = []
    for kind, node, depth in _blocks(body):
        if kind == "table":
            out.extend(_table(node, bold))
            out.append("")
            continue
        text = _spans(node, bold).strip()
        if not text:
            continue
        if node.tag == TEXT + "h":
            level = node.get(TEXT + "outline-level", "1")
            text = " ".join(text.replace("**", "").split())
            out.extend([f"{'#' * min(int(level) if level.isdigit() else 1, 6)} {text}", ""])
        elif kind == "item":
            out.append("  " * min(depth, 8) + "- " + text.replace("\n", " "))
        else:
            out.extend([text, ""])
    return "\n".join(out).strip() + "\n"


def _bold_styles(root: Element | None) -> set[str]:
    """Names of text and paragraph styles that set a bold weight."""
    names: set[str] = set()
    for style in root.iter(STYLE + "style") if root is not None else ():
        props = style.find(STYLE + "text-properties")
        if props is not None and props.get(FO + "font-weight") in ("bold", "600", "700", "800", "900"):
            names.add(style.get(STYLE + "name", ""))
    return names


def _blocks(body: Element) -> Iterator[tuple[str, Element, int]]:
    """(kind, element, list depth) for paragraphs, headings, list items' paragraphs and tables, in order."""
    stack: list[tuple[Iterator[Element], int]] = [(iter(body), 0)]
    while stack:
        children, depth = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
        elif child.tag in (TEXT + "p", TEXT + "h"):
            yield ("item" if depth else "para"), child, max(depth - 1, 0)
        elif child.tag == TABLE + "table":
            yield "table", child, depth
        elif child.tag == TEXT + "list":
            stack.append((iter(child), depth + 1))
        elif child.tag not in _SKIP:
            stack.append((iter(child), depth))


def _spans(paragraph: Element, bold: set[str]) -> str:
    """The paragraph's text, spans in a bold style as **...**, tabs and line breaks kept."""
    pieces: list[tuple[str, bool]] = []
    whole = paragraph.get(TEXT + "style-name", "") in bold
    # A work list instead of recursion: ("node", element, parent's bold) or ("text", string, bold).
    todo: list[tuple[str, Element | str, bool]] = [("node", paragraph, whole)]
    while todo:
        _, item, outer = todo.pop()
        if isinstance(item, str):
            pieces.append((item, outer))
            continue
        node = item
        if node is not paragraph and node.tail:
            todo.append(("text", node.tail, outer))
        if node.tag == TEXT + "s":
            count = node.get(TEXT + "c", "1")
            pieces.append((" " * (min(int(count), 8) if count.isdigit() else 1), False))
        elif node.tag == TEXT + "tab":
            pieces.append(("\t", False))
        elif node.tag == TEXT + "line-break":
            pieces.append(("\n", False))
        elif node.tag not in _SKIP:
            inner = outer or node.get(TEXT + "style-name", "") in bold
            todo.extend(("node", child, inner) for child in reversed(node))
            if node.text:
                todo.append(("text", node.text, inner))
    return _join(pieces)


def _join(pieces: list[tuple[str, bool]]) -> str:
    out: list[str] = []
    run: list[str] = []
    for text, is_bold in [*pieces, ("", False)]:
        if is_bold:
            run.append(text)
            continue
        if run:
            chunk = "".join(run)
            run.clear()
            lead, tail = chunk[: len(chunk) - len(chunk.lstrip())], chunk[len(chunk.rstrip()) :]
            out.append(f"{lead}**{chunk.strip()}**{tail}" if chunk.strip() else chunk)
        out.append(text)
    return "".join(out)


def _table(table: Element, bold: set[str]) -> list[str]:
    rows: list[list[str]] = []
    for row in table.iter(TABLE + "table-row"):
        cells = []
        for cell in row.findall(TABLE + "table-cell"):
            texts = [_spans(p, bold) for p in cell.iter(TEXT + "p")]
            cells.append(" ".join(" ".join(t.split()) for t in texts if t.strip()).replace("|", "\\|"))
        if any(cells):
            rows.append(cells)
    return pipe_table(rows)
