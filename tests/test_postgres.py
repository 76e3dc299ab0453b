"""The interview on a real PostgreSQL: resume across processes, listing, the session lease, concurrent threads.

Needs a server: INTERVIEWER_TEST_POSTGRES=postgresql://user@host:port/db (.ci/run starts one and sets it).
Each test run creates its own database on that server and drops it afterwards. Without a reachable server
the tests skip and say why (a developer's machine); in CI (CI=true) an unreachable server is a failure.
"""

from __future__ import annotations

import os
import secrets
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.backend import open_backend
from agent.context import Context
from agent.driver import InterviewDriver
from agent.session_lock import SessionLockedError
from tests.test_persistence import A1, A2, A3, FAST, Session, run, scripted, session_id

SERVER = os.environ.get("INTERVIEWER_TEST_POSTGRES", "")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A fresh database on the test server, dropped after the module."""
    reason = "no PostgreSQL for these tests: set INTERVIEWER_TEST_POSTGRES=postgresql://... (.ci/run does)"
    if not SERVER:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    import psycopg

    try:
        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL at INTERVIEWER_TEST_POSTGRES is not reachable: {exc}")
    name = f"interviewer_test_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    base = SERVER.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def ctx(**kw: object) -> Context:
    base: dict[str, object] = {"role": "director", "questions": 3, "follow_ups": 0, "seed": 5, "embedder": "hashing",
                               "offline": True}  # fmt: skip
    return Context(**{**base, **kw})  # type: ignore[arg-type]


def test_a_session_resumes_in_another_process_and_lists(pg_url: str) -> None:
    env = {"INTERVIEWER_CHECKPOINTER": pg_url}
    cli = Session(*FAST, "--questions", "3", env=env)
    cli.wait_for("Session:")
    sid = session_id(cli.out)
    cli.answer(A1)
    cli.wait_for("Question 2")
    second = run("--resume", sid, stdin=scripted(A3), env=env)
    assert second.returncode == 2 and "another process" in second.stderr  # the lease holds
    cli.stop(signal.SIGKILL)
    listing = run("--list-sessions", env=env)
    assert sid in listing.stdout, listing.stdout + listing.stderr
    resumed = run("--resume", "--checkpointer", pg_url, stdin=scripted(A2, A3))
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    backend = open_backend(pg_url)
    driver = InterviewDriver.resume(sid, checkpointer=backend)
    answers = [t["answer"] for t in driver._values()["turns"]]
    driver.close()
    backend.close()
    assert answers == [A1, A2, A3]


def test_a_held_session_is_refused_to_a_second_holder_in_the_same_database(pg_url: str) -> None:
    backend = open_backend(pg_url)
    first = InterviewDriver(ctx(), checkpointer=backend)
    first.start()
    first.submit(A1)
    backend.store._rows("UPDATE interview_sessions SET holder = 'pid 1 on elsewhere' WHERE thread_id = %s "
                        "RETURNING thread_id", (first.thread_id,))  # fmt: skip
    with pytest.raises(SessionLockedError, match="pid 1 on elsewhere"):
        InterviewDriver.resume(first.thread_id, checkpointer=backend)
    backend.close()


def test_concurrent_interviews_lose_and_cross_nothing(pg_url: str) -> None:
    backend = open_backend(pg_url)
    users, turns = 12, 3
    errors: list[BaseException] = []
    ids: dict[int, str] = {}

    def interview(user: int) -> None:
        try:
            driver = InterviewDriver(ctx(seed=user + 1), checkpointer=backend)
            ids[user] = driver.thread_id
            driver.start()
            for turn in range(turns):
                driver.submit(f"user {user} turn {turn}: I cut the cost by {user + turn + 10}% in a quarter.")
            driver.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=interview, args=(u,)) for u in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    for user, thread_id in ids.items():
        driver = InterviewDriver.resume(thread_id, checkpointer=backend)
        answers = [t["answer"] for t in driver._values()["turns"]]
        driver.close()
        expected = [f"user {user} turn {n}: I cut the cost by {user + n + 10}% in a quarter." for n in range(turns)]
        assert answers == expected
    backend.close()


def test_the_service_keeps_a_thread_in_postgres_across_a_server_restart(pg_url: str, tmp_path: Path) -> None:
    from evals.langgraph_dev import dev_client, langgraph_dev

    env = {"INTERVIEWER_CHECKPOINTER": pg_url, "INTERVIEWER_DATA_DIR": str(tmp_path / "data"),
           "INTERVIEWER_EMBEDDER": "hashing", "INTERVIEWER_OFFLINE": "1"}  # fmt: skip
    home = tmp_path / "server"
    context = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 4}
    move = {"resume": {"kind": "answer", "text": A1}}
    with langgraph_dev(env, home=home) as url:
        client = dev_client(url)
        thread_id = client.threads.create(metadata={"user_id": "pg-candidate"})["thread_id"]
        client.runs.wait(thread_id, "interviewer", input={"candidate_questions": []}, context=context)
        client.runs.wait(thread_id, "interviewer", command=move, context=context)
    import psycopg

    with psycopg.connect(pg_url) as conn:  # the checkpoints are in Postgres, written by AsyncPostgresSaver
        rows = conn.execute("SELECT count(*) FROM checkpoints WHERE thread_id = %s", (thread_id,)).fetchone()
    assert rows is not None and rows[0] > 0
    with langgraph_dev(env, home=home) as url:  # a new server process: the thread goes on where it stopped
        client = dev_client(url)
        client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "answer", "text": A2}}, context=context)
        values = client.threads.get_state(thread_id)["values"]
    assert [t["answer"] for t in values["turns"]] == [A1, A2]
    assert values["report"]["transcript"]["turns"][1]["answer"] == A2


def test_processes_opening_a_fresh_database_at_once_all_start(pg_url: str) -> None:
    """Four processes create the tables of a new database at the same moment (workers of one server, a server and
    a terminal): each opens it, none fails on a half-made schema."""
    import subprocess
    import sys
    import time

    import psycopg

    base, _ = pg_url.rsplit("/", 1)
    name = f"interviewer_fresh_{secrets.token_hex(4)}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        at = time.time() + 4  # after every interpreter has imported what it needs
        code = ("import sys, time; from agent.backend import open_backend; "
                "time.sleep(max(0.0, float(sys.argv[2]) - time.time())); "
                "open_backend(sys.argv[1]).close()")  # fmt: skip
        procs = [subprocess.Popen([sys.executable, "-c", code, f"{base}/{name}", str(at)], stderr=subprocess.PIPE,
                                  text=True) for _ in range(4)]  # fmt: skip
        errors = [p.communicate(timeout=120)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], "\n".join(e[-600:] for e in errors)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
