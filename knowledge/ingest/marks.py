"""Markup patterns several document readers share (one definition, so the readers agree on what they see)."""

from __future__ import annotations

import re

# A Markdown ATX heading line: up to three spaces, one to six '#', a space.
ATX = re.compile(r"^\s{0,3}(#{1,6})\s")
# Single-star bold (`*word*`, as AsciiDoc, Confluence and Org write it), not part of a word or of `**`.
STAR_BOLD = re.compile(r"(?<![\w*])\*(?=\S)(?P<inner>[^*\n]+?)(?<=\S)\*(?![\w*])")
