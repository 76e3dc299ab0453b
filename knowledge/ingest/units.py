"""Stories found by what they are, whatever the layout: a short line that names something, then a lived case.

Layout rules find sections; but people keep stories in shapes no rule foresaw (a definition term and its `:   `
paragraphs, a collapsible fold, an outline item with its text indented under it, a bare line in a Word file saved
as text, an emoji line inside a note app's export). What they share is what a story is: a title-like line (a few
words, no sentence end, not a STAR label), then text that tells a past case in the first person (prose.py) or
under STAR labels. Such a "unit" is looked for in every story a section rule found: a section holding two or more
units (a "People" heading over two definition terms, a note holding its whole bank) is split into them; a
section with one unit a line or two under its title keeps both names ("Me — Intro (why this team)"); a section
whose one unit sits under notes that tell nothing (a file's header lines) is that unit; and units where no section
rule found anything are stories of their own. A title must be set off from the text after it (not the first line
of a wrapped paragraph) and the text must tell a case, not give advice: that keeps notes and tips out.

A story may also hang under a line that is no title at all but that the story's lead-in points back to: a quoted
remark (`> "She told me where I stood." — Peer`) followed by `**Behind this one:** <the case>`, or a definition
entry (`TERM (what it is): definition.`) with `  the story: <the case>` indented under it. The lead-in is a label
of a few words that is no STAR part; the line it hangs under names the story, however long, and such a story is
taken out of a section titled by a question (a feedback tool's "What should she keep doing?" over many remarks).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from knowledge.ingest import prose
from knowledge.ingest.items import trim
from knowledge.ingest.labels import parse_label
from knowledge.ingest.lived import is_told
from knowledge.ingest.qforms import asks
from knowledge.ingest.spans import part_key
from knowledge.ingest.stories import RawStory, filled_template, section_stories

_MAX_TITLE_WORDS = 12
_MAX_TITLE_CHARS = 90
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_RULE = re.compile(r"^\s*(?::::+|(?:-{3,}|\*{3,}|_{3,}|={3,})(?:[\w ]{0,30}-*)?)\s*$")  # "---", ":::", "--- x ---"
_TABLE = re.compile(r"^\s*\|")
_LIST = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
# Syntax around a title: list marks, heading marks, fold openers and their {attributes}, definition marks,
# emphasis, an outline's @tags, a leading symbol or emoji.
_MARKS = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+|#{1,6}\s+|>\s*|:::+\s*\w*\s*|:\s{2,})*")
_ATTRS = re.compile(r"\{[^{}]*\}|!\[[^\]]*\]\([^)]*\)")
_FIELD = re.compile(r"^[\w ()/&'-]{1,40}:\s+\S")  # "fits: [a, b]", "Good for: ...": a field and its value
_TAGS = re.compile(r"(?<!\S)@[\w-]+(?:\([^()]*\))?")
_LEAD_SYMBOLS = re.compile(r"^(?:(?![$£€¥+-]\d)[^\w\"'“(\[])+")  # not a currency sign before its figure
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`")
_SENTENCE_END = (".", ",", ";", "!", "…")
_INNER_STOP = re.compile(r"[a-z]{2}[.!?] +\w")  # "to her return. That form": a sentence goes on here
_OPEN_ENDED = {"a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "from", "with", "by",
               "as", "that", "which", "who", "we", "i", "was", "were", "is", "are", "had", "our", "my", "their"}
_ENDS = re.compile(r"[.!?:;\"”')\]]\s*$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LINK_LINE = re.compile(r"^\s*(?:[-*+]\s+)?\[[^\]]+\]\(#.*\)\s*$")  # "[2. Projects  4](#2.-projects)"
_REMARK = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # "(v2, shorter)", "[check: ...]": remarks on a name
# A line opening with a bold name: "- **The night queue** (2023) — ...", "**Rollout: canary first** ...".
_BOLD_LEAD = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)(?P<name>[^*_]{2,90}?)(?:\*\*|__)")
# What may follow a bold name on its line: nothing, or a remark on it ("(2023)", "— dropped later"), not running text.
_AFTER_NAME = re.compile(r"^\s*(?:$|[(\[—–]|-\s)")
# A field whose key says its value names a story ("Story: ...", "Case: ...", "Example 2 - ...") or numbers
# it in a series of its own ("Tale 4: ...", "CASE 12 - ...").
_NAMING_FIELD = re.compile(
    r"^(?:(?:[\w ]{0,20}\s)?(?:story|example|case|anecdote)(?:\s*#?\d{1,2})?|[^\W\d_]{2,15}\s*#?\d{1,3})"
    r"\s*[:—–-]\s+(?P<name>\S.*)$",
    re.IGNORECASE,
)


@dataclass
class Unit:
    """A title-like line (0-based `title_at`) and the lines after it, up to `end` (exclusive); `pointed` when the
    line is named by the story's lead-in pointing back to it (module docstring)."""

    title: str
    title_at: int
    end: int
    pointed: bool = False
    form_part: bool = False  # its title opens a part of every record of a form ("WORK DONE:"), naming none


