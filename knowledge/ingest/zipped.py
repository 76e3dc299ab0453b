"""Reading parts of a zipped document (.docx, .odt, .xlsx, .xmind) without trusting the archive.

A zip bomb declares small parts that inflate to gigabytes; zipfile never inflates a member past the size its
header declares, so refusing parts whose declared size is over MAX_PART bounds the memory one document can take.
XML is parsed by defusedxml (no entity expansion, no external entities); expat itself is not recursive, so deep
nesting costs memory in proportion to the (bounded) part, not the stack.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree

# A prep document's main XML part is tens to hundreds of KB; Word's own limit is far above what a person writes.
MAX_PART = 20_000_000
# Inflated-to-stored ratio beyond which a part is a bomb, not text (XML compresses about 5-20x).
MAX_RATIO = 200


MAX_TOTAL = 200_000_000  # all parts together, declared: a workbook reader opens more than one part
MAX_MEMBERS = 20_000


class Unreadable(Exception):
    """The file is not the zipped document it claims to be, or is hostile; the message is the one-line reason."""


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive in `data`, or Unreadable when it is not a zip file."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Unreadable(f"not a valid zipped document ({exc})") from None


def read_part(archive: zipfile.ZipFile, name: str, required: bool = True) -> Element | None:
    """The parsed XML part `name`; None when it is absent and not required. Raises Unreadable on a bomb or bad XML."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise Unreadable(f"no {name} inside; not a document this program can read") from None
        return None
    if info.file_size > MAX_PART or info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1_000_000:
        raise Unreadable(f"{name} inflates to {info.file_size:,} bytes (a zip bomb or not a text document)")
    try:
        raw = archive.read(info)
    except (zipfile.BadZipFile, NotImplementedError, OSError, RuntimeError, EOFError, ValueError) as exc:
        raise Unreadable(f"{name} cannot be unpacked ({exc})") from None
    try:
        return SafeTree.fromstring(raw)
    except Exception as exc:  # ParseError, EntitiesForbidden, DTDForbidden: all mean "not a document we read"
        raise Unreadable(f"{name} is not well-formed XML ({exc.__class__.__name__})") from None


def check_members(archive: zipfile.ZipFile) -> None:
    """Raise Unreadable when any part (or all of them together) would inflate like a zip bomb; for readers that
    hand the archive to a library which opens parts itself (openpyxl)."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Unreadable(f"{len(infos):,} parts inside (a zip bomb or not a document)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART or info.file_size > MAX_RATIO * max(info.compress_size, 1) + 1_000_000:
            raise Unreadable(f"{info.filename} inflates to {info.file_size:,} bytes (a zip bomb or not a document)")
    if total > MAX_TOTAL:
        raise Unreadable(f"its parts inflate to {total:,} bytes (a zip bomb or not a text document)")
