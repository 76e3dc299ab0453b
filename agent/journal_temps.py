"""Temp files a killed writer left in the answer-journal folder (agent.answer_journal).

A journal file is written as a temp file beside it (NAME.PID-TOKEN.tmp, fsync), then renamed into place. A kill -9
between the two leaves the temp file: it was never read again and stayed for good, and the answer it held (submitted
in the instant of the kill) was lost. A temp file of a writer that is gone and that holds a whole journal is newer
than the file it was to replace, so it takes its place; a cut-off one is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from knowledge import data_files

MAX_BYTES = 64 << 20  # a journal holds one session's answers (each capped) and its settings: a few hundred KB at most
_TEMP = re.compile(r"^\.(?P<name>.+\.json)\.(?P<pid>\d+)-[0-9a-f]+\.tmp$")


def finish_writes(folder: Path, name: str | None = None) -> None:
    """Temp files a killed writer left (kill -9 between writing a journal file and renaming it into place): one
    that holds a whole journal is newer than the file it was to replace and takes its place; a cut-off one goes."""
    try:
        temps = [p for p in folder.iterdir() if (m := _TEMP.match(p.name)) and (name is None or m["name"] == name)]
    except OSError:
        return
    for temp in sorted(temps, key=_mtime):
        match = _TEMP.match(temp.name)
        assert match is not None
        if writer_alive(int(match["pid"])):
            continue  # being written now
        try:
            data_files.load_json(temp, MAX_BYTES)  # a pipe or a device under a temp file's name is no journal either
            os.replace(temp, folder / match["name"])
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                temp.unlink()


def writer_alive(pid: int) -> bool:
    """True while the process that named a temp file (its PID) may still be writing it (this one counts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
