"""MkDocs (Material) admonitions and content tabs, and `:::` containers (HackMD's `:::spoiler Title`, VuePress's
`::: tip Title`), read as the sections they show on the page.

`??? example "The lost backups"` (a fold), `???+ quote "About me"` (a fold shown open) and `!!! tip "Mentor
remarks"` (a box) title the text indented under them; to a Markdown reader that text is an indented code block, so
the story inside is lost. Each opener becomes a heading one level below the last heading above it, named by its
quoted title (icon shortcodes such as `:material-star:` and escaped quotes dropped) or, untitled, by its kind
("Tip"); its body is dedented. A content tab inside (`=== "Story"`) becomes a bold label line over its own dedented
text. A `:::kind {attributes} Title` container line likewise becomes a heading named by its title (the kind and
the attributes are markup, not words of the title), and its closing `:::` is blanked; an untitled one holding a line
or two (`:::note` / "keep it short" / `:::`) is an aside in the text around it, not a section: its markers are
blanked and its words stay where they are, led by the box's kind ("Note: keep it short"). Obsidian's Admonition
plugin writes its boxes as fenced blocks (```` ```ad-example ```` then `title: …`, `collapse: closed`, `color: …`
lines, then the text): to a Markdown reader, code; each becomes a heading named by its `title:` line (or its kind)
over its text, the settings lines and both fences blanked. Code fences are left alone. The number of lines never
changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import ATX

_OPENER = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+(?P<title>\".*\"|'.*'))?\s*$")
_TAB = re.compile(r"^(?P<indent>\s*)===\+?\s+(?P<title>\".*\"|'.*')\s*$")
_SHORTCODE = re.compile(r":[\w-]+(?:-[\w-]+)*:")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CONTAINER = re.compile(r"^\s{0,3}:::+\s*(?P<kind>[A-Za-z][\w-]*)(?:\s*\{[^{}]*\})?\s*(?P<title>.*?)\s*$")
_CLOSE = re.compile(r"^\s{0,3}:::+\s*$")
_STEP = 4  # MkDocs indents an admonition's body, and a tab's, by four spaces
_AD_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})\s*ad-(?P<kind>[\w-]+)\s*$")
# The Admonition plugin's settings, one per line at the top of a box: the title is kept, the others are markup.
_AD_SETTING = re.compile(r"^\s*(?P<key>title|collapse|color|icon)\s*:\s*(?P<value>.*?)\s*$", re.IGNORECASE)


def unadmonish(lines: list[str]) -> list[str]:
    """Same number of lines; admonitions as headings over their dedented text, tabs as bold labels."""
    lines = _unfence_boxes(lines)
    if not any(_OPENER.match(x) or _CONTAINER.match(x) for x in lines):
        return lines
    out = list(lines)
    level = 0
    in_fence = False
    open_containers = 0
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        if (atx := ATX.match(line)) is not None:
            level = len(atx.group(1))
        if (box := _CONTAINER.match(line)) is not None:
            if not box["title"] and _aside(lines, i):
                out[i] = ""
                said = [j for j in range(i + 1, min(i + 1 + 2 * _ASIDE_LINES, len(lines))) if lines[j].strip()]
                # led by its kind ("Note: ..."), a field of the text, so it names nothing told below it
                out[said[0]] = f"{box['kind'].capitalize()}: {lines[said[0]].strip()}"
                open_containers += 1
                continue
            title = _title(f'"{box["title"]}"') or box["kind"].replace("-", " ").capitalize()
            out[i] = f"{'#' * min(level + 1, 6)} {title}"
            open_containers += 1
            continue
        if open_containers and _CLOSE.match(line):
            out[i] = ""
            open_containers -= 1
            continue
        opener = _OPENER.match(line)
        if opener is None or opener["indent"]:
            continue
        title = _title(opener["title"]) or opener["kind"].replace("-", " ").capitalize()
        out[i] = f"{'#' * min(level + 1, 6)} {title}"
        _dedent_body(lines, out, i + 1, _STEP)
    return out


_ASIDE_LINES = 2


def _aside(lines: list[str], at: int) -> bool:
    """The untitled container opened at `at` closes after a line or two of text."""
    said = 0
    for line in lines[at + 1 : at + 2 + _ASIDE_LINES * 2]:
        if _CLOSE.match(line):
            return said > 0
        if _CONTAINER.match(line) or ATX.match(line):
            return False
        said += bool(line.strip())
        if said > _ASIDE_LINES:
            return False
    return False


def _unfence_boxes(lines: list[str]) -> list[str]:
    """Obsidian Admonition boxes (```` ```ad-kind ```` … ```` ``` ````) as a heading over their text."""
    if not any(_AD_FENCE.match(x) for x in lines):
        return lines
    out = list(lines)
    level = 0
    fence = ""  # the fence of an ordinary code block being skipped
    i = 0
    while i < len(lines):
        line = lines[i]
        if fence:
            fence = "" if line.strip().startswith(fence) and not line.strip().strip(fence[0]) else fence
        elif (box := _AD_FENCE.match(line)) is not None:
            end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == box["fence"]), None)
            if end is not None:
                title = box["kind"].replace("-", " ").capitalize()
                for j in range(i + 1, end):
                    if (setting := _AD_SETTING.match(lines[j])) is None:
                        break
                    if setting["key"].lower() == "title" and setting["value"]:
                        title = setting["value"]
                    out[j] = ""
                out[i] = f"{'#' * min(level + 1, 6)} {title}"
                out[end] = ""
                i = end + 1
                continue
        elif (opened := _FENCE.match(line)) is not None:
            fence = opened.group(1)
        elif (atx := ATX.match(line)) is not None:
            level = len(atx.group(1))
        i += 1
    return out


def _dedent_body(lines: list[str], out: list[str], start: int, by: int) -> None:
    """Dedent the lines indented under an opener (blank lines inside kept); tabs inside become bold labels."""
    i = start
    while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) >= by):
        if not lines[i].strip():
            nxt = next((x for x in lines[i + 1 :] if x.strip()), "")
            if _indent(nxt) < by:
                break
            i += 1
            continue
        text = lines[i].replace("\t", "    ")[by:]
        tab = _TAB.match(text)
        out[i] = f"**{_title(tab['title'])}:**" if tab and not tab["indent"] else text
        i += 1
    if any(_TAB.match(x.replace("\t", "    ")[by:]) for x in lines[start:i] if x.strip()):
        for j in range(start, i):  # a tab's own text sits four spaces deeper still
            if out[j].startswith(" " * _STEP) and not _TAB.match(out[j]):
                out[j] = out[j][_STEP:]


def _title(quoted: str | None) -> str:
    if not quoted:
        return ""
    inner = quoted[1:-1].replace('\\"', '"').replace("\\'", "'")
    return " ".join(_SHORTCODE.sub(" ", inner).split()).strip("\"' ")


def _indent(line: str) -> int:
    expanded = line.replace("\t", "    ")
    return len(expanded) - len(expanded.lstrip())
