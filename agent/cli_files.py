"""Files named on the command line (--jd, --answers) are read only when they are regular files of sane size.

A device such as /dev/zero never ends (read whole, it exhausts memory), a named pipe blocks until somebody
writes to it, and a huge file is the wrong file: each is refused in one line before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class InputFileError(ValueError):
    """The file cannot be used; str(error) is the one-line reason."""


def read_capped(path: Path, flag: str, cap: int, what: str) -> bytes:
    """The bytes of `path` (given as `flag`), or InputFileError: missing, not a regular file, over `cap` bytes."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer does not wait; fstat then says what it is
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        from knowledge.paths import link_problem

        if problem := link_problem(path):  # in the words every path option uses (sweep29 S1: --jd gave the errno)
            raise InputFileError(f"{flag} {path} is {problem}") from None
        raise InputFileError(f"{flag} {path}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(f"{flag} {path}: not a regular file (a device, pipe or folder); give {what}")
        if info.st_size > cap:
            raise InputFileError(f"{flag} {path}: {info.st_size:,} bytes; {what} is under {cap:,}")
        data = os.read(fd, cap + 1)  # the file may have grown since
        while len(data) <= cap and (more := os.read(fd, cap + 1 - len(data))):
            data += more
    finally:
        os.close(fd)
    if len(data) > cap:
        raise InputFileError(f"{flag} {path}: over {cap:,} bytes; {what} is under {cap:,}")
    return data
