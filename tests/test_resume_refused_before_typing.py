"""A `--resume` that cannot open a session refuses before it invites typing (sweep 39 RR8: a mistyped id, or a bare
`--resume` with nothing unfinished, showed "Getting the interview ready… (you can start typing)" for seconds, then
refused, and what was typed or submitted there was gone). A refusal the registry cannot foresee keeps what was
typed (an unfinished session's draft) or shows it to copy. A deleted session database is named as such (K31).
Real pty, real SQLite file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.slow_hook import release, slow_call
from tests.test_resume_openai_embedder import _stranded
from tests.test_session_tty import PATIENCE, REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--follow-ups", "0"]
TYPED = "We halved the release checklist and shipped twice a week from then on"


def _session(questions: int, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *ARGS, "--questions", str(questions)], cwd=REPO,
                          input=stdin, text=True, capture_output=True, timeout=PATIENCE)  # fmt: skip


def _refused_at_once(args: list[str]) -> str:
    term = Terminal(args)
    try:
        term.type(TYPED)  # typed at once: no spinner invites it, and it never reaches the shell
        term.wait_for("error:")
        assert term.exit_code() == 2
        return term.said()
    finally:
        term.close()


def test_a_mistyped_resume_id_is_refused_before_the_spinner(isolated_data_dir: Path) -> None:
    saved = _session(2, "I set up the on-call rota for three teams and pages fell by two thirds.\n---\n")
    assert saved.returncode == 3, saved.stdout + saved.stderr  # one answer saved, the script ran out
    said = _refused_at_once(["--resume", "20991231-0000-director-000000000000"])
    assert "Getting the interview ready" not in said and "you can start typing" not in said, said
    assert "error: unknown session id '20991231-0000-director-000000000000'; recent sessions: " in said, said


def test_a_bare_resume_with_nothing_unfinished_is_refused_before_the_spinner(isolated_data_dir: Path) -> None:
    done = _session(1, "I moved four teams to one build system and cut build time from 40 to 9 minutes.\n---\n")
    assert done.returncode == 0, done.stdout + done.stderr  # finished: nothing is left to resume
    said = _refused_at_once(["--resume"])
    assert "Getting the interview ready" not in said and "you can start typing" not in said, said
    assert "error: no unfinished session to resume; recent sessions: " in said, said


def test_keys_typed_before_a_late_refusal_are_kept_with_the_session(isolated_data_dir: Path, tmp_path: Path) -> None:
    """A refusal only the opened session shows (here: started with the openai embedder, no key set): the keys typed
    while it got ready are kept as the session's draft, not dropped when the busy reader lets go."""
    thread_id = _stranded(isolated_data_dir)
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "resume_driver", seconds=30)
    term = Terminal(["--resume", thread_id], extra_env=env)
    try:
        term.wait_for_mark(mark, PATIENCE)
        term.wait_for("you can start typing")
        term.type(TYPED)
        term.wait_read()  # the keys reached the terminal and the busy reader took them all (no prompt reads them yet)
        release(mark)
        term.wait_for("OPENAI_API_KEY")
        assert term.exit_code() == 2
        said = term.said()
    finally:
        term.close()
    assert "What you typed while the session got ready is kept, not submitted" in said, said[-1500:]
    journal = " ".join(p.read_text(encoding="utf-8") for p in (isolated_data_dir / "pending").glob("*"))
    assert TYPED in journal, journal[-1500:]


@pytest.mark.parametrize("named", [True, False], ids=["resume-id", "bare-resume"])
def test_a_deleted_session_database_is_named_on_resume(isolated_data_dir: Path, named: bool) -> None:
    done = _session(1, "I moved four teams to one build system and cut build time from 40 to 9 minutes.\n---\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert list((isolated_data_dir / "history").glob("*.json"))
    for db in isolated_data_dir.glob("sessions.sqlite*"):
        db.unlink()
    args = ["--resume", "20991231-0000-director-000000000000"] if named else ["--resume"]
    refused = subprocess.run([sys.executable, "-m", "agent.session", *args], cwd=REPO, input="/end\n", text=True,
                             capture_output=True, timeout=PATIENCE, env=dict(os.environ))  # fmt: skip
    assert refused.returncode == 2, refused.stdout + refused.stderr
    (line,) = refused.stderr.strip().splitlines()
    db = isolated_data_dir / "sessions.sqlite"
    assert f"the session database {db} is missing while the history folder holds 1 saved session" in line, line
    assert not db.exists()  # looking created nothing


def test_a_resume_of_a_known_session_is_not_refused_early(isolated_data_dir: Path) -> None:
    saved = _session(2, "I set up the on-call rota for three teams and pages fell by two thirds.\n---\n")
    assert saved.returncode == 3, saved.stdout + saved.stderr
    with sqlite3.connect(isolated_data_dir / "sessions.sqlite") as db:
        ((thread_id,),) = db.execute("SELECT thread_id FROM interview_sessions").fetchall()
    for args in (["--resume", thread_id], ["--resume"]):
        term = Terminal(args)
        try:
            term.wait_for_prompt(after="Question 2/2")
        finally:
            term.close()
