"""reStructuredText (Sphinx notes, `.rst` prep files), read with docutils and written back as Markdown lines.

docutils parses the document (no file inclusion, no raw output, no messages), and each block is written at the
line it came from, so every item keeps its true source line:

- section titles (underlined or overlined, any adornment) become `#` headings at their nesting depth;
- `.. admonition:: Title`, `.. topic:: Title` and `.. sidebar:: Title` become headings one level below the section
  they sit in (a story told in a box); `.. note::`, `.. tip::` and other admonitions become a "Note" heading, which
  marks them as notes to self (reference, never a story);
- field lists (`:Situation: text`) and definition lists become bold labels (`**Situation:** text`);
- paragraphs, bullets and numbered items keep their text (inline markup resolved); tables (list-table, grid,
  simple) become Markdown tables; comments, `.. contents::` and literal (code) blocks vanish.

Only documents that look like reST (directives, field lists or adornments Markdown has no use for) are touched.
"""

from __future__ import annotations

import io
import re
from typing import Any

from knowledge.ingest.marks import ATX as _ATX

_DIRECTIVE = re.compile(r"^\s*\.\.\s+[\w:-]+::")
_FIELD = re.compile(r"^\s*:[^:\s][^:]{0,40}:(?:\s|$)")
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:.<>_])\1{2,}\s*$")
_BOXES = ("admonition", "topic", "sidebar")  # boxes with a title of their own: a story may sit in one


def is_rest(lines: list[str]) -> bool:
    """Directives, field lists or title adornments Markdown does not use, and no Markdown `#` headings."""
    if any(_ATX.match(x) for x in lines):
        return False
    directives = sum(1 for x in lines if _DIRECTIVE.match(x))
    fields = sum(1 for x in lines if _FIELD.match(x))
    titles = [
        i
        for i in range(1, len(lines))
        if _ADORNMENT.match(lines[i].strip()) and lines[i - 1].strip() and not _ADORNMENT.match(lines[i - 1].strip())
    ]
    odd = sum(1 for i in titles if lines[i].strip()[0] not in "=-")  # "~~~~" under a title is not Markdown
    return bool(titles) and (directives >= 1 or fields >= 2 or odd >= 1)


def unrest(lines: list[str]) -> list[str]:
    """Same number of lines, reST rewritten as Markdown (see the module docstring); unchanged when not reST."""
    if not is_rest(lines):
        return lines
    doc = _parse("\n".join(lines))
    if doc is None:
        return lines
    from docutils import nodes

    for message in list(doc.findall(nodes.system_message)):
        message.parent.remove(message)  # its text would otherwise join the table cell or paragraph it sits in
    writer = _Writer(len(lines))
    writer.walk(doc, depth=0)
    return writer.out


def _parse(text: str) -> Any:
    """The docutils document tree, or None when docutils gives up; nothing is read from disk or printed."""
    import docutils.utils
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser

    settings = get_default_settings(Parser)
    settings.report_level = 5  # keep its messages out of the tree's text and off stderr
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False  # `.. include::` must not read other files
    settings.raw_enabled = False
    document = docutils.utils.new_document("notes.rst", settings)
    try:
        Parser().parse(text, document)
    except Exception:  # docutils raises its own errors on malformed input: the text is then read as it is
        return None
    return document


