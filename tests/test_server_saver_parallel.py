"""The server's Postgres checkpointer (langgraph.json's, agent.server_checkpointer) writes checkpoints of different
threads at the same time on its pool: LangGraph's AsyncPostgresSaver holds one asyncio.Lock around every call, so
every run on the server queued its checkpoint reads and writes behind every other run's (agent.postgres_saver's
PooledAsyncPostgresSaver lifts it on a pool, as PooledPostgresSaver does for the terminal's saver).

A real `langgraph dev` on Postgres, driven through langgraph-sdk: once the server has made its tables, a trigger on
`checkpoints` makes each checkpoint insert take SLOW_S and notes when it began and ended in which Postgres backend
(a slow database or a far one). N interviews then start at once. With the lock, no two inserts ever overlap and the
starts take N times as long as one; without it, inserts of different runs overlap. The pool's size is a setting
(INTERVIEWER_PG_POOL) whose default follows the server's runs at once; a bad value stops the server with one line.

Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev, langgraph_dev_process
from evals.stub_openai import free_port
from tests.service_threads import CONTEXT
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server

SLOW_S = 0.15
RUNS = 8
SLOW_INSERTS = """
CREATE TABLE insert_windows (backend int, began timestamptz, ended timestamptz);
CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE began timestamptz := clock_timestamp();
BEGIN
  PERFORM pg_sleep(%(slow)s);
  INSERT INTO insert_windows VALUES (pg_backend_pid(), began, clock_timestamp());
  RETURN NEW;
END $$;
CREATE TRIGGER slow_insert BEFORE INSERT ON checkpoints FOR EACH ROW EXECUTE FUNCTION slow_insert();
"""


@pytest.fixture(scope="module")
def server(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data, home = tmp_path_factory.mktemp("saver-data"), tmp_path_factory.mktemp("saver-server")
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "hashing", "INTERVIEWER_CHECKPOINTER": pg_url}
    with langgraph_dev(env, home=home) as url:
        yield url


def most_at_once(windows: list[tuple[int, Any, Any]]) -> int:
    """The most inserts inside their slow part at one moment."""
    edges = sorted([(began, 1) for _, began, _ in windows] + [(ended, -1) for _, _, ended in windows],
                   key=lambda edge: (edge[0], edge[1]))  # fmt: skip
    inside = most = 0
    for _, step in edges:
        inside += step
        most = max(most, inside)
    return most


def test_checkpoints_of_concurrent_runs_are_written_at_the_same_time(server: str, pg_url: str) -> None:
    import psycopg

    client: Any = dev_client(server)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(SLOW_INSERTS.replace("%(slow)s", str(SLOW_S)))
    threads = [client.threads.create(metadata={"user_id": f"parallel-{n}"})["thread_id"] for n in range(RUNS)]

    def start(thread_id: str) -> str:
        first = dev_client(server).runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
        return str(first["__interrupt__"][0]["value"]["kind"])

    with ThreadPoolExecutor(RUNS) as pool:
        assert list(pool.map(start, threads)) == ["question"] * RUNS
    with psycopg.connect(pg_url, autocommit=True) as conn:
        windows: list[tuple[int, Any, Any]] = conn.execute(
            "SELECT backend, began, ended FROM insert_windows"
        ).fetchall()
    assert len(windows) >= RUNS  # every start wrote at least one checkpoint, each through the slow trigger
    assert most_at_once(windows) >= 2, f"{len(windows)} checkpoint inserts, never two at once"


@pytest.mark.parametrize(("jobs", "size"), [(None, 15), ("1", 10), ("20", 25), ("200", 40)])
def test_the_pool_follows_the_servers_runs_at_once(
    jobs: str | None, size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent.server_checkpointer import POOL_ENV, pool_size

    monkeypatch.delenv(POOL_ENV, raising=False)
    if jobs is None:
        monkeypatch.delenv("N_JOBS_PER_WORKER", raising=False)
    else:
        monkeypatch.setenv("N_JOBS_PER_WORKER", jobs)
    assert pool_size() == size
    monkeypatch.setenv(POOL_ENV, "7")
    assert pool_size() == 7


@pytest.mark.parametrize(("value", "kind"), [("many", "postgres"), ("0", "postgres"), ("-3", "postgres"),
                                             ("100000", "postgres"), ("abc", "sqlite"), ("0", "sqlite")])
def test_a_bad_pool_size_stops_the_server_with_one_line(value: str, kind: str, tmp_path: Path) -> None:
    """Also on a SQLite checkpointer, which never reads the setting (sweep 38 V25): a typo is said at start."""
    url = (f"postgresql://postgres@127.0.0.1:{free_port()}/interviewer" if kind == "postgres"  # never reached
           else str(tmp_path / "ck.sqlite"))  # fmt: skip
    env = {
        "INTERVIEWER_CHECKPOINTER": url,
        "INTERVIEWER_DATA_DIR": str(tmp_path / "data"),
        "INTERVIEWER_PG_POOL": value,
    }
    with (
        pytest.raises(RuntimeError, match=r"langgraph dev exited \(2\)"),
        langgraph_dev_process(env, home=tmp_path / "server", timeout=120),
    ):
        pass
    lines = (tmp_path / "server" / "server.log").read_text(errors="replace").splitlines()
    said = [line for line in lines if line.startswith("interviewer: ")]
    assert said == [f"interviewer: INTERVIEWER_PG_POOL={value} is not a pool size: give a whole number of connections "
                     "from 1 to 1000"], lines[-8:]  # fmt: skip
    assert not any("Traceback" in line for line in lines)
