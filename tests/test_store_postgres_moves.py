"""The Postgres session registry's moves, each written in one statement: a move recorded again at an earlier number
replaces it and drops the ones after it (a retried move after a crash), and the session's count follows.

Needs INTERVIEWER_TEST_POSTGRES (.ci/run sets it)."""

from __future__ import annotations

import os

import pytest

from agent.session_lock import SessionLockedError
from tests.test_postgres import pg_url as pg_url  # the fixture: a fresh database on the test server


def test_a_move_recorded_again_replaces_it_and_drops_the_later_ones(pg_url: str) -> None:
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    store = backend.store
    try:
        store.hold("t1")
        store.register("t1", {"role": "director"}, "active")
        for seq, text in enumerate(["first", "second", "third"]):
            store.record_move("t1", seq, {"kind": "answer", "text": text})
        assert [m["text"] for m in store.moves("t1")] == ["first", "second", "third"]
        store.record_move("t1", 1, {"kind": "skip", "text": ""})
        assert store.moves("t1") == [{"kind": "answer", "text": "first"}, {"kind": "skip", "text": ""}]
        [row] = [r for r in store.listing() if r["thread_id"] == "t1"]
        assert row["moves"] == 2
        store.record_move("t1", 2, {"kind": "end", "text": ""})
        assert [m["kind"] for m in store.moves("t1")] == ["answer", "skip", "end"]
        # the lease taken and refused in one statement: another holder is named
        store._run(("UPDATE interview_sessions SET holder = 'pid 1 on elsewhere' WHERE thread_id = %s", ("t1",)))
        with pytest.raises(SessionLockedError, match="pid 1 on elsewhere"):
            store.hold("t1")
    finally:
        backend.close()


def test_an_end_recorded_marks_the_session_done_in_the_same_statement(pg_url: str) -> None:
    """A kill after /end but before the graph saved its step: the listing says done (resume finishes it) and a bare
    resume does not pick it as unfinished (sweep27 S11, on Postgres)."""
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    store = backend.store
    try:
        store.hold("t2")
        store.register("t2", {"role": "director"}, "active")
        store.record_move("t2", 0, {"kind": "answer", "text": "an answer"})
        # the row keeps the data folder the session was started with (a bare --resume on a shared store: stop 43)
        stored = {"role": "director", "data_folder": os.environ["INTERVIEWER_DATA_DIR"]}
        assert store.load("t2") == ("t2", stored, "active")
        assert store.load(None) is not None and store.load(None)[0] == "t2"  # type: ignore[index]
        store.record_move("t2", 1, {"kind": "end", "text": ""})
        assert store.load("t2") == ("t2", stored, "done")
        assert [r["status"] for r in store.listing() if r["thread_id"] == "t2"] == ["done"]
        assert store.load(None) is None
    finally:
        backend.close()


class _CountingPool:
    """The store's pool, counting the connections the store takes from it (the saver keeps the real pool)."""

    def __init__(self, pool: object) -> None:
        self.pool, self.taken = pool, 0

    def connection(self, *args: object, **kwargs: object) -> object:
        self.taken += 1
        return self.pool.connection(*args, **kwargs)  # type: ignore[attr-defined]

    def close(self) -> None:
        self.pool.close()  # type: ignore[attr-defined]