# A lead-in opening a told paragraph: "**Behind this one:** ...", "the story: ...", "What that was about: ...".
_LEAD_IN = re.compile(r"^\s*(?:\*\*|__)?(?P<label>[A-Za-z][\w '’-]{1,30}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)?\s*:)\s+\S")
_LEAD_WORDS = 4
_QUOTE_LINE = re.compile(r"^\s{0,3}>\s*\S")
_ATTRIBUTION = re.compile(r"[\"”]\s*[—–-]+\s*[^\"”]{1,40}$")  # '..." — Direct report': who said it


def _pointed_title(lines: list[str], i: int) -> str | None:
    """The name a line takes when the next paragraph's lead-in points back to it: a quoted remark with the lead-in
    after it (a blank line between at most), or a definition entry with the lead-in indented under it."""
    line = lines[i]
    quoted = bool(_QUOTE_LINE.match(line))
    if quoted:
        at = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
    elif line.strip() and not _LIST.match(line) and not _HEADING.match(line) and not _marked(line):
        at = i + 1 if i + 1 < len(lines) and _indent(lines[i + 1]) > _indent(line) else None
    else:
        return None
    if at is None or _QUOTE_LINE.match(lines[at]):
        return None
    lead = _LEAD_IN.match(lines[at])
    if lead is None or len(lead.group("label").split()) > _LEAD_WORDS:
        return None
    label = parse_label(lines[at])
    if label is not None and label.canon != "other":
        return None  # "Situation: ...", "Result: ...": a part of a story, not a pointer to the line above
    text = _ATTRIBUTION.sub("", bare(line)).strip(" \"“”")
    if not quoted:
        text = _FIELD_NAME.sub("", text)  # "TERM (what it is): definition" is named by its term
    if len(text) > _MAX_TITLE_CHARS:
        text = text[:_MAX_TITLE_CHARS].rsplit(" ", 1)[0] + " …"
    return text or None


_FIELD_NAME = re.compile(r"(?<=\S):\s.*$")


def bare(line: str) -> str:
    """A line without the syntax around its words."""
    text = _TAGS.sub("", _ATTRS.sub("", _MARKS.sub("", line.replace("\t", " "))))
    text = _EMPHASIS.sub("", text).strip()
    return _LEAD_SYMBOLS.sub("", text).strip()


def _title(line: str) -> str | None:
    """The name a line gives, when it is title-like: a few words, no sentence end, not a label with text after it."""
    if _TABLE.match(line) or _RULE.match(line) or _LINK_LINE.match(line):
        return None  # a table row, a rule, or a contents entry pointing at a section (its heading names it)
    if _marked(line) and bare(line).endswith(":"):
        return None  # "**Made it configurable:**", "- Lessons:": a part of the text above, named
    text = bare(line).rstrip(" :")
    if line.strip().lstrip("#*_ ").startswith(("…", "...")):
        return None  # "… how we knew it worked": it goes on with the one before
    lead = _BOLD_LEAD.match(line)
    remark = lead is not None and _AFTER_NAME.match(line[lead.end() :]) is not None
    if lead and remark and not _titled(text) and _titled(name := bare(lead.group("name")).rstrip(" :")):
        text = name  # "- **The night queue** (2023) — dropped it myself, a long remark": the bold part names it
    named = _NAMING_FIELD.match(text)
    if named:
        text = named.group("name")  # "Story: The night queue", "Case: ...": the field's value names it
    elif _FIELD.match(text) and not (lead and ":" in lead.group("name")):
        return None  # "Good for: ...", but not "**Rollout: canary first**", a name with a colon in it
    if not _titled(text):
        return None
    core = _REMARK.sub(" ", text).strip() or text  # "the night queue [check: 3 or 4 days? ask ops]": judged without it
    if core.endswith(_SENTENCE_END) or _INNER_STOP.search(core) or core.split()[-1].lower() in _OPEN_ENDED:
        return None
    label = parse_label(line) or parse_label(text + ":")  # "2.  What I did": a part's name, numbered
    if label is not None and (label.canon != "other" or label.rest.strip(" \t—–-:*_")):
        return None  # "Situation:", "Good for: end-to-end project": a part or a field, not a name
    return text


