"""Text from a candidate's answers and documents made safe to show on a terminal and to store.

clean_text removes terminal control sequences (ESC/CSI/OSC, NUL, DEL, C1 controls) and bidi override controls, so
an answer or a document's file name cannot clear the screen, retitle the window, plant a hyperlink or reverse what a
reader sees, on screen or in a file; bytes that were not valid UTF-8 (lone surrogates from a pipe or a file name)
become U+FFFD, so every file can be written. It lives here, below agent/, because the knowledge tools print document
names and titles too.
"""

from __future__ import annotations

import re

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


def clean_text(text: str) -> str:
    """`text` without terminal control sequences, with \\r\\n as \\n and lone surrogates as U+FFFD."""
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))


def one_line(text: str) -> str:
    """clean_text for a one-line display (a file name, a notice): line breaks and tabs become spaces."""
    return re.sub(r"[\n\t]", " ", clean_text(text))


def where_not_utf8(data: bytes, start: int) -> str:
    """'line 3: not UTF-8 text (byte 0xff at offset 16)': where a file stops being UTF-8, in one wording for every
    file the tools read (role packs, answers files, job descriptions, documents; sweep29 S11 found three)."""
    line = data[:start].count(b"\n") + 1
    return f"line {line}: not UTF-8 text (byte 0x{data[start]:02x} at offset {start})"
