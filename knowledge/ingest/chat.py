"""Chat exports (WhatsApp, Signal, Telegram text exports): one message per `date, time - Sender: text` line, a
multi-line message continuing on lines without that prefix.

A candidate who sends stories to a coach (or to themselves) writes one story per message, opened by a name line
(`STORY: the late launch`, `Story - X`) or by a short label (`TMAY v2:`, `Questions I'll ask:`) with the text on
the following lines. Such a message becomes a section: its first line a heading, the rest its body. Every other
message (chatter, replies, `<Media omitted>`, deleted messages, the encryption notice) vanishes, so nobody's reply
is read into a story and a story ends where the next message starts.

A Slack channel copied out as text has no prefix on the message's own line: a `Name  8:02 PM` line (two spaces
before the time) opens a message, a bare `8:14` line opens the same sender's next one, and the text follows on the
lines below, among date dividers (`Tuesday, October 21st`), reaction lines (`:eyes: 1`), thread stubs (`2 replies`,
`Last reply 1 month ago`) and `(edited)` marks. The message's first line names it, as above; a short line naming a
pitch (`TMAY draft (v2) - 90 sec`) does too.

Only documents whose lines mostly carry a chat prefix, or that hold several Slack sender lines from at least two
people, are touched. The number of lines never changes.
"""

from __future__ import annotations

import itertools
import re

from knowledge.pitch import PITCH_TITLE

# "09/10/2026, 19:02 - Name: text" (Android), "[09/10/2026, 19:02:11] Name: text" (iOS), "2026-10-09 19:02 - ...".
_PREFIX = re.compile(
    r"^\u200e?\[?(?P<date>\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}),?\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)"
    r"\]?\s*(?:[-–]\s*)?(?P<rest>.*)$"
)
_SENDER = re.compile(r"^(?P<sender>[^:]{1,60}?):\s?(?P<text>.*)$")
_STORY = re.compile(r"^(?:\*|_)?story(?:\s*#?\d+)?(?:\*|_)?\s*(?::|\s[-–—])\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[^:?!.]{2,60}?)\s*:\s*$")
_MIN_MESSAGES = 5
_SLACK_SENDER = re.compile(r"^(?P<sender>[^\W\d][^:\n]{0,60}?)\s{2,}\d{1,2}:\d{2}\s?[AaPp][Mm]\s*$")
_SLACK_TIME = re.compile(r"^\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?\s*$")
_SLACK_NOISE = re.compile(
    r"^(?:(?::[\w+'-]+:\s*\d+\s*)+|\d+ repl(?:y|ies)|last reply .*|view thread|new messages?|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)(?:,\s+\w+ \d{1,2}(?:st|nd|rd|th)?"
    r"(?:,? \d{4})?)?)\s*$",
    re.IGNORECASE,
)
_EDITED = re.compile(r"\s*\(edited\)\s*$")
_MAX_NAME_WORDS = 12


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
    if is_slack(lines):
        return _unslack(lines)
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


def is_slack(lines: list[str]) -> bool:
    """A Slack channel copied as text: several `Name  8:02 PM` sender lines, from at least two people."""
    senders = [m["sender"].strip() for m in map(_SLACK_SENDER.match, lines) if m]
    return len(senders) >= 3 and len(set(senders)) >= 2


def _unslack(lines: list[str]) -> list[str]:
    """Same number of lines: a message whose first line names a story, a pitch or a labelled list becomes a
    section (the heading on its sender line, the name line blanked); every other message, the channel's header,
    date dividers, reactions and thread stubs vanish."""
    out = [""] * len(lines)
    starts = [i for i, x in enumerate(lines) if _SLACK_SENDER.match(x) or _SLACK_TIME.match(x)]
    starts.append(len(lines))
    for start, end in itertools.pairwise(starts):
        text = [j for j in range(start + 1, end) if lines[j].strip() and not _SLACK_NOISE.match(lines[j].strip())]
        if not text:
            continue
        first = _EDITED.sub("", lines[text[0]]).strip()
        name = _slack_name(first, body=len(text) > 1)
        if name is None:
            continue
        out[start] = f"## {name}"
        for j in text[1:]:
            out[j] = _EDITED.sub("", lines[j])
    return out


def _slack_name(first: str, body: bool) -> str | None:
    """The section title a message's first line gives, or None for chatter."""
    if (story := _STORY.match(first)) is not None:
        return story.group("name")
    if body and (label := _LABEL.match(first)) is not None:
        return label.group("label")
    if body and PITCH_TITLE.search(first) and len(first.split()) <= _MAX_NAME_WORDS and not first.endswith("."):
        return first
    return None
