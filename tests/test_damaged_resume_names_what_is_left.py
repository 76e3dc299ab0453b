"""An unfinished session whose session database is damaged (half of it cut off, its -wal file gone) cannot be resumed:
`--resume` says so of that session by its id, and names what is left of it outside the database (its coaching
summary; the whole text of an answer over the length cap). After the mv the damage line gives, `--resume ID` and a bare
`--resume` name the file it was moved to, instead of "unknown session id ...; recent sessions: none" (sweep 38 K28).
Real SQLite file, CLI as a subprocess."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.test_persistence import run, scripted, session_id

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0"]
FIRST = "I took our release checks from a wiki page into the pipeline; failed deploys went from 6 a month to 1."
LONG = "I kept a log of every paging alert for a quarter and sorted them by cause. " * 300  # over the 20,000 cap


def _said(*args: str) -> tuple[int, str]:
    done = run(*args, stdin=scripted("/end"))
    return done.returncode, " ".join((done.stdout + done.stderr).split())


def test_a_damaged_unfinished_session_is_named_with_what_is_left_before_and_after_the_move(
    isolated_data_dir: Path,
) -> None:
    first = run(*ARGS, stdin=scripted(FIRST, LONG))
    assert first.returncode == 3, first.stdout + first.stderr  # saved after 2 of 3 answers
    sid = session_id(first.stdout)
    database = isolated_data_dir / "sessions.sqlite"
    database.with_name("sessions.sqlite-wal").unlink(missing_ok=True)
    with database.open("r+b") as handle:
        handle.truncate(database.stat().st_size // 2)
    summary = isolated_data_dir / "history" / f"{sid}.json"
    assert summary.is_file()

    for how in ([sid], []):
        code, said = _said("--resume", *how)
        assert code == 2 and "is damaged" in said and "Traceback" not in said, said
        assert f"Session {sid} cannot be resumed" in said, said  # this session, by its id, not "older sessions"
        assert f"coaching summary in {summary}" in said, said
        assert "whole text of 1 long answer(s)" in said, said
        assert "stay in the moved file" not in said, said
    mv = re.search(r"\(mv ('[^']+' '[^']+')\)", said)
    assert mv is not None, said
    source, target = (Path(p) for p in shlex.split(mv.group(1)))
    source.rename(target)  # the mv the line gives

    for how in ([sid], []):
        code, said = _said("--resume", *how)
        assert code == 2 and "Traceback" not in said, said
        assert "unknown session id" not in said, said
        assert f"Session {sid}" in said and f"moved aside to {target}" in said, said
        assert "cannot be resumed" in said and f"coaching summary in {summary}" in said, said
