"""Text from the candidate (answers) and their documents made safe to show and to store.

- clean_text: terminal control sequences (ESC/CSI/OSC, NUL, DEL, C1 controls) and bidi override controls are
  removed, so an answer cannot clear the screen, retitle the window, plant a hyperlink or reverse what a reader
  sees, on screen or in a report; bytes that
  were not valid UTF-8 (lone surrogates from a pipe) become U+FFFD, so every file can be written.
- redact_url / redact_urls: credentials in a URL (`http://user:secret@host`, `?api_key=…`) are replaced by
  `***` before the URL is shown or stored.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

# A whole escape sequence first (so its parameters go too), then any lone control character.
# ESC ] ... (BEL | ESC \) is OSC (window title, hyperlinks); ESC [ ... final byte is CSI (cursor, colours).
_SEQUENCES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit OSC
)
# C0/C1 controls, and the bidi embedding, override and isolate controls (U+202A-202E, U+2066-2069), which make a
# terminal or a Markdown viewer show the rest of the line reordered.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
_QUERY = re.compile(r"(://[^\s?#'\"]*[?#])[^\s'\"]+")


def clean_text(text: str) -> str:
    """`text` without terminal control sequences, with \\r\\n as \\n and lone surrogates as U+FFFD."""
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))


def redact_url(url: str | None) -> str | None:
    """The URL with any user name, password, query and fragment replaced by ***; unparsable text by pattern."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        # A query or fragment can carry a key (`?api_key=…`): hidden whole, whatever its parameter names.
        parts = parts._replace(query="***" if parts.query else "", fragment="***" if parts.fragment else "")
        if parts.username is None and parts.password is None:
            return urlunsplit(parts)
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return redact_urls(url)


def redact_urls(text: str) -> str:
    """Every `scheme://user:pass@` in free text with the credentials replaced by ***."""
    return _QUERY.sub(r"\1***", _USERINFO.sub("***@", text))
