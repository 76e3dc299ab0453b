"""The session database's -wal file a link to /dev/zero, or a named pipe (sweep 41 SP2): every command said "the data
folder … is read-only" (it was not), and `--list-sessions`, which that line said still worked, failed the same way;
with a pipe, `--resume` said "disk I/O error". Now each command names the file and the move that clears it, before
SQLite opens the database; once it is moved, the session resumes whole. Guarded subprocesses, as
tests/test_data_folder_special_files.py (timeout, 4 GB address-space limit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_data_folder_special_files import PLANT, guarded, resumed_whole, said
from tests.test_data_folder_special_files import copied as copied  # the fixtures
from tests.test_data_folder_special_files import saved as saved
from tests.test_persistence import A2, FAST, scripted


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_database_wal_file(copied: tuple[Path, str], kind: str) -> None:
    data, sid = copied
    wal = data / "sessions.sqlite-wal"
    wal.unlink(missing_ok=True)
    PLANT[kind](wal)
    line = (f"error: the write-ahead log {wal} of the session database {data / 'sessions.sqlite'} is not a regular "
            f"file (a pipe, device, socket or folder): move it away (mv {wal} {wal}.moved) and run again")  # fmt: skip
    for args in (["--list-sessions"], ["--resume", sid], [*FAST, "--questions", "1"]):
        refused = guarded(*args, stdin=scripted(A2))
        assert refused.returncode == 2 and refused.stderr.strip() == line, said(refused)  # not "read-only"
        assert "Question" not in refused.stdout
    wal.rename(f"{wal}.moved")
    resumed_whole(data, sid)
