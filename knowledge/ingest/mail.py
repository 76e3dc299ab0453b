"""A mail folder exported as text (messages between `=====` lines, each with From:/To:/Date:/Subject: headers),
read as one section per message: the Subject line becomes a heading, the other headers, separator lines,
signatures (everything after a `--` line) and a forwarded message's inner headers are blanked.

A reply or a forward (`Re:` / `Fwd:` subject) keeps its subject as its title, so kinds.py knows it for what it
is: somebody's comments on (or copy of) an item, not an item of its own. The number of lines never changes.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"^\s*(?:={8,}|-{8,}|_{8,})\s*$")
_HEADER = re.compile(r"^(?P<key>From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|Message-ID|Importance):\s?(?P<value>.*)$")
_SIGNATURE = re.compile(r"^--\s?$")
_FORWARDED = re.compile(r"^\s*-{3,}\s*(?:forwarded|original) message\s*-{3,}\s*$", re.IGNORECASE)


def is_mail(lines: list[str]) -> bool:
    """At least two messages: Subject: and From: headers right after separator lines."""
    starts = 0
    for i, line in enumerate(lines[:-1]):
        if _SEPARATOR.match(line) and _HEADER.match(lines[i + 1]):
            starts += 1
    subjects = sum(1 for x in lines if x.startswith("Subject:"))
    return starts >= 2 and subjects >= 2


def unmail(lines: list[str]) -> list[str]:
    """Same number of lines; one `## subject` heading per message, headers and signatures blanked."""
    if not is_mail(lines):
        return lines
    out = list(lines)
    in_headers = False  # inside a header block (a message's or a forwarded one's)
    in_signature = False
    for i, line in enumerate(lines):
        if _SEPARATOR.match(line):
            out[i] = ""
            in_headers, in_signature = True, False
            continue
        if in_signature:
            out[i] = ""
            continue
        if _FORWARDED.match(line):
            out[i] = ""
            in_headers = True
            continue
        header = _HEADER.match(line)
        if in_headers and header:
            subject = header.group("value").strip()
            # the message's own subject titles the section; a forwarded message's inner subject is a header
            is_own = header.group("key") == "Subject" and not _inside_forward(lines, i)
            out[i] = f"## {subject}" if is_own and subject else ""
            continue
        if in_headers and not line.strip():
            in_headers = False
            continue
        if _SIGNATURE.match(line):
            out[i] = ""
            in_signature = True
    return out


def _inside_forward(lines: list[str], i: int) -> bool:
    """Line i sits in the header block of a message forwarded inside another one."""
    for j in range(i - 1, -1, -1):
        if _SEPARATOR.match(lines[j]):
            return False
        if _FORWARDED.match(lines[j]):
            return True
    return False
