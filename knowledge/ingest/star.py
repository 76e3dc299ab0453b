"""Splitting a story body into its S/T/A/R fields, given the labels recognised by knowledge.ingest.labels.

Labels may sit on their own lines, in table rows, or several on one line ("**S:** ... **T:** ... **A:** ...").
"""

from __future__ import annotations

import re
import textwrap

from knowledge.ingest.labels import STAR, Label, parse_label, short_name, wrapped_run_in
from knowledge.ingest.qforms import asks, maybe_asks
from knowledge.ingest.questions import clean, question_line

# A STAR label in the middle of a line: "... team. **A:** I paired ..." or "... left. Task: keep ..." (a plain
# label must follow the end of a sentence and be capitalised; several labels on one line are required anyway).
_INLINE = re.compile(
    r"(?<=\S)\s+(?=(?:\*\*|__)[A-Za-z][A-Za-z &/'()+-]{0,40}?\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:))|"
    r"(?<=[.!?;])\s+(?=(?:[STAR]|Situation|Context|Challenge|Problem|Task|Goal|Actions?|Results?|Outcome|Impact)"
    r"\s*:\s)"
)


def _is_star(label: Label | None) -> bool:
    """A STAR label, counting a bare "A" (Action next to S/T/R letters)."""
    if label is None or not re.search(r"\w", label.rest):
        return False  # a label with nothing after it is a mention ("**Situation:** / **Task:**"), not a part
    return label.canon in STAR or short_name(label) == "a"


def _split_inline(line: str) -> list[str]:
    """A paragraph with inline **S:** **T:** **A:** **R:** markers, one marker per line."""
    if ":" not in line or line.lstrip().startswith("|"):
        return [line]  # a label inside a line has a colon; most lines are plain text
    parts = _INLINE.split(line)
    if len(parts) < 2:
        return [line]
    labels = [parse_label(p) for p in parts]
    starry = [_is_star(label) for label in labels]
    # A part opened by a STAR label may end in an extra one: "**Outcome.** ... **If they push:** ...".
    ends = [bool(label and label.canon in ("extra", "links")) for label in labels]
    if sum(starry) < 2 and not (starry[0] and any(ends[1:])):
        return [line]  # one bold word mid-sentence is emphasis, not a label
    out = [parts[0]]
    for part, star, end in zip(parts[1:], starry[1:], ends[1:], strict=True):
        if star or end:
            out.append(part)
        else:
            out[-1] = f"{out[-1]} {part}"
    return out


_HR = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_ENDS_FIELD = ("extra", "links", "answer", "star")
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
    labels = [None if wrapped_run_in(lines, i, lab) else lab for i, lab in enumerate(labels)]
    letters = {short_name(lab) for lab in labels if lab and len(short_name(lab)) == 1}
    # "A:" next to S/T/R letters or a Situation/Task label is the Action, not an Answer.
    a_is_action = bool(letters & {"s", "t", "r"}) or any(lab and lab.canon in ("situation", "task") for lab in labels)
    fields: dict[str, list[str]] = {k: [] for k in STAR}
    seen: set[str] = set()
    current: str | None = None
    lead: list[str] = []  # told before the first label
    for line, lab in zip(lines, labels, strict=True):
        if not seen and lab is None and not _ends_field(line):
            lead.append(line)
        canon = lab.canon if lab else None
        if lab and canon == "answer" and short_name(lab) == "a" and a_is_action:
            canon = "action"
        if lab and canon == "result" and not seen and short_name(lab) in _OPENERS:
            canon = "situation"  # "What happened" before any other part tells the situation, not the outcome
        if lab and canon in STAR:
            current = canon
            seen.add(canon)
            if lab.rest:
                fields[canon].append(lab.rest)
        elif (lab and (canon in _ENDS_FIELD or (canon == "other" and not lab.bulleted))) or _ends_field(line):
            current = None  # another part, a rule, a heading or the next question ends the field
        elif current:
            fields[current].append(line)
    if "situation" not in seen and len(seen) >= 2 and len(" ".join(lead).split()) >= _MIN_LEAD_WORDS:
        fields["situation"] = lead  # a story that opens with its context and only then labels what was done
    return {k: _dedent(v) if v else "" for k, v in fields.items()}, len(seen)


_MIN_LEAD_WORDS = 12


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
# Result labels that open a story when no other part came before them.
_OPENERS = {"what happened"}


def _ends_field(line: str) -> bool:
    """A horizontal rule, a heading that is not a STAR label, an explicit question ("Q: ...") or a bullet that
    asks the candidate something (the questions a story answers, listed under it)."""
    if _HR.match(line) or _HEADING.match(line) or question_line(line):
        return True
    bullet = _BULLET_TEXT.match(line) if maybe_asks(line) else None
    return bullet is not None and asks(clean(bullet.group(1)))


_BULLET_TEXT = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.+)$")



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