class _Writer:
    """Writes each block of a docutils tree as one Markdown line at the line it came from."""

    def __init__(self, size: int) -> None:
        self.out = [""] * size
        self.last = -1  # the last line written, for blocks docutils gives no line

    def put(self, line: int | None, text: str) -> int:
        """Write `text` (one line) at 1-based `line`, or after the last line written; returns the index used."""
        at = line - 1 if line else self.last + 1
        at = max(0, min(at, len(self.out) - 1))
        while self.out[at] and at + 1 < len(self.out) and not self.out[at + 1]:
            at += 1  # two blocks on one line (a field name and its text): the next free line
        self.out[at] = f"{self.out[at]} {text}".strip() if self.out[at] else text
        self.last = max(self.last, at)
        return at

    def walk(self, node: Any, depth: int) -> None:
        from docutils import nodes

        for child in node.children:
            if isinstance(child, nodes.section):
                title = child.next_node(nodes.title)
                if title is not None:
                    # docutils numbers a section title by its underline: the text is the line above it
                    self.put((title.line - 1) if title.line else None, f"{'#' * min(depth + 1, 6)} {_text(title)}")
                self.walk(child, depth + 1)
            elif isinstance(child, nodes.title | nodes.comment | nodes.system_message | nodes.literal_block):
                continue  # titles are written by their section; comments and code are not notes
            elif isinstance(child, nodes.topic) and "contents" in child.get("classes", []):
                continue  # `.. contents::`
            elif isinstance(child, nodes.Admonition | nodes.topic | nodes.sidebar):
                self._box(child, depth)
            elif isinstance(child, nodes.field_list | nodes.docinfo):
                self._fields(child)
            elif isinstance(child, nodes.definition_list):
                for item in child.children:
                    term = item.next_node(nodes.term)
                    body = item.next_node(nodes.definition)
                    if term is not None:
                        self.put(term.line, f"**{_text(term)}:** {_text(body) if body is not None else ''}".strip())
            elif isinstance(child, nodes.bullet_list | nodes.enumerated_list):
                self._items(child, depth, numbered=isinstance(child, nodes.enumerated_list))
            elif isinstance(child, nodes.table):
                self._table(child)
            elif isinstance(child, nodes.paragraph | nodes.line_block | nodes.rubric):
                self.put(child.line, _text(child))
            elif isinstance(child, nodes.Element):
                self.walk(child, depth)

    def _box(self, box: Any, depth: int) -> None:
        from docutils import nodes

        title = box.next_node(nodes.title)
        kind = box.tagname
        if kind in _BOXES and title is not None:
            heading = _text(title)
        else:  # note, tip, warning, todo...: notes to self
            heading = "Note" if kind in ("note", "admonition") else f"Note: {kind}"
        # A box after text of its section's own is that section's sibling (another story told beside it);
        # a box opening an otherwise empty section belongs under it.
        told = any(not isinstance(c, nodes.title) for c in box.parent.children[: box.parent.index(box)])
        level = depth if told and isinstance(box.parent, nodes.section) and depth else depth + 1
        line = (box.line or title.line) if title is not None else box.line
        self.put(line, f"{'#' * min(level, 6)} {heading}")
        self.walk(box, depth + 1)

    def _fields(self, fields: Any) -> None:
        from docutils import nodes

        for field in fields.children:
            if isinstance(field, nodes.field):
                name, body = field.children[0], field.children[1]
                paragraphs = list(body.findall(nodes.paragraph))
                first = paragraphs[0].line if paragraphs else None
                self.put(first, f"**{_text(name)}:** {_text(paragraphs[0]) if paragraphs else ''}".strip())
                for extra in paragraphs[1:]:
                    self.put(extra.line, _text(extra))
            elif isinstance(field, nodes.Element):  # docinfo's author, date ...: "**Author:** name"
                self.put(field.line, f"**{field.tagname.title()}:** {_text(field)}")

    def _items(self, items: Any, depth: int, numbered: bool) -> None:
        from docutils import nodes

        for k, item in enumerate(items.children, start=1):
            paragraphs = [p for p in item.children if isinstance(p, nodes.paragraph)]
            mark = f"{k}." if numbered else "-"
            if paragraphs:
                self.put(paragraphs[0].line, f"{mark} {_text(paragraphs[0])}")
            rest = [c for c in item.children if not (paragraphs and c is paragraphs[0])]
            holder = nodes.Element()
            holder.children = rest  # nested lists and later paragraphs, walked in place (no re-parenting)
            self.walk(holder, depth)

    def _table(self, table: Any) -> None:
        """A Markdown table written from the table's first row down (rows sit on consecutive lines)."""
        from docutils import nodes

        rows = list(table.findall(nodes.row))
        if not rows:
            return
        cells = [[_text(entry).replace("|", "/") for entry in row.findall(nodes.entry)] for row in rows]
        first = next((p.line for p in rows[0].findall(nodes.paragraph) if p.line), None)
        at = self.put(first, "| " + " | ".join(cells[0]) + " |")
        width = len(cells[0])
        body = ["|" + "---|" * width] + ["| " + " | ".join((r + [""] * width)[:width]) + " |" for r in cells[1:]]
        for text in body:
            at += 1
            if at >= len(self.out):
                break
            self.out[at] = text
            self.last = max(self.last, at)


def _text(node: Any) -> str:
    """A node's text on one line, inline markup resolved."""
    return re.sub(r"\s+", " ", node.astext()).strip()
