"""Rich Text Format (.rtf: TextEdit, WordPad, Word's "Save as RTF") as Markdown.

A small tokenizer, not a full RTF reader: groups, control words and text. Font tables, style sheets, pictures and
other destinations are skipped; \\par, \\line and a backslash-newline end a line; \\'hh and \\uN become characters
(\\'hh in the document's code page). Bold stretches become **bold**; a paragraph set in a font larger than the
document's body text, or with an outline level, becomes a heading (the largest size #, the next ##, ...); a
\\listtext bullet becomes "- ". Groups are kept on an explicit stack, so deep nesting cannot overflow the call stack.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|\r?\n", re.S)
# Destinations whose text is not the document's (tables, metadata, pictures, fields' instructions, ...).
_SKIP_DEST = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"fldinst", b"listtable",
    b"listoverridetable", b"rsidtbl", b"generator", b"xmlnstbl", b"themedata", b"colorschememapping",
    b"datastore", b"latentstyles", b"pgdsctbl", b"header", b"footer", b"headerl", b"headerr", b"footerl",
    b"footerr", b"footnote", b"annotation", b"bkmkstart", b"bkmkend", b"expandedcolortbl", b"filetbl",
    b"revtbl", b"operator", b"author", b"title", b"company", b"nonshppict", b"shppict", b"blipuid", b"template",
}
_SYMBOLS = {b"~": "\u00a0", b"-": "", b"_": "\u2011", b"{": "{", b"}": "}", b"\\": "\\", b"\n": "\n", b"\r": "\n"}
_WORD_CHARS = {b"tab": "\t", b"emdash": "\u2014", b"endash": "\u2013", b"bullet": "\u2022", b"lquote": "\u2018",
               b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"emspace": " ", b"enspace": " "}


@dataclass
class _State:
    bold: bool = False
    size: int = 24
    skip: bool = False
    listtext: bool = False
    skip_chars: int = 1  # \ucN: characters after \uN that stand in for it


@dataclass
class _Paragraph:
    pieces: list[tuple[str, bool, int]] = field(default_factory=list)
    outline: int | None = None
    bullet: str | None = None


def rtf_markdown(data: bytes) -> str:
    """The document's text as Markdown (see the module docstring); never raises on bad RTF."""
    codepage = "cp1252"
    if found := re.search(rb"\\ansicpg(\d+)", data[:2000]):
        codepage = f"cp{int(found.group(1))}"
        try:
            b"".decode(codepage)
        except LookupError:
            codepage = "cp1252"
    state = _State()
    stack: list[_State] = []
    paragraphs: list[_Paragraph] = [_Paragraph()]
    pending_skip = 0  # fallback characters still to drop after a \uN
    dest_start = False  # just after "{": the next control word may name a destination
    star = False
    pending_bytes = bytearray()

    def flush_bytes() -> None:
        if pending_bytes:
            emit(pending_bytes.decode(codepage, errors="replace"))
            pending_bytes.clear()

    def emit(text: str) -> None:
        if state.skip or not text:
            return
        if state.listtext:
            para = paragraphs[-1]
            mark = text.strip()
            if mark and para.bullet is None:
                para.bullet = "1." if mark[:1].isdigit() else "-"
            return
        paragraphs[-1].pieces.append((text, state.bold, state.size))

    for match in _TOKEN.finditer(data):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        if hexbyte is None:
            flush_bytes()
        if brace == b"{":
            stack.append(_State(state.bold, state.size, state.skip, state.listtext, state.skip_chars))
            dest_start, star = True, False
            continue
        if brace == b"}":
            state = stack.pop() if stack else _State()
            dest_start = star = False
            continue
        if symbol is not None:
            if symbol == b"*" and dest_start:
                star = True
                continue
            if symbol in (b"\n", b"\r"):
                paragraphs.append(_Paragraph())
            elif pending_skip:
                pending_skip -= 1
            else:
                emit(_SYMBOLS.get(symbol, ""))
            dest_start = False
            continue
        if word is not None:
            name = word
            if dest_start and (star or name in _SKIP_DEST):
                state.skip = True
            dest_start = star = False
            value = int(arg) if arg else None
            if name == b"par" or name == b"sect" or name == b"page":
                paragraphs.append(_Paragraph())
            elif name == b"line":
                emit("\n")
            elif name == b"pard":
                paragraphs[-1].outline = None
            elif name == b"plain":
                state.bold, state.size = False, 24
            elif name == b"b":
                state.bold = value != 0
            elif name == b"fs" and value:
                state.size = value
            elif name == b"outlinelevel" and value is not None:
                paragraphs[-1].outline = value
            elif name in (b"listtext", b"pntext"):
                state.listtext = True
            elif name == b"uc" and value is not None:
                state.skip_chars = max(value, 0)
            elif name == b"u" and value is not None:
                emit(chr(value % 65536) if 0 < value % 65536 < 0xD800 or value % 65536 >= 0xE000 else "")
                pending_skip = state.skip_chars
            elif name in (b"bin",) and value:
                state.skip = True  # binary data follows; the rest of the group is not text
            elif name in _WORD_CHARS:
                emit(_WORD_CHARS[name])
            continue
        dest_start = False
        if hexbyte is not None:
            if pending_skip:
                pending_skip -= 1
            else:
                pending_bytes.append(int(hexbyte, 16))
            continue
        if text is not None:
            chunk = text.decode(codepage, errors="replace")
            if pending_skip:
                dropped = min(pending_skip, len(chunk))
                chunk, pending_skip = chunk[dropped:], pending_skip - dropped
            emit(chunk)
    flush_bytes()
    return _markdown(paragraphs)


