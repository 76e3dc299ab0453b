"""The service on a Postgres checkpointer through an outage of its Postgres server (sweep 41 PD1).

After Postgres had been down a few minutes, reading a thread answered HTTP 500 (30 s each, an "Exception in ASGI
application" traceback in the log) for about a minute after it was back, and a run started then failed: the pool
had doubled its pause between reconnect attempts all through the outage. While it was down each read waited 30 s
for the same 500. Now a read while Postgres is down answers 503 in seconds with one line naming the database as
unreachable (no traceback in the log), a run request is refused the same way, and the first read and run once it is
back are served at once. A real `langgraph dev` driven through langgraph-sdk, on a cluster of its own
(tests.test_postgres_restart_cli.Cluster) stopped and started under it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev
from tests.service_threads import ANSWER, CONTEXT, started
from tests.slow_hook import release, slow_call
from tests.test_postgres_restart_cli import Cluster
from tests.test_postgres_restart_cli import cluster as cluster  # the fixture: a throwaway cluster

DOWN_S = 100.0  # long enough for psycopg_pool's doubling pause (1, 2, 4 ... s) to pass 30 s (sweep 41: minutes)
PROMPT_S = 8.0  # "at once": the pool waits 3 s for a connection, and a busy 2-core machine adds some


@pytest.fixture
def served(cluster: Cluster, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_CHECKPOINTER": cluster.url}
    with langgraph_dev(env, home=tmp_path / "server") as url:
        yield url, tmp_path / "server" / "server.log"


def _status(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """How long `call` took, and what it returned or raised."""
    start = time.monotonic()
    try:
        result: Any = call()
    except Exception as exc:
        result = exc
    return time.monotonic() - start, result


def _timed_read(client: Any, thread_id: str) -> tuple[float, Any]:
    return _timed(lambda: client.threads.get_state(thread_id))


def test_reads_while_postgres_is_down_answer_503_and_are_served_at_once_when_it_is_back(
    served: tuple[str, Path], cluster: Cluster
) -> None:
    url, log = served
    client: Any = dev_client(url)
    thread_id = started(client, "outage")
    cluster.stop()
    stopped = time.monotonic()
    took, read = _timed_read(client, thread_id)
    assert took < PROMPT_S and isinstance(read, Exception) and _status(read) == 503, (took, read)
    said = getattr(getattr(read, "response", None), "text", "")
    assert "cannot be reached" in said and "Postgres" in said, said
    begun = time.monotonic()
    with pytest.raises(Exception) as refused:  # an answer while it is down: told at once, nothing recorded
        client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    assert time.monotonic() - begun < 2 * PROMPT_S and _status(refused.value) == 503, refused.value
    time.sleep(max(0.0, DOWN_S - (time.monotonic() - stopped)))
    cluster.start()
    time.sleep(2)
    took, read = _timed_read(client, thread_id)
    assert took < PROMPT_S and isinstance(read, dict) and read["interrupts"], (took, read)
    result = client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    assert "__error__" not in result, result
    turns = client.threads.get_state(thread_id)["values"]["turns"]
    assert [t["answer"] for t in turns] == [ANSWER], turns
    text = log.read_text(errors="replace")
    assert "Exception in ASGI application" not in text and "Traceback" not in text, text[-3000:]
    assert "Postgres server cannot be reached" in text and "error connecting" not in text, text[-3000:]


def test_a_run_in_flight_when_postgres_stops_fails_in_one_log_line(cluster: Cluster, tmp_path: Path) -> None:
    armed = tmp_path / "armed"  # the hook pauses the first grading of an answer once this file exists
    env, mark = slow_call(tmp_path / "hook", "agent.nodes.critique", "critique_answer",
                          condition=f"os.path.exists({str(armed)!r})", seconds=60)  # fmt: skip
    env |= {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_CHECKPOINTER": cluster.url}
    with langgraph_dev(env, home=tmp_path / "server") as url:
        client: Any = dev_client(url)
        thread_id = started(client, "in-flight")
        armed.touch()
        run = client.runs.create(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
        deadline = time.monotonic() + 120
        while not mark.exists():  # the answer's run grades it; its checkpoint is written after
            assert time.monotonic() < deadline, "the run never wrote its checkpoint"
            time.sleep(0.1)
        cluster.stop()
        release(mark)
        client.runs.join(thread_id, run["run_id"])
        told = client.runs.get(thread_id, run["run_id"])
    assert told["status"] == "error", told
    text = (tmp_path / "server" / "server.log").read_text(errors="replace")
    assert "Traceback" not in text and "Exception in ASGI application" not in text, text[-4000:]
    assert "the Postgres checkpointer cannot be reached" in text, text[-4000:]


ANSWERED_WITHIN_S = 5.0  # the pool waits 3 s for a connection before it calls the server down (agent.pg_pool)


def _timed_run(client: Any, thread_id: str, **run: Any) -> tuple[float, Any]:
    return _timed(lambda: client.runs.wait(thread_id, "interviewer", context=CONTEXT, **run))


def test_a_run_sent_while_postgres_is_down_is_answered_503_within_the_pool_wait(
    served: tuple[str, Path], cluster: Cluster
) -> None:
    """Sweep 42 F3: a new thread's first run, sent as the first request after Postgres stopped, was queued and failed:
    HTTP 200 with an `__error__` body after 6.5-6.8 s (the run check's lock waited 3 s for the pool and went on, and
    the run's checkpoint write waited 3 s more); a run on a thread with history got its 503 only after ~6 s. Both
    are answered 503 with the one line now, within the pool's 3 s wait."""
    url, log = served
    client: Any = dev_client(url)
    old = started(client, "outage-old")
    new = client.threads.create(metadata={"user_id": "outage-new"})["thread_id"]
    cluster.stop()
    took, result = _timed_run(client, new, input={})
    assert isinstance(result, Exception) and _status(result) == 503, (took, result)
    said = getattr(getattr(result, "response", None), "text", "")
    assert "cannot be reached" in said and "nothing was recorded" in said, said
    assert took < ANSWERED_WITHIN_S, took
    cluster.start()
    time.sleep(2)
    assert client.threads.get_state(old)["interrupts"]  # served again: the pools are back
    cluster.stop()
    took, result = _timed_run(client, old, command={"resume": ANSWER})
    assert isinstance(result, Exception) and _status(result) == 503, (took, result)
    assert took < ANSWERED_WITHIN_S, took
    cluster.start()
    time.sleep(2)
    first = client.runs.wait(new, "interviewer", input={}, context=CONTEXT)  # nothing of the refused run is left
    assert "__error__" not in first and first["__interrupt__"], first
    text = log.read_text(errors="replace")
    assert "Traceback" not in text and "Exception in ASGI application" not in text, text[-3000:]
