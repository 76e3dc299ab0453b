"""Chat exports (WhatsApp, Signal, Telegram text exports): one message per `date, time - Sender: text` line, a
multi-line message continuing on lines without that prefix.

A candidate who sends stories to a coach (or to themselves) writes one story per message, opened by a name line
(`STORY: the late launch`, `Story - X`) or by a short label (`TMAY v2:`, `Questions I'll ask:`) with the text on
the following lines. Such a message becomes a section: its first line a heading, the rest its body. Every other
message (chatter, replies, `<Media omitted>`, deleted messages, the encryption notice) vanishes, so nobody's reply
is read into a story and a story ends where the next message starts.

Only documents whose lines mostly carry a chat prefix are touched. The number of lines never changes.
"""

from __future__ import annotations

import itertools
import re

# "09/10/2026, 19:02 - Name: text" (Android), "[09/10/2026, 19:02:11] Name: text" (iOS), "2026-10-09 19:02 - ...".
_PREFIX = re.compile(
    r"^\u200e?\[?(?P<date>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}),?\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)"
    r"\]?\s*(?:[-–]\s*)?(?P<rest>.*)$"
)
_SENDER = re.compile(r"^(?P<sender>[^:]{1,60}?):\s?(?P<text>.*)$")
_STORY = re.compile(r"^(?:\*|_)?story(?:\s*#?\d+)?(?:\*|_)?\s*(?::|\s[-–—])\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[^:?!.]{2,60}?)\s*:\s*$")
_MIN_MESSAGES = 5


def is_chat(lines: list[str]) -> bool:
    """Most non-blank lines open with a chat timestamp, or continue a message that does."""
    found = [m for m in map(_PREFIX.match, lines) if m]
    filled = sum(1 for x in lines if x.strip())
    if len(found) < _MIN_MESSAGES or len(found) < 0.25 * filled:
        return False
    # A conversation: most messages name their sender, and at least two people write (a dated log has neither).
    senders = [s.group("sender").strip() for m in found if (s := _SENDER.match(m.group("rest")))]
    return len(senders) >= 0.6 * len(found) and len(set(senders)) >= 2


def unchat(lines: list[str]) -> list[str]:
    """Same number of lines: story and labelled messages become sections, every other message vanishes."""
    if not is_chat(lines):
        return lines
    out = list(lines)
    starts = [i for i, x in enumerate(lines) if _PREFIX.match(x)]
    starts.append(len(lines))
    for start, end in itertools.pairwise(starts):
        heading = _heading(lines, start, end)
        if heading is None:
            for j in range(start, end):
                out[j] = ""
            continue
        out[start] = f"## {heading}"
    for j in range(0, starts[0]):
        out[j] = ""  # whatever sits above the first message is not part of any message
    return out


def _heading(lines: list[str], start: int, end: int) -> str | None:
    """The section title a message opens, or None for a message that is not prepared material."""
    prefix = _PREFIX.match(lines[start])
    sender = _SENDER.match(prefix.group("rest")) if prefix else None
    if sender is None:
        return None  # a system line: the encryption notice, "X joined", "Messages you send ..."
    first = sender.group("text").strip()
    body = any(x.strip() for x in lines[start + 1 : end])
    story = _STORY.match(first)
    if story:
        return story.group("name")
    label = _LABEL.match(first)
    if label and body:
        return label.group("label")  # "TMAY v2:" then the pitch; "Questions I'll ask:" then the list
    return None
