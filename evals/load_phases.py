"""`python -m evals.load --phases`: where a turn's time goes, for the slowest turns against the median ones.

Inside a load worker, install() wraps the calls a turn makes (on the worker's own backend and in the agent's
modules, in that process only) with timers; the load driver brackets each timed turn with begin() and end().
Each phase's time is exclusive: a checkpoint write that waits for a pooled connection counts that wait under
"pool wait", not twice. Per phase the wall time and the calling thread's CPU time (time.thread_time) are kept;
wall minus CPU in a phase that does no I/O (the critic, the graph's own steps) is time the thread was ready but
not running: the GIL held by another session's thread, or the OS running another process. LangGraph writes the
checkpoint and its pending writes on two background threads at once: each counts its own time (both may wait for
the same lock), so the phases of a turn can add up to more than the turn; the span they cover is taken off "graph".

    saver lock         waiting for the checkpoint saver's lock (LangGraph's savers take one around each call)
    pool wait          getting a connection from the psycopg pool (all Postgres calls below)
    journal            the move written to the session registry before grading (store.record_move)
    answer journal     the move's file in the answer journal (SQLite backends only)
    checkpoint read    the saver's get_tuple at the start of the run
    checkpoint write   the saver's put / put_writes at the end of the run (durability="exit")
    story search       waiting for the question's story hits (the search pool)
    told story         finding the story the answer retells
    critic             the offline critique of the answer (agent.nodes.critique.judge)
    history            the session's progress written to the history feed (record_progress)
    settle             the journal's safe point (settle_journal)
    graph              the rest of graph.invoke: LangGraph's own steps, the other nodes
    driver             the rest of submit(): the driver's own code

Besides time, each turn's calls are counted (the mean per turn over all timed turns, "calls_per_turn"): the
saver's calls by name (get_tuple, put, put_writes, list), the times its lock is taken (a call that goes to the
server), the connections taken from the pool, and the SQL statements sent (psycopg cursors: an executemany counts
each of its rows). Counts do not depend on the
machine's load, so they compare two versions where a noisy wall-clock p95 cannot.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

COUNTED = ("get_tuple", "put", "put_writes", "list", "saver calls", "saver lock", "connections", "SQL statements")
PHASES = ("saver lock", "pool wait", "journal", "answer journal", "checkpoint read", "checkpoint write", "story search",
          "told story", "critic", "history", "settle", "graph", "driver")  # fmt: skip
# The turn being timed: a context variable, so the checkpoint writes LangGraph runs on its background threads (it
# copies the context into them) count for the turn that made them. Each thread keeps its own stack of open phases.
_TURN: ContextVar[_Turn | None] = ContextVar("load_phase_turn", default=None)
_local = threading.local()


class _Turn:
    def __init__(self) -> None:
        self.owner = threading.get_ident()
        self.spent: dict[str, list[float]] = {}  # phase -> [wall s, thread CPU s]
        self.counts: dict[str, int] = {}  # what COUNTED names -> calls made for this turn
        self.background: list[tuple[float, float]] = []  # (start, end) of phases run on another thread
        self.lock = threading.Lock()


class _Frame:
    __slots__ = ("child_cpu", "child_wall", "cpu", "name", "wall")

    def __init__(self, name: str) -> None:
        self.name, self.wall, self.cpu = name, time.perf_counter(), time.thread_time()
        self.child_wall = self.child_cpu = 0.0


def _stack() -> list[_Frame]:
    stack: list[_Frame] | None = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


def _pop(turn: _Turn, frame: _Frame) -> None:
    stack = _stack()
    stack.pop()
    now = time.perf_counter()
    wall, cpu = now - frame.wall, time.thread_time() - frame.cpu
    with turn.lock:
        spent = turn.spent.setdefault(frame.name, [0.0, 0.0])
        spent[0] += wall - frame.child_wall
        spent[1] += cpu - frame.child_cpu
        if not stack and threading.get_ident() != turn.owner:
            turn.background.append((frame.wall, now))
    if stack:
        stack[-1].child_wall += wall
        stack[-1].child_cpu += cpu


def timed(name: str, call: Callable[..., Any]) -> Callable[..., Any]:
    """`call`, its time counted under `name` when it runs for a timed turn (on its thread or one it started)."""

    @functools.wraps(call)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        turn = _TURN.get()
        if turn is None:  # not for a timed turn (a warm-up, the read-back, a prefetch)
            return call(*args, **kwargs)
        frame = _Frame(name)
        _stack().append(frame)
        try:
            return call(*args, **kwargs)
        finally:
            _pop(turn, frame)

    return wrapper


def counted(names: tuple[str, ...], call: Callable[..., Any], rows: bool = False) -> Callable[..., Any]:
    """`call`, each of its calls for a timed turn counted under every one of `names` (`rows`: the call is an
    executemany, counted once per row of its second argument)."""

    @functools.wraps(call)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        turn = _TURN.get()
        if turn is not None:
            n = 1
            if rows:
                args = (args[0], args[1], list(args[2]), *args[3:])  # a generator is read once, here
                n = len(args[2])
            with turn.lock:
                for name in names:
                    turn.counts[name] = turn.counts.get(name, 0) + n
        return call(*args, **kwargs)

    return wrapper


def _count_calls(kind: Any, pool: Any) -> None:
    """Count the saver's calls by name, the pool's connections and the SQL statements psycopg sends."""
    for name in ("get_tuple", "put", "put_writes", "list"):
        if hasattr(kind, name):
            setattr(kind, name, counted((name, "saver calls"), getattr(kind, name)))
    if pool is not None and hasattr(pool, "getconn"):
        pool.getconn = counted(("connections",), pool.getconn)
    try:
        import psycopg
    except ImportError:  # no Postgres driver: no SQL of ours is sent through psycopg
        return
    psycopg.Cursor.execute = counted(("SQL statements",), psycopg.Cursor.execute)  # type: ignore[method-assign]
    psycopg.Cursor.executemany = counted(  # type: ignore[method-assign]
        ("SQL statements",), psycopg.Cursor.executemany, rows=True
    )


class _TimedLock:
    """A saver's lock (LangGraph's savers hold one around each database call), its acquiring timed."""

    def __init__(self, lock: Any) -> None:
        self.lock = lock
        self.acquire_timed = counted(("saver lock",), timed("saver lock", lock.acquire))

    def __enter__(self) -> bool:
        return bool(self.acquire_timed())

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


def _time_locks(kind: Any, saver: Any) -> None:
    """Time the wait for the lock of `saver` and of every saver of its kind made from now on."""
    if not hasattr(saver, "lock") or not hasattr(saver.lock, "acquire"):
        return
    saver.lock = _TimedLock(saver.lock)
    made = kind.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        self.lock = _TimedLock(self.lock)

    kind.__init__ = __init__


def install(backend: Any) -> None:
    """Wrap the calls of a turn in this process (a load worker: nothing else runs here)."""
    from langgraph.pregel import Pregel

    import agent.answer_journal
    import agent.driver
    import agent.nodes.critique
    import agent.nodes.retrieve

    store = backend.store
    pool = getattr(store, "pool", None)
    if pool is not None and hasattr(pool, "getconn"):
        pool.getconn = timed("pool wait", pool.getconn)
    store.record_move = timed("journal", store.record_move)
    kind = type(backend.saver)  # the class: a session may run on a saver of its own (every one of this kind is timed)
    kind.get_tuple = timed("checkpoint read", kind.get_tuple)
    kind.put = timed("checkpoint write", kind.put)
    kind.put_writes = timed("checkpoint write", kind.put_writes)
    _time_locks(kind, backend.saver)
    _count_calls(kind, pool)
    agent.answer_journal.record = timed("answer journal", agent.answer_journal.record)
    retrieve = agent.nodes.retrieve
    retrieve.search_stories = timed("story search", retrieve.search_stories)
    retrieve.told_story = timed("told story", retrieve.told_story)
    agent.nodes.critique.judge = timed("critic", agent.nodes.critique.judge)
    agent.driver.record_progress = timed("history", agent.driver.record_progress)
    agent.driver.settle_journal = timed("settle", agent.driver.settle_journal)
    Pregel.invoke = timed("graph", Pregel.invoke)  # type: ignore[method-assign]


def begin() -> Any:
    """A timed turn starts on this thread: what it spends outside the phases counts as "driver"."""
    turn = _Turn()
    token = _TURN.set(turn)
    _stack().append(_Frame("driver"))
    return token, turn


def end(started: Any) -> dict[str, Any]:
    """The turn's phases: {phase: [wall s, thread CPU s]}, and its calls under "calls" ({name: count}). The graph's
    thread waits while its background threads write the checkpoint: the span they cover is taken off "graph" so no
    time counts twice."""
    token, turn = started
    _pop(turn, _stack()[-1])
    _TURN.reset(token)
    covered, reach = 0.0, float("-inf")
    for start, stop in sorted(turn.background):
        covered += max(0.0, stop - max(start, reach))
        reach = max(reach, stop)
    if "graph" in turn.spent:
        turn.spent["graph"][0] = max(0.0, turn.spent["graph"][0] - covered)
    return {**turn.spent, "calls": dict(turn.counts)}


def breakdown(turns: list[dict[str, Any]], walls: list[float]) -> dict[str, Any]:
    """Mean ms per phase (wall / CPU) of the slowest 5% of turns and of the median band (the turns between the
    45th and 55th percentile), with each group's mean turn time; and the mean calls per turn over all turns."""
    order = sorted(range(len(walls)), key=walls.__getitem__)
    n = len(order)
    if not n:
        return {}
    slow = order[n - max(1, n // 20) :]
    middle = order[int(n * 0.45) : max(int(n * 0.55), int(n * 0.45) + 1)]

    def mean(group: list[int]) -> dict[str, Any]:
        turn_ms = round(sum(walls[i] for i in group) / len(group) * 1e3, 1)
        out: dict[str, Any] = {"turns": len(group), "turn_ms": turn_ms}
        for phase in PHASES:
            wall = sum(turns[i].get(phase, [0.0, 0.0])[0] for i in group) / len(group)
            cpu = sum(turns[i].get(phase, [0.0, 0.0])[1] for i in group) / len(group)
            if wall or cpu:
                out[phase] = [round(wall * 1e3, 1), round(cpu * 1e3, 1)]
        return out

    calls = {name: round(sum(t.get("calls", {}).get(name, 0) for t in turns) / n, 2) for name in COUNTED}
    return {"slowest_5pct": mean(slow), "median_band": mean(middle), "units": "ms per turn: [wall, thread CPU]",
            "calls_per_turn": {name: count for name, count in calls.items() if count}}  # fmt: skip
