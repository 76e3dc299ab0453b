"""Mock-interview scorecards: a section per question asked, naming the story the candidate told in a field.

Practice platforms and peers write a card per answer: `### Q2`, `**Asked:** "..."`, `**Story told:** The late
launch`, the peer's notes (the story, told back about the candidate rather than by them), scores and feedback. The
section's own heading ("Q2") names nothing; the story is the one the card names. Line for line: a heading whose
section holds a "story told" field is renamed by it (the field line blanked), and the notes' label line
("**Peer's notes:**") is blanked so the notes read as the story's text. The scores and feedback lines after the
notes are advice about the telling: they become `**Notes:**` lines, kept out of the parts.
"""

from __future__ import annotations

import re

_ATX = re.compile(r"^(?P<marks>\s{0,3}#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_STORY_FIELD = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?(?:story|example|answer)\s+(?:used|told|given|I used|I told)\s*:?(?:\*\*|__)?\s*:?\s*"
    r"(?P<name>\S.{0,100}?)\s*$",
    re.IGNORECASE,
)
_NOTES_FIELD = re.compile(
    r"^\s*(?:\*\*|__)?(?:(?:the\s+)?interviewer'?s?|their|peer'?s?|reviewer'?s?)\s+notes?\b[^:]{0,40}:(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)
_ASSESSMENT = re.compile(
    r"^\s*(?:\*\*|__)?(?P<label>scores?|rating|feedback|verdict|signals?|what to fix)\s*:?(?:\*\*|__)?\s*:?\s*", re.I
)


def unscore(lines: list[str]) -> list[str]:
    """Same number of lines; scorecard sections titled by the story they name (see the module docstring)."""
    heads = [(i, len(m["marks"].strip())) for i, x in enumerate(lines) if (m := _ATX.match(x))]
    if not any(_STORY_FIELD.match(x) for x in lines) or not any(_NOTES_FIELD.match(x) for x in lines):
        return lines
    out = list(lines)
    for n, (at, level) in enumerate(heads):
        end = next((j for j, lv in heads[n + 1 :] if lv <= level), len(lines))
        end = min(end, heads[n + 1][0]) if n + 1 < len(heads) else end
        field = next((j for j in range(at + 1, end) if _STORY_FIELD.match(lines[j])), None)
        if field is None:
            continue
        name = _STORY_FIELD.match(lines[field])["name"].strip(" *_\"'“”")  # type: ignore[index]
        if not name or len(name.split()) > 12:
            continue
        marks = _ATX.match(lines[at])["marks"]  # type: ignore[index]
        out[at] = f"{marks} Story: {name}"  # a story by name, though told back by someone else
        out[field] = ""
        for j in range(at + 1, end):
            if _NOTES_FIELD.match(lines[j]):
                out[j] = ""
            elif assessed := _ASSESSMENT.match(lines[j]):
                out[j] = f"**Notes:** {lines[j][assessed.end():].strip()}"
    return out
