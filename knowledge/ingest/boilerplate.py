"""Lines a copied page repeats word for word in every record: a site's button ("Answer question"), a desk's end mark
("ENDS"). Such a line names nothing, yet it stands alone like a title, so the text under it was read as a story
called by it. A line of one or two words (three letters at least, no sentence end, not a template's part or a
placeholder) that occurs three times or more, each time alone between blank lines or over one (never heading the
text right under it, as a field's name does), is blanked. The number of lines never changes.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.ingest.kinds import placeholders
from knowledge.ingest.labels import parse_label

_MIN_REPEATS = 3
_MAX_WORDS = 2
# Plain words only: headings, list items, table rows, rules, quotes and field lines ("x: y") are other structure.
_BARE = re.compile(r"^\s*[A-Za-z][A-Za-z'’-]{2,}(?:\s+[A-Za-z][A-Za-z'’-]*)?\s*$")


def unrepeat(lines: list[str]) -> list[str]:
    """Same number of lines; a bare line repeated in every record (a button, an end mark) blanked."""
    counts = Counter(line.strip() for line in lines if _BARE.match(line))
    # A field's name heads the text on the next line ("THE DILEMMA" over its paragraph); a button or an end mark
    # stands alone: every use of it has a blank line (or the end) after it.
    heads = {x.strip() for i, x in enumerate(lines[:-1]) if _BARE.match(x) and lines[i + 1].strip()}
    repeated = {
        text
        for text, n in counts.items()
        if n >= _MIN_REPEATS
        and text not in heads
        and len(text.split()) <= _MAX_WORDS
        and parse_label(f"{text}:") is None  # "Result" over each record's outcome is a part, not residue
        and not placeholders(text)
    }
    if not repeated:
        return lines
    return ["" if line.strip() in repeated and _BARE.match(line) else line for line in lines]
