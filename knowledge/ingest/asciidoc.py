"""AsciiDoc documents, read as the Markdown they stand for.

- `= Title`, `== Section`, `=== Story` become `#`, `##`, `###` headings; the author and revision lines under the
  document title, `:attribute:` lines, `//` comments, `[[anchor]]` and `[NOTE]` / `[quote]` / `[source,…]` block
  attribute lines vanish.
- A `.Block title` line over a delimited block titles that block: it becomes a heading (a sibling of a `===` story
  heading above it, else one level below the heading above).
- `----` / `....` blocks become code fences; `====`, `____`, `****`, `--` block delimiters and `|===` table edges
  vanish (the block's text stays); `////` comment blocks vanish whole.
- Labelled items (`Situation:: text`, `Term::` alone on its line) become bold labels (`**Situation:** text`);
  `. item` becomes `1. item`; `*bold*` becomes `**bold**`; a trailing ` +` line break is dropped.

Only documents that look like AsciiDoc (`==` headings plus other AsciiDoc marks) are touched. The number of lines
never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import STAR_BOLD as _BOLD

_HEADING = re.compile(r"^(?P<marks>={1,6})\s+(?P<text>\S.*?)\s*$")
_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:\s.*)?$")
_COMMENT = re.compile(r"^//(?!/)")
_BLOCK_ATTRS = re.compile(r"^\[(?:\[[^\]]*\]|[A-Za-z#.%][^\]]*)\]\s*$")
_BLOCK_TITLE = re.compile(r"^\.(?P<title>[A-Za-z0-9\"'“‘(][^.].*?)\s*$")
_CODE_DELIM = re.compile(r"^(?:-{4,}|\.{4,})\s*$")
_OTHER_DELIM = re.compile(r"^(?:={4,}|_{4,}|\*{4,}|\+{4,}|--|\|={3,})\s*$")
_COMMENT_DELIM = re.compile(r"^/{4,}\s*$")
_LABELLED = re.compile(r"^(?P<indent>\s*)(?P<term>[^:\s][^:\n]{0,60}?)(?P<colons>:{2,4}|;;)(?:\s+(?P<rest>.*))?$")
_ORDERED = re.compile(r"^(?P<dots>\.{1,5})\s+(?=\S)")
_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+")


def is_asciidoc(lines: list[str]) -> bool:
    """Section titles written `== …` and at least two other AsciiDoc marks."""
    headings = sum(1 for x in lines if _HEADING.match(x) and x.startswith("=="))
    marks = sum(
        1
        for x in lines
        if _ATTRIBUTE.match(x) or _BLOCK_ATTRS.match(x) or _OTHER_DELIM.match(x) or _LABELLED.match(x)
    )
    return headings >= 1 and marks >= 2


def unasciidoc(lines: list[str]) -> list[str]:
    """Same number of lines, AsciiDoc markup rewritten as Markdown (see the module docstring)."""
    if not is_asciidoc(lines):
        return lines
    out = list(lines)
    level = 0
    in_code = in_comment = False
    for i, line in enumerate(out):
        if _COMMENT_DELIM.match(line):
            out[i], in_comment = "", not in_comment
            continue
        if in_comment:
            out[i] = ""
            continue
        if _CODE_DELIM.match(line):
            out[i], in_code = "```", not in_code
            continue
        if in_code:
            continue
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group("marks"))
            out[i] = f"{'#' * level} {_inline(heading.group('text'))}"
            if level == 1:
                _blank_header(out, i + 1)
            continue
        if _ATTRIBUTE.match(line) or _COMMENT.match(line) or _BLOCK_ATTRS.match(line) or _OTHER_DELIM.match(line):
            out[i] = ""
            continue
        if line.strip() == "+":
            out[i] = ""  # a list continuation mark
            continue
        titled = _BLOCK_TITLE.match(line)
        if titled and (i == 0 or not out[i - 1].strip()):
            n = level if level >= 3 else level + 1
            out[i] = f"{'#' * max(1, min(n, 6))} {_inline(titled.group('title'))}"
            continue
        labelled = _LABELLED.match(line)
        if labelled and not line.lstrip().startswith(("http", "-", "*", "|")):
            rest = labelled.group("rest") or ""
            out[i] = f"{labelled.group('indent')}**{_inline(labelled.group('term').strip())}:** {_inline(rest)}"
            continue
        line = _ORDERED.sub(lambda m: "   " * (len(m.group("dots")) - 1) + "1. ", line)
        out[i] = _inline(_ADMONITION.sub("", line.removesuffix(" +")))
    return out


def _blank_header(out: list[str], start: int) -> None:
    """The author and revision lines right under the document title are metadata."""
    for j in range(start, min(start + 2, len(out))):
        if not out[j].strip() or _ATTRIBUTE.match(out[j]) or out[j].startswith(("=", "[", "//", ".")):
            return
        out[j] = ""


def _inline(text: str) -> str:
    return _BOLD.sub(r"**\g<inner>**", text)
