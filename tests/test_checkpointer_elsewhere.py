"""Sessions kept by a `--checkpointer` outside the data folder, met later by commands on the same data folder without
it: `--list-sessions`, a bare `--resume` and `--resume ID` say where the session is kept and the command that opens
it there, and the command works (sweep 42b G1: all three said the data folder's database had been "deleted or moved
outside this tool", which nothing had done). A Postgres URL's password is never written to any file of the data
folder. And a Postgres store shared by two data folders: a bare `--resume` in one resumes that folder's latest
unfinished session, never the other folder's (sweep 42b: it opened the other's, its draft left behind).
Real subprocesses, real files, a real PostgreSQL for the Postgres cases (INTERVIEWER_TEST_POSTGRES)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.test_persistence import A1, A2, FAST, REPO, scripted
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server


def _tool(*args: str, stdin: str = "", data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("INTERVIEWER_CHECKPOINTER", None)
    if data is not None:
        env["INTERVIEWER_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                          text=True, timeout=180, cwd=REPO, env=env)  # fmt: skip


def _said(run: subprocess.CompletedProcess[str]) -> str:
    return " ".join((run.stdout + run.stderr).split())


def _command(said: str, before: str) -> list[str]:
    """The command printed after `before` (up to the end of the line or a parenthesised note)."""
    found = re.search(re.escape(before) + r" (\S+ -m agent\.session .+?)(?: \(put the password|$|\.$)", said)
    assert found is not None, said
    return shlex.split(found.group(1))


def _reported(data: Path) -> str:
    return " ".join(p.read_text(encoding="utf-8") for p in (data / "reports").glob("*.json"))


def test_a_session_in_a_checkpointer_file_elsewhere_is_named_with_its_command(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    kept = tmp_path / "elsewhere" / "mine.sqlite"
    kept.parent.mkdir()
    first = _tool(*FAST, "--questions", "2", "--checkpointer", str(kept), stdin=scripted(A1))
    assert first.returncode == 3, _said(first)  # one answer of two: saved, unfinished
    (session,) = [p.stem for p in (isolated_data_dir / "history").glob("*.json")]

    listed = _tool("--list-sessions")
    said = _said(listed)
    assert listed.returncode == 0, said
    assert "deleted or moved" not in said and "restore it from a backup" not in said, said
    assert f"1 saved session of this data folder is kept in --checkpointer {kept}" in said, said
    listing = subprocess.run(_command(said, "list it with:"), capture_output=True, text=True, timeout=180, cwd=REPO)
    assert session in listing.stdout, listing.stdout + listing.stderr  # the command it gave lists the session

    for args in (["--resume"], ["--resume", session]):
        refused = _tool(*args, stdin="/end\n")
        said = _said(refused)
        assert refused.returncode == 2, said
        assert "deleted or moved" not in said and session in said and f"--checkpointer {kept}" in said, said
    resumed = subprocess.run(_command(said, "resume it with:"), input="/end\n", capture_output=True, text=True,
                             timeout=180, cwd=REPO)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert A1 in _reported(isolated_data_dir)
    assert not (isolated_data_dir / "sessions.sqlite").exists()  # nothing made in its place


def test_a_deleted_database_is_still_said_as_such(isolated_data_dir: Path, tmp_path: Path) -> None:
    # beside a session kept elsewhere, one of the data folder's own database whose file was deleted outside the tool
    kept = tmp_path / "mine.sqlite"
    assert _tool(*FAST, "--questions", "2", "--checkpointer", str(kept), stdin=scripted(A1)).returncode == 3
    assert _tool(*FAST, "--questions", "2", stdin=scripted(A2)).returncode == 3
    for db in isolated_data_dir.glob("sessions.sqlite*"):
        db.unlink()
    said = _said(_tool("--list-sessions"))
    assert "is missing while the history folder holds 1 saved session: it was deleted or moved" in said, said


def test_a_postgres_store_is_named_without_its_password(isolated_data_dir: Path, pg_url: str) -> None:
    # the test server trusts local connections: a password in the URL is ignored by it, and must be by every file
    with_password = pg_url.replace("://", "://postgres:s3cret-pw@", 1) if "@" not in pg_url else pg_url.replace(
        "@", ":s3cret-pw@", 1
    )
    first = _tool(*FAST, "--questions", "2", "--checkpointer", with_password, stdin=scripted(A1))
    assert first.returncode == 3, _said(first)
    listed = _tool("--list-sessions")
    said = _said(listed)
    assert listed.returncode == 0 and "deleted or moved" not in said, said
    assert ":***@" in said and "s3cret-pw" not in said and "put the password back" in said, said
    refused = _tool("--resume", stdin="/end\n")
    assert refused.returncode == 2 and ":***@" in refused.stderr and "s3cret-pw" not in refused.stderr
    for path in isolated_data_dir.rglob("*"):
        if path.is_file():
            assert b"s3cret-pw" not in path.read_bytes(), path


def test_a_bare_resume_on_a_shared_postgres_resumes_this_folders_session(tmp_path: Path, pg_url: str) -> None:
    mine, theirs, fresh = tmp_path / "mine", tmp_path / "theirs", tmp_path / "fresh"
    store = ["--checkpointer", pg_url]
    assert _tool(*FAST, "--questions", "2", *store, stdin=scripted(A1), data=mine).returncode == 3
    assert _tool(*FAST, "--questions", "2", *store, stdin=scripted(A2), data=theirs).returncode == 3  # newer
    (my_session,) = [p.stem for p in (mine / "history").glob("*.json")]
    resumed = _tool("--resume", *store, stdin="/end\n", data=mine)
    assert resumed.returncode == 0, _said(resumed)
    assert my_session in resumed.stdout
    assert A1 in _reported(mine) and A2 not in _reported(mine)
    # a folder that started nothing there: refused, naming the other folder's session and how to resume it there
    refused = _tool("--resume", *store, stdin="/end\n", data=fresh)
    said = _said(refused)
    assert refused.returncode == 2, said
    (their_session,) = [p.stem for p in (theirs / "history").glob("*.json")]
    assert f"{their_session}, was started with the data folder {theirs}" in said, said
    assert json.loads((theirs / "history" / f"{their_session}.json").read_text())["store"] == pg_url
