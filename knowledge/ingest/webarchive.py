"""Single-file web archives (.mht / .mhtml: OneNote's and Word's "Single File Web Page", a browser's saved page).

The file is a MIME message (multipart/related); its first text/html part is the page. It is read with the
standard library's email parser, which undoes quoted-printable (`=3D`, soft line breaks) and base64, and decoded
with the part's charset; the page then goes through the HTML reader (htmldoc.py) like any saved page. Pictures and
the file list are left out.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message

MAX_PARTS = 2000
# The HTML reader writes each block at the line it starts on; a page saved without line breaks gets one before
# every block tag (whitespace between blocks means nothing in HTML).
_BLOCK_START = re.compile(r"(?<!\n)(<(?:p|div|h[1-6]|li|tr|table|ul|ol|br)\b)", re.IGNORECASE)


class NotAnArchive(Exception):
    """The bytes are not a web archive with an HTML page in it; the message is the one-line reason."""


def archive_html(data: bytes) -> str:
    """The HTML text of the archive's page. Raises NotAnArchive."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for n, part in enumerate(message.walk()):
        if n > MAX_PARTS:
            break
        if part.get_content_type() in ("text/html", "text/plain") and not part.is_multipart():
            return _BLOCK_START.sub(r"\n\1", _text(part))
    raise NotAnArchive("a web archive without an HTML page in it")


def _text(part: Message) -> str:
    """A part's payload decoded (transfer encoding, then charset; bad bytes replaced)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return str(part.get_payload())
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # a charset name Python does not know
        return payload.decode("utf-8", errors="replace")
