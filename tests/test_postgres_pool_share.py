"""The driver path's Postgres pool, unset INTERVIEWER_PG_POOL: no more than its share of the server's connections.

With a pool of 30 per process, four load or server workers could ask Postgres's default max_connections (100, 3 of
them kept for superusers) for 120 connections, and whatever connected next was refused. The default is now cut to
a fifth of what the server accepts; a size given in INTERVIEWER_PG_POOL is taken as given.
The pool tests need INTERVIEWER_TEST_POSTGRES (.ci/run sets it)."""

from __future__ import annotations

import pytest

from agent.store_postgres import fair_share, open_pool
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server


def test_a_process_takes_a_fifth_of_the_servers_connections() -> None:
    assert fair_share(100, 3) == 19  # Postgres's defaults: four workers and a terminal fit in 97
    assert 4 * fair_share(100, 3) + 2 <= 100 - 3
    assert fair_share(300, 3) == 59
    assert fair_share(10, 3) == 2  # a tiny server still gives a turn and a read their connections


def _server_share(pool: object) -> int:
    with pool.connection() as conn:  # type: ignore[attr-defined]
        row = conn.execute(
            "SELECT current_setting('max_connections')::int AS m, "
            "current_setting('superuser_reserved_connections')::int AS r"
        ).fetchone()
    return fair_share(int(row["m"]), int(row["r"]))


def test_the_default_pool_is_cut_to_the_servers_share(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVIEWER_PG_POOL", raising=False)
    pool = open_pool(pg_url)
    try:
        assert pool.max_size == min(30, _server_share(pool))
    finally:
        pool.close()


def test_a_size_given_is_taken_as_given(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_PG_POOL", "250")
    pool = open_pool(pg_url)
    try:
        assert pool.max_size == 250
    finally:
        pool.close()
    monkeypatch.setenv("INTERVIEWER_PG_POOL", "3")
    pool = open_pool(pg_url)
    try:
        assert pool.max_size == 3
    finally:
        pool.close()