_KEYED = re.compile(r"^(?P<key>[^\W\d_][\w'-]{0,20}):\s+(?P<value>\S.*)$")  # "practised: the frozen door"


def _field_over_block(lines: list[str], i: int) -> str | None:
    """The value of a one-word field that names the block indented under it ("practised: the frozen door (a repeat)"
    over the case told, indented, in some 50 words): a log's or a form's entry names its story in a field."""
    keyed = _KEYED.match(lines[i].strip())
    if keyed is None or (_indent(lines[i]) > 0 and not _LIST.match(lines[i])):
        return None
    value = keyed.group("value").strip()
    if _title(value) is None or not _other_field(lines[i]):
        return None
    end = _block_end(lines, i)
    return value if end is not None and _told(lines[i + 1 : end]) else None


def _block_end(lines: list[str], i: int) -> int | None:
    """The end of the lines indented deeper than lines[i] right under it; None when the next line is not. A field
    of the same form inside the block ("  fix: say the number first") ends it: it is a note on the text above."""
    own = _indent(lines[i])
    if i + 1 >= len(lines) or not lines[i + 1].strip() or _indent(lines[i + 1]) <= own:
        return None
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > own):
        if j > i + 1 and _KEYED.match(lines[j].strip()) and _other_field(lines[j]):
            break
        j += 1
    return j


def _other_field(line: str) -> bool:
    """A `key: value` line whose key is no STAR part's name (a part goes on with the story)."""
    label = parse_label(line)
    return label is None or label.canon == "other"


def _titled(text: str) -> bool:
    """A few words (a remark in brackets not counted) with a letter word among them."""
    words = len(_REMARK.sub(" ", text).split())
    return bool(text) and len(text) <= _MAX_TITLE_CHARS and 0 < words <= _MAX_TITLE_WORDS and bool(_WORD.search(text))


def _standing(lines: list[str], i: int) -> bool:
    """The line stands on its own, not inside a wrapped paragraph: not the start of a sentence that goes on in
    the next line, and the line above is blank, a heading or rule, or ends a sentence (a marked-up line, a
    heading, list item, fold or emoji line, always stands)."""
    if _LIST.match(lines[i]):
        return _nested_below(lines, i)
    if not _set_off(lines, i):
        return False
    if _marked(lines[i]):
        return True
    if _continued(lines, i):
        return False
    if i == 0 or not lines[i - 1].strip():
        return True
    above = lines[i - 1]
    return bool(_ENDS.search(bare(above) or ".") or _HEADING.match(above) or _RULE.match(above))


def _marked(line: str) -> bool:
    """Set in syntax of its own: a heading, list mark, fold, bold or a leading symbol or emoji."""
    first = line.strip()[:1]
    if _LIST.match(line) or line.lstrip()[:2] in ("**", "__"):
        return True
    return bool(first) and not first.isalnum() and first not in "(\"'“["


def _set_off(lines: list[str], i: int) -> bool:
    """A title is set off from what follows: marked up itself, or followed by a blank line, a definition (`:   `),
    a label or field line, or text indented deeper; not the first line of a paragraph that goes straight on."""
    if _marked(lines[i]):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    if not nxt.strip() or nxt.lstrip().startswith(":") or _indent(nxt) > _indent(lines[i]):
        return True
    return parse_label(nxt) is not None or bool(_FIELD.match(bare(nxt)))


