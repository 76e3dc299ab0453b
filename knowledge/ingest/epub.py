"""EPUB books (an export from Ulysses, Scrivener, Pages or Calibre), read as one HTML page for htmldoc.py.

Read with EbookLib after the archive passed zipped.py's size checks and every XML part parsed under defusedxml
(no entity expansion): EbookLib's own parser is lxml, so nothing hostile reaches it. A book is its spine, the
chapters in the order the author meant them to be read (not the order the files sit in the archive); each chapter's
`<body>` follows the one before, so a chapter's `<h1>` titles it and its `<h2>`s title the stories inside. The
navigation document (the table of contents) is left out: it repeats every chapter title and is not notes.
"""

from __future__ import annotations

import io
import warnings

from defusedxml import ElementTree as SafeTree

from knowledge.ingest.zipped import Unreadable, check_members, open_zip

MAX_CHAPTERS = 2_000  # a prep book has tens of sheets; beyond this it is not notes
_XML_PARTS = (".xml", ".opf", ".ncx", ".xhtml", ".htm", ".html")
EPUB_MIMETYPE = "application/epub+zip"


def is_epub(names: set[str], mimetype: str) -> bool:
    """An EPUB container: its `mimetype` part says so, or it has the container file every EPUB must hold and no
    part of another zipped format."""
    return mimetype == EPUB_MIMETYPE or "META-INF/container.xml" in names


def epub_html(data: bytes) -> str:
    """The book's chapters, in reading order, as one HTML page. Raises zipped.Unreadable with a one-line reason."""
    archive = open_zip(data)
    check_members(archive)
    for info in archive.infolist():
        if info.filename.lower().endswith(_XML_PARTS):
            try:
                SafeTree.fromstring(archive.read(info))
            except Exception as exc:  # entities, a DTD with declarations, bad XML: not a book we read
                reason = exc.__class__.__name__
                raise Unreadable(f"{info.filename} is not a safe, well-formed XML part ({reason})") from None
    import ebooklib
    from ebooklib import epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # EbookLib warns about options it will change in future versions
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
            bodies: list[str] = []
            for idref, _linear in book.spine[:MAX_CHAPTERS]:
                item = book.get_item_with_id(idref)
                if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT or isinstance(item, epub.EpubNav):
                    continue
                bodies.append(item.get_body_content().decode("utf-8", errors="replace"))
    except Exception as exc:  # any parse failure means "not a book we read"
        raise Unreadable(f"not a readable EPUB book ({exc.__class__.__name__})") from None
    return "<html><body>\n" + "\n".join(bodies) + "\n</body></html>\n"
