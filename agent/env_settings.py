"""The numeric INTERVIEWER_* settings, read in one place and checked at start (sweep 37 V21).

A value that is not what a setting accepts (INTERVIEWER_LLM_TIMEOUT=abc, INTERVIEWER_LLM_THREADS=0) used to be
replaced by the default without a word; now the server (agent.server_checkpointer's start hook) and the terminal
(agent.session) refuse it at start with one line naming the variable and what it accepts, as a short
INTERVIEWER_AUTH_SECRET is refused. Unset or empty still means the default. The readers (`value`) keep falling back
to the default, so importing a module that reads one at import time never fails before the start check can speak.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["CLI_SETTINGS", "SERVER_SETTINGS", "SETTINGS", "problem", "value"]


def _whole(low: int, high: int | None) -> Callable[[str], float | None]:
    """A parser of whole numbers from `low` to `high` (no upper end when None)."""

    def parse(text: str) -> float | None:
        # isdigit keeps out signs, dots and spaces; the length keeps int() off a 5,000-digit string
        if not (text.isascii() and text.isdigit()) or len(text) > 12:
            return None
        number = int(text)
        return number if number >= low and (high is None or number <= high) else None

    return parse


def _seconds(text: str) -> float | None:
    """A finite number of seconds above 0."""
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number > 0 and math.isfinite(number) else None


@dataclass(frozen=True)
class Setting:
    """One numeric environment setting: its default and what it accepts, said when a value is refused."""

    name: str
    default: float
    accepts: str
    parse: Callable[[str], float | None]


SETTINGS = {
    s.name: s
    for s in (
        Setting("INTERVIEWER_LLM_TIMEOUT", 30.0, "a number of seconds above 0 (default 30)", _seconds),
        Setting("INTERVIEWER_LLM_THREADS", 32, "a whole number of model calls at once, 1 or more (default 32)",
                _whole(1, None)),
        Setting("INTERVIEWER_INDEX_CACHE_MB", 256, "a whole number of megabytes, 1 or more (default 256)",
                _whole(1, None)),
        # the server's default depends on its jobs (agent.server_checkpointer.pool_size). The terminal's is 30: a
        # turn holds one connection from its move's record to its checkpoint (agent.pg_pool), so this is also how
        # many sessions' turns a process runs at once (load43: 10 queued a load worker's turns behind ones waiting
        # for the disk); the pool opens connections only as they are wanted (a terminal uses one or two). Unset, it is
        # also cut to a fifth of the server's max_connections (agent.store_postgres.fair_share: 19 of Postgres's 100).
        Setting("INTERVIEWER_PG_POOL", 30, "a whole number of connections from 1 to 1000", _whole(1, 1000)),
    )
}  # fmt: skip
# What each program reads: the terminal has no INTERVIEWER_LLM_TIMEOUT (its model calls use the Context's limit);
# the server refuses a bad INTERVIEWER_PG_POOL in server_checkpointer.pool_size, when its checkpointer is Postgres.
SERVER_SETTINGS = ("INTERVIEWER_LLM_TIMEOUT", "INTERVIEWER_LLM_THREADS", "INTERVIEWER_INDEX_CACHE_MB")
CLI_SETTINGS = ("INTERVIEWER_LLM_THREADS", "INTERVIEWER_INDEX_CACHE_MB", "INTERVIEWER_PG_POOL")


def _given(name: str, env: Mapping[str, str]) -> str:
    return (env.get(name) or "").strip()


def value(name: str, env: Mapping[str, str] | None = None) -> float:
    """The setting's value; its default when unset, empty or not accepted (the start check has refused that)."""
    setting = SETTINGS[name]
    given = _given(name, os.environ if env is None else env)
    parsed = setting.parse(given) if given else None
    return setting.default if parsed is None else parsed


def problem(names: tuple[str, ...], env: Mapping[str, str] | None = None) -> str | None:
    """One line for the first of `names` whose value is set but not accepted, else None."""
    for name in names:
        given = _given(name, os.environ if env is None else env)
        if given and SETTINGS[name].parse(given) is None:
            shown = given if given.isprintable() and len(given) <= 40 else repr(given[:40])
            return f"{name}={shown} is not accepted: give {SETTINGS[name].accepts}, or leave it unset"
    return None