def _nested_below(lines: list[str], i: int) -> bool:
    """A list item names what is written under it, indented deeper (not one of a run of sibling items)."""
    at = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), len(lines))
    nxt = lines[at] if at < len(lines) else ""
    if _indent(nxt) <= _indent(lines[i]):
        return False
    if not _LIST.match(nxt):
        return True  # a paragraph, not sub-items
    # one sub-item that tells at length ("- The late cutover" / "    - what I'd say: <the whole case>"), not a
    # run of short sibling notes
    for x in lines[at + 1 :]:
        if x.strip() and _indent(x) <= _indent(lines[i]):
            break  # the item's own block ends
        if x.strip() and _indent(x) == _indent(nxt) and _LIST.match(x):
            return False
    return len(bare(nxt).split()) >= _TOLD_WORDS


def _continued(lines: list[str], i: int) -> bool:
    """The next line goes on with the same sentence (wrapped text): it starts with a lower-case word."""
    nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return bool(nxt[:1].islower()) and parse_label(lines[i + 1]) is None


def _indent(line: str) -> int:
    return len(line.replace("\t", "    ")) - len(line.replace("\t", "    ").lstrip())


def find_units(
    lines: list[str], code: set[int], fallback_title: str, parts: frozenset[str] = frozenset()
) -> list[Unit]:
    """Every title-like line with a story told under it, in document order; a template's part names (`parts`:
    "Summary", "Decision" under every story) name no story."""
    titles: list[tuple[int, str, bool]] = []
    parts = parts | _form_fields(lines, code)
    for i in range(len(lines)):
        if i in code:
            continue
        if (named := _pointed_title(lines, i)) is not None:
            titles.append((i, named, True))
        elif (t := _line_title(lines, i)) and part_key(t) not in parts and _line_key(lines[i]) not in parts:
            titles.append((i, t, False))
    uses = Counter(part_key(title) for _, title, _ in titles)
    titles = _without_recurring(titles)
    units: list[Unit] = []
    for k, (at, title, pointed) in enumerate(titles):
        stop = titles[k + 1][0] if k + 1 < len(titles) else len(lines)
        end = _body_end(lines, at, stop)
        # a part's label introduces what follows it ("WORK DONE:"); a title that recurs without one may be the
        # form's own name over each record ("STATEMENT"), which the section rules read
        part = uses[part_key(title)] >= _FORM_PART_USES and lines[at].rstrip().endswith(":")
        unit = Unit(title, at, end, pointed, part)
        if _told(lines[at + 1 : end]) and unit_story(unit, lines, code, fallback_title):
            units.append(unit)
    return units


def _line_key(line: str) -> str:
    """A line's title as written, numbering kept ("### 3. Approach" -> "3 approach"): how recurring_titles keys a
    template's numbered part, which _title would read as the bare "Approach"."""
    return part_key(_HEADING.sub("", line))


_FORM_FIELD_USES = 3  # a bold run-in name written this often in one document is a form's field


def _form_fields(lines: list[str], code: set[int]) -> frozenset[str]:
    """Bold run-in names that open lines again and again ("**Ruling** — ...", "**Background** — ..." in every
    case of a bundle): the fields of the form its stories are written in, never a story's name."""
    seen: dict[str, int] = {}
    for i, x in enumerate(lines):
        lead = _BOLD_LEAD.match(x) if i not in code else None
        if lead:
            key = part_key(bare(lead.group("name")).rstrip(" :"))
            seen[key] = seen.get(key, 0) + 1
    return frozenset(k for k, n in seen.items() if k and n >= _FORM_FIELD_USES)


def _line_title(lines: list[str], i: int) -> str | None:
    """The name a line gives: a title-like line set off from what follows, or a field over an indented block."""
    return (_title(lines[i]) if _standing(lines, i) else None) or _field_over_block(lines, i)


