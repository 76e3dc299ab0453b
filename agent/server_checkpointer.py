"""The checkpointer LangGraph Server uses for the interview graph (langgraph.json's `checkpointer.path`).

INTERVIEWER_CHECKPOINTER picks it, as for the terminal:
    postgresql://user@host/db   AsyncPostgresSaver on a psycopg async pool (tables created on start)
    a path to a .sqlite file    AsyncSqliteSaver
    unset, or memory:           InMemorySaver (threads last as long as the server process)
The server opens it once at start and closes it at shutdown.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver

POOL_SIZE = int(os.environ.get("INTERVIEWER_PG_POOL", "20"))


@asynccontextmanager
async def checkpointer() -> AsyncIterator[BaseCheckpointSaver[Any]]:
    url = os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()
    if url.startswith(("postgresql://", "postgres://")):
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
        from psycopg.rows import dict_row
        from psycopg_pool import AsyncConnectionPool

        from agent.store_postgres import SETUP_LOCK_KEY, SETUP_WAIT_S

        kwargs = {"autocommit": True, "prepare_threshold": None, "row_factory": dict_row}
        async with AsyncConnectionPool(url, max_size=POOL_SIZE, kwargs=kwargs, open=False) as pool:
            postgres = AsyncPostgresSaver(pool)  # type: ignore[arg-type]
            async with pool.connection() as conn:  # one setup at a time (see agent.store_postgres.setup_lock)
                for _ in range(int(SETUP_WAIT_S / 0.05)):
                    cur = await conn.execute("SELECT pg_try_advisory_lock(%s) AS held", (SETUP_LOCK_KEY,))
                    held: Any = await cur.fetchone()  # a dict row (the pool's row_factory)
                    if held and held["held"]:
                        break
                    await asyncio.sleep(0.05)
                try:
                    await postgres.setup()
                finally:
                    await conn.execute("SELECT pg_advisory_unlock_all()")
            yield postgres
    elif url and url != "memory:":
        from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

        async with AsyncSqliteSaver.from_conn_string(url) as sqlite:
            yield sqlite
    else:
        from langgraph.checkpoint.memory import InMemorySaver

        yield InMemorySaver()
