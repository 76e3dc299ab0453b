"""A story title as it is said back to the candidate: without the tag list a note-taker puts after it.

Prep notes often end a story's heading with its tags in brackets (`## the cloud bill [cost, strategy]`). The
ingester keeps them in Story.title, where they count as evidence for the story's competencies (build.py's
tag_text) and in the index's title text; said back in every message they read as clutter (newcomer39 N11), and
other formats' tags are already left out of names (org-mode `:tags:`, `#tags` lines, a citation's `[tags]`),
so the messages, the report, /hint and agent.progress say the title through this. Only a list is taken for
tags: two or more short lower-case items split by commas, no digits. A single bracketed word (`[draft]`, a deck
cue's `[conflict]`, which says what the cue is) and placeholders (`[?]`, `[TODO]`) stay.
"""

from __future__ import annotations

import re

_ITEM = r"[a-z][a-z&/+'-]*(?: [a-z][a-z&/+'-]*){0,3}"
_TAG_LIST = re.compile(rf"\s*\[\s*{_ITEM}(?:\s*,\s*{_ITEM})+\s*\]\s*$")


def spoken_title(title: str) -> str:
    """`title` without a trailing tag list (see the module docstring); as it is when nothing would be left."""
    bare = _TAG_LIST.sub("", title).rstrip()
    return bare if bare else title