def _markdown(paragraphs: list[_Paragraph]) -> str:
    """Paragraphs as Markdown lines: headings by font size or outline level, bold as **...**, list bullets."""
    sizes: Counter[int] = Counter()
    for para in paragraphs:
        for text, _, size in para.pieces:
            sizes[size] += len(text.strip())
    body = sizes.most_common(1)[0][0] if sizes else 24
    larger = sorted({s for s in sizes if s > body}, reverse=True)
    out: list[str] = []
    for para in paragraphs:
        text = "".join(t for t, _, _ in para.pieces).strip()
        if not text:
            out.append("")
            continue
        visible = [(t, b, s) for t, b, s in para.pieces if t.strip()]
        size = min(s for _, _, s in visible)
        if (para.outline is not None and para.outline < 6) or (size > body and len(text) <= 150):
            level = para.outline + 1 if para.outline is not None else larger.index(size) + 1
            out.append(f"{'#' * min(level, 6)} {' '.join(text.split())}")
            continue
        line = _emphasis(para.pieces).strip()
        if para.bullet:
            line = f"{para.bullet} {line}"
        out.append(line)
    return "\n".join(_paragraph_breaks(out)).strip() + "\n"


def _paragraph_breaks(lines: list[str]) -> list[str]:
    """A blank line between paragraphs (RTF ends each with \\par; Markdown would join neighbours), none between
    list items."""
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not (line.startswith(("- ", "1. ")) and out[-1].startswith(("- ", "1. "))):
            out.append("")
        out.append(line)
    return out


def _emphasis(pieces: list[tuple[str, bool, int]]) -> str:
    """Join pieces, bold stretches wrapped in ** with their surrounding spaces kept outside."""
    out: list[str] = []
    run: list[str] = []

    def close() -> None:
        chunk = "".join(run)
        run.clear()
        if chunk.strip():
            lead = chunk[: len(chunk) - len(chunk.lstrip())]
            tail = chunk[len(chunk.rstrip()) :]
            out.append(f"{lead}**{chunk.strip()}**{tail}")
        else:
            out.append(chunk)

    for text, bold, _ in pieces:
        if bold and "\n" not in text:
            run.append(text)
        else:
            if run:
                close()
            out.append(text)
    if run:
        close()
    return "".join(out)
