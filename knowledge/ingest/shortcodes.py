"""Hugo shortcode pairs (`{{< story title="…" >}}` … `{{< /story >}}`, or the `{{% … %}}` form) read as the
sections a site theme renders them as.

A static-site page keeps each story in a paired shortcode whose parameters name it: `title="…"`, or a first quoted
positional parameter (`{{< details "Title" >}}`). To a Markdown reader the opener is a line of braces run into the
story's first paragraph. Each opener line (on a line of its own, with its closer later in the page) becomes a
heading one level below the last heading above it, named by its title or, untitled, by its parameters or its name
(`{{< notice note >}}` is "Note"); the closer is blanked. Other parameters (`fits="failure"`, `star="true"`) are
markup. A shortcode inside a line (`{{< todo >}}`) is left for the placeholder check. Code fences are left alone.
The number of lines never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX

_OPENER = re.compile(r"^\s{0,3}\{\{(?P<d>[<%])\s*(?P<name>[A-Za-z][\w-]*)(?P<params>(?:\s[^{}]*?)?)\s*[>%]\}\}\s*$")
_CLOSER = re.compile(r"^\s{0,3}\{\{[<%]\s*/\s*(?P<name>[A-Za-z][\w-]*)\s*[>%]\}\}\s*$")
_NAMED = re.compile(r"\btitle\s*=\s*(?P<q>[\"'`])(?P<value>.*?)(?P=q)", re.IGNORECASE)
_PARAM = re.compile(r"(?<![\w-])[\w-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|`[^`]*`|\S+)")
_POSITIONAL = re.compile(r"(?P<q>[\"'`])(?P<value>.*?)(?P=q)|(?P<word>[^\s\"'`]+)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def unshortcode(lines: list[str]) -> list[str]:
    """Same number of lines; paired block shortcodes as headings over their text, closers blanked."""
    if not any(_CLOSER.match(x) for x in lines):
        return lines
    out = list(lines)
    level = 0
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if (atx := ATX.match(line)) is not None:
            level = len(atx.group(1))
            continue
        if _CLOSER.match(line) is not None:
            out[i] = ""
            continue
        opener = _OPENER.match(line)
        if opener is None or not _closed(lines, i + 1, opener["name"]):
            continue
        out[i] = f"{'#' * min(level + 1, 6)} {_title(opener['name'], opener['params'])}"
    return out


def _closed(lines: list[str], start: int, name: str) -> bool:
    """A closer of the shortcode `name` follows before another opener of the same name."""
    for line in lines[start:]:
        if (closer := _CLOSER.match(line)) is not None and closer["name"] == name:
            return True
        if (opener := _OPENER.match(line)) is not None and opener["name"] == name:
            return False
    return False


def _title(name: str, params: str) -> str:
    """The shortcode's title parameter, else its first quoted positional one, else its bare words or its name."""
    if (named := _NAMED.search(params)) is not None and named["value"].strip():
        return named["value"].strip()
    words: list[str] = []
    for match in _POSITIONAL.finditer(_PARAM.sub(" ", params)):
        if match["value"] is not None and match["value"].strip():
            return match["value"].strip()
        if match["word"] is not None:
            words.append(match["word"])
    return " ".join(words or [name]).replace("-", " ").capitalize()
