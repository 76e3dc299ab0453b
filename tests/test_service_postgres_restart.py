"""The service on a Postgres checkpointer after that Postgres server restarts (sweep 40 P5b / P5c).

A routine restart left the server's pooled connections dead: reading a thread answered HTTP 500 five times in a
row (one "Exception in ASGI application" traceback per stale connection), and the first answer after the restart
failed with CheckpointerFault although Postgres was back. The pools now check a connection before handing it out,
so the first read and the first answer after the restart work. A real `langgraph dev` driven through langgraph-sdk,
on a Postgres cluster of its own (tests.test_postgres_restart_cli.Cluster) restarted under it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev
from tests.service_threads import ANSWER, CONTEXT, started
from tests.test_postgres_restart_cli import Cluster
from tests.test_postgres_restart_cli import cluster as cluster  # the fixture: a throwaway cluster


@pytest.fixture
def server(cluster: Cluster, tmp_path: Path) -> Iterator[str]:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_CHECKPOINTER": cluster.url}
    with langgraph_dev(env, home=tmp_path / "server") as url:
        yield url


def test_reads_and_answers_work_right_after_a_postgres_restart(server: str, cluster: Cluster) -> None:
    client: Any = dev_client(server)
    threads = [started(client, f"restart-{n}") for n in range(4)]  # several pooled connections in use
    for thread_id in threads:
        client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    cluster.restart()
    for thread_id in threads:  # each read and run once: a stale connection failed the first ones (HTTP 500)
        assert client.threads.get_state(thread_id)["interrupts"], thread_id
        result = client.runs.wait(thread_id, "interviewer", command={"resume": f"{ANSWER} Again."}, context=CONTEXT)
        assert "__error__" not in result, result
        turns = client.threads.get_state(thread_id)["values"]["turns"]
        assert [t["answer"] for t in turns] == [ANSWER, f"{ANSWER} Again."], turns
