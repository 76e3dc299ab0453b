"""Calendar exports (.ics, iCalendar as Google Calendar, Outlook and Apple Calendar write it) as Markdown.

Candidates book a rehearsal slot per story and keep the story in the event's description, so a calendar export is
a story bank: each event is a section titled by its SUMMARY, its DESCRIPTION the text. Lines are unfolded (a line
starting with a space goes on with the one before) and text values unescaped (`\\n` a line break, `\\,` a comma),
as RFC 5545 says. Alarms inside an event (a reminder's own text) and time zones are left out, and so are the
other properties (times, attendees, links).
"""

from __future__ import annotations

import re

_PROPERTY = re.compile(r"^(?P<name>[A-Za-z0-9-]+)(?:;[^:]*)?:(?P<value>.*)$")
_ESCAPE = re.compile(r"\\([nN,;\\])")
MAX_EVENTS = 5000


def is_calendar(text: str) -> bool:
    """The text is an iCalendar file."""
    return text.lstrip("\ufeff \r\n").upper().startswith("BEGIN:VCALENDAR")


def ics_markdown(text: str) -> str:
    """Each event as a `##` section titled by its summary, its description as the section's text."""
    out: list[str] = []
    stack: list[str] = []
    event: dict[str, str] = {}
    events = 0
    for line in _unfolded(text):
        prop = _PROPERTY.match(line)
        if prop is None:
            continue
        name, value = prop["name"].upper(), prop["value"]
        if name == "BEGIN":
            stack.append(value.strip().upper())
            if stack[-1] == "VEVENT":
                event = {}
        elif name == "END":
            if stack and stack[-1] == "VEVENT" and events < MAX_EVENTS:
                out += _event(event)
                events += 1
            if stack:
                stack.pop()
        elif stack == ["VCALENDAR"] and name == "X-WR-CALNAME":
            out[:0] = [f"# {_unescape(value)}", ""]
        elif stack and stack[-1] == "VEVENT" and name in ("SUMMARY", "DESCRIPTION"):
            event[name] = _unescape(value)
    return "\n".join(out).strip() + "\n" if out else ""


def _event(event: dict[str, str]) -> list[str]:
    """An event's lines: its summary as a heading, its description under it."""
    title = " ".join(event.get("SUMMARY", "").split())
    body = event.get("DESCRIPTION", "").strip()
    if not title and not body:
        return []
    return [f"## {title or 'Untitled event'}", "", *body.split("\n"), ""]


def _unfolded(text: str) -> list[str]:
    """The content lines, folded lines joined back (RFC 5545 3.1: CRLF followed by one space or tab)."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def _unescape(value: str) -> str:
    """A TEXT value as written: `\\n` a line break, `\\,` `\\;` `\\\\` the character itself."""
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
