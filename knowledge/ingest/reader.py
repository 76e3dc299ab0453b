"""Turning bytes on disk into clean text: decoding, mojibake repair, binary and size guards, file discovery."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from knowledge.paths import link_problem

SUFFIXES = (".md", ".markdown", ".mdx", ".txt", ".org", ".adoc", ".asciidoc", ".tsv", ".wiki", ".rst", ".rest", ".xml",
            ".html", ".htm", ".tex", ".opml", ".docx", ".docm", ".odt", ".rtf", ".ipynb", ".xlsx", ".xlsm", ".pptx",
            ".pdf", ".mht", ".mhtml", ".xmind", ".typ", ".canvas", ".ics", ".epub",
            ".mbox", ".pgn", ".cho", ".chopro", ".chordpro", ".crd",  # these two kinds: formats.py
            ".adi", ".adif",  # a radio logbook's plain-text export; its free-text fields hold notes (passages.py)
            ".ged")  # a family tree's GEDCOM export; its people's notes hold text (gedcom.py)
# JSON, YAML and CSV files (datadoc.py) are read when named; inside a folder they are more often settings or data
# than notes (a folder of notes with its own EXPECTED.yaml), so a folder walk leaves them out.
# A prep document is tens of KB; beyond this we keep the head so a stray dump cannot stall ingestion.
MAX_CHARS = 500_000
MAX_BYTES = 4 * MAX_CHARS  # read no more than this from disk
# Every reader walks every line, so time grows with lines, not characters: 500 K characters of one-character lines
# (250,000 lines) took 20+ s. A prep document of 500 K characters has about 10,000 lines; beyond this we keep the head.
MAX_LINES = 20_000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Lines worth handing to ftfy: Latin-1 / cp1252 range characters are where mojibake lives.
_SUSPECT = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")


@dataclass
class Decoded:
    """Clean text of one document and the notices decoding produced."""

    text: str
    warnings: list[str] = field(default_factory=list)


def decode(data: str | bytes, source: str) -> Decoded | None:
    """Decode (UTF-16/32 with a BOM, utf-8-sig, then utf-8 with replacement), normalise newlines, repair
    mojibake, cap size.

    Returns None for binary content (the caller warns); never raises on bad bytes.
    """
    warnings: list[str] = []
    if isinstance(data, bytes) and (encoding := bom_encoding(data)):
        data = data.decode(encoding, errors="replace")  # Notepad's "Unicode": full of NUL bytes, still text
    if isinstance(data, bytes):
        if looks_binary(data[:8192]):
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            from knowledge.safe_text import where_not_utf8

            where = where_not_utf8(data, exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0))
            text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
            bad = text.count("\ufffd")
            # Mostly valid UTF-8 with a few broken bytes stays UTF-8; otherwise it may be a Windows-1252 file.
            legacy = _windows_1252(data) if bad >= sum(1 for ch in text if ord(ch) > 127) - bad else None
            if legacy is not None:
                text = legacy
                warnings.append(f"{source}, {where}; read as Windows-1252 (save it as UTF-8 to silence this)")
            else:
                warnings.append(f"{source}, {where}; undecodable bytes were replaced")
    else:
        text = data.lstrip("\ufeff")
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        text = text[: cut if cut > 0 else MAX_CHARS]
        warnings.append(f"{source}: very large file; only the first {MAX_CHARS // 1000} K characters were read")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\n") > MAX_LINES:
        text = text[: _line_end(text, MAX_LINES)]
        warnings.append(f"{source}: very long file; only the first {MAX_LINES:,} lines were read")
    text = _CONTROL.sub("", text)
    return Decoded(repair(text), warnings)


def _line_end(text: str, n: int) -> int:
    """Index of the newline that ends line `n` of `text` (which has at least `n` newlines)."""
    at = -1
    for _ in range(n):
        at = text.index("\n", at + 1)
    return at


def bom_encoding(data: bytes) -> str | None:
    """'utf-32' / 'utf-16' when the bytes open with that byte-order mark (the codec then drops the mark)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


# Characters a Windows-1252 document plausibly holds outside ASCII: typographic punctuation and symbols.
_CP1252_PUNCT = set("‘’‚“”„–—…•€£¥©®°±·«»¡¿§¶×÷½¼¾\u00a0")