def _without_recurring(titles: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Titles without those that recur in every block of a repeated form (a banner, then "THE OTHER SIDE:", the
    next banner, "THE OTHER SIDE:" again): a line that comes back between other titles is one of the form's
    parts, and the block's own title above it names the story: a title found only once lies between two of its
    uses. Titles written twice over (a note's plain and HTML copies: every title comes back) stay titles."""
    keys = [part_key(title) for _, title, _ in titles]
    uses = Counter(keys)
    recurring: set[str] = set()
    for k, key in enumerate(keys):
        later = next((j for j in range(k + 1, len(keys)) if keys[j] == key), None)
        if later is not None and any(uses[keys[j]] == 1 for j in range(k + 1, later)):
            recurring.add(key)
    return [t for t, key in zip(titles, keys, strict=True) if key not in recurring]


def unit_story(unit: Unit, lines: list[str], code: set[int], fallback_title: str) -> RawStory | None:
    """The story told under a unit's title: STAR-labelled, or a narrative (the title is evidence enough that two
    first-person past-tense sentences tell a case); None when it tells none."""
    body = (unit.title_at + 1, unit.end)
    found = section_stories(unit.title, unit.title_at + 1, lines, body, None, code, fallback_title)
    if len(found) == 1 and found[0].kind in ("star", "prose"):
        return found[0]
    if found:
        return None  # several labelled stories, or an answer to a question: a section rule's business
    kept = [x for i, x in enumerate(lines[body[0] : body[1]], body[0]) if i not in code]
    plain = prose.prose_text(kept)
    if not is_told(plain):
        return None
    text = "\n".join(trim(kept)).strip()
    return RawStory(unit.title, "prose", text, unit.title_at + 1, prose.infer_star(plain))


def _body_end(lines: list[str], at: int, stop: int) -> int:
    """Where the text under a title ends: the next title-like line, heading or rule, or a line indented less than
    the title (an outline's next branch)."""
    own = _indent(lines[at])
    item = bool(_LIST.match(lines[at]))
    if _KEYED.match(lines[at].strip()) and (block := _block_end(lines, at)) is not None:
        return min(block, stop)  # a field over its indented block: the block is the text
    words = 0
    for i in range(at + 1, stop):
        line = lines[i]
        if not line.strip():
            continue
        if _HEADING.match(line) or _RULE.match(line) or (own and _indent(line) < own):
            return i
        if item and _indent(line) <= own:
            return i  # a list item's text is what is indented under it; the next item or paragraph is not
        if words >= _TOLD_WORDS and not lines[i - 1].strip() and asks(bare(line)):
            return i  # the next interview question, set apart after a told case (a transcript's next turn)
        words += len(bare(line).split())
    return stop


def _told(body: list[str]) -> bool:
    """Enough text to be a case told, not a line of notes: some 50 words in all."""
    return sum(len(bare(x).split()) for x in body) >= _TOLD_WORDS


_TOLD_WORDS = 50


def regroup(
    stories: list[RawStory], lines: list[str], code: set[int], fallback_title: str, parts: frozenset[str] = frozenset()
) -> list[RawStory]:
    """The stories a section rule found, with each section that holds units replaced by its units."""
    units = find_units(lines, code, fallback_title, parts)
    if not units:
        return stories
    ordered = sorted(stories, key=lambda s: s.line)
    spans = []
    for n, story in enumerate(ordered):
        limit = ordered[n + 1].line - 1 if n + 1 < len(ordered) else len(lines)
        spans.append((story.line - 1, _text_end(story, lines, story.line - 1, limit)))
    held: dict[int, list[Unit]] = {}
    orphans: list[Unit] = []  # told where no section rule found anything
    for unit in units:
        overlaps = [max(0, min(b, unit.end) - max(a, unit.title_at)) for a, b in spans]
        best = max(range(len(spans)), key=lambda n: overlaps[n], default=None)
        if best is not None and overlaps[best] > 0:
            held.setdefault(best, []).append(unit)
        else:
            orphans.append(unit)
    out: list[RawStory] = []
    headed: set[int] = set()  # record headings a form part's story was told under
    for n, story in enumerate(ordered):
        mine = held.get(n, [])
        start = spans[n][0]
        pointed = any(unit.pointed for unit in mine)
        keep = story.reference or (story.kind == "qa" and not pointed) or not mine
        keep = keep or (len(mine) == 1 and mine[0].title_at == start)  # the section is the one story it names
        if not keep and len(mine) == 1 and mine[0].pointed and story.kind != "qa":
            # a remark quoted right under the section's title, the story behind it below: the title names it
            above = enumerate(lines[start + 1 : mine[0].title_at], start + 1)
            keep = not any(x.strip() for i, x in above if i not in code)
        if not keep and len(mine) == 1:
            unit = mine[0]
            if unit.title_at < start:  # a name just above the section's first line ("Good for:" between)
                keep = unit.title_at < start - _NAME_ABOVE or bool(_HEADING.match(lines[unit.title_at]))
            else:
                between = [x for i, x in enumerate(lines[start + 1 : unit.title_at], start + 1) if i not in code]
                if sum(len(bare(x).split()) for x in between) <= _NOTE_WORDS:
                    # one titled story under the section's title: it may name a group or the story; both name it
                    if _names(lines, unit, story.title) and story.title.lower() not in unit.title.lower():
                        story.title = f"{story.title} — {unit.title}"
                    keep = True
                else:  # the section tells its own case above the titled one, or only notes it leaves out
                    plain = prose.prose_text(between)
                    # a record of fields (a memo's FROM:/SUBJECT:/...) needs less proof, as a section does
                    keep = is_told(plain) or (filled_template(between) and prose.is_narrative(plain, labelled=True))
        if keep:
            out.append(story)
            continue
        told = [raw for unit in mine if (raw := _unit_story(unit, lines, code, fallback_title, headed)) is not None]
        out += told or [story]
    out += [raw for unit in orphans if (raw := _unit_story(unit, lines, code, fallback_title, headed)) is not None]
    return _unique(out)


def _unit_story(
    unit: Unit, lines: list[str], code: set[int], fallback_title: str, headed: set[int]
) -> RawStory | None:
    """The unit's story; under a form's part, the record it belongs to (_record_story) when it has a heading."""
    raw = _record_story(unit, lines, code, fallback_title, headed) if unit.form_part else None
    return raw or unit_story(unit, lines, code, fallback_title)


_FORM_PART_USES = 3  # a title line written this often in one document opens a part of each record of a form


def _record_story(
    unit: Unit, lines: list[str], code: set[int], fallback_title: str, headed: set[int]
) -> RawStory | None:
    """A case told under a form's part ("WORK DONE:" in every record) where no rule found the record's story:
    the record is the story, named by its heading and told from there; None when no heading heads it, or when
    another part already took it (`headed`: the headings used)."""
    at = next((i for i in range(unit.title_at - 1, -1, -1) if i not in code and _HEADING.match(lines[i])), None)
    if at is None or at in headed or any(_line_title(lines, i) for i in range(at + 1, unit.title_at)):
        return None  # no heading, one a part already took, or another title between: not this record's heading
    title = _HEADING.sub("", lines[at]).strip().strip("#").strip()
    found = section_stories(title, at + 1, lines, (at + 1, unit.end), None, code, fallback_title, True)
    if len(found) != 1:
        return None
    headed.add(at)
    return found[0]


def _names(lines: list[str], unit: Unit, section: str) -> bool:
    """The unit's title names a story of its own rather than being the story's first line: set in syntax of its own
    (bold, a list item, a fold, a definition term, a label pointing at it), or under a section named in a word or
    two ("Me", "People")."""
    line = lines[unit.title_at]
    nxt = lines[unit.title_at + 1] if unit.title_at + 1 < len(lines) else ""
    pointer = _POINTER.match(line) is not None
    return _marked(line) or pointer or nxt.lstrip().startswith(":") or len(section.split()) <= _GROUP_WORDS


_GROUP_WORDS = 2
# A label pointing at a name ("CASE >> the night shift", "Example -> Two vans"): a story's own name, the way a
# plan or a list of claims points at the case that backs an item up.
_POINTER = re.compile(r"^\s*[A-Za-z][\w ]{0,20}?\s*(?:>>|->|→|=>|⟶)\s*\S")


def _text_end(story: RawStory, lines: list[str], start: int, limit: int) -> int:
    """Where the story's own text ends in the document (a section rule may have left what follows to no one):
    the line holding its last line, else `limit`."""
    last = next((x.strip() for x in reversed(story.text.split("\n")) if x.strip()), "")
    for i in range(limit - 1, start - 1, -1):
        if last and last in lines[i]:
            return i + 1
    return limit


def _unique(stories: list[RawStory]) -> list[RawStory]:
    """A story written twice in one document (a note app's plain and HTML copies of one note) is one story."""
    seen: set[tuple[str, str]] = set()
    out = []
    for story in stories:
        key = (story.title.strip().lower(), " ".join(story.text.split()).lower())
        if key not in seen:
            seen.add(key)
            out.append(story)
    return out


_NOTE_WORDS = 15
_NAME_ABOVE = 2
