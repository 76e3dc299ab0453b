"""Stories from a section body: STAR-labelled, prepared answers (qa) and first-person prose.

A section holding several labelled stories without their own headings (a bold title line, then Situation,
Task, ...) is split at each repeated Situation label.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from knowledge.ingest import prose
from knowledge.ingest.items import trim
from knowledge.ingest.kinds import PITCH, PITCH_TITLE, introduces_owner, introduces_speaker, noted_as_pitch
from knowledge.ingest.labels import parse_label, wrapped_run_in
from knowledge.ingest.questions import clean, has_story_prefix, strip_story_prefix
from knowledge.ingest.star import split_star
from knowledge.ingest.terse_notes import terse_fields, terse_story

MIN_PITCH_WORDS = 20


@dataclass
class RawStory:
    """A story before ids, metrics and competencies are attached."""

    title: str
    kind: str
    text: str
    line: int  # 1-based
    fields: dict[str, str] = field(default_factory=dict)
    question: str | None = None
    links: list[str] = field(default_factory=list)  # more questions it is prepared for ("Also answers: ...")
    follow_ups: list[str] = field(default_factory=list)  # "Likely follow-up: ..." questions asked after it
    reference: bool = False  # advice, tips or a question list: kept, never retrieved


def section_stories(
    heading: str | None,
    line: int,
    lines: list[str],
    span: tuple[int, int],
    question: str | None,
    code: set[int],
    fallback_title: str,
    named: bool = False,
) -> list[RawStory]:
    """The story (or stories) told in lines[span[0]:span[1]] under `heading`; [] when it is not a story. `named`:
    the heading is known to name a story (it stands over a template's parts), as a "Story 3:" prefix says."""
    start, end = span
    body = lines[start:end]
    fields, labels = split_star(body, code, start)
    text = "\n".join(trim(body)).strip()
    if not text:
        return []
    title = strip_story_prefix(heading) if heading else first_line_title(body, fallback_title)
    if question:
        return [RawStory(question, "qa", text, line, fields if labels >= 2 else inferred(body), question)]
    if labels >= 2 and not any(v.strip() for v in fields.values()) and _blank_template(body):
        return []  # a blank template: the labels and nothing told under them
    if labels >= 2 or (labels and heading and has_story_prefix(heading)):
        split = _split_repeated(title, line, lines, start, end, code)
        at = next((i for i in range(start, end) if i not in code and _label(lines[i]) == "situation"), None)
        row, name = _table_name(lines, at, start) if at is not None and not split else (None, None)
        if row is not None and name:  # one story kept as a table: its first row names it, where it starts
            return [RawStory(name, "star", text, row + 1, fields)]
        return split or [RawStory(title, "star", text, line, fields)]
    plain = prose.prose_text([x for i, x in enumerate(body) if start + i not in code])
    # a pitch is often written as the words to say, in quotes (which prose_text leaves out)
    said = sum(len(x.split()) for i, x in enumerate(body) if start + i not in code)
    if heading and (_pitch_heading(heading) or introduces_speaker(plain) or _motivated(body)) \
            and said >= MIN_PITCH_WORDS:
        return [RawStory(title, "prose", text, line)]  # a pitch: a prepared answer, whatever its tense
    # a section under its own title that already names one of its STAR parts (also inline: "(S) ... (A) ...",
    # "S/ ... A/ ..."), or dates its case ("Winter 2021."), needs less proof of a story
    inline = len({a or b for a, b in _INLINE_STAR.findall(text)}) >= 2
    fielded = _template_fields(body) >= _FIELDS  # "**Description.** … **Feelings.** …": a template's parts
    # a record in a log headed by its banner of fields ("ENTRY 4 | <place> | <date> | <what>") names its case
    banner = bool(heading and _BANNER_FIELDS.match(heading))
    told = prose.is_narrative(
        plain, labelled=bool(heading and (labels or inline or fielded or banner or _DATED.match(plain)))
    )
    if told or (heading and (named or has_story_prefix(heading)) and len(plain) >= 40):
        return [RawStory(title, "prose", text, line, prose.infer_star(plain))]
    if heading and said >= MIN_PITCH_WORDS and noted_as_pitch(body):
        return [RawStory(title, "prose", text, line)]  # "Note: TMAY = this box": the section says it is the pitch
    if heading and said >= MIN_PITCH_WORDS and introduces_owner(plain):
        return [RawStory(title, "prose", text, line)]  # "Jo Bloggs. Head of data at Acme ...": a profile, a pitch
    kept = [x for i, x in enumerate(body) if start + i not in code]
    # a top-level title over sub-sections is the document's own: what sits under it is a preamble, not a story
    top = heading is not None and lines[line - 1].startswith("# ")
    preamble = top and any(x.startswith("## ") for x in lines[end:])
    if not preamble and terse_story(kept, title):  # "Title" over a few terse lines with figures (terse_notes.py)
        labelled = {k: v for k, v in fields.items() if v.strip()}
        return [RawStory(title, "prose", text, line, {**terse_fields(kept), **labelled})]
    return []


# A banner of three fields at least, split by `|`, heading a record of a log.
_BANNER_FIELDS = re.compile(r"^[^|\n]{1,80}(?:\|[^|\n]{1,80}){2,}$")
# A line or sentence that opens on why its writer chose the trade or the job ("Why this job? ...", "How I got into
# data: ...", "What drew me to ML was ..."): the owner's motivation, a pitch.
_MOTIVE = re.compile(
    r"(?:^|[.;!]\s)\W*(?:why\s+(?:this\s+(?:role|job|team|company)|now|management|leadership|(?:ai|ml|genai)\b|"
    r"machine learning|generative\s+(?:ai|models?))|(?:what|how)\s+(?:got|pulled|drew|brought|led)\s+me\s+(?:in)?to\s+"
    r"(?:ai|ml|genai|machine learning|data|generative|management|engineering)\b|how\s+i\s+got\s+into\s+"
    r"(?:ai|ml|genai|machine learning|data|generative|management|engineering)\b)",
    re.IGNORECASE,
)


def _motivated(body: list[str]) -> bool:
    """A line of the section says why its owner chose the trade or the job (_MOTIVE)."""
    return any(_MOTIVE.search(line) for line in body if len(line) < 2000)


def _pitch_heading(heading: str) -> bool:
    """A heading that names a pitch ("60-sec intro"), or quotes the question one answers ("Scene 1: "walk us
    through your CV"")."""
    quoted = " ".join(_QUOTED.findall(heading))
    return bool(PITCH_TITLE.search(heading) or (quoted and PITCH.search(quoted)))


# A text that opens on when its case happened: "Winter 2021.", "Q3 2023:", "Last spring", "In March 2022, ...".
_DATED = re.compile(
    r"^\W*(?:(?:in|last|early|late|mid|around)[ -])?(?:(?:spring|summer|autumn|fall|winter|q[1-4]|h[12]|jan\w*|feb\w*|"
    r"mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b[ ,]*(?:(?:19|20)\d\d\b)?|(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
# A paragraph opened by a run-in field label of a word or three in bold ("**Description.**", "**What I chose:**").
_RUN_IN_FIELD = re.compile(
    r"^\s{0,3}(?:\*\*|__)(?P<key>[A-Za-z][\w ’'/()&-]{1,30}?)\s*[.:]?(?:\*\*|__)\s*[.:—–-]?\s+\S"
)
# The same written in capitals without markup, as a paper form's fields are typed up ("WHAT HAPPENED NEXT: ...").
_CAPS_FIELD = re.compile(r"^\s{0,3}(?P<key>[A-Z][A-Z0-9 ’'/()&%-]{1,30}?)\s*:\s+\S")
_FIELDS = 3  # distinct field labels that make a section a filled-in template, whatever the labels say


def filled_template(body: list[str]) -> bool:
    """The lines are a template filled in: three or more distinct field labels (see _template_fields)."""
    return _template_fields(body) >= _FIELDS


def _template_fields(body: list[str]) -> int:
    """Distinct field labels of a section body (a template filled in): run-in labels opening its lines, or part
    names standing on lines of their own over the text they head."""
    found = (_RUN_IN_FIELD.match(x) or _CAPS_FIELD.match(x) for x in body)
    keys = {m["key"].strip().lower() for m in found if m and sum(c.isalpha() for c in m["key"]) >= 2}
    return len(keys | _part_lines(body))


# A template's part name on a line of its own ("Thesis", "What happened", "Risks to our view"): a few words, a
# capital first, no figure and no closing stop.
_PART_LINE = re.compile(r"^[A-Z][A-Za-z’'&/ -]{2,30}$")
_PART_WORDS = 4


def _part_lines(body: list[str]) -> set[str]:
    """Part names standing alone, each over a line of text that is not another part name."""
    named = set()
    for x, below in itertools.pairwise(body):
        alone = _PART_LINE.match(x.strip()) and len(x.split()) <= _PART_WORDS and x == x.lstrip()
        if alone and below.strip() and not _PART_LINE.match(below.strip()):
            named.add(x.strip().lower())
    return named


_INLINE_STAR = re.compile(r"(?:^|\s)(?:\(([STAR])\)|([STAR])/)\s")  # "(S) a council wanted ...", "A/ spent 2 days"
_QUOTED = re.compile(r"[\"“]([^\"“”]{6,120})[\"”]")


def _blank_template(body: list[str]) -> bool:
    """Every line is a label with nothing after it (`**Context** —`, `Result:`)."""
    for line in body:
        if not line.strip():
            continue
        label = parse_label(line)
        if label is None or label.rest.strip(" \t—–-:*_"):
            return False
    return True


def qa_story(question: str, answer: list[str], line: int, asked: bool = True) -> RawStory:
    """A prepared answer: STAR fields when labelled, inferred when it is a narrative. `asked` False: the
    front is a cue that names the story rather than a question it answers."""
    fields, labels = split_star(answer)
    text, star = "\n".join(answer).strip(), fields if labels >= 2 else inferred(answer)
    return RawStory(question, "qa", text, line, star, question if asked else None)


def inferred(body: list[str]) -> dict[str, str]:
    """S/T/A/R of a prepared answer told in the first person throughout; {} otherwise (its paragraphs are read
    as they are: sentence cues misplace the parts of an answer mostly about other people or an opinion)."""
    plain = prose.prose_text(body)
    return prose.infer_star(plain) if prose.is_narrative(plain, strict=True) else {}


def first_line_title(body: list[str], fallback: str) -> str:
    """A short first line names a heading-less story; otherwise the document's name does."""
    first = clean(next((x.strip() for x in body if x.strip()), ""))
    return first if 0 < len(first) <= 80 and not first.endswith(".") else fallback


def _split_repeated(title: str, line: int, lines: list[str], start: int, end: int, code: set[int]) -> list[RawStory]:
    """Several labelled stories under one heading: split at each Situation label that follows another part of the
    story. Situation labels in a row are one story's problem told in several boxes of a template (an A3's
    background and current condition, a bug report's steps, expected and actual behaviour)."""
    starts: list[int] = []
    told = True  # a Task, Action or Result label came since the last story's start
    for i in range(start, end):
        canon = None if i in code else _label(lines[i])
        if canon == "situation" and not wrapped_run_in(lines, i, parse_label(lines[i])):
            if told:
                starts.append(i)
            told = False
        elif canon in ("task", "action", "result"):
            told = True
    if len(starts) < 2:
        return []
    cuts: list[tuple[int, str | None]] = []  # (first line of the story, its own title line)
    for k, at in enumerate(starts):
        floor = starts[k - 1] + 1 if k else start
        named, own = _table_name(lines, at, floor)
        if named is None:
            named = _title_line(lines, at, floor)
            own = _title_text(lines[named]) if named is not None else None
        cuts.append((named if named is not None else (at if k else start), own))
    stories = []
    for k, (cut, own_title) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else end
        body = lines[cut:stop]
        fields, _ = split_star(body, code, cut)
        name = own_title or (title if k == 0 else f"{title} ({k + 1})")
        body_text = "\n".join(trim(body[1:] if own_title else body)).strip()
        stories.append(RawStory(name, "star", body_text, (cut + 1) if own_title or k else line, fields))
    return stories


_ROW = re.compile(r"^\s*\|")


def _table_name(lines: list[str], at: int, floor: int) -> tuple[int | None, str | None]:
    """A story kept as a two-column table (a template's row labels on the left) is named by its first row's value
    cell, whatever that row's label says ("| **Name** | The late launch |"): (that row, the name), or (None, None)
    when the Situation row is in no table, the first row holds no short name or is a header of column names."""
    if not _ROW.match(lines[at]):
        return None, None
    top = at
    while top - 1 >= floor and _ROW.match(lines[top - 1]):
        top -= 1
    cells = [c.strip() for c in lines[top].strip().strip("|").split("|")]
    # a field row (its label in bold, its value plain), not a header row of column names ("| Step | Detail |")
    field = len(cells) == 2 and cells[0].startswith(("**", "__")) and not cells[1].startswith(("**", "__"))
    name = clean(cells[1]) if field and top < at else ""
    if not name or len(name) > 80 or name.endswith((".", ":")) or not re.search(r"\w", name):
        return None, None
    return top, name


def _label(line: str) -> str | None:
    label = parse_label(line)
    return label.canon if label else None


def _title_text(line: str) -> str:
    """A title line without heading/bullet marks, "1)" numbering or a "Story 2:" prefix."""
    return strip_story_prefix(clean(_NUMBERING.sub("", line.strip().lstrip("#>-*+ "))))


_NUMBERING = re.compile(r"^\d{1,3}[.)]\s+")
_FIELD = re.compile(r"^[A-Z][A-Z ()/#&-]{2,30}:\s")  # an ALL-CAPS field name and its value


def _title_line(lines: list[str], at: int, floor: int) -> int | None:
    """The short, unlabelled line right above a Situation label (a bold story title), if any."""
    i = at - 1
    while i >= floor and not lines[i].strip():
        i -= 1
    if i < floor:
        return None
    text = _title_text(lines[i])
    if _FIELD.match(text):
        return None  # "COMPETENCY: ownership": a form's field, not the story's name
    if 0 < len(text) <= 100 and not text.endswith((".", ":")) and _label(lines[i]) in (None, "other"):
        return i
    return None
