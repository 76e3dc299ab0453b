"""Emacs Org mode files, read as the Markdown they stand for.

- `*` / `**` headlines become `#` / `##` headings, without their TODO keyword (`TODO`, `DRAFT`, `DONE`, or any
  declared in a `#+TODO:` line), `[#A]` priority, `[1/3]` cookie and trailing `:tags:`.
- `#+KEYWORD:` lines, `:PROPERTIES:` … `:END:` drawers, `DEADLINE:` / `SCHEDULED:` / `CLOSED:` lines and
  `#+begin_comment` blocks vanish; `#+begin_src` / `#+begin_example` blocks become code fences, `#+begin_quote`
  lines vanish (the quote's text stays).
- Description items (`- S :: text`) become labelled bullets (`- **S:** text`); `*bold*` becomes `**bold**`.
- An Org table's rule (`|---+---|`) becomes a Markdown separator row.

Only files that look like Org (headlines with Org keywords, `#+` lines or drawers) are touched. The number of lines
never changes.
"""

from __future__ import annotations

import re

from knowledge.ingest.marks import STAR_BOLD as _BOLD

_KEYWORD = re.compile(r"^\s*#\+(?P<key>[A-Za-z_]+):\s*(?P<value>.*)$")
_BLOCK = re.compile(r"^\s*#\+(?P<edge>begin|end)_(?P<kind>\w+)\b.*$", re.IGNORECASE)
_HEADLINE = re.compile(r"^(?P<stars>\*+)\s+(?P<text>.*?)\s*$")
_TAGS = re.compile(r"\s+:[\w@#%:]+:\s*$")
_PRIORITY = re.compile(r"^\[#[A-Za-z0-9]\]\s*")
_COOKIE = re.compile(r"\s*\[\d*(?:/\d*|%)\]")
_DRAWER = re.compile(r"^\s*:(?P<name>[A-Za-z_-]+):\s*$")
_PLANNING = re.compile(r"^\s*(?:(?:DEADLINE|SCHEDULED|CLOSED):\s*[<\[][^>\]]*[>\]]\s*)+$")
_DESCRIPTION = re.compile(r"^(?P<indent>\s*)(?P<bullet>[-+]|\d{1,3}[.)])\s+(?P<term>[^:\n]{1,40}?)\s+::(?:\s+|$)")
_RULE = re.compile(r"^\s*\|[-+]+\|?\s*$")
_DEFAULT_TODO = ("TODO", "DONE", "DRAFT", "NEXT", "WAITING", "HOLD", "CANCELLED", "CANCELED")


def is_org(lines: list[str]) -> bool:
    """`#+TITLE:`-style keywords, drawers or block lines, with `*` headlines: an Org file."""
    marks = sum(1 for x in lines if _KEYWORD.match(x) or _BLOCK.match(x) or _DRAWER.match(x))
    headlines = sum(1 for x in lines if _HEADLINE.match(x) and not x.startswith("* *"))
    return marks >= 2 and headlines >= 2


def unorg(lines: list[str]) -> list[str]:
    """Same number of lines, Org markup rewritten as Markdown (see the module docstring)."""
    if not is_org(lines):
        return lines
    keywords = set(_DEFAULT_TODO) | _declared_keywords(lines)
    out = list(lines)
    skip_until: str | None = None  # the end line of a block or drawer being blanked
    in_code = False
    for i, line in enumerate(out):
        block = _BLOCK.match(line)
        if skip_until == "drawer":
            out[i] = ""
            if _DRAWER.match(line) and line.strip().upper() == ":END:":
                skip_until = None
            continue
        if skip_until is not None:
            out[i] = ""
            if block and block.group("edge").lower() == "end" and block.group("kind").lower() == skip_until:
                skip_until = None
            continue
        if block:
            kind = block.group("kind").lower()
            if kind in ("src", "example", "export"):
                out[i] = "```"
                in_code = block.group("edge").lower() == "begin"
            elif kind == "comment" and block.group("edge").lower() == "begin":
                out[i], skip_until = "", kind
            else:
                out[i] = ""  # quote, center, verse: their text stays as plain text
            continue
        if in_code:
            continue
        if _KEYWORD.match(line) or _PLANNING.match(line):
            out[i] = ""
            continue
        drawer = _DRAWER.match(line)
        if drawer:
            out[i] = ""
            if drawer.group("name").upper() != "END":
                skip_until = "drawer"
            continue
        headline = _HEADLINE.match(line)
        if headline:
            out[i] = f"{'#' * min(len(headline.group('stars')), 6)} {_headline_text(headline.group('text'), keywords)}"
            continue
        if _RULE.match(line):
            out[i] = re.sub(r"-+", "---", line.replace("+", "|"))
            continue
        line = _DESCRIPTION.sub(lambda m: f"{m['indent']}{m['bullet']} **{m['term'].strip()}:** ", line)
        out[i] = _BOLD.sub(r"**\g<inner>**", line)
    return out


def _headline_text(text: str, keywords: set[str]) -> str:
    """A headline's title: TODO keyword, priority, statistics cookie and tags removed."""
    words = text.split(maxsplit=1)
    if words and words[0] in keywords:
        text = words[1] if len(words) > 1 else ""
    text = _TAGS.sub("", _COOKIE.sub("", _PRIORITY.sub("", text)))
    return _BOLD.sub(r"\g<inner>", text).strip()


def _declared_keywords(lines: list[str]) -> set[str]:
    """Keywords of `#+TODO:` / `#+SEQ_TODO:` / `#+TYP_TODO:` lines (`TODO DRAFT | DONE`)."""
    found: set[str] = set()
    for line in lines:
        key = _KEYWORD.match(line)
        if key and key.group("key").upper() in ("TODO", "SEQ_TODO", "TYP_TODO"):
            found.update(re.sub(r"\(.*?\)", "", w) for w in key.group("value").split() if w != "|")
    return found
