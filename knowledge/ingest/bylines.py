"""A section titled by its metadata only names the story by its first line.

Drafts, posts and log entries are often set apart by a line of facts about them (`--- draft 7 · shared 2 Mar 2024 ·
310 likes ---`, `entry 5 | not sent`): fields split by `·`, `|` or `•`, each a figure, a date or a word or
two in lower case. Such a line says when and where, not what: the story is named by the line it opens with (a
post's hook, "The dashboard was green for a week."), which stays in its text too.
"""

from __future__ import annotations

import re

from knowledge.ingest.labels import parse_label
from knowledge.ingest.stories import RawStory

_FIELDS = re.compile(r"\s+[·|•]\s+")
_PLAIN_FIELD = re.compile(r"^[a-z]+(?: [a-z]+)?$")  # "not posted", "draft"
_MAX_HOOK_WORDS = 20


def metadata_only(title: str) -> bool:
    """Two or more fields, each with a figure in it or a word or two in lower case."""
    fields = [f.strip(" -—–=*_") for f in _FIELDS.split(title)]
    return len(fields) >= 2 and all(re.search(r"\d", f) or _PLAIN_FIELD.match(f) for f in fields)


def retitle(stories: list[RawStory]) -> None:
    """Stories titled by metadata only take their first line as their title (see the module docstring)."""
    for story in stories:
        if not metadata_only(story.title):
            continue
        first = next((x.strip() for x in story.text.split("\n") if x.strip()), "")
        hook = first.strip("*_# ").strip()
        if hook and len(hook.split()) <= _MAX_HOOK_WORDS and parse_label(first) is None:
            story.title = hook