def test_calls_inside_one_connection_take_one_pooled_connection_and_each_is_kept(pg_url: str) -> None:
    import threading

    from agent.store_postgres import PostgresStore, open_postgres

    backend = open_postgres(pg_url)
    store = backend.store
    assert isinstance(store, PostgresStore)
    counting = store.pool = _CountingPool(store.pool)
    try:
        store.hold("t3")
        store.register("t3", {"role": "director"}, "active")
        counting.taken = 0
        seen: list[int] = []
        with store.one_connection():
            store.recheck("t3")
            store.record_move("t3", 0, {"kind": "answer", "text": "kept before the failure"})
            with store.one_connection():  # nested: still the same connection
                assert store.moves("t3") == [{"kind": "answer", "text": "kept before the failure"}]
            # another thread's call meanwhile takes a connection of its own, never this thread's
            other = threading.Thread(target=lambda: seen.append(len(store.moves("t3"))))
            other.start()
            other.join()
            with pytest.raises(Exception, match="no_such_table"):
                store._rows("SELECT * FROM no_such_table")
            store.record_move("t3", 1, {"kind": "skip", "text": ""})  # the connection still works after an error
        assert counting.taken == 2  # the block's one, and the other thread's
        assert seen == [1]
        # every statement autocommitted: a fresh connection reads both moves
        with backend.saver.conn.connection() as conn:
            row = conn.execute("SELECT count(*) AS n FROM interview_moves WHERE thread_id = 't3'").fetchone()
        assert row["n"] == 2
        counting.taken = 0
        store.moves("t3")  # outside the block: a connection per call again
        store.moves("t3")
        assert counting.taken == 2
    finally:
        backend.close()


def test_a_submitted_answer_takes_one_connection_for_its_checks_and_record(pg_url: str) -> None:
    """submit() checks the lease, reads the moves and records the move: one pooled connection, not one each."""
    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.store_postgres import PostgresStore, open_postgres

    backend = open_postgres(pg_url)
    assert isinstance(backend.store, PostgresStore)
    counting = backend.store.pool = _CountingPool(backend.store.pool)
    try:
        ctx = Context(role="director", questions=2, follow_ups=0, seed=3, offline=True)
        driver = InterviewDriver(ctx, checkpointer=backend)
        driver.start()
        counting.taken = 0
        driver.submit("We split the team's on-call rota in two and paged half as often within a month.")
        assert counting.taken == 1
        driver.close()
        assert [m["kind"] for m in backend.store.moves(driver.thread_id)] == ["answer"]
    finally:
        backend.close()


def test_a_submitted_answer_takes_one_pooled_connection_for_the_store_and_the_checkpoint(pg_url: str) -> None:
    """The whole turn (lease, moves, record, checkpoint read and writes, the writes on LangGraph's own threads) waits
    for the pool once, and every write is there afterwards on a fresh connection."""
    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    pool = backend.saver.conn
    assert pool is backend.store.pool  # type: ignore[attr-defined]
    taken: list[int] = []
    getconn = pool.getconn

    def counted(*args: object, **kwargs: object) -> object:
        taken.append(1)
        return getconn(*args, **kwargs)

    pool.getconn = counted
    try:
        ctx = Context(role="director", questions=2, follow_ups=0, seed=4, offline=True)
        driver = InterviewDriver(ctx, checkpointer=backend)
        driver.start()
        taken.clear()
        driver.submit("Our release train kept slipping, so I cut the batch size in half and we shipped weekly again.")
        assert len(taken) == 1
        taken.clear()
        done = driver.submit("I sat with the two leads, wrote down what each team owned and the pages fell by a third.")
        assert done.kind == "done" and len(taken) == 1
        driver.close()
    finally:
        pool.getconn = getconn
    reopened = open_postgres(pg_url)
    try:
        other = InterviewDriver.resume(driver.thread_id, checkpointer=reopened)
        turns = other.values()["turns"]
        assert [t["answer"][:9] for t in turns] == ["Our relea", "I sat wit"]
        assert [m["kind"] for m in reopened.store.moves(driver.thread_id)] == ["answer", "answer"]
        other.close()
    finally:
        reopened.close()
    backend.close()


