"""A terminal session on a Postgres checkpointer while that Postgres server restarts or stops (sweep 40 PG6/PG5).

A routine restart between two answers left every pooled connection dead: the next submit showed prompt_toolkit's
"Unhandled exception in event loop" traceback, the answer was not taken and the session ended with "error:
AdminShutdown" and no resume command. With the server down, the pool's connection errors were printed over the
prompt every second and Ctrl-C was ignored for a minute. Now a dead connection is replaced (the pool checks each
one it hands out), so after a restart the answer is simply taken; with the server down the answer is kept in the
answer journal, one line says the database cannot be reached and how to go on, and Ctrl-C ends the session with the
resume command; the answer is graded when the session is resumed.

Each test runs a Postgres cluster of its own (.ci/postgres), restarted or stopped under a real session on a pty;
they need INTERVIEWER_TEST_POSTGRES (the sign that Postgres is installed here) as every Postgres test does."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_persistence import FAST, answers_in_transcript, run, session_id
from tests.test_session_tty import REPO, Terminal

FIRST = "We moved the billing batch to a queue and the nightly run dropped from six hours to forty minutes."
SECOND = "I paired with the on-call lead for a month until pages per week fell from 30 to 8."
PG = [str(REPO / ".ci" / "postgres")]
TRACEBACK_SIGNS = (
    "Unhandled exception", "Traceback", "Press ENTER", "discarding closed connection", "error connecting"
)  # fmt: skip


class Cluster:
    """A throwaway Postgres cluster (.ci/postgres) that a test may restart or stop."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="interviewer-pg-restart-"))
        os.chmod(self.dir, 0o755)
        self.data = self.dir / "data"
        self.url = subprocess.run([*PG, "start", str(self.data)], capture_output=True, text=True, check=True,
                                  timeout=120).stdout.strip()  # fmt: skip
        self.port = self.url.rsplit(":", 1)[1].split("/")[0]

    def _pg_ctl(self, *args: str) -> None:
        binary = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
        command = [str(binary), "-D", str(self.data), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        # the server inherits pg_ctl's output: to a log file, never a pipe this test would wait on
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=120)

    def _options(self) -> str:
        return f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1"

    def restart(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "-l", str(self.data / "server.log"), "restart", "-o", self._options())

    def stop(self) -> None:
        subprocess.run([*PG, "stop", str(self.data)], capture_output=True, timeout=120)

    def start(self) -> None:
        self._pg_ctl("-w", "-l", str(self.data / "server.log"), "start", "-o", self._options())


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not os.environ.get("INTERVIEWER_TEST_POSTGRES"):
        if os.environ.get("CI"):
            pytest.fail("no INTERVIEWER_TEST_POSTGRES")
        pytest.skip("no PostgreSQL for this test: set INTERVIEWER_TEST_POSTGRES (.ci/postgres start DIR)")
    made = Cluster()
    try:
        yield made
    finally:
        made.stop()
        shutil.rmtree(made.dir, ignore_errors=True)


def _at_question_2(url: str) -> Terminal:
    term = Terminal([*FAST, "--questions", "3", "--checkpointer", url])
    term.wait_for_prompt(after="Question 1/3")
    term.submit(FIRST)
    term.wait_for_prompt(after="Question 2/3")
    return term


def test_an_answer_after_a_postgres_restart_is_taken(isolated_data_dir: Path, cluster: Cluster) -> None:
    term = _at_question_2(cluster.url)
    try:
        cluster.restart()
        term.submit(SECOND)
        term.wait_for_prompt(after="Question 3/3")
        term.type("/end\x1b\r")
        term.wait_for("Session:")
        said = term.said()
        code = term.exit_code()
    finally:
        term.close()
    assert not [sign for sign in TRACEBACK_SIGNS if sign in said], said[-2500:]
    assert code == 0, said[-2500:]
    assert answers_in_transcript(isolated_data_dir, session_id(said)) == [FIRST, SECOND]


def test_an_answer_while_postgres_is_down_is_kept_and_graded_on_resume(
    isolated_data_dir: Path, cluster: Cluster
) -> None:
    term = _at_question_2(cluster.url)
    try:
        cluster.stop()
        term.submit(SECOND)
        term.wait_for("cannot be reached", timeout=90)
        term.wait_for_prompt()
        term.drain()
        shown = len(term.text())
        time.sleep(3)  # nothing more comes while the prompt waits (no pool errors printed over it every second)
        term.drain()
        quiet = term.text()[shown:]
        term.type("\x03")
        code = term.proc.wait(timeout=30)  # Ctrl-C ends it at once
        said = term.said()
    finally:
        term.close()
    assert not [sign for sign in TRACEBACK_SIGNS if sign in said], said[-2500:]
    assert not quiet.strip(), quiet
    assert code == 130 and "Resume with:" in said, said[-2500:]
    sid = session_id(said)
    cluster.start()
    resumed = run("--resume", sid, stdin="", env={"INTERVIEWER_CHECKPOINTER": cluster.url})
    assert resumed.returncode in (0, 3), resumed.stdout + resumed.stderr
    finished = run("--resume", sid, stdin="/end\n", env={"INTERVIEWER_CHECKPOINTER": cluster.url})
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert answers_in_transcript(isolated_data_dir, sid) == [FIRST, SECOND]
