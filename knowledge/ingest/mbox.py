"""A mailbox file (.mbox: a mail client's or a Takeout export; notes mailed to oneself) as one section per thread.

Each message starts at a `From ` envelope line followed by its header block. Messages are parsed by the standard
library's email parser, which undoes quoted-printable (`=20`, soft line breaks) and base64; the plain-text part
is kept (an HTML-only message loses its tags). A thread is the messages sharing a subject once `Re:` / `Fwd:` is
taken off: it becomes one `## subject` section holding every message's own text, the latest first, so a later,
fuller version sent as a reply is what the story's name opens on (an earlier draft follows it). Quoted lines of an
earlier message (`> ...`, the "On <date>, <name> wrote:" line over them) and signatures (after a `-- ` line) are
left out: they repeat or say nothing.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message

MAX_MESSAGES = 5000
_ENVELOPE = re.compile(r"^From \S+ .*\d{4}\s*$|^From \S+@\S+\s*$")
_HEADER = re.compile(r"^[A-Za-z][\w-]{1,40}:\s")
_REPLY = re.compile(r"^\s*(?:(?:re|fwd?|aw|tr)\s*:\s*)+", re.IGNORECASE)
_WROTE = re.compile(r"^On .{6,200}wrote:\s*$")
_SIGNATURE = re.compile(r"^--\s?$")


def is_mbox(text: str) -> bool:
    """Opens with an envelope line over a header block, and holds two messages at least."""
    lines = text.lstrip("\ufeff").split("\n", 2)
    if len(lines) < 2 or not _ENVELOPE.match(lines[0]) or not _HEADER.match(lines[1]):
        return False
    return len(_starts(text.split("\n"))) >= 2


def mbox_markdown(text: str) -> str:
    """Markdown: a `## subject` heading per thread over the text of its messages."""
    lines = text.lstrip("\ufeff").split("\n")
    starts = _starts(lines)[:MAX_MESSAGES]
    threads: dict[str, tuple[str, list[str]]] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        raw = "\n".join(lines[start + 1 : end]).encode("utf-8", errors="replace")
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
        subject = " ".join(str(message.get("Subject", "") or "").split()) or "(no subject)"
        key = _REPLY.sub("", subject).strip().lower() or subject.lower()
        title = _REPLY.sub("", subject).strip() or subject
        body = _own_text(_plain_text(message))
        threads.setdefault(key, (title, []))[1].append(body)
    out: list[str] = []
    for title, bodies in threads.values():
        out += [f"## {title}", ""]
        for body in reversed(bodies):
            out += [body.strip(), ""]
    return "\n".join(out)


def _starts(lines: list[str]) -> list[int]:
    """Envelope lines that start a message (a header line right under them)."""
    return [i for i in range(len(lines) - 1) if _ENVELOPE.match(lines[i]) and _HEADER.match(lines[i + 1])]


def _plain_text(message: Message) -> str:
    """The first text/plain part, decoded (transfer encoding, then charset; bad bytes replaced)."""
    for part in message.walk():
        if part.is_multipart() or part.get_content_type() not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            return str(part.get_payload())
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, errors="replace")
        except LookupError:  # a charset name Python does not know
            text = payload.decode("utf-8", errors="replace")
        return re.sub(r"<[^>]+>", " ", text) if part.get_content_type() == "text/html" else text
    return ""


def _own_text(body: str) -> str:
    """The message's own words: quoted lines, the line introducing them and the signature left out."""
    kept: list[str] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if _SIGNATURE.match(line):
            break
        if line.lstrip().startswith(">") or _WROTE.match(line.strip()):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept)
