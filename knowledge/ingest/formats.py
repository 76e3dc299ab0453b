"""Files from other programs turned into Markdown (or into text another reader knows) before the text readers see them.

Read: Word .docx (docx.py), OpenDocument .odt (odt.py), rich text .rtf (rtf.py), Jupyter .ipynb (notebook.py),
OPML outlines (opml.py), Excel .xlsx workbooks (workbook.py), PowerPoint .pptx decks (slides.py), XMind maps
(mindmap.py), PDF (pdfdoc.py: its text, pages apart, for pages.py), single-file web archives .mht (webarchive.py:
the page's HTML, for htmldoc.py), Telegram / ChatGPT / Trello JSON exports (exports.py), calendar .ics exports
(calendar.py), ChordPro songbooks (chordpro.py), annotated chess games .pgn (pgn.py), mailbox .mbox files
(mbox.py: a section per thread), EPUB books (epub.py: the chapters' HTML, for htmldoc.py) and Typst sources
(typst.py), by suffix or by their first bytes (a .docx renamed .txt is still a .docx). Not read, with a one-line
reason: legacy Word .doc / .xls / .ppt, Apple Pages, Keynote and Numbers files.
A hostile or broken file (a zip bomb, bad XML, a damaged PDF, a file over MAX_CONTAINER_BYTES) costs its own
one-line note only.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from knowledge.ingest.calendar import ics_markdown, is_calendar
from knowledge.ingest.chordpro import SUFFIXES as CHORDPRO_SUFFIXES
from knowledge.ingest.chordpro import chordpro_markdown, is_chordpro
from knowledge.ingest.docx import docx_markdown
from knowledge.ingest.epub import epub_html, is_epub
from knowledge.ingest.exports import export_markdown
from knowledge.ingest.htmldoc import reflow
from knowledge.ingest.mbox import is_mbox, mbox_markdown
from knowledge.ingest.mindmap import is_mindmap, mindmap_markdown
from knowledge.ingest.notebook import NotANotebook, notebook_markdown
from knowledge.ingest.odt import odt_markdown
from knowledge.ingest.opml import NotAnOutline, opml_markdown
from knowledge.ingest.pdfdoc import UnreadablePdf, pdf_text
from knowledge.ingest.pgn import SUFFIXES as PGN_SUFFIXES
from knowledge.ingest.pgn import is_pgn, pgn_markdown
from knowledge.ingest.rtf import rtf_markdown
from knowledge.ingest.slides import pptx_markdown
from knowledge.ingest.typst import is_typst, untypst
from knowledge.ingest.webarchive import NotAnArchive, archive_html
from knowledge.ingest.workbook import workbook_markdown
from knowledge.ingest.zipped import Unreadable, open_zip

# Zipped documents, PDFs and RTF carry pictures, so they may be far larger than their text; read this much from disk.
MAX_CONTAINER_BYTES = 50_000_000
CONVERTED_SUFFIXES = (".docx", ".docm", ".odt", ".rtf", ".ipynb", ".xlsx", ".xlsm", ".pptx", ".xmind", ".pdf",
                      ".mht", ".mhtml", ".epub")
_ZIPPED = (".docx", ".docm", ".odt", ".xlsx", ".xlsm", ".pptx", ".xmind", ".epub")
_REFUSED = {
    ".doc": "Word 97-2003 .doc files are not read; save it as .docx (or export it as .md or .txt)",
    ".xls": "Excel 97-2003 .xls files are not read; save it as .xlsx or .csv",
    ".pages": "Apple Pages files cannot be read; export it from Pages as Word (.docx) or plain text",
    ".key": "Keynote files cannot be read; export it as text",
    ".numbers": "Numbers files cannot be read; export it as .xlsx or .csv",
    ".ppt": "PowerPoint 97-2003 .ppt files are not read; save it as .pptx",
}
_YAML_COMMENT = re.compile(r"^\s*#(?:\s|$)")
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
    if suffix in _REFUSED and kind in (None, "zip", suffix, ".doc"):
        return Converted(None, _REFUSED[suffix])
    if kind is None and suffix in (*_ZIPPED, ".pdf"):
        if raw is None:
            return Converted(None, f"{suffix} files are read from disk only; export it as .md or .txt")
        kind = "zip" if suffix in _ZIPPED else suffix
    if kind is None and suffix in (".rtf", ".ipynb", ".mht", ".mhtml"):
        kind = suffix.lstrip(".").replace("mhtml", "mht")
    if kind is None and suffix == ".opml":
        try:  # an outline's notes live in attributes: written out in full, not line for line (xmldoc.py)
            return Converted(opml_markdown(raw if raw is not None else str(data).encode("utf-8")))
        except NotAnOutline:
            return None
    if kind is None:
        return _text_format(raw.decode("utf-8-sig", errors="replace") if raw is not None else str(data), suffix)
    if kind in _REFUSED:
        return Converted(None, _REFUSED[kind])
    try:
        return _nonempty(_read(kind, data, raw, suffix), kind)
    except NotANotebook as exc:
        return Converted(None, f"not a Jupyter notebook ({exc})")
    except (Unreadable, UnreadablePdf, NotAnArchive) as exc:
        if raw is not None and len(raw) >= MAX_CONTAINER_BYTES:
            return Converted(None, f"larger than {MAX_CONTAINER_BYTES // 1_000_000} MB; not read")
        return Converted(None, f"not read: {exc}")
    except (MemoryError, RecursionError, zipfile.LargeZipFile) as exc:
        return Converted(None, f"not read: too large or too deeply nested ({exc.__class__.__name__})")


def _read(kind: str, data: str | bytes, raw: bytes | None, suffix: str) -> str:
    """The text of a file of a known kind (raises the readers' own one-line exceptions)."""
    if kind == "rtf":
        return rtf_markdown(raw if raw is not None else str(data).encode("utf-8"))
    if kind == "ipynb":
        return notebook_markdown(raw.decode("utf-8", errors="replace") if raw is not None else str(data))
    if kind == "mht":
        return archive_html(raw if raw is not None else str(data).encode("utf-8"))
    assert raw is not None
    if kind == ".pdf":
        return pdf_text(raw)
    return _zipped(raw, suffix)


def _nonempty(text: str, kind: str) -> Converted:
    """The converted text, or a note that the file held no text (not "file is empty": the file is not)."""
    if text.strip():
        return Converted(text)
    shown = {"zip": "archive", "mht": "web archive", ".pdf": "PDF"}.get(kind, "file")
    return Converted(None, f"no text found in this {shown}; nothing to ingest")


def _text_format(text: str, suffix: str) -> Converted | None:
    """A text file that another program's layout decides: an app's JSON export, a Typst source, a YAML file with
    comments; None when it is none of these."""
    if suffix == ".mbox" or is_mbox(text):
        return Converted(mbox_markdown(text)) if is_mbox(text) else None
    if suffix == ".ics" or is_calendar(text):
        return Converted(ics_markdown(text)) if is_calendar(text) else None
    # before JSON: a songbook opens with "{title: ...}", a game file with "[Event ...]"
    if suffix in CHORDPRO_SUFFIXES or (suffix in (".txt", "") and is_chordpro(text)):
        return Converted(chordpro_markdown(text)) if is_chordpro(text) else None
    if suffix in PGN_SUFFIXES or (suffix in (".txt", "") and is_pgn(text)):
        return Converted(pgn_markdown(text)) if is_pgn(text) else None
    if suffix == ".json" or text.lstrip()[:1] in ("{", "["):
        markdown = export_markdown(text)
        return Converted(markdown) if markdown else None
    if suffix == ".typ" or (suffix in (".txt", "") and is_typst(text)):
        return Converted("\n".join(untypst(text.split("\n"))))
    if suffix in (".html", ".htm"):
        flowed = reflow(text)  # a page on one line: a line per block, or every block would share line 1
        return Converted(flowed) if flowed != text else None
    if suffix in (".yaml", ".yml"):
        # YAML comments ("# ---- story 3 ----") would read as Markdown headings and hide the records: blanked,
        # line for line
        lines = text.split("\n")
        kept = ["" if _YAML_COMMENT.match(x) else x for x in lines]
        return Converted("\n".join(kept)) if kept != lines else None
    return None


def _sniff(data: bytes) -> str | None:
    """"rtf", "zip" or a refused suffix when the bytes say so; None for anything else."""
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
    """A zipped document by what it holds: Word, OpenDocument text, a workbook, a mind map, or a refused container."""
    archive = open_zip(data)
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return docx_markdown(data)
    if "xl/workbook.xml" in names:
        return workbook_markdown(data)
    if is_epub(names, _mimetype(archive)):
        return epub_html(data)
    if "content.xml" in names and _mimetype(archive).startswith("application/vnd.oasis.opendocument"):
        return odt_markdown(data)  # before the map: an old XMind file holds content.xml and a manifest too
    if is_mindmap(names):
        return mindmap_markdown(archive)
    if "content.xml" in names:
        return odt_markdown(data)
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names) or "Index.zip" in names:
        raise Unreadable(_REFUSED[".pages"])
    if "ppt/presentation.xml" in names:
        return pptx_markdown(data)
    raise Unreadable(
        "a zip archive, not a document this program reads (Word, OpenDocument, Excel, PowerPoint, XMind, EPUB)"
    )


def _mimetype(archive: zipfile.ZipFile) -> str:
    """The archive's `mimetype` part (OpenDocument names its kind there), or "" when it has none."""
    try:
        info = archive.getinfo("mimetype")
    except KeyError:
        return ""
    if info.file_size > 200:
        return ""
    try:
        return archive.read(info).decode("ascii", errors="replace").strip()
    except (zipfile.BadZipFile, NotImplementedError, OSError, RuntimeError, EOFError, ValueError):
        return ""
