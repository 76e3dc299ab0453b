"""The shape-blind last reader: a case told in the first person is a story, whatever container holds it.

Notes keep stories inside other things: the comments field of a log row, the notes of a catalogue record, the
remarks of a form, a diary entry under a metadata line, a tagged export's free-text field. When no reader knows the
container, the story is lost, or it is found but named by a row of fields ("Players: ...", "Released: 2024 | ...").
Here the document is read as runs of prose lines (a line that says something in a dozen words or more, a leading
`Key:` label or `<TAG:n>` set aside, and the shorter lines its text wraps onto) between blank lines, rules, headings,
field rows and tagged records. A run (or runs with only blanks and fields between them) that tells a case lived by
its teller (lived.py) in 60 words or more is a story passage. Its name is the nearest naming text above it in the
same record: a naming field (`Subject:`, `Title:`), a heading, a banner line (its quoted or wordiest part), or, when
the banner only numbers the record ("Checklist S123"), the wordiest of the record's fields; else its first words.

Readers keep priority: a passage any of whose lines a found story holds is not added; a found story that holds
most of it is only renamed, and only when a row of fields, a bare serial or a tag names it, which no reader meant
as a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.ingest import lived, prose
from knowledge.ingest.bylines import metadata_only, serial_only
from knowledge.ingest.stories import RawStory

_MIN_WORDS = 60  # a told case is longer than a remark about a game night
_PROSE_WORDS = 12  # words that make a line prose rather than a field or a name
_NAME_WORDS = 20  # a naming line is short
_LOOK_UP = 20  # lines above a passage where its name is looked for
_NAME_CHARS = 120  # a field value longer than this is text, not a name
_FIELD_NAME_WORDS = 3  # words of letters a field's value needs to name a record that its banner only numbers
_MIN_KEY = 24  # letters and digits of a line worth looking for in the found stories
_HELD_SHARE = 0.5  # share of a passage's lines a found story holds that makes the passage that story's

_KEY = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>[A-Za-z][\w'’ &/#()-]{0,30}?)\s*:\s*(?:\*\*|__)?\s*")
_TAG = re.compile(r"<(?P<name>[A-Za-z_][\w]*):(?P<size>\d+)(?::\w)?>")  # a tagged record's field: `<NAME:12>`
_BARE_TAG = re.compile(r"</?[A-Za-z_][\w]*\s*/?>")  # `<EOR>`, `</div>`: a line of these says nothing
_SEPARATORS = re.compile(r"\s+(?:\||·|•|//)\s+|\s{3,}")
_RULE = re.compile(r"^\s*([-=*_~#+])(?:\s*\1){2,}\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_QUOTED = re.compile(r"['\"‘“](?P<name>[^'\"‘’“”]{4,100})['\"’”]")
_SERIAL_SEGMENT = re.compile(r"^[\W_]*[A-Za-z]{0,12}\.?\s*#?\s*(?:[A-Z]{1,3}-?)?\d[\w./-]*[\W_]*$")  # "Sample K-22"
_NAMING_KEY = re.compile(r"^(?:title|subject|name|headline|topic|re|story|summary)$", re.IGNORECASE)
_TITLE_KEY = re.compile(r"^(?:\*\*|__)?(?:title|subject|name)\s*:", re.IGNORECASE)
_LIST = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)]|\[[ xX]\])\s")
_BARE_NUMBER = re.compile(r"^[\W_]*\d+[\W_]*$")  # "2024": a field's figure, no name
_WORD = re.compile(r"[^\W\d_]{2,}")
_TRAILING_TAGS = re.compile(r"(?:\s+(?:#[\w-]+|`[^`]{1,30}`))+\s*$")


@dataclass
class _Passage:
    start: int  # 0-based first line
    end: int  # 0-based, exclusive
    text: str


def told_passages(stories: list[RawStory], lines: list[str], read: list[str], code: set[int]) -> list[RawStory]:
    """Stories told in passages no found story holds (module docstring). Found stories named by a row of fields
    are renamed in place; one named so that holds the cases of several records (a container read as one long
    story) is removed from `stories`, and each case is returned as a story of its own. `lines` are the document's
    lines as written, `read` the same lines as the readers saw them (normalize.py): a line whose words the
    readers' clean-up changed or dropped (HTML, tracked changes, an editor's comments) is theirs, and no passage
    holds it; one it only moved (joined into a header above) is still read here."""
    kept = _key("\n".join(read))
    skip = code | {i for i, (a, b) in enumerate(zip(lines, read, strict=False)) if _rewritten(a, b, kept)}
    held = _key("\n".join(s.text for s in stories))
    told: list[tuple[_Passage, str, tuple[str, int] | None, int, int]] = []  # passage, plain, name, held, lines
    for passage in _passages(lines, skip):
        plain = prose.prose_text(prose.sentences(passage.text))  # by sentence: a closing "(58 or 61?)" drops no line
        if len(_WORD.findall(plain)) < _MIN_WORDS or not lived.is_told(plain):
            continue
        keys = [_key(x) for x in passage.text.split("\n") if len(_key(x)) >= _MIN_KEY]
        holds = sum(1 for k in keys if _probe(k) in held)
        told.append((passage, plain, _name(lines, passage.start), holds, len(keys)))
    merged = _merged(stories, lines, [(p, named) for p, _, named, holds, _ in told if holds])
    found: list[RawStory] = []
    for passage, plain, named, holds, count in told:
        if holds and not any(_holds(s, passage) for s in merged):
            if holds >= _HELD_SHARE * count:
                _rename(stories, lines, passage, named)
            continue  # a reader took (some of) it: its reading stands
        title, line = named if named else (_first_words(passage.text), passage.start)
        found.append(RawStory(title, "prose", passage.text, line + 1, prose.infer_star(plain)))
    stories[:] = [s for s in stories if not any(s is m for m in merged)]
    return found


def _rewritten(line: str, read: str, kept: str) -> bool:
    """The readers' clean-up changed the line's words, or dropped them (an editor's comment) rather than moving
    them into another line."""
    if read.strip():
        return _key(line) != _key(read)
    return bool(_key(line)) and _probe(_key(line)) not in kept


def _merged(
    stories: list[RawStory], lines: list[str], held: list[tuple[_Passage, tuple[str, int] | None]]
) -> list[RawStory]:
    """Found stories named by a row of fields (not a heading or a banner) that hold told cases under two names or
    more: a container of records read as one story."""
    out = []
    for story in stories:
        own = lines[story.line - 1] if 0 < story.line <= len(lines) else ""
        inside = [named for passage, named in held if named and _holds(story, passage)]
        if not _field_row(own) or _HEADING.match(own):
            # any other story is a container only when its cases are records named by their own naming fields
            # (`Title:` in each of a catalogue's records), not by sub-headings a story may have
            inside = [named for named in inside if _naming_field(lines[named[1]])]
        if len({name for name, _ in inside}) >= 2:
            out.append(story)
    return out


def _naming_field(line: str) -> bool:
    key = _KEY.match(line.strip())
    return key is not None and bool(_NAMING_KEY.match(key.group("key")))


def _holds(story: RawStory, passage: _Passage) -> bool:
    text = _key(story.text)
    keys = [_key(x) for x in passage.text.split("\n") if len(_key(x)) >= _MIN_KEY]
    return bool(keys) and sum(1 for k in keys if _probe(k) in text) >= _HELD_SHARE * len(keys)


def _passages(lines: list[str], code: set[int]) -> list[_Passage]:
    """Runs of prose lines; runs with only blank lines or field rows between them are one passage, a heading,
    a rule or a naming line ends it."""
    out: list[_Passage] = []
    run: list[str] = []
    start = last = -1
    for i, line in enumerate([*lines, ""]):
        body = None if i in code else _prose(line)
        if body is None and run and i - 1 == last and i < len(lines) and i not in code and _continues(line):
            body = _TAG.sub(" ", line).strip()  # text wrapped onto a shorter line
        if run and (len(_TAG.findall(line)) >= 2 or _tags_only(line)):
            out.append(_Passage(start, i, "\n".join(run)))  # a tagged record of its own, or a record's end tag
            run = []
        if body is not None:
            if not run:
                start = i
            run.append(body)
            last = i
            continue
        if run and (not line.strip() or _field_row(line)) and i < len(lines):
            continue  # a blank line or a field between two parts of one entry
        if run:
            out.append(_Passage(start, i, "\n".join(run)))
            run = []
    return out


def _prose(line: str) -> str | None:
    """The line's text without a leading label or tags, when it says something in a dozen words; else None."""
    if _HEADING.match(line) or _RULE.match(line) or _LIST.match(line) or line.lstrip().startswith(">"):
        return None  # a list item (the readers of lists read it), a quote (someone else's words or an aside)
    text = _TAG.split(line)[-1] if _TAG.search(line) else line
    text = _KEY.sub("", text, count=1) if _short_key(text) else text
    text = text.strip()
    return text if len(_WORD.findall(text)) >= _PROSE_WORDS and not _segmented(text) else None


def _tags_only(line: str) -> bool:
    bare = _BARE_TAG.sub(" ", _TAG.sub(" ", line))
    return bare != line and not _WORD.search(bare)


def _continues(line: str) -> bool:
    """A line that goes on with the text above it: words, and no heading, rule, field or list mark of its own."""
    return (
        bool(_WORD.search(line))
        and not (_HEADING.match(line) or _RULE.match(line) or _LIST.match(line))
        and (not _field_row(line) or line[:1].isspace())
    )


def _short_key(line: str) -> bool:
    found = _KEY.match(line)
    return found is not None and len(found.group("key").split()) <= 4


def _segmented(text: str) -> bool:
    """A line of several fields ("Players: a, b | Winner: c | Length: 90 min"), however many words it holds."""
    parts = _SEPARATORS.split(text)
    return len(parts) >= 3 or (len(parts) == 2 and bool(_KEY.match(parts[1])))


def _field_row(line: str) -> bool:
    """A row of facts about a record: `Key: value` first, no letters first ("★★★ · Watched ..."), or tags only."""
    text = line.strip()
    if not text or _HEADING.match(line) or _RULE.match(line):
        return False
    if _tags_only(text):
        return True
    first = _SEPARATORS.split(text)[0].strip("*_ ")
    return bool(_KEY.match(first)) or not _WORD.search(first)


def _name(lines: list[str], start: int) -> tuple[str, int] | None:
    """The title and 0-based line of the nearest naming text above lines[start] (or on it, for a tagged record)."""
    if _TAG.search(lines[start]) and (own := _tagged_name(lines[start])):
        return own, start
    fields: list[int] = []
    for i in range(start - 1, max(-1, start - 1 - _LOOK_UP), -1):
        line = lines[i]
        if _RULE.match(line) and any(_naming_field(lines[k]) for k in fields):
            return _titled("", i, lines, fields)  # a record named by its own field starts below this rule
        if not line.strip() or _RULE.match(line):
            continue
        if len(_TAG.findall(line)) >= 2:
            own = _tagged_name(line)
            return (own, i) if own else None
        if _field_row(line) and _prose(line) is None:
            fields.append(i)
            continue
        if line[:1].isspace() or _listed(lines, i):
            continue  # an item of a list between the record's name and its text (a tally, a kit list)
        heading = _HEADING.match(line)
        if heading:
            return _titled(_TRAILING_TAGS.sub("", heading.group("text")).strip("*_ "), i, lines, fields)
        if _prose(line) is not None:
            return None  # the text above is another passage: no name between them
        if _field_row(line):
            fields.append(i)
            continue
        if len(_WORD.findall(line)) <= _NAME_WORDS:
            return _titled(_banner_title(line), i, lines, fields)
        return None
    return None


def _titled(title: str, at: int, lines: list[str], fields: list[int]) -> tuple[str, int] | None:
    """A record's naming field (`Subject:`, `Title:`) names it; else its banner, unless that only numbers the
    record: then the wordiest of the record's fields does."""
    for i in sorted(fields, key=lambda i: not _TITLE_KEY.match(lines[i].strip())):  # a Title: above a Headline:
        key = _KEY.match(lines[i].strip())
        value = lines[i].strip()[key.end() :].strip() if key else ""
        if key and _NAMING_KEY.match(key.group("key")) and _WORD.search(value):
            return _SEPARATORS.split(value)[0].strip(), i
    if title and not serial_only(title) and not metadata_only(title) and not _SERIAL_SEGMENT.match(title):
        return title, at
    best: tuple[int, str, int] | None = None
    for i in fields:
        key = _KEY.match(lines[i].strip())
        value = _SEPARATORS.split(lines[i].strip()[key.end() :] if key else "")[0].strip()
        words = len(_WORD.findall(value))
        if words >= _FIELD_NAME_WORDS and (best is None or words > best[0]):
            best = (words, value, i)
    if best:
        return best[1], best[2]
    return (title, at) if title else None


def _banner_title(line: str) -> str:
    """The part of a banner line that names: a quoted name, else its wordiest segment that is no field or serial."""
    text = line.strip().strip("*_=#~- ")
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group("name").strip()
    segments = [s.strip() for s in _SEPARATORS.split(text) if s.strip()]
    if len(segments) < 2:
        return _TRAILING_TAGS.sub("", text)
    values = [_KEY.sub("", s, count=1) if _KEY.match(s) else s for s in segments]
    named = [v for v in values if not _SERIAL_SEGMENT.match(v) and _WORD.search(v)]
    return max(named, key=lambda v: len(_WORD.findall(v))) if named else text


def _listed(lines: list[str], i: int) -> bool:
    """A short line right under another short line that is neither a field nor a rule: one item of a list."""
    above = lines[i - 1] if i > 0 else ""
    return (
        bool(above.strip())
        and not (_RULE.match(above) or _field_row(above) or _HEADING.match(above))
        and (_prose(above) is None and len(_WORD.findall(above)) <= _NAME_WORDS)
    )


def _tagged_name(line: str) -> str | None:
    """The wordiest short value of a tagged record's fields (`<NAME:n>value`); the last one starts the passage."""
    values = [v.strip() for v in _TAG.split(line)[3::3] if v and v.strip()][:-1]
    short = [v for v in values if len(_WORD.findall(v)) >= _FIELD_NAME_WORDS and len(v) <= _NAME_CHARS]
    return max(short, key=lambda v: len(_WORD.findall(v))) if short else None


def _rename(stories: list[RawStory], lines: list[str], passage: _Passage, named: tuple[str, int] | None) -> None:
    """A found story that holds the passage and is named by a row of fields or a bare serial takes its name."""
    if named is None:
        return
    title, at = named
    low = at
    while low > 0 and _field_row(lines[low - 1]) and _prose(lines[low - 1]) is None:
        low -= 1  # the record's other fields, above the one that names it
    if low > 0 and lines[low - 1].strip() and _prose(lines[low - 1]) is None and not _RULE.match(lines[low - 1]):
        low -= 1  # the banner that only numbers the record
    while low > 0 and (not lines[low - 1].strip() or _tags_only(lines[low - 1]) or _RULE.match(lines[low - 1])):
        low -= 1  # blank lines, rules and closing tags (`<EOR>`) before the record: a reader may have named it there
    for story in stories:
        if not low <= story.line - 1 <= passage.start or story.line - 1 == at:
            continue
        own = lines[story.line - 1] if 0 < story.line <= len(lines) else ""
        key = _KEY.match(own.strip())
        if key and _NAMING_KEY.match(key.group("key")):
            continue  # named by its subject already
        if _unnamed(story, own, lines, at):
            story.title, story.line = title, at + 1


def _unnamed(story: RawStory, own: str, lines: list[str], at: int) -> bool:
    """A reader's title that names nothing: a bare serial ("Checklist S123"), no word ("2024"), a line of tags
    (`<EOR>`), or the value of the field row right under a banner of three fields or more ("Players: a, b")."""
    title = story.title.strip()
    if serial_only(title) or _SERIAL_SEGMENT.match(title) or _BARE_NUMBER.match(title) or _tags_only(own):
        return True
    key = _KEY.match(own.strip())
    value = own.strip()[key.end() :].strip() if key else ""
    banner = lines[story.line - 2] if story.line >= 2 else ""
    return bool(value) and value.startswith(title[:40]) and at == story.line - 2 and len(_SEPARATORS.split(banner)) >= 3


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + ("..." if len(words) > 8 else "")


def _probe(key: str) -> str:
    mid = len(key) // 2
    return key if len(key) <= 40 else key[mid - 20 : mid + 20]


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())
