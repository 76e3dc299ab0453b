"""Never adopt another program's Postgres database as the session store (the twin of agent.storage's
other_programs_tables for SQLite; sweep 33 S12: a database holding another application's tables got the saver's
and the registry's tables written beside them, and the session ran).

A database is the tool's when every table in its search path is one of: the tables the installed PostgresSaver's
migrations create (read from the saver, never a list kept here), the session registry's (agent.store_postgres) and
the tables a LangGraph server keeps in the same database (its runs, threads, assistants, crons and store, listed
below: the server's Postgres runtime is not installed here to ask). An empty database is a new one.
"""

from __future__ import annotations

import re
from typing import Any

_CREATED = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)", re.IGNORECASE)

# LangGraph server (langgraph-api's Postgres runtime) tables, beside the checkpointer's and the store's own
SERVER_TABLES = frozenset({
    "assistant", "assistant_versions", "thread", "thread_ttl", "run", "cron", "schema_migrations",
    "store", "store_vectors", "store_migrations", "vector_migrations",
})  # fmt: skip

TABLES_QUERY = (
    "SELECT table_name FROM information_schema.tables "
    "WHERE table_schema = ANY(current_schemas(false)) AND table_type = 'BASE TABLE'"
)


def own_tables() -> frozenset[str]:
    """Every table name this tool, its saver or a LangGraph server may keep in the session database."""
    from langgraph.checkpoint.postgres.base import BasePostgresSaver

    from agent.store_postgres import _SCHEMA

    made = {name for statement in (*BasePostgresSaver.MIGRATIONS, *_SCHEMA) for name in _CREATED.findall(statement)}
    return frozenset(name.lower() for name in made) | SERVER_TABLES


def others(names: list[Any]) -> list[str]:
    """The table names of `names` (rows of TABLES_QUERY, tuples or dicts) that are not the tool's, sorted."""
    found = {str(row["table_name"] if isinstance(row, dict) else row[0]) for row in names}
    return sorted(found - own_tables())


def foreign_message(setting: str, tables: list[str]) -> str:
    """The one line for a database with `tables` of another program; `setting` names where the URL came from."""
    shown = ", ".join(tables[:3]) + (f" and {len(tables) - 3} more" if len(tables) > 3 else "")
    return (f"{setting} is not a session database (its Postgres database holds tables of another program: {shown}); "
            "it was left untouched: give an empty database or one this tool made")  # fmt: skip


def foreign_tables(conn: Any) -> list[str]:
    """The tables of another program in the database of `conn` (an open psycopg connection; nothing is written)."""
    return others(conn.execute(TABLES_QUERY).fetchall())


async def foreign_tables_async(url: str, timeout: int = 5) -> list[str]:
    """As foreign_tables, on a new async connection to `url` (the server's start)."""
    import psycopg

    conn = await psycopg.AsyncConnection.connect(url, connect_timeout=timeout)
    try:
        cur = await conn.execute(TABLES_QUERY)
        return others(await cur.fetchall())
    finally:
        await conn.close()
