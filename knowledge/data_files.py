"""Every file the tool reads back from its data folder is read here: a regular file, of bounded size, and JSON of
bounded depth.

Anything may stand where the tool left a file of its own (a restore, a sync tool, a hostile user of the folder). A
named pipe blocks a plain open() until somebody writes to it (the session hung with nothing on screen), a link to
/dev/zero never ends (read whole, it took 24 GB before the kernel killed it), and a file of 200,000 nested brackets
makes json raise RecursionError, which no reader expected (sweep 41 SP1, SP3). Here the file is opened without
waiting (O_NONBLOCK), fstat says what it is before a byte is read, the read stops past a cap, and JSON nested
deeper than any file of ours is refused. What cannot be used comes back as the errors the readers already handle
as "unreadable" or "damaged": SpecialFileError and TooLargeError are OSErrors, TooDeepError is a ValueError.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

MAX_DEPTH = 64  # the tool's files nest a few levels; a deeper one is not ours
REPORT_BYTES = 64 << 20  # a transcript, a whole answer or the drafts kept beside a report (answers are capped)
NOT_REGULAR = "not a regular file (a pipe, device, socket or folder)"


class _Unusable(OSError):
    """A data-folder file that was not read; str(error) is "PATH: why"."""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class SpecialFileError(_Unusable):
    """The path is a pipe, device, socket or folder (or a link to one), not a file: nothing was read from it."""


class TooLargeError(_Unusable):
    """The file is larger than its reader's cap (`size` its size when known): nothing was read from it."""

    size: int | None = None


class TooDeepError(ValueError):
    """The JSON nests deeper than MAX_DEPTH (RecursionError in json, or a later deep walk)."""


def open_regular(path: Path, flags: int = os.O_RDONLY, mode: int = 0o600) -> int:
    """A descriptor of `path` opened with `flags` and never waiting on a pipe, or SpecialFileError (closed) when it
    is not a regular file: a pipe with no reader refused for writing (ENXIO), and a folder refused for writing
    (EISDIR), are said the same way."""
    try:
        fd = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC, mode)
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.EISDIR):  # a pipe opened for writing that nobody reads, or a folder
            raise SpecialFileError(exc.errno, NOT_REGULAR, str(path)) from None  # (stop 42: EISDIR left a raw errno)
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SpecialFileError(0, NOT_REGULAR, str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def is_special(path: Path) -> bool:
    """True when `path` is there (through any link) and is not a regular file: a pipe, device, socket or folder."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # missing, or a link to nothing
        return False


def read_bytes(path: Path, cap: int) -> bytes:
    """The bytes of the regular file `path`, at most `cap` of them: SpecialFileError, TooLargeError, or the OSError
    of the open (FileNotFoundError for a missing file)."""
    fd = open_regular(path)
    try:
        size = os.fstat(fd).st_size
        if size > cap:
            error = TooLargeError(0, f"{size:,} bytes, over the {cap:,} this file may hold", str(path))
            error.size = size
            raise error
        chunks: list[bytes] = []
        got = 0
        while got <= cap and (chunk := os.read(fd, min(cap + 1 - got, 1 << 20))):  # it may grow meanwhile
            chunks.append(chunk)
            got += len(chunk)
    finally:
        os.close(fd)
    if got > cap:
        raise TooLargeError(0, f"over the {cap:,} bytes this file may hold", str(path))
    return b"".join(chunks)


def read_text(path: Path, cap: int, errors: str = "strict") -> str:
    """read_bytes() decoded as UTF-8 (UnicodeDecodeError, a ValueError, unless `errors` says otherwise)."""
    return read_bytes(path, cap).decode("utf-8", errors=errors)


def parse_json(text: str | bytes) -> Any:
    """json.loads of `text`, or ValueError: TooDeepError for nesting deeper than MAX_DEPTH."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise TooDeepError(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    if _too_deep(data):
        raise TooDeepError(f"JSON nested deeper than {MAX_DEPTH} levels")
    return data


def load_json(path: Path, cap: int) -> Any:
    """The JSON held by the regular file `path` (at most `cap` bytes): OSError when it cannot be read as a file,
    ValueError when it is not JSON (TooDeepError among them)."""
    return parse_json(read_bytes(path, cap))


def _too_deep(data: Any) -> bool:
    """True when `data` nests lists and dicts deeper than MAX_DEPTH (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth >= MAX_DEPTH:
                    return True
                stack.append((child, depth + 1))
    return False
