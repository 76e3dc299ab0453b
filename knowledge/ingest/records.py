"""Records of structured exports (XML, JSON, YAML) written as Markdown sections at the lines they came from.

A record is anything with a short title-like field (`summary`, `title`, `name`, `subject`, ...) and either a long
text (a description, a body, any text of 120 characters or more) or at least two fields named like STAR parts
(`situation`, `what_i_did`, `outcome`, ...). It becomes a `## title` heading at the line its title sits on,
followed by its text: a field named like a part as a bold label (`**Situation:** ...`), a long text as its
paragraphs. Short fields that are neither (dates, ids, tags, status) are metadata and stay out.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from knowledge.ingest.labels import canonical, parse_label

TITLE_KEYS = ("summary", "title", "name", "subject", "heading", "headline", "caption", "label", "question", "prompt")
_ASKED = ("question", "prompt")
_NAMING = ("story", "example", "case", "topic", "theme")  # title-like keys that hold the question a record answers
BODY_KEYS = ("description", "body", "content", "text", "answer", "details", "story", "notes", "desc")
_NAME_CHARS = 100  # a body-named field this short and on one line can name a record that has no title field
LONG = 120  # characters of text that make a field a record's body rather than metadata
_TICKET = re.compile(r"^\s*\[[A-Z][A-Z0-9]*-\d+\]\s*")
_TAG = re.compile(r"<[^<>]{1,400}>")


@dataclass
class Record:
    """One record: its title and its text fields in order, (field name, text)."""

    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    line: int | None = None  # 0-based line the record starts at, when the reader knows it (a CSV row)


def key_name(key: str) -> str:
    """`what_i_did`, `whatIDid`, `{ns}Outcome` -> "what i did", "what i did", "outcome"."""
    key = key.rsplit("}", 1)[-1]
    key = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key)
    return re.sub(r"[_\-.\s]+", " ", key).strip().lower()


def record_of(pairs: Iterable[tuple[str, str]]) -> Record | None:
    """The record made by these (key, text) fields, or None when they are not one."""
    titles: list[tuple[str, str]] = []
    fields: list[tuple[str, str]] = []
    for key, text in pairs:
        name, text = key_name(key), text.strip()
        if not text:
            continue
        if (name in TITLE_KEYS or _titled_key(name)) and len(text) <= 200 and "\n" not in text:
            titles.append((name, re.sub(r"\s+", " ", text)))
        elif name in BODY_KEYS or len(plain(text)) >= LONG or _part(name) or (_extra(name) and len(text) >= 40):
            fields.append((name, text))
    if not titles:  # a story bank's "Story" or "Example" column names the story when it is short
        named_by = [(n, t) for n, t in fields if n in _NAMING and len(t) <= 100 and "\n" not in t]
        titles = named_by[:1]
        fields = [f for f in fields if f not in titles]
    if not titles:  # a task app's CONTENT over its DESCRIPTION: a short one-line text field names the long one
        short = [(n, t) for n, t in fields if len(t) <= _NAME_CHARS and "\n" not in t and n in BODY_KEYS]
        if short and any(len(plain(t)) >= LONG for _, t in fields):
            titles = short[:1]
            fields = [f for f in fields if f not in titles]
    if not titles:  # a journal app's entry: its text opens with its own Markdown heading ("# the cold-store door")
        titles, fields = _headed_body(fields)
    parts = sum(1 for name, _ in fields if _part(name))
    if not titles or not (parts >= 2 or any(len(plain(t)) >= LONG for _, t in fields)):
        return None
    named = [t for t in titles if t[0] not in _ASKED] or titles
    title = min((t for _, t in named), key=len)
    # The question a record was written for, beside a title of its own, ties the story to that question.
    asked = [("also answers", f'"{t}"') for name, t in titles if name in _ASKED and t != title]
    return Record(_TICKET.sub("", title), asked + fields)


_OPENING_HEADING = re.compile(r"^\s*#{1,6}\s+(?P<title>[^\n]{1,100}?)\s*#*\s*(?:\n|$)")


def _headed_body(fields: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(title, fields) when a body field's first line is a heading that names it, its text after that line; else
    no title and the fields as they were."""
    for k, (name, text) in enumerate(fields):
        opening = _OPENING_HEADING.match(text) if name in BODY_KEYS else None
        if opening:
            rest = (name, text[opening.end() :].strip())
            return [(name, opening.group("title"))], [*fields[:k], rest, *fields[k + 1 :]]
    return [], fields


# A form's or sheet's column named for what it titles ("Story title", "Entry subject"): its last word names it.
_TITLED_KEY = re.compile(r"^[a-z][a-z ]{0,30} (?:title|subject|headline)$")


def _titled_key(name: str) -> bool:
    return bool(_TITLED_KEY.match(name))


def _part(name: str) -> bool:
    """A field named like a STAR part, or the questions a story answers."""
    return canonical(name) in ("situation", "task", "action", "result", "links")


