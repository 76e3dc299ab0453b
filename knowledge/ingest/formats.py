"""Word processor and notebook files turned into Markdown before the text readers see them.

Read: Word .docx (docx.py), OpenDocument .odt (odt.py), rich text .rtf (rtf.py), Jupyter .ipynb (notebook.py) and
OPML outlines (opml.py), by
suffix or by their first bytes (a .docx renamed .txt is still a .docx). Not read, with a one-line reason: legacy
Word .doc, Apple Pages (.pages keeps its text in a private compressed format no library here reads) and PDF. A
hostile or broken file (a zip bomb, bad XML, a file over MAX_CONTAINER_BYTES) costs its own one-line note only.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from knowledge.ingest.docx import docx_markdown
from knowledge.ingest.notebook import NotANotebook, notebook_markdown
from knowledge.ingest.odt import odt_markdown
from knowledge.ingest.opml import NotAnOutline, opml_markdown
from knowledge.ingest.rtf import rtf_markdown
from knowledge.ingest.zipped import Unreadable, open_zip

# Zipped documents and RTF carry pictures, so they may be far larger than their text; read this much from disk.
MAX_CONTAINER_BYTES = 50_000_000
CONVERTED_SUFFIXES = (".docx", ".docm", ".odt", ".rtf", ".ipynb")
_REFUSED = {
    ".doc": "Word 97-2003 .doc files are not read; save it as .docx (or export it as .md or .txt)",
    ".pages": "Apple Pages files cannot be read; export it from Pages as Word (.docx) or plain text",
    ".pdf": "PDF files are not read; export the source document as .docx, .md or .txt",
    ".key": "Keynote files cannot be read; export it as text",
    ".numbers": "Numbers files cannot be read; export it as .csv",
    ".xlsx": "Excel files are not read; save the sheet as .csv",
    ".pptx": "PowerPoint files are not read; export the notes as text",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of legacy .doc/.xls/.ppt files


@dataclass
class Converted:
    """Markdown text, or None with the one-line reason the file was not read."""

    text: str | None
    note: str | None = None


def convert(data: str | bytes, source: str) -> Converted | None:
    """The document as Markdown when it is one of the formats above; None for a text document (read as it is)."""
    suffix = PurePath(source).suffix.lower()
    raw = data if isinstance(data, bytes) else None
    kind = _sniff(raw) if raw is not None else None
    if suffix in _REFUSED and kind in (None, "zip", suffix):
        return Converted(None, _REFUSED[suffix])
    if kind is None and suffix in (".docx", ".docm", ".odt"):
        if raw is None:
            return Converted(None, f"{suffix} files are read from disk only; export it as .md or .txt")
        kind = "zip"
    if kind is None and suffix == ".rtf":
        kind = "rtf"
    if kind is None and suffix == ".ipynb":
        kind = "ipynb"
    if kind is None and suffix == ".opml":
        try:  # an outline's notes live in attributes: written out in full, not line for line (xmldoc.py)
            return Converted(opml_markdown(raw if raw is not None else str(data).encode("utf-8")))
        except NotAnOutline:
            return None
    if kind is None:
        return None
    if kind in _REFUSED:
        return Converted(None, _REFUSED[kind])
    try:
        if kind == "rtf":
            text = raw if raw is not None else str(data).encode("utf-8")
            return Converted(rtf_markdown(text))
        if kind == "ipynb":
            text_in = raw.decode("utf-8", errors="replace") if raw is not None else str(data)
            return Converted(notebook_markdown(text_in))
        assert raw is not None
        return Converted(_zipped(raw, suffix))
    except NotANotebook as exc:
        return Converted(None, f"not a Jupyter notebook ({exc})")
    except Unreadable as exc:
        if raw is not None and len(raw) >= MAX_CONTAINER_BYTES:
            return Converted(None, f"larger than {MAX_CONTAINER_BYTES // 1_000_000} MB; not read")
        return Converted(None, f"not read: {exc}")
    except (MemoryError, RecursionError, zipfile.LargeZipFile) as exc:
        return Converted(None, f"not read: too large or too deeply nested ({exc.__class__.__name__})")


def _sniff(data: bytes) -> str | None:
    """"rtf", "zip", "ipynb" or a refused suffix when the bytes say so; None for anything else."""
    head = data[:8].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE2):
        return ".doc"
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _zipped(data: bytes, suffix: str) -> str:
    """A zipped document by what it holds: Word, OpenDocument text, or a refused container (Pages, Excel, ...)."""
    archive = open_zip(data)
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return docx_markdown(data)
    if "content.xml" in names:
        return odt_markdown(data)
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names) or "Index.zip" in names:
        raise Unreadable(_REFUSED[".pages"])
    raise Unreadable("a zip archive, not a Word or OpenDocument text file")
