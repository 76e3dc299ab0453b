"""sweep29 S8 (the natural-last-answer half of sweep28 S6): a kill -9 after the last answer's step was saved and
before the session was marked done left it listed "active"; a bare `--resume` picked it and `--resume ID` said "This
session is already finished; here is its report again" of a report never written or shown. The list and a bare
`--resume` now agree with the checkpoint: a session whose graph reached its end is marked done, its report written
and said (agent.report_repair); `--resume ID` says the interview had ended when the session stopped. The gap is made
certain (tests.slow_hook pauses the "done" registration); measured without the pause: 0.4-8.3 ms after LangGraph's
last checkpoint write (5 scripted sessions, load 2.5-2.7). Real pty, real SQLite session file, real kill -9."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_first_draft_kept import ARGS, _run
from tests.test_kill_after_end import ANSWER, LAST, _listed
from tests.test_session_tty import PATIENCE, Terminal

FINISHED = "had ended when it was stopped, before it was marked finished; its report is written now"


def _killed_before_done(tmp_path: Path) -> str:
    # paused until the kill: a short pause let a slow test kill after 'done' was registered
    env, mark = slow_call(tmp_path / "hook", "agent.checkpoint", "SqliteStore.register",
                          "len(args) > 3 and args[3] == 'done'", seconds=PATIENCE)  # fmt: skip
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for_prompt(after="Question 2/2")
        term.submit(LAST)
        term.kill_at_mark(mark)
        found = re.search(r"Session: (\S+)", term.text())
    finally:
        term.close()
    assert found, term.text()[-1500:]
    return found.group(1)


def _status(data_dir: Path, thread_id: str) -> str:
    conn = sqlite3.connect(f"file:{data_dir / 'sessions.sqlite'}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT status FROM interview_sessions WHERE thread_id = ?", (thread_id,)).fetchone()
        return str(row[0])
    finally:
        conn.close()


@pytest.mark.parametrize("first", ["list", "bare-resume"])
def test_a_session_killed_before_it_was_marked_done_is_done_in_the_list_and_for_a_bare_resume(
    isolated_data_dir: Path, tmp_path: Path, first: str
) -> None:
    thread_id = _killed_before_done(tmp_path)
    assert _status(isolated_data_dir, thread_id) == "active"  # the gap this test stands in
    report = isolated_data_dir / "reports" / f"{thread_id}.md"
    assert not report.exists()
    if first == "list":
        row = _listed(thread_id)
        assert " done " in f" {row} " and "active" not in row, row
        said = " ".join(_run("--list-sessions").stdout.split())  # said once, when it was finished: not again
        assert FINISHED not in said, said
        bare = _run("--resume")
    else:
        bare = _run("--resume")
        assert f"Session {thread_id} {FINISHED}: {report}" in " ".join(bare.stdout.split()), bare.stdout
    assert bare.returncode == 2 and "no unfinished session" in bare.stderr, bare.stdout + bare.stderr
    assert LAST[:60] in " ".join(report.read_text(encoding="utf-8").split())
    assert (isolated_data_dir / "reports" / f"{thread_id}.json").is_file()
    assert _status(isolated_data_dir, thread_id) == "done"
    resumed = _run("--resume", thread_id)  # its report was written and said: now it is finished already
    assert resumed.returncode == 0 and "already finished" in resumed.stdout, resumed.stdout + resumed.stderr


def test_resuming_by_id_a_session_killed_before_it_was_marked_done_says_it_had_ended(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    thread_id = _killed_before_done(tmp_path)
    resumed = _run("--resume", thread_id)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    said = " ".join(resumed.stdout.split())
    assert "The interview had ended when the session stopped; its report is written now." in said, said[-1500:]
    assert "already finished" not in said and FINISHED not in said, said[-1500:]
    report = (isolated_data_dir / "reports" / f"{thread_id}.md").read_text(encoding="utf-8")
    assert LAST[:60] in " ".join(report.split()), report[-1500:]
    assert " done " in f" {_listed(thread_id)} "