def _windows_1252(data: bytes) -> str | None:
    """`data` read as Windows-1252 when it looks like text saved by Word/Notepad on Windows, else None.

    Every non-ASCII character must be typographic punctuation or a letter touching another letter
    ("José", "Müller"); random binary-ish bytes ("\\xff\\xfe" between spaces) fail that and stay replaced.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # one of the five bytes cp1252 leaves undefined: not a cp1252 document
    odd = total = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        total += 1
        if ch in _CP1252_PUNCT:
            continue
        near = text[max(i - 1, 0) : i + 2]
        in_word = sum(c.isalpha() for c in near) >= 2 and any(c.isascii() and c.isalpha() for c in near)
        if not (ch.isalpha() and in_word):
            odd += 1
    return text.lstrip("\ufeff") if total and odd <= total // 10 else None


def repair(text: str) -> str:
    """Fix mojibake ("ðŸŽ¯" -> "🎯") line by line, only on lines that can contain it (ftfy is slow)."""
    if not _SUSPECT.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _SUSPECT.search(line):
            lines[i] = ftfy.fix_text(line, uncurl_quotes=False, fix_character_width=False)
    return "\n".join(lines)


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters mean this is not a text document."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(head) > 0.1


def read_file(path: Path) -> bytes:
    """Read at most MAX_BYTES, or MAX_CONTAINER_BYTES for a zipped or rich-text document whose pictures may dwarf
    its text (callers turn OSError into a one-line error)."""
    from knowledge.ingest.formats import CONVERTED_SUFFIXES, MAX_CONTAINER_BYTES

    limit = MAX_CONTAINER_BYTES if path.suffix.lower() in CONVERTED_SUFFIXES else MAX_BYTES
    with path.open("rb") as handle:
        return handle.read(limit)


def _skip_reason(file: Path, folder: Path, shown: str) -> str | None:
    """Why a file found in `folder` is not read (without opening it), or None to read it."""
    try:
        if file.is_symlink():
            target = file.resolve(strict=True)
            if not target.is_relative_to(folder.resolve()):
                return f"{shown}: a link to {target}, outside the folder; not followed (name that file to read it)"
        mode = file.stat().st_mode
    except RuntimeError:  # Python < 3.13 reports a symlink loop this way
        return f"{shown}: a link that loops back on itself; skipped"
    except OSError as exc:
        return f"{shown}: a broken link or unreadable entry ({exc.strerror or exc.__class__.__name__}); skipped"
    if not stat.S_ISREG(mode):
        return f"{shown}: not a regular file (a pipe, device or socket); skipped"
    return None


def _linked_folder_out(entry: Path, folder: Path, shown: str) -> str | None:
    """Why a linked folder found in `folder` is not read, when it leads out of the folder (os.walk does not enter
    linked folders; one leading inside is read from where it points), else None. Said as a link to a file out of
    the folder is (sweep 35 N03: the notes there were left out without a word)."""
    if not entry.is_symlink():
        return None
    try:
        target = entry.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"{shown}: a link that loops back on itself or points nowhere; skipped"
    if target.is_relative_to(folder.resolve()):
        return None
    return f"{shown}: a link to the folder {target}, outside this one; not followed (name that folder to read it)"


def _as_text(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (a name copied from an old Latin-1 disk arrives with surrogate
    escapes) become U+FFFD, so the name can be shown, hashed and stored; the file is opened by its Path."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def discover(paths: Sequence[str | Path]) -> Iterator[tuple[Path | None, str, str | None]]:
    """Yield (path, shown name, error) for every document under `paths`; folders are walked recursively.

    Hidden files/folders are skipped inside folders; an explicitly named file is read whatever its suffix.
    Inside a folder only regular files are read (a named pipe would block forever), linked folders are not
    entered, and a link is followed only to a file inside the same folder (each skip is reported).
    """
    for raw in paths:
        path = Path(raw).expanduser()
        shown = _as_text(str(raw))
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in dirs:
                    entry = Path(root) / name
                    entry_shown = _as_text(os.path.join(shown, os.path.relpath(entry, path)))
                    if reason := _linked_folder_out(entry, path, entry_shown):
                        yield None, entry_shown, reason
                for name in sorted(files):
                    if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                        found = True
                        file = Path(root) / name
                        name_shown = _as_text(os.path.join(shown, os.path.relpath(file, path)))
                        yield file, name_shown, _skip_reason(file, path, name_shown)
            if not found:
                yield None, shown, f"{shown}: no .md, .markdown or .txt files in this folder"
        elif path.is_file():
            yield path, shown, None
        elif path.exists():
            yield None, shown, f"{shown}: not a regular file (a pipe, device or socket)"
        elif path.is_symlink():  # exists() is False for a loop and for a link to nothing: said apart, as elsewhere
            yield None, shown, f"{shown}: {link_problem(path) or 'a link that points nowhere'}"
        else:
            yield None, shown, f"{shown}: no such file or folder"
