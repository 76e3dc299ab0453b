"""Typst sources (.typ) as Markdown, line for line (the number of lines never changes).

`= Title` headings become `#` headings; a block call whose named `title:` (or `name:`, `heading:`) argument opens a
content block (`#story(title: "X", tags: (...))[`) is a section titled X, a level below the last heading; `#set`,
`#show`, `#let`, `#import` rules and comments are blanked; `*strong*` becomes `**strong**`; `+` items become
numbered items. The author's own functions are read from their `#let` definitions, as the LaTeX reader does with
macros: a function that sets its argument in bold (`weight: "bold"`) makes it bold (`#lbl[S]` -> `**S**`), one that
wraps it in literal brackets keeps the brackets (`#todo[x]` -> `[x]`, a placeholder), any other call is replaced
by its content. Table cells (`[a], [b],`) become one line of cells.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s*(=+)\s+(?P<text>.+)$")
_RULE = re.compile(r"^\s*#(?:set|show|let|import|include)\b")
_LET = re.compile(r"^\s*#let\s+(?P<name>[\w-]+)\s*\((?P<args>[^)]*)\)\s*=(?P<body>.*)$")
_TITLED = re.compile(r"^\s*#[\w-]+\((?P<args>[^\[\]]*?)\)\s*\[\s*$")
_TITLE_ARG = re.compile(r"\b(?:title|name|heading)\s*:\s*\"(?P<title>(?:[^\"\\]|\\.)*)\"")
_WRAPPER = re.compile(r"^\s*#[\w-]+(?:\([^\[\]]*\))?\s*\[\s*$")  # `#align(center)[` alone on its line
_CLOSE = re.compile(r"^\s*[\])]\s*,?\s*$")
_CALL = re.compile(r"#(?P<name>[a-zA-Z][\w-]*)(?:\((?P<args>[^()\[\]]*)\))?\[(?P<body>[^\[\]]*)\]")
_BARE_CALL = re.compile(r"#[a-zA-Z][\w.-]*\([^()\[\]]*\)")
_STRONG = re.compile(r"(?<![\w*\\])\*(?=\S)(?P<inner>[^*\n]+?)(?<=\S)\*(?![\w*])")
_CELL = re.compile(r"\[(?P<cell>(?:[^\[\]]|\[[^\[\]]*\])*)\]\s*,?")
_TYPST_HINT = re.compile(r"^\s*#(?:set|show|let|import)\b", re.MULTILINE)


def is_typst(text: str) -> bool:
    """Typst markup: `#set` / `#show` / `#let` / `#import` rules at line starts (an `=` heading alone could be
    AsciiDoc)."""
    return len(_TYPST_HINT.findall(text[:20_000])) >= 2


def untypst(lines: list[str]) -> list[str]:
    """Same number of lines, the source as Markdown (see the module docstring)."""
    bold, bracketed = _functions(lines)
    out: list[str] = []
    level = 0
    depth = 0  # open ( of a multi-line rule being skipped
    in_comment = False
    in_table = False
    for line in lines:
        stripped = line.strip()
        if in_comment:
            in_comment = "*/" not in line
            out.append("")
            continue
        if stripped.startswith("/*"):
            in_comment = "*/" not in stripped
            out.append("")
            continue
        if depth > 0 or _RULE.match(line):
            depth = max(depth + line.count("(") + line.count("[") - line.count(")") - line.count("]"), 0)
            out.append("")
            continue
        if stripped.startswith("//"):
            out.append("")
            continue
        line = re.sub(r"\s//\s.*$", "", line)
        if (m := _HEADING.match(line)) is not None:
            level = len(m.group(1))
            out.append(f"{'#' * min(level, 6)} {_inline(m.group('text'), bold, bracketed)}")
            continue
        if (m := _TITLED.match(line)) is not None and (t := _TITLE_ARG.search(m.group("args"))) is not None:
            out.append(f"{'#' * min(level + 1, 6)} {t.group('title')}")
            continue
        if stripped.startswith("#table("):
            in_table = True
            out.append("")
            continue
        if in_table and stripped.startswith(")"):
            in_table = False
            out.append("")
            continue
        if in_table:
            cells = [_inline(c.group("cell"), bold, bracketed) for c in _CELL.finditer(stripped)]
            out.append(" — ".join(c for c in cells if c) if cells else "")
            continue
        if _WRAPPER.match(line) or _CLOSE.match(line):
            out.append("")
            continue
        line = re.sub(r"^(\s*)\+\s", r"\g<1>1. ", line)
        out.append(_inline(line, bold, bracketed).rstrip())
    return out


def _functions(lines: list[str]) -> tuple[set[str], set[str]]:
    """Names of the author's functions that set their argument in bold, and those that bracket it."""
    bold: set[str] = set()
    bracketed: set[str] = set()
    for line in lines:
        if (m := _LET.match(line)) is None:
            continue
        body = m.group("body")
        if re.search(r"weight\s*:\s*\"(?:bold|semibold|extrabold|black)\"", body):
            bold.add(m.group("name"))
        if re.search(r"\\\[\s*#\w+\s*\\\]", body):
            bracketed.add(m.group("name"))
    return bold, bracketed


def _inline(text: str, bold: set[str], bracketed: set[str]) -> str:
    """Calls replaced by their content (bold or bracketed as their definition says), strong text made Markdown."""

    def call(m: re.Match[str]) -> str:
        name, args, body = m.group("name"), m.group("args") or "", m.group("body").strip()
        if name in bracketed:
            return f"[{body}]"
        if name in bold or re.search(r"weight\s*:\s*\"bold\"", args) or name == "strong":
            return f"**{body}**" if body else ""
        return body

    for _ in range(4):  # nested calls, innermost first
        text, n = _CALL.subn(call, text)
        if not n:
            break
    text = _BARE_CALL.sub("", text)
    text = _STRONG.sub(r"**\g<inner>**", text)
    text = re.sub(r"\\\s*$", "", text)  # a forced line break
    return re.sub(r"\\([\[\]#*_$@<>\\])", r"\1", text)
