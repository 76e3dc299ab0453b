"""InterviewDriver: the one API the terminal session and the eval runner use to run an interview.

    driver = InterviewDriver(Context(role="director", seed=7))       # new session, on the configured backend
    step = driver.start()            # Step(kind="question", text=opening + first question, ...)
    step = driver.submit("answer")   # step.last = TurnRecord of that answer; step = follow-up or next question
    step = driver.skip()             # skip the pending question or follow-up
    step = driver.end()              # stop now; step.kind == "done", step.report = scorecard + file paths
    hit = driver.hint()              # best matching prepared story for the pending question (no state change)
    driver.close()                   # close the session database this driver opened

    driver = InterviewDriver.resume()           # latest unfinished session (or resume(thread_id=...))
    step = driver.pending()                     # the question waiting for an answer, or the done step

Every call returns a Step. submit/skip/end first journal the move in the session registry (durable the
moment it is submitted), then resume the graph with Command(resume={"kind", "text"}); the checkpoint is
written (durability="exit") before the call returns, then the store reaches a safe point. A resume first
catches the checkpoint up with the journal (agent.recovery). A driver holds its session while it runs
(agent.session_lock); a second process gets SessionLockedError naming the holder. When the graph ends, the
report is written to data_dir()/reports/<thread>.md and .json (idempotent) and Step.report carries the
scorecard and the paths. The backend (SQLite, Postgres, memory) comes from agent.backend.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from langchain_core.runnables import RunnableConfig
from langgraph.types import Command

from agent import answer_journal
from agent.backend import Backend, backend_for, open_backend
from agent.checkpoint import SqliteStore
from agent.coaching.record import record_progress
from agent.context import Context, new_session_id, with_seed
from agent.graph import graph_with
from agent.hint_choice import off_topic_told
from agent.nodes.critique import warm_up
from agent.nodes.plan import load_pack
from agent.nodes.retrieve import open_index, prefetch_stories, search_stories, story_index
from agent.planning import load_recent, record_session
from agent.recovery import catch_up, moves_in, settle_journal
from agent.report import report_paths, write_report
from agent.resume_pick import draft_sessions
from agent.session_lock import SessionLockedError, SessionTakenError
from agent.state import TurnRecord
from agent.storage import StorageError, storage_error, unreachable_error
from knowledge.paths import write_private

StepKind = Literal["question", "follow_up", "done"]


class SessionNotFoundError(LookupError):
    """No session to resume (unknown thread id, or none unfinished)."""


class SessionExistsError(RuntimeError):
    """start() was asked to begin a new session under an id that already has one."""


@dataclass
class Step:
    """What the interviewer does now.

    kind: "question" | "follow_up" | "done"; text: what the interviewer says (opening/transition included);
    question: the bare question or follow-up; question_id / turn_index (0-based main question) / total:
    where we are; probes: the gap a follow-up chases; last: the TurnRecord of the answer just submitted
    (or skipped); report: when done, {"scorecard", "markdown", "json", "closing"}.
    """

    kind: StepKind
    text: str
    question_id: str | None = None
    turn_index: int = 0
    total: int = 0
    question: str = ""
    probes: str | None = None
    last: TurnRecord | None = None
    report: dict[str, Any] | None = None
    notices: list[str] = field(default_factory=list)
    main_question: str = ""  # for a follow-up: the main question it follows


def _warm_quietly(context: Context) -> None:
    """The critic's warm-up on its thread: a failure (the process exiting under it, a model that cannot load) only
    costs the first turn its speed, and the turn itself reports a real problem."""
    try:
        warm_up(context)
    except Exception:  # nothing to tell the candidate: the first turn runs the same code in the open
        return


class InterviewDriver:
    """Runs one interview thread of the compiled graph (see the module docstring)."""

    def __init__(self, context: Context, checkpointer: Any = None, thread_id: str | None = None) -> None:
        self.context = with_seed(context)  # fixed now, so a resumed session plans and phrases the same way
        # close() closes only a backend this driver opened; a passed-in saver (or Backend) stays open.
        if isinstance(checkpointer, Backend):
            self.backend = checkpointer
        else:
            self.backend = open_backend() if checkpointer is None else backend_for(checkpointer)
        self.owns_backend = checkpointer is None
        self.checkpointer = self.backend.saver
        self.store = self.backend.store
        self.thread_id = thread_id or new_session_id(context.role)
        self.started = False  # registered: from now on there is something to resume
        self._moves = 0  # moves journalled so far (the next move's number)
        self._held = False
        self._graph = graph_with(self.checkpointer)  # a copy, not a compile: ~7 ms CPU per session
        self._config: RunnableConfig = {"configurable": {"thread_id": self.thread_id}}
        self._turn_count = 0
        self._current: Step | None = None  # the step last returned: saves a checkpoint read per answer
        self._payload: dict[str, Any] | None = None  # what the pending interrupt carries
        self._result: dict[str, Any] = {}  # the values the last graph run returned
        self._index_opening: Future[Any] | None = None
        self.restored: list[str] = []  # notices of moves put back from the answer journal (agent.recovery)
        self.finished: list[str] = []  # notices of other sessions' ends finished (agent.report_repair)
        # SQLite loses a kill's last writes with its -wal file: each move is also kept in a file until checkpointed
        self._journal = isinstance(self.store, SqliteStore) and not self.backend.readonly
        self.move_saved = False  # the last move reached the session journal (a retry finishes it, never redoes it)
        self.report_unwritten = False  # the interview ended and is saved, but its report could not be written
        self.on_move_saved: Callable[[], None] | None = None  # told once a move is durable, before it is graded
        self._kept: tuple[int, dict[str, str]] | None = None  # (number, move) written by keep_submitted()
        self._lost: StorageError | None = None  # keep_submitted() found the Postgres server gone (unreachable)
        self._journal_note = ""  # the answer journal failed: said with the next step
        self._database = _file_id(Path(self.backend.url)) if self._journal else None  # (device, inode) at open
        self.rescued: Path | None = None  # where the moves went when that file was deleted (_check_database)
        self._journal_said = False

    @classmethod
    def resume(
        cls, thread_id: str | None = None, checkpointer: Any = None, embedder: str | None = None, offline: bool = False
    ) -> InterviewDriver:
        """A driver for a stored session (the latest unfinished one when no id is given; `embedder`: one to use
        instead of the stored one; `offline`: never call the model from now on, --offline given on resume)."""
        if isinstance(checkpointer, Backend):
            backend = checkpointer
        else:
            backend = open_backend() if checkpointer is None else backend_for(checkpointer)
        found = backend.store.load(thread_id)
        if found is None:
            what = f"session {thread_id!r}" if thread_id else "unfinished session"
            raise SessionNotFoundError(f"no {what} to resume")
        tid, stored, _status = found
        context = Context.from_dict(stored)
        if embedder is not None:
            context.embedder = embedder
        if offline:  # a model server that fails or hangs must not keep the candidate from finishing (sweep29 S10)
            context.offline = True
        driver = cls(context, checkpointer=backend, thread_id=tid)
        driver.owns_backend = checkpointer is None
        if not backend.readonly:
            driver._hold()
        driver.started = True
        driver._warm_up()
        return driver

    # -- the session -------------------------------------------------------------------------------
    def start(self) -> Step:
        """Plan the interview and ask the first question (or return the pending step if this driver started it)."""
        if self.started:
            return self.pending()
        load_pack(self.context.role)  # an unknown role fails here, with the list of roles, before any state
        self._hold()  # before reading the thread: two drivers given one new id cannot both take it
        if self._values():
            # Someone else's session under this id: never continue it as ours (their answers and ours would mix).
            tid = self.thread_id
            raise SessionExistsError(f"session {tid!r} already exists; resume it with --resume {tid}")
        self._prune_empty()
        self._warm_up()
        return self._begin()

    def _begin(self) -> Step:
        """Plan and ask the first question (a new session, or one whose first answer was journalled before)."""
        inputs: dict[str, Any] = {
            "recent_question_ids": load_recent(self.context.role),
            "candidate_questions": self._candidate_questions(),
        }
        # Registered only now: a kill during the first index build leaves nothing that cannot be resumed.
        self._register("active")
        self.started = True
        step = self._invoke(inputs)
        plan = self._result.get("plan", [])  # the run's own values: no second read of the checkpoint
        if (note := record_session(self.context.role, self.thread_id, [q["id"] for q in plan])) is not None:
            step.notices.append(note)  # said with the first question; the interview goes on
        self._prefetch(plan)
        return step

    def keep_submitted(self, move: dict[str, str]) -> None:
        """Write a move the prompt has just accepted to the answer journal, before the screen shows it accepted
        (submit() then finds it there): a kill at that sight, or a stop before submit() runs, keeps it. Raises
        OSError when the file cannot be written (submit() says so through the database)."""
        step = self._current
        if not self.started or step is None or step.kind == "done" or self.backend.readonly:
            return
        self._lost = None
        try:
            if self._taken_by():  # never over the other process's moves in the journal: submit() refuses the move
                return
        except StorageError as exc:
            # the lock cannot be checked (a file in place of locks/, sweep 38 C14): no other process can hold it
            # then either, so the answer is journalled; submit() meets the same error and says it in one line. A
            # Postgres server that does not answer: no other process can take the move meanwhile either, and
            # submit() says so at once instead of waiting for the server a second time (sweep 40 PG5)
            self._lost = exc if exc.problem == "unreachable" else None
        try:
            answer_journal.record(self.thread_id, self.context.to_dict(), self._moves, move, step.question)
        except OSError as exc:
            self._journal_failed(exc)
            raise
        self._kept = (self._moves, dict(move))

    def submit(self, answer: str) -> Step:
        """Answer the pending question or follow-up."""
        return self._resume({"kind": "answer", "text": answer})

    def skip(self) -> Step:
        """Skip the pending question or follow-up."""
        return self._resume({"kind": "skip", "text": ""})

    def end(self) -> Step:
        """End the interview now; the report covers what was answered."""
        return self._resume({"kind": "end", "text": ""})

    def pending(self) -> Step:
        """The step waiting for the candidate (after a resume), or the done step of a finished session."""
        if not self._values() and not self.backend.readonly:
            # registered but stopped before the graph saved its start (while it got ready: an answer journalled,
            # a draft kept at question 1, or a kill during the first index build): start it now, then catch up
            self._begin()
        notices = self._storage(catch_up, self._graph, self._config, self.context, self.store, self.thread_id)
        snapshot = self._graph.get_state(self._config)
        values = snapshot.values or {}
        self._turn_count = len(values.get("turns", []))
        self._moves = moves_in(values)
        interrupts = [i for task in snapshot.tasks for i in task.interrupts]
        if values.get("turns") and not self.backend.readonly:
            record_progress(self.thread_id, self.context, values)  # a summary a full disk kept out of history/
        if interrupts:
            step = self._step_from_interrupt(interrupts[0].value, None)
            self._prefetch(values.get("plan", [])[step.turn_index :])
        elif not values:
            raise SessionNotFoundError(f"session {self.thread_id!r} has not started")
        else:
            step = self._done(values, None)
        step.notices[:0] = [*self.finished, *(self.restored or notices)]
        self.restored, self.finished = [], []
        self._current = step
        self._settle_journal()
        return step

    @property
    def moves(self) -> int:
        """Moves the session holds so far (its next move's number), as of the last step."""
        return self._moves

    @property
    def graded(self) -> int:
        """Turns graded in the session so far (answers, follow-ups and skips), as of the last step."""
        return self._turn_count

    def finish_move(self) -> Step | None:
        """After submit/skip/end raised StorageError (a full disk): the step after that move once it is saved and
        graded, or None when the move never reached the session journal (then make it again). Never makes the
        move a second time (a retried answer would otherwise also answer the next question)."""
        if not self.move_saved:
            return None
        before = self._turn_count
        with self._reachable():
            step = self._current or self.pending()  # catches up: grades the journalled move
        self._settle_journal()
        turns = self._values().get("turns", [])
        if step.last is None and len(turns) > before:
            step.last = turns[-1]  # its critique is shown as after any answer
        self.move_saved = False
        return step

    def hint(self) -> Any:
        """The best matching prepared story (StoryHit) for the pending question, or None when none fits it. A story
        the candidate already told to this question and the critic judged off topic is never the hint: the
        feedback above the prompt has just named a fitting one instead (critic/core.py skips it the same way)."""
        step = self._current or self.pending()
        if step.kind == "done" or self._payload is None:
            return None
        hits = search_stories(self.context, self._payload["main_question"], self._payload["competency"])
        off = off_topic_told(self._values().get("turns", []), self._payload.get("turn_index"))
        return next((hit for hit in hits if getattr(hit, "fits", True) and hit.story.id not in off), None)

    def holds_moves(self) -> bool:
        """True when the session holds a move to resume from (True as well when the registry cannot be read, unless
        its Postgres server is away: then what this driver saw answers, the moves of the checkpoint it read last and
        a move journalled since, so a stop at question 1 keeps the draft as with the server up, sweep 42 F1)."""
        if self._moves or self._kept is not None:
            return True
        try:
            return bool(self.store.moves(self.thread_id))
        except StorageError as exc:
            return exc.problem != "unreachable"

    def discard_if_empty(self) -> bool:
        """Forget a session nobody answered anything in (Ctrl-C at the first question); True when discarded."""
        if not self.started or self._moves or self._kept is not None or self.store.moves(self.thread_id):
            # (a resumed session counts its moves only once pending() ran: the registry knows; a move the prompt
            # accepted is in the answer journal before submit() records it, and a stop in between keeps it)
            return False
        self.checkpointer.delete_thread(self.thread_id)
        self.store.delete(self.thread_id)
        self.started = False
        return True

    def database_answers(self, wait: float = 1.0) -> bool:
        """False when the session database is a Postgres server that gives no connection within `wait` s; its
        calls then fail at once, so a stop that keeps the session on this computer does not wait for each."""
        answers = getattr(getattr(self.store, "pool", None), "answers", None)
        return True if answers is None else bool(answers(wait))

    def close(self) -> None:
        """Give the session back and close the backend if this driver opened it (the state is already saved)."""
        if self._held:
            try:
                with self._reachable():
                    self.store.release(self.thread_id)
            except StorageError as exc:
                if exc.problem != "unreachable":
                    raise
                # the lease stays: a holder dead on this host is seen as such at once (agent.store_postgres)
            self._held = False
        if self.owns_backend:
            self.backend.close()

    def values(self) -> dict[str, Any]:
        """The session's state as saved now (empty before the graph saved its start)."""
        return self._values()

    # -- internals ---------------------------------------------------------------------------------
    def _values(self) -> dict[str, Any]:
        return dict(self._graph.get_state(self._config).values or {})

    def _storage(self, call: Any, *args: Any) -> Any:
        """Run a call that writes the session; a disk problem becomes a StorageError naming the file."""
        try:
            with self._reachable():
                return call(*args)
        except StorageError:
            raise
        except (OSError, sqlite3.DatabaseError) as exc:
            error = storage_error(exc, Path(self.backend.url))
            if error is None:
                raise
            raise error from None

    def _invoke(self, payload: Any, saved: Callable[[], object] | None = None) -> Step:
        """Run the graph; `saved` is called once the run's state and the session's status are in the database,
        before the history and the report are written (_resume gives its turn's database connection back there)."""
        # the run's checkpoint and pending writes (and a finished session's status) in one commit where the store
        # holds the turn's connection (Postgres, agent.pg_pool): one WAL flush, not two or three
        with getattr(self.store, "one_transaction", contextlib.nullcontext)():
            result = self._storage(
                lambda: self._graph.invoke(payload, self._config, context=self.context, durability="exit")
            )
            self._result = result
            interrupts = result.get("__interrupt__") or []
            if not interrupts and not self.backend.readonly:
                # the graph's last step is saved: done now, before the history and the report are written (a kill
                # there left a session listed "active" that --resume called finished; resume re-makes the report)
                self._register("done")
        if saved is not None:
            saved()
        turns: list[TurnRecord] = result.get("turns", [])
        new, self._turn_count = turns[self._turn_count :], len(turns)
        if new or result.get("scorecard"):
            record_progress(self.thread_id, self.context, result)  # the history feed (agent.coaching)
        last = new[0] if new else None
        if interrupts:
            self._current = self._step_from_interrupt(interrupts[0].value, last)
        else:
            self._current = self._done(result, last, registered=True)
        return self._current

    def _resume(self, move: dict[str, str]) -> Step:
        self.move_saved = False  # the last move's; this one is not saved until record_move() returns
        lost, self._lost = self._lost, None
        if lost is not None and self._kept == (self._moves, move):
            raise lost  # kept in the answer journal at the submit key; graded once the server answers again
        with self._reachable():
            return self._make_move(move)

    @contextlib.contextmanager
    def _reachable(self) -> Any:
        """A Postgres server lost under the block (stopped, restarting) becomes StorageError("unreachable"): said
        in one line, the session goes on (sweep 40 PG6: a raw psycopg error ended it, or broke the prompt)."""
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            if (error := unreachable_error(exc, self.backend.url)) is None:
                raise
            raise error from None

    def _make_move(self, move: dict[str, str]) -> Step:
        step = self._current or self.pending()
        if step.kind == "done":
            return step  # nothing left to answer: stay on the report
        self._check_database(move, step.question)
        # the checks, the record, the graph's checkpoint read and writes on one database connection where the store
        # pools them (Postgres, agent.pg_pool): one wait for the pool per move, not four. Given back before the
        # report is written (the last answer's turn): files, no database, and others wait for the connection.
        with contextlib.ExitStack() as turn:
            turn.enter_context(getattr(self.store, "one_connection", contextlib.nullcontext)())
            self._check_taken(move)
            kept, self._kept = self._kept == (self._moves, move), None  # journalled at the submit key already
            if self._journal and not kept:  # durable the moment it is submitted, whatever happens to the -wal file
                # a full disk: the database may still take it (its -wal file has room), and says so if not
                try:
                    answer_journal.record(self.thread_id, self.context.to_dict(), self._moves, move, step.question)
                except OSError as exc:
                    self._journal_failed(exc)
            self.move_saved = False
            self._storage(self.store.record_move, self.thread_id, self._moves, move)  # durable before grading
            self._moves += 1
            self.move_saved = True
            self._current = None  # if the run below fails, the next call catches up from the journal
            if self.on_move_saved is not None:
                self.on_move_saved()  # the terminal's Ctrl-C held since the submit may stop the session here
            step = self._invoke(Command(resume=move), saved=turn.close)
        self._settle_journal()
        if self._journal_note:  # said once, with the step that follows the answer it failed for
            step.notices.append(self._journal_note)
            self._journal_note = ""
        return step

    def _check_database(self, move: dict[str, str], question: str) -> None:
        """StorageError("gone") when the session database file was deleted (or replaced) since it was opened: its
        open handle would take `move` into a file no longer on disk, which a kill then loses (sweep 35 R02). The
        session's moves, read through that handle, and `move` are kept in the answer journal instead (the data
        folder made again, 0700), from which --resume rebuilds the session; `rescued` names that file, and stays
        None when even it cannot be written (the error then says the answer is not saved)."""
        if self._database is None or _file_id(Path(self.backend.url)) == self._database:
            return
        database = Path(self.backend.url)
        try:
            context = self.context.to_dict()
            for seq, earlier in enumerate(self.store.moves(self.thread_id)[: self._moves]):
                answer_journal.record(self.thread_id, context, seq, earlier, question)
            answer_journal.record(self.thread_id, context, self._moves, move, question)
            self.rescued = answer_journal.journal_path(self.thread_id)
        except Exception:  # a folder that cannot be made again (a file in its place): the answer is shown to copy
            self.rescued = None
        where = (f"the answers so far, this one too, are kept in {self.rescued}, from which --resume goes on"
                 if self.rescued else "so this answer cannot be saved where --resume finds it")  # fmt: skip
        raise StorageError("gone", database, f"the session database {database} was deleted or replaced while this "
                                             f"session ran (its data folder too?): {where}")  # fmt: skip

    def _check_taken(self, move: dict[str, str]) -> None:
        """SessionTakenError when another process took this session while it waited for this move: its lock file was
        deleted under it (the holder takes it again here, agent.session_lock.recheck) and another process holds the
        new one, or has answered the session since (it holds more moves than this driver made). Added now, the move
        would land after theirs, in a session that may be finished, and be dropped without a word (sweep 37 C10);
        it is kept aside beside the report instead, and the error says where."""
        if taken := self._taken_by():
            raise SessionTakenError(f"{taken}. {_set_aside(self.thread_id, move)}")

    def _taken_by(self) -> str:
        """What took the session from this driver meanwhile (see _check_taken), or "" when it is still its own."""
        if not self._held or self.backend.readonly:
            return ""
        counted = getattr(self.store, "recheck_moves", None)  # both in one read where the store can (Postgres)
        try:
            if counted is not None:
                moves = self._storage(counted, self.thread_id)
            else:
                self.store.recheck(self.thread_id)
                moves = len(self._storage(self.store.moves, self.thread_id))
        except SessionLockedError as exc:
            return str(exc)
        if moves <= self._moves:
            return ""
        return (f"session {self.thread_id} was answered in another process while this one waited (its lock file "
                "was deleted meanwhile)")  # fmt: skip

    def _journal_failed(self, exc: OSError) -> None:
        """The answer journal could not take a move for another reason than a full disk (which the database says
        when it cannot take the move either): said once, beside the next step (sweep 35 R07: never said)."""
        if exc.errno == errno.ENOSPC or self._journal_said:
            return
        self._journal_said = True
        path = answer_journal.journal_path(self.thread_id)
        self._journal_note = (f"The answer journal {path} cannot be written ({exc.strerror or exc}): each answer is "
                              "now kept by the session database alone, so a kill right after a submit can lose "
                              "that answer. Move what is in the way aside to have it back.")  # fmt: skip

    def _settle_journal(self) -> None:
        """A safe point: moves the database holds leave the answer journal (agent.recovery.settle_journal)."""
        if not self.backend.readonly:
            self._storage(settle_journal, self.store, self._journal, self.thread_id, self._moves)

    def _step_from_interrupt(self, payload: dict[str, Any], last: TurnRecord | None) -> Step:
        notices = self._index_notices()
        payload = {"main_question": payload["question"], "competency": None, **payload}
        self._payload = payload
        # Search the question's stories while the candidate thinks (a no-op when already cached).
        prefetch_stories(self.context, payload["main_question"], payload["competency"])
        return Step(
            kind=payload["kind"],
            text=payload["text"],
            question_id=payload["question_id"],
            turn_index=payload["turn_index"],
            total=payload["total"],
            question=payload["question"],
            probes=payload.get("probes"),
            main_question=payload["main_question"],
            last=last,
            notices=notices,
        )

    def _done(self, values: dict[str, Any], last: TurnRecord | None, registered: bool = False) -> Step:
        """The done step; the report written (`registered`: _invoke marked the session done already)."""
        try:
            if not self.backend.readonly and not registered:
                self._register("done")  # before the report: a kill while it is written leaves a session resume finishes
            paths = write_report(self.thread_id, values, self.context.to_dict())
        except OSError as exc:
            md, js = report_paths(self.thread_id)
            if not (self.backend.readonly and md.is_file() and js.is_file()):
                self.report_unwritten = True  # every answer is in the session: --resume ID writes the report
                raise _unwritable_reports(exc, md.parent) or storage_error(exc, md.parent) or exc from None
            paths = {"markdown": str(md), "json": str(js)}  # a read-only folder: the report written earlier
        report = {"scorecard": values.get("scorecard", {}), "closing": values.get("closing", ""), **paths}
        plan = values.get("plan", [])
        return Step(kind="done", text=values.get("closing", ""), total=len(plan), last=last, report=report,
                    notices=self._index_notices())  # a rebuild met by the last answer is said before the scorecard

    def _prefetch(self, questions: list[dict[str, Any]]) -> None:
        # Search the stories of the questions still to come in the background, before they are asked.
        for q in questions:
            prefetch_stories(self.context, q["text"], q["competency"])

    def _register(self, status: str) -> None:
        self._storage(self.store.register, self.thread_id, self.context.to_dict(), status)

    def _hold(self) -> None:
        if not self._held:
            self.store.hold(self.thread_id)
            self._held = True

    def _prune_empty(self) -> None:
        # Sessions killed at their first question, before any answer, are not worth a row in the listing (unless
        # a draft typed there is kept with them: agent.cli_drafts).
        kept = set(draft_sessions(self.store))
        for thread_id in self.store.empty_sessions():
            if thread_id != self.thread_id and thread_id not in kept:
                self.checkpointer.delete_thread(thread_id)
                self.store.delete(thread_id)

    def _warm_up(self) -> None:
        # The critic and the story index get ready while the candidate reads the first question, so the first
        # answer's turn is as fast as the rest and the prompt does not wait for them. Not a daemon: a daemon
        # frozen at exit inside the ONNX runtime aborts the process; exit waits for the warm-up instead.
        threading.Thread(target=_warm_quietly, args=(self.context,), name="critic-warm-up", daemon=False).start()
        self._index_opening = open_index(self.context)

    def _index_notices(self) -> list[str]:
        """The index's notices ("index rebuilt: ..."), once, as soon as it is open (never blocks)."""
        opening = self._index_opening
        if opening is None or not opening.done():
            return []
        self._index_opening = None
        if opening.exception() is not None:
            return []
        index = opening.result()
        notices = list(index.notices)
        if self.context.docs and not getattr(index, "stories", [None]):
            notices.append(f"No story was found in your documents ({', '.join(self.context.docs)}): /hint and the "
                           "notes on your answers have nothing to draw on (the sample bank is not used).")  # fmt: skip
        return notices

    def _candidate_questions(self) -> list[str]:
        # Questions the candidate prepared for the interviewer, from their own documents only
        # (the sample bank's belong to its fictional candidate).
        if not self.context.docs:
            return []
        result = getattr(story_index(self.context), "ingest_result", None)
        return [q.text for q in result.candidate_questions] if result is not None else []


def _set_aside(thread_id: str, move: dict[str, str]) -> str:
    """Keep a refused answer's text in a file of its own beside the report (0600); what to say about it."""
    if move.get("kind") != "answer":
        return f"This /{move.get('kind')} was not made."
    markdown, _ = report_paths(thread_id)
    try:
        markdown.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        number = 1
        while (target := markdown.with_name(f"{thread_id}.refused-answer-{number}.txt")).exists():
            number += 1
        write_private(target, move.get("text", ""))
    except OSError as exc:
        return f"This answer was not added to it, and could not be kept ({exc.strerror or exc}): copy it above."
    return f"This answer was not added to it; it is kept in {target}."


def _file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when there is none."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _unwritable_reports(exc: OSError, folder: Path) -> StorageError | None:
    """The reports folder that a read-only disk or a missing permission keeps the report out of (sweep 39 E2: the
    raw OSError naming a temp file was all that was said); None for any other error."""
    if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
        return None
    return StorageError("readonly", folder, f"the reports folder {folder} cannot be written (a read-only disk or no "
                        "permission), so the report was not written")  # fmt: skip
