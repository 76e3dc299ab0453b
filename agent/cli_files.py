"""Files named on the command line (--jd, --answers) are read only when they are regular files of sane size.

A device such as /dev/zero never ends (read whole, it exhausts memory), a named pipe blocks until somebody
writes to it, and a huge file is the wrong file: each is refused in one line before a byte is read (the reading
itself is knowledge.data_files', which every file of the data folder goes through as well).
"""

from __future__ import annotations

from pathlib import Path

from knowledge import data_files


class InputFileError(ValueError):
    """The file cannot be used; str(error) is the one-line reason."""


def read_capped(path: Path, flag: str, cap: int, what: str) -> bytes:
    """The bytes of `path` (given as `flag`), or InputFileError: missing, not a regular file, over `cap` bytes."""
    try:
        return data_files.read_bytes(path, cap)
    except data_files.SpecialFileError:
        raise InputFileError(f"{flag} {path}: not a regular file (a device, pipe or folder); give {what}") from None
    except data_files.TooLargeError as exc:
        size = f"{exc.size:,} bytes" if exc.size is not None else f"over {cap:,} bytes"
        raise InputFileError(f"{flag} {path}: {size}; {what} is under {cap:,}") from None
    except OSError as exc:
        from knowledge.paths import link_problem

        if problem := link_problem(path):  # in the words every path option uses (sweep29 S1: --jd gave the errno)
            raise InputFileError(f"{flag} {path} is {problem}") from None
        raise InputFileError(f"{flag} {path}: cannot read ({exc.strerror or exc})") from None
