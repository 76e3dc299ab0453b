"""An answer submitted while a new session on a Postgres checkpointer still gets ready, and that Postgres server
stopped meanwhile (sweep 41 Q3).

The session's start opens its connection pool beside the prompt; with the server gone it waited the pool's 30 s and
ended "error: PoolTimeout: couldn't get a connection after 30.00 sec", with no word that the answer is kept (it is,
in the answer journal) nor how to resume. Now it ends within seconds saying the database cannot be reached, that
the answer is kept and graded on resume, with the resume command; the resume, once the server is back, grades it.
The moment is made certain by tests/slow_hook.py: the pool's opening pauses until the answer is in and Postgres
stopped. A real session on a pty, on a Postgres cluster of its own (.ci/postgres)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.slow_hook import release, slow_call
from tests.test_persistence import FAST, answers_in_transcript, run, session_id
from tests.test_postgres_restart_cli import FIRST, TRACEBACK_SIGNS, Cluster
from tests.test_postgres_restart_cli import cluster as cluster  # the fixture: a throwaway cluster
from tests.test_session_tty import Terminal

ENDS_WITHIN_S = 20.0  # the pool waits a few seconds for the server, not its 30 s timeout


def test_an_answer_submitted_as_the_start_meets_postgres_down_is_kept_with_the_resume_command(
    isolated_data_dir: Path, cluster: Cluster, tmp_path: Path
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.store_postgres", "open_pool", seconds=120)
    term = Terminal([*FAST, "--questions", "1", "--checkpointer", cluster.url], extra_env=env)
    try:
        term.wait_for_mark(mark)  # the session's start is about to open its pool: question 1 is on screen
        term.wait_for_prompt()
        term.submit(FIRST)
        term.wait_for("Getting the interview ready")
        cluster.stop()
        release(mark)
        start = time.monotonic()
        code = term.proc.wait(timeout=120)
        took = time.monotonic() - start
        said = term.said()
    finally:
        term.close()
    assert took < ENDS_WITHIN_S, (took, said[-1500:])
    assert "PoolTimeout" not in said and not [sign for sign in TRACEBACK_SIGNS if sign in said], said[-2500:]
    assert "cannot be reached" in said and "Your answer is kept" in said and "Resume with:" in said, said[-1500:]
    assert code != 0, said[-1500:]
    sid = session_id(said)
    cluster.start()
    finished = run("--resume", sid, stdin="", env={"INTERVIEWER_CHECKPOINTER": cluster.url})
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert answers_in_transcript(isolated_data_dir, sid) == [FIRST]
