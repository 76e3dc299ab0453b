"""STAR labels in all the ways people write them, and splitting a story body into S/T/A/R fields.

Recognised: `**Situation:**`, `**Situation**:`, `**Situation** -`, `Situation -`, `Situation:`, `S:`,
`- **Situation**: ...` bullets and `### Situation` headings; synonyms such as Context, Goal, Outcome, Impact.
Extra parts (Trade-offs, Lessons, Interview Hook, ...) end the current field and stay only in the full text.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import lru_cache

STAR = ("situation", "task", "action", "result")

# fmt: off
_NAMES: dict[str, tuple[str, ...]] = {
    "situation": ("situation", "the situation", "context", "background", "setting", "s", "challenge",
                  "the challenge", "problem", "the problem"),
    "task": ("task", "the task", "goal", "goals", "objective", "my task", "my role", "role", "mission", "t",
             "responsibility", "obstacle", "obstacles"),
    "action": ("action", "actions", "the action", "actions taken", "what i did", "approach", "my approach",
               "steps", "steps taken", "solution"),
    "result": ("result", "results", "the result", "outcome", "outcomes", "impact", "results & impact",
               "result & impact", "results and impact", "what happened", "r"),
    # A heading that only announces the story format ("#### STAR") is a container, not a story title.
    "star": ("star", "star story", "star format", "star breakdown", "star version", "star notes", "the star"),
    "answer": ("answer", "a", "my answer", "star answer", "sample answer", "suggested answer", "response",
               "me", "i said", "my reply", "candidate"),
    "extra": ("trade-offs", "tradeoffs", "trade-offs accepted", "tradeoffs accepted", "trade offs", "lessons",
              "lesson", "lessons learned", "lesson learned", "learnings", "learning", "what i learned",
              "interview hook", "hook", "key takeaway", "key takeaways", "takeaways", "takeaway", "reflection",
              "follow-ups", "follow-up questions", "likely follow-ups", "metrics", "key metrics", "tags",
              "competencies", "notes", "alternatives considered", "why it matters", "skills", "themes"),
}
# fmt: on
# A bare "A:" is an answer; split_star reads it as Action when S:/T: letters are used alongside.
_CANON = {name: canon for canon, names in _NAMES.items() for name in names}

_BULLET = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_WRAPPED = re.compile(r"^(\*\*|__|\*|_)(?P<inner>[^*_\n]{1,60}?)\1\s*(?P<rest>.*)$")
_PLAIN = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9&/' -]{0,40}?)\s*(?::|\s[-–—])\s*(?P<rest>.*)$")
_SEP = re.compile(r"^(?::|[-–—](?=\s|$))\s*")


@dataclass(frozen=True)
class Label:
    """A label found at the start of a line: canonical name, the raw name and the text after it."""

    canon: str  # situation | task | action | result | answer | extra | other
    name: str
    rest: str
    bulleted: bool


_COMBINED = re.compile(r"(?:situation|context|background|s)\s*(?:/|&|\+|and)\s*(?:task|goal|t)")
# Emoji or symbols people put before a label in Notion ("🎯 Situation:", "✅ **Result**").
_DECOR = re.compile("^[\u2190-\u2bff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+\\s*")


@lru_cache(maxsize=2048)
def canonical(name: str) -> str | None:
    """Canonical label for a raw label name, or None."""
    key = re.sub(r"\s+", " ", name.strip().strip(":").strip().lower())
    key = re.sub(r"^(your|my|the)\s+", "", key) if key not in _CANON else key
    if key in _CANON:
        return _CANON[key]
    if key.endswith(" answer") or re.fullmatch(r"a\d{1,3}", key):  # "Director Answer", "A1"
        return "answer"
    if key.startswith(("trade-off", "tradeoff", "lesson")):
        return "extra"
    if _COMBINED.fullmatch(key):  # "Situation & Task", "S/T": the opening of the story
        return "situation"
    return None


@lru_cache(maxsize=8192)  # lines are re-examined per section scope; Label is immutable
def parse_label(line: str) -> Label | None:
    """The label opening `line`, if any. Unknown bold labels come back as canon "other"."""
    s = line.strip()
    if s.startswith("|"):
        return _table_label(s)
    bullet = _BULLET.match(s)
    if bullet:
        s = s[bullet.end() :]
    heading = _HEADING.match(s)
    if heading:
        s = s[heading.end() :].strip()
    s = _DECOR.sub("", s)
    wrapped = _WRAPPED.match(s)
    if wrapped:
        inner, rest = wrapped.group("inner").strip(), wrapped.group("rest")
        if inner.endswith((":", " -", " –", " —")):
            name = inner.rstrip(":-–— ")
        elif _SEP.match(rest):
            name, rest = inner, _SEP.sub("", rest, count=1)
        elif heading or not rest.strip():
            name = inner
        else:
            return None
        canon = canonical(name)
        if canon is None:
            if len(name.split()) > 5 or not name:
                return None
            canon = "other"
        return Label(canon, name, rest.strip(), bool(bullet))
    if heading:
        canon = canonical(s)
        return Label(canon, s, "", bool(bullet)) if canon else None
    plain = _PLAIN.match(s)
    if plain:
        canon = canonical(plain.group("label"))
        if canon:
            return Label(canon, plain.group("label"), plain.group("rest").strip(), bool(bullet))
    return None


def _table_label(row: str) -> Label | None:
    """`| Situation | text |`: a story written as a two-column table (Confluence, Notion databases)."""
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    if len(cells) < 2:
        return None
    name = re.sub(r"\*\*|__", "", cells[0]).strip().rstrip(":").strip()
    canon = canonical(name) if name else None
    if canon is None or canon == "answer":
        return None
    rest = " ".join(c for c in cells[1:] if c).replace("<br>", " ")
    return Label(canon, name, rest, False)


# A bold STAR label in the middle of a line: "... team. **A:** I paired ..." (several labels on one line).
_INLINE = re.compile(r"(?<=\S)\s+(?=(?:\*\*|__)[A-Za-z][A-Za-z &/'-]{0,30}?\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:))")


def _is_star(label: Label | None) -> bool:
    """A STAR label, counting a bare "A" (Action next to S/T/R letters)."""
    if label is None or not re.search(r"\w", label.rest):
        return False  # a label with nothing after it is a mention ("**Situation:** / **Task:**"), not a part
    return label.canon in STAR or label.name.strip().lower() == "a"


def _split_inline(line: str) -> list[str]:
    """A paragraph with inline **S:** **T:** **A:** **R:** markers, one marker per line."""
    if ("**" not in line and "__" not in line) or line.lstrip().startswith("|"):
        return [line]
    parts = _INLINE.split(line)
    if len(parts) < 2:
        return [line]
    starry = [_is_star(parse_label(p)) for p in parts]
    if sum(starry) < 2:
        return [line]  # one bold word mid-sentence is emphasis, not a label
    out = [parts[0]]
    for part, star in zip(parts[1:], starry[1:], strict=True):
        if star:
            out.append(part)
        else:
            out[-1] = f"{out[-1]} {part}"
    return out


_HR = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_ENDS_FIELD = ("extra", "answer", "star")
_BOLD = re.compile(r"\*\*|__")


def strip_markup(text: str) -> str:
    """Field text without bold markers; keeps line structure."""
    text = _BOLD.sub("", text)
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip()


def split_star(lines: list[str], code: set[int] | None = None, offset: int = 0) -> tuple[dict[str, str], int]:
    """S/T/A/R fields of a story body and how many distinct STAR labels it uses.

    `code` holds document line numbers inside code blocks (never labels); `offset` maps `lines` to them.
    A lone "A:" counts as Action only when "S:"/"T:" style letters are used too.
    """
    code = code or set()
    lines, in_code = _expand(lines, code, offset)
    labels = [None if skip else parse_label(line) for line, skip in zip(lines, in_code, strict=True)]
    letters = {lab.name.strip().lower() for lab in labels if lab and len(lab.name.strip()) == 1}
    a_is_action = bool(letters & {"s", "t"})
    fields: dict[str, list[str]] = {k: [] for k in STAR}
    seen: set[str] = set()
    current: str | None = None
    for line, lab in zip(lines, labels, strict=True):
        canon = lab.canon if lab else None
        if lab and canon == "answer" and lab.name.strip().lower() == "a" and a_is_action:
            canon = "action"
        if lab and canon in STAR:
            current = canon
            seen.add(canon)
            if lab.rest:
                fields[canon].append(lab.rest)
        elif (lab and (canon in _ENDS_FIELD or (canon == "other" and not lab.bulleted))) or _HR.match(line):
            current = None  # another part, or a horizontal rule, ends the field
        elif current:
            fields[current].append(line)
    return {k: _dedent(v) if v else "" for k, v in fields.items()}, len(seen)


def _expand(lines: list[str], code: set[int], offset: int) -> tuple[list[str], list[bool]]:
    """Lines with inline STAR markers split apart, and whether each (expanded) line is code."""
    out: list[str] = []
    in_code: list[bool] = []
    for i, line in enumerate(lines):
        pieces = [line] if offset + i in code else _split_inline(line)
        out.extend(pieces)
        in_code.extend([offset + i in code] * len(pieces))
    return out, in_code


def _dedent(lines: list[str]) -> str:
    return strip_markup(textwrap.dedent("\n".join(lines)))
