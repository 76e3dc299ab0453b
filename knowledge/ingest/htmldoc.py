"""HTML pages (a note app's or a word processor's HTML export, a saved web page), read as Markdown lines.

Read with the standard library's HTML parser, each block written at the line it starts on: `<h1>`…`<h6>` become
`#` headings, `<p>`, `<div>`, `<li>` (as `- ` bullets), table rows and `<br>` start lines, `<b>`/`<strong>`
become `**bold**` (so does a `<span>` styled bold, inline or by a class its page's `<style>` makes bold, as
Google Docs writes it; a block all in bold is a title, a heading one level below the last), `<dt>` a bold label,
table rows Markdown table rows (the first followed by a separator row, when the line after it is free);
`<script>`, `<style>`, `<head>` and comments vanish; entities are decoded. Only documents that are HTML pages (a
doctype, an `<html>` or `<body>` tag, or several block tags) are touched. The number of lines never changes; a page
written on one line (a Google Docs "Web page" download) is first given a line per block by `reflow`, before any
reader sees it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from knowledge.ingest.labels import parse_label

_PAGE = re.compile(r"<\s*(?:!doctype\s+html|html|body)\b", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"<\s*(?:p|h[1-6]|li|div)\b[^>]*>", re.IGNORECASE)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BREAKS = {"p", "div", "li", "br", "blockquote", "dt", "section", "article", "pre", "table", "ul", "ol"}
# Bold set by a style (Google Docs, Evernote and Word HTML): <span style="font-weight: 700">.
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
# A CSS rule on one class: ".c3{color:#000;font-weight:700}".
_CLASS_RULE = re.compile(r"\.(?P<name>[\w-]+)\s*\{(?P<body>[^{}]*)\}")
_OPENING_BLOCK = re.compile(r"(?<!\n)(?=<\s*(?:p|h[1-6]|li|div|tr|table|ul|ol|blockquote|dt|dd|pre)\b)", re.IGNORECASE)
_CROWDED = 4  # block tags per line beyond which a page is one written without line breaks


def reflow(text: str) -> str:
    """A page whose blocks share lines (a generated page on one line) with each block on a line of its own, so
    that each block can keep its own line below; any other text unchanged."""
    lines = text.count("\n") + 1
    if not is_html(text.split("\n")) or len(_BLOCK_TAG.findall(text)) <= _CROWDED * lines:
        return text
    return _OPENING_BLOCK.sub("\n", text)


def bold_classes(css: str) -> set[str]:
    """The classes a style sheet makes bold."""
    return {m["name"] for m in _CLASS_RULE.finditer(css) if _BOLD_STYLE.search(m["body"])}


def is_html(lines: list[str]) -> bool:
    """An HTML page: a doctype, `<html>` or `<body>`, or block tags on several lines."""
    head = "\n".join(lines[:50])
    return bool(_PAGE.search(head)) or sum(1 for x in lines if _BLOCK_TAG.search(x)) >= 3


def _title_block(text: str) -> bool:
    """A block that is one bold run of a few words, not a label or a sentence: a title set in bold."""
    inner = text[2:-2].strip() if text.startswith("**") and text.endswith("**") else ""
    if not inner or "**" in inner or len(inner.split()) > 12 or inner.endswith((":", ".", ",", ";")):
        return False
    label = parse_label(text)
    return label is None or label.canon == "other"


def unhtml(lines: list[str]) -> list[str]:
    """Same number of lines, the page's blocks as Markdown at the lines they start on."""
    if not is_html(lines):
        return lines
    reader = _Reader(len(lines))
    try:
        reader.feed("\n".join(lines))
        reader.close()
    except Exception:  # the parser is lenient; anything it still rejects leaves the text as it is
        return lines
    reader.flush()
    return reader.out


class _Reader(HTMLParser):
    """Collects the text of each block and writes it at the block's first line."""

    def __init__(self, size: int) -> None:
        super().__init__(convert_charrefs=True)
        self.out = [""] * size
        self.buffer: list[str] = []
        self.start = 0  # line (0-based) where the current block started
        self.prefix = ""
        self.skipping = 0
        self.rows = 0  # rows written in the current table (the first is followed by a separator row)
        self.cells = 0
        self.spans: list[bool] = []  # open <span>s: whether each one sets bold
        self.level = 0  # level of the last heading written
        self.css: list[str] = []  # text of the page's <style> blocks, for the classes they make bold
        self.bold: set[str] = set()

    def flush(self) -> int | None:
        """Write the block collected so far; returns the line used, if any."""
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        text = re.sub(r"\*\*\s*\*\*", "", text).strip()
        at: int | None = None
        if text and text not in ("**", "|"):
            at = min(self.start, len(self.out) - 1)
            while self.out[at] and at + 1 < len(self.out):
                at += 1
            if self.prefix.startswith("#"):
                self.level = len(self.prefix.strip())
            elif not self.prefix and _title_block(text):
                self.prefix = "#" * min(self.level + 1, 6) + " "  # a block all in bold is a title in HTML
                text = text.strip("*").strip()
            self.out[at] = f"{self.prefix}{text}"
        self.buffer, self.prefix = [], ""
        return at

    def _begin(self, prefix: str = "") -> None:
        self.flush()
        self.start = self.getpos()[0] - 1
        self.prefix = prefix

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _HEADINGS:
            self._begin("#" * _HEADINGS[tag] + " ")
        elif tag == "li":
            self._begin("- ")
        elif tag == "tr":
            self._begin("| ")
            self.cells = 0
        elif tag in ("td", "th"):
            self.cells += 1
        elif tag == "table":
            self._begin()
            self.rows = 0
        elif tag in _BREAKS:
            self._begin()
        elif tag in ("b", "strong"):
            self.buffer.append("**")
        elif tag == "span":
            found = dict(attrs)
            bold = bool(_BOLD_STYLE.search(found.get("style") or ""))
            bold = bold or bool(self.bold & set((found.get("class") or "").split()))
            self.spans.append(bold)
            if bold:
                self.buffer.append("**")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
            if tag == "style":
                self.bold = bold_classes("".join(self.css))
        elif tag in ("b", "strong") or (tag == "span" and self.spans and self.spans.pop()):
            self.buffer.append("**")
        elif tag in ("td", "th"):
            self.buffer.append(" | ")
        elif tag == "tr":
            at = self.flush()
            self.rows += 1
            if at is not None and self.rows == 1 and at + 1 < len(self.out) and not self.out[at + 1]:
                self.out[at + 1] = "|" + "---|" * max(self.cells, 1)  # a Markdown table needs its separator row
        elif tag == "dt":
            text = "".join(self.buffer).strip().rstrip(":")
            self.buffer = [f"**{text}:** "] if text else []
        elif tag in _HEADINGS or tag in _BREAKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.lasttag == "style":
                self.css.append(data)
            return
        if not self.buffer and not data.strip():
            return
        if not self.buffer:  # the block's text starts here (after any line breaks before it)
            self.start = self.getpos()[0] - 1 + data[: len(data) - len(data.lstrip())].count("\n")
        self.buffer.append(data)