def test_a_turn_connection_is_shared_by_threads_that_copy_the_context_one_call_at_a_time(pg_url: str) -> None:
    import contextvars
    import threading

    from agent.store_postgres import open_pool

    pool = open_pool(pg_url, max_size=3)
    try:
        seen: list[int] = []
        inside = threading.Event()
        with pool.one_turn():
            with pool.connection() as mine:
                pid = mine.info.backend_pid

            def other() -> None:
                with pool.connection() as conn:
                    seen.append(conn.info.backend_pid)
                    inside.set()
                    conn.execute("SELECT pg_sleep(0.2)")

            worker = threading.Thread(target=contextvars.copy_context().run, args=(other,))
            worker.start()
            inside.wait(5)
            with pool.connection() as again:  # waits for the other thread's call to end, then the same connection
                assert again.info.backend_pid == pid
                assert again.execute("SELECT 1 AS one").fetchone()["one"] == 1
            worker.join()
            stranger: list[int] = []  # a thread that does not copy the context takes its own connection
            plain = threading.Thread(target=lambda: stranger.append(_pid(pool)))
            plain.start()
            plain.join()
        assert seen == [pid] and stranger and stranger[0] != pid
        after = threading.Thread(target=contextvars.copy_context().run, args=(lambda: seen.append(_pid(pool)),))
        after.start()
        after.join()
        assert len(seen) == 2  # a call after the block ended works, on any pooled connection
    finally:
        pool.close()


def _pid(pool: object) -> int:
    with pool.connection() as conn:  # type: ignore[attr-defined]
        return int(conn.info.backend_pid)


