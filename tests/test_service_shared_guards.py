"""The service's move guards hold in the database, not in one process's memory: on a real `langgraph dev` with a
Postgres checkpointer, driven through langgraph-sdk.

- A run request on a thread is checked only while this server holds the thread's advisory lock in Postgres: a check
  another process holds (here: the test process, standing in for a second server on the same database) keeps the
  move unqueued until it lets go, and the move is then recorded once.
- A move queued behind an `end`, or sent at the same moment as one, is refused as "ended": the queued `end` is read
  from the server's run queue (there is no per-process note of it any more).
- A client's write of its thread's state (update_state, a run's Command(update=...)) is refused here too, and the
  interview in Postgres is left as it was (tests/test_service_client_writes.py has the full set in memory).

Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from agent.service_auth import COMMAND_WRITE, STATE_WRITE
from agent.service_run_lock import RUN_CHECK_CLASS, lock_key
from evals.langgraph_dev import dev_client, langgraph_dev
from tests.service_threads import ANSWER, moves_behind_an_end_are_refused, sent_alone, started
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server


@pytest.fixture(scope="module")
def server(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data, home = tmp_path_factory.mktemp("shared-data"), tmp_path_factory.mktemp("shared-server")
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "minilm", "INTERVIEWER_CHECKPOINTER": pg_url}
    with langgraph_dev(env, home=home) as url:
        yield url


def test_a_move_waits_for_another_processs_check_of_its_thread_in_postgres(server: str, pg_url: str) -> None:
    import psycopg

    client: Any = dev_client(server)
    thread_id = started(client, "held-elsewhere")
    runs = len(client.runs.list(thread_id))  # the start run
    with psycopg.connect(pg_url, autocommit=True) as other, ThreadPoolExecutor(1) as pool:
        other.execute("SELECT pg_advisory_lock(%s, %s)", (RUN_CHECK_CLASS, lock_key(thread_id)))
        move = pool.submit(sent_alone, server, thread_id, ANSWER)
        # While the other process holds the thread's check, the move is not queued (a window, not a sync: a guard
        # that ignored the lock would have queued and graded it well within it).
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline:
            assert len(client.runs.list(thread_id)) == runs and not move.done()
            time.sleep(0.1)
        other.execute("SELECT pg_advisory_unlock(%s, %s)", (RUN_CHECK_CLASS, lock_key(thread_id)))
        assert move.result(timeout=120) == "queued"
    turns = client.threads.get_state(thread_id)["values"]["turns"]
    assert [t["answer"] for t in turns] == [ANSWER]


def test_a_move_behind_an_end_is_refused_from_the_run_queue(server: str) -> None:
    moves_behind_an_end_are_refused(server)


def test_a_clients_state_write_is_refused_and_postgres_keeps_the_interview(server: str) -> None:
    client: Any = dev_client(server)
    thread_id = started(client, "writes-own-state")
    forged = {"markdown": "Overall score: 5.00", "transcript": {}}
    for write, line in [(lambda: client.threads.update_state(thread_id, {"report": forged}), STATE_WRITE),
                        (lambda: client.runs.wait(thread_id, "interviewer", command={"update": {"report": forged}}),
                         COMMAND_WRITE)]:  # fmt: skip
        with pytest.raises(httpx.HTTPStatusError) as caught:  # langgraph-sdk's errors are httpx's
            write()
        assert caught.value.response.status_code == 403 and line in caught.value.response.json()["detail"]
    state = client.threads.get_state(thread_id)
    assert state["values"].get("report") is None and state["interrupts"][0]["value"]["step"] == 0