def _extra(name: str) -> bool:
    """A field named like a story's other parts (lessons, trade-offs); tags and notes when short are metadata."""
    return canonical(name) == "extra"


def record_lines(record: Record) -> list[str]:
    """The Markdown lines of a record's text (not its heading)."""
    out: list[str] = []
    for name, text in record.fields:
        paragraphs = markdown_lines(text)
        if paragraphs and _labelled(paragraphs[0]):
            out += paragraphs  # a "Notes" field that tells the story with its own labels ("S: ...", "A: ...")
        elif (_part(name) or _extra(name)) and paragraphs:
            out.append(f"**{name[:1].upper()}{name[1:]}:** {paragraphs[0]}")
            out += paragraphs[1:]
        else:
            out += paragraphs
    return out


def _labelled(line: str) -> bool:
    """The line opens with a STAR label of its own."""
    label = parse_label(line)
    return label is not None and label.canon in ("situation", "task", "action", "result")


_BLOCK = re.compile(r"<\s*(?:/?p|br|/?div|/?li|/?ul|/?ol|/?h[1-6]|/?tr|/?blockquote)\b[^>]*>", re.IGNORECASE)
_BOLD = re.compile(r"<\s*(/?)\s*(?:b|strong)\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
# A heading inside a body ("<h3>Situation</h3>") is a label line there, not a section of the document.
_HEAD = re.compile(r"<\s*h[1-6]\b[^>]*>(?P<text>[^<]{1,80})<\s*/\s*h[1-6]\s*>", re.IGNORECASE)


def markdown_lines(markup: str) -> list[str]:
    """Text, possibly HTML, as Markdown lines: block tags break lines, bold stays bold, list items become
    bullets, entities are decoded; plain text keeps its own line breaks."""
    if _BLOCK.search(markup):
        markup = re.sub(r"\s*\n\s*", " ", markup)  # in HTML a line break is a space; the tags break lines
    text = _ITEM.sub("\n- ", _HEAD.sub(r"\n**\g<text>**\n", markup))
    text = _BOLD.sub("**", _BLOCK.sub("\n", text))
    text = html.unescape(_TAG.sub("", text))
    lines = [re.sub(r"[ \t]+", " ", x).strip() for x in text.split("\n")]
    return [x.replace("** ", "**", 1) if x.startswith("** ") else x for x in lines if x and x != "-"]


def plain(text: str) -> str:
    """Text without tags or entities."""
    return html.unescape(_TAG.sub("", text)).strip()


def place(lines: list[str], records: list[Record]) -> list[str]:
    """Same number of lines as `lines`: each record's heading at the line holding its title (looked for in
    document order), its text on the lines after it up to the next record; a document too short for them (a
    one-line JSON file), or a record whose title line is not found, gets lines added at its end."""
    out = [""] * len(lines)
    found: list[tuple[int, Record]] = []
    at = 0
    lost: list[Record] = []
    for record in records:
        # a row's own line when known: a title looked for in the text can be met first in another record that
        # names it (a pitch listing the stories under it)
        line = record.line if record.line is not None and record.line >= at else _find(lines, record.title, at)
        if line is None:
            lost.append(record)  # parsed, but its title is written some way we do not look for: keep it
            continue
        at = line + 1
        found.append((line, record))
    found.sort(key=lambda pair: pair[0])  # a data file's walk order need not be its line order (TOML groups tables)
    extra: list[str] = []
    for record in lost:
        extra += ["", f"## {record.title}", *record_lines(record)]
    for k, (line, record) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(out)
        if found[k + 1 :] and found[k + 1][0] == line:  # several records on one line (minified JSON)
            end = line + 1
        text = [f"## {record.title}", *record_lines(record)]
        if out[line] or end - line < 2:
            extra += ["", *text]
            continue
        _put(out, line, end, text)
    return out + extra


def _find(lines: list[str], title: str, start: int) -> int | None:
    """The first line at or after `start` holding the title (as written, XML-, JSON- or SQL-escaped)."""
    probe = title[:60]
    # json.dump's default writes every non-ASCII character as a \\uXXXX escape ("Board demo \\u2192 ...")
    probes = {probe, html.escape(probe, quote=False), html.escape(probe), probe.replace('"', '\\"'),
              json.dumps(probe)[1:-1], json.dumps(probe, ensure_ascii=False)[1:-1], probe.replace("'", "''")}
    for i in range(start, len(lines)):
        if any(p in lines[i] for p in probes):
            return i
    for i in range(start - 1, -1, -1):  # a title written before its record's other fields came first
        if any(p in lines[i] for p in probes):
            return i
    return None


def _put(out: list[str], start: int, end: int, text: list[str]) -> None:
    """`text` on lines start..end-1, a blank line between paragraphs when there is room; what does not fit joins
    the last line."""
    room = end - start
    spaced = room >= 2 * len(text) - 1
    k = start
    for n, line in enumerate(text):
        if k >= end:
            out[end - 1] = f"{out[end - 1]} {line}"
            continue
        out[k] = line
        k += 2 if spaced and n + 1 < len(text) else 1
