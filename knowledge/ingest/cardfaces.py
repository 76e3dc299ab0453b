"""Index cards typed up face by face: a banner line per face (`===== card 2 front =====`, `--- Card 3 (back) ---`,
`[front]`), the front holding the story's title and a line of topics, the back the story.

The two faces of one card are one item: the front's first line becomes its heading, a short line of topics under
it becomes a `Tags:` line (kept with the story, never its situation), and the back's banner is blanked so the back
reads as the body under that heading. Recognised only when the document has at least two front banners and one
back banner. The number of lines never changes.
"""

from __future__ import annotations

import re

_FACE = re.compile(
    r"^\s*[=\-*#~_\[(<]*\s*(?:(?:index\s+)?card\s*#?\s*\d{0,4}\s*[-–—:,(]?\s*)?(?P<face>front|back)\)?\s*[=\-*~_\])>]*\s*$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


def uncard(lines: list[str]) -> list[str]:
    """Same number of lines; card faces read as titled items (see the module docstring)."""
    faces = [(i, m.group("face").lower()) for i, line in enumerate(lines) if (m := _FACE.match(line))]
    if sum(face == "front" for _, face in faces) < 2 or not any(face == "back" for _, face in faces):
        return lines
    out = list(lines)
    ends = [i for i, _ in faces[1:]] + [len(lines)]
    for (at, face), end in zip(faces, ends, strict=True):
        out[at] = ""
        if face != "front":
            continue
        body = [i for i in range(at + 1, end) if lines[i].strip()]
        if not body:
            continue
        title = lines[body[0]].strip().strip("*_#").strip()
        out[body[0]] = f"## {title}"
        rest = body[1:]
        if len(rest) == 1 and not _BULLET.match(lines[rest[0]]) and len(lines[rest[0]].split()) <= 12:
            out[rest[0]] = f"Tags: {lines[rest[0]].strip()}"  # "prod bug / incident": what the card is for
    return out
