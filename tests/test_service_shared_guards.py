"""The service's move guards hold in the database, not in one process's memory: on a real `langgraph dev` with a
Postgres checkpointer, driven through langgraph-sdk.

- A run request on a thread is checked only while this server holds the thread's advisory lock in Postgres: a check
  another process holds (here: the test process, standing in for a second server on the same database) keeps the
  move unqueued until it lets go, and the move is then recorded once.
- A move queued behind an `end`, or sent at the same moment as one, is refused as "ended": the queued `end` is read
  from the server's run queue (there is no per-process note of it any more).

Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from agent.service_run_lock import RUN_CHECK_CLASS, lock_key
from evals.langgraph_dev import dev_client, langgraph_dev
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server

CONTEXT = {"role": "director", "questions": 3, "follow_ups": 0, "seed": 8, "offline": True}
ANSWER = "I led the move of our billing to a new platform across three teams; cost fell 20% in two quarters."




@pytest.fixture(scope="module")
def server(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data, home = tmp_path_factory.mktemp("shared-data"), tmp_path_factory.mktemp("shared-server")
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "minilm", "INTERVIEWER_CHECKPOINTER": pg_url}
    with langgraph_dev(env, home=home) as url:
        yield url


def started(client: Any, user: str) -> str:
    thread_id = client.threads.create(metadata={"user_id": user})["thread_id"]
    client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    return str(thread_id)


def sent_alone(url: str, thread_id: str, move: Any) -> str:
    """Send a move on its own connection and wait for its run: "queued" or "refused" (409, ended)."""
    try:
        client: Any = dev_client(url)
        run = client.runs.create(thread_id, "interviewer", command={"resume": move}, context=CONTEXT,
                                 multitask_strategy="enqueue")  # fmt: skip
        client.runs.join(thread_id, run["run_id"])
        return "queued"
    except Exception as exc:
        said = f"{exc} {getattr(getattr(exc, 'response', None), 'text', '')}"
        assert getattr(exc, "status_code", None) == 409 and "has ended" in said, said
        return "refused"


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
    client: Any = dev_client(server)
    thread_id = started(client, "queued-after-end")
    client.runs.create(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 0}}, context=CONTEXT)
    with pytest.raises(Exception, match="the interview on this thread has ended") as late:
        client.runs.create(thread_id, "interviewer", command={"resume": "LATE: after the end."}, context=CONTEXT,
                           multitask_strategy="enqueue")  # fmt: skip
    assert getattr(late.value, "status_code", None) == 409
    values = client.threads.get_state(thread_id)["values"]
    assert "LATE" not in repr(values) and values["report"] is not None

    for n in range(3):  # an answer and an end sent at once: the answer is recorded before the end, or refused
        thread_id = started(client, f"end-race-{n}")
        moves = [{"kind": "end", "step": 0}, f"RACE {n}: I led the billing move and cut cost by 20%."]
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(lambda move, t=thread_id: sent_alone(server, t, move), moves))
        values = client.threads.get_state(thread_id)["values"]
        recorded = f"RACE {n}" in repr(values.get("turns"))
        assert outcomes[1] == ("queued" if recorded else "refused"), (outcomes, recorded)