def test_the_last_answer_gives_its_connection_back_before_the_report_is_written(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every other connection of the pool taken, another session's call made while the report is written gets
    the turn's connection at once: the report is files only, and the connection is not held for it."""
    import threading

    import agent.driver
    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.store_postgres import open_postgres

    monkeypatch.setenv("INTERVIEWER_PG_POOL", "2")
    backend = open_postgres(pg_url)
    other: list[int] = []
    write_report = agent.driver.write_report

    def meanwhile(*args: object, **kwargs: object) -> object:
        reader = threading.Thread(target=lambda: other.append(len(backend.store.moves(driver.thread_id))))
        reader.start()
        reader.join(timeout=5)
        return write_report(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(agent.driver, "write_report", meanwhile)
    try:
        driver = InterviewDriver(Context(role="director", questions=1, follow_ups=0, seed=5, offline=True),
                                 checkpointer=backend)  # fmt: skip
        driver.start()
        pool = backend.saver.conn
        taken = pool.getconn()  # the pool's other connection, busy elsewhere
        try:
            done = driver.submit("We froze new features for two sprints, paid down the flaky tests and cut rollbacks.")
        finally:
            pool.putconn(taken)
        assert done.kind == "done" and done.report is not None
        assert other == [1]  # read while the report was written, not after the reader gave up
        driver.close()
    finally:
        backend.close()


def test_recheck_moves_reads_a_fresh_lease_of_ours_and_renews_takes_or_refuses_the_others(pg_url: str) -> None:
    """A fresh lease of this process is read, not written again, with the session's move count; one with less than
    RENEW_BELOW left is renewed, a lapsed one of another host taken, a live one of another host refused."""
    import time

    from agent.store_postgres import LEASE_S, RENEW_BELOW, open_postgres

    backend = open_postgres(pg_url)
    store = backend.store

    def lease() -> float:
        return float(store._rows("SELECT held_until FROM interview_sessions WHERE thread_id = 't5'")[0][0])

    try:
        store.hold("t5")
        store.register("t5", {"role": "director"}, "active")
        assert store.recheck_moves("t5") == 0
        store.record_move("t5", 0, {"kind": "answer", "text": "one"})
        store.record_move("t5", 1, {"kind": "answer", "text": "two"})
        before = lease()
        assert store.recheck_moves("t5") == 2
        assert lease() == before  # read only
        store._run(("UPDATE interview_sessions SET held_until = %s WHERE thread_id = 't5'", (time.time() + 5,)))
        assert store.recheck_moves("t5") == 2
        assert lease() > time.time() + RENEW_BELOW  # renewed
        store._run(("UPDATE interview_sessions SET holder = 'pid 1 on elsewhere' WHERE thread_id = 't5'", ()))
        with pytest.raises(SessionLockedError, match="pid 1 on elsewhere"):
            store.recheck_moves("t5")
        store._run(("UPDATE interview_sessions SET held_until = %s WHERE thread_id = 't5'", (time.time() - 1,)))
        assert store.recheck_moves("t5") == 2  # lapsed: taken back
        assert lease() > time.time() + LEASE_S - 60
    finally:
        backend.close()


def test_an_answer_after_another_process_took_or_answered_the_session_is_refused_on_postgres(pg_url: str) -> None:
    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.session_lock import SessionTakenError
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    store = backend.store
    try:
        for case in ("held", "answered"):
            driver = InterviewDriver(Context(role="director", questions=3, follow_ups=0, seed=6, offline=True),
                                     checkpointer=backend)  # fmt: skip
            driver.start()
            driver.submit("I rewrote the deploy checklist with the on-call lead and we stopped missing steps.")
            if case == "held":
                sql = "UPDATE interview_sessions SET holder = 'pid 1 on elsewhere' WHERE thread_id = %s"
                store._run((sql, (driver.thread_id,)))
            else:
                store.record_move(driver.thread_id, 1, {"kind": "skip", "text": ""})
            with pytest.raises(SessionTakenError):
                driver.submit("A second answer that must not land after theirs.")
            kept = ["answer"] if case == "held" else ["answer", "skip"]  # theirs stays, ours is not added
            assert [m["kind"] for m in store.moves(driver.thread_id)] == kept
    finally:
        backend.close()


def test_a_run_whose_checkpoint_write_fails_leaves_no_part_of_it_and_the_next_call_catches_up(pg_url: str) -> None:
    """The run's checkpoint and its pending writes commit together: a failure after the checkpoint was sent leaves
    the session's last checkpoint as it was (the move is in the registry), and the next call grades it from there."""
    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.store_postgres import open_postgres

    backend = open_postgres(pg_url)
    saver = backend.saver
    try:
        driver = InterviewDriver(Context(role="director", questions=2, follow_ups=0, seed=8, offline=True),
                                 checkpointer=backend)  # fmt: skip
        driver.start()
        config = {"configurable": {"thread_id": driver.thread_id, "checkpoint_ns": ""}}
        before = saver.get_tuple(config).config["configurable"]["checkpoint_id"]  # type: ignore[union-attr]
        put = type(saver).put

        def put_then_fail(self: object, *args: object, **kwargs: object) -> object:
            put(self, *args, **kwargs)  # type: ignore[arg-type]
            raise RuntimeError("the line dropped after the checkpoint was sent")

        saver.put = put_then_fail.__get__(saver)  # type: ignore[method-assign]
        with pytest.raises(RuntimeError, match="line dropped"):
            driver.submit("We moved the nightly batch to a queue and the morning reports were on time for a quarter.")
        del saver.put
        assert saver.get_tuple(config).config["configurable"]["checkpoint_id"] == before  # type: ignore[union-attr]
        assert [m["kind"] for m in backend.store.moves(driver.thread_id)] == ["answer"]
        step = driver.pending()  # caught up from the registry: the answer graded, the second question asked
        assert step.kind == "question" and step.turn_index == 1
        assert [t["answer"][:8] for t in driver.values()["turns"]] == ["We moved"]
        driver.close()
    finally:
        backend.close()


def test_a_process_runs_thirty_sessions_turns_at_once_by_default(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each turn holds a connection: the default pool lets 30 sessions' turns of one process hold theirs at once."""
    import threading

    from agent.store_postgres import open_pool

    monkeypatch.delenv("INTERVIEWER_PG_POOL", raising=False)
    pool = open_pool(pg_url)
    together = threading.Barrier(30, timeout=20)
    failed: list[BaseException] = []

    def turn() -> None:
        try:
            with pool.one_turn(), pool.connection() as conn:
                conn.execute("SELECT 1")
                together.wait()  # every turn holds its connection here at the same time
        except BaseException as exc:  # reported below
            failed.append(exc)

    try:
        threads = [threading.Thread(target=turn) for _ in range(30)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not failed
    finally:
        pool.close()
