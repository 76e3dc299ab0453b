"""What the interviewer says, as a stream of small chunks for the terminal to print as they come.

Deliberately no model call: rephrasing each question would add a call per turn, and the brief keeps
LLM mode at one call per answered turn. Both modes stream the text word by word, so the CLI looks the
same and the wording stays the role pack's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_CHUNK = re.compile(r"\S+\s*|\s+")


def stream_phrase(context: Any, text: str) -> Iterator[str]:
    """Yield `text` in word chunks (each word with its trailing whitespace); joined they equal `text`."""
    del context  # same behaviour offline and in LLM mode, see the module docstring
    yield from _CHUNK.findall(text)
