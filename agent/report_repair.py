"""What a stop cut off at the end of a session, finished from what is saved (or said, when nothing can finish it).

A session's end writes three things after the graph's last step is saved: the registry's "done", the report
<id>.md, then the transcript <id>.json (each file through a hidden temp file renamed into place, knowledge.paths.
write_private). A kill -9 between them left a session listed "active" that the graph had ended (sweep29 S8), or a
report without its transcript and a hidden `.<id>.json.PID-TOKEN.tmp` nobody read (S9); a kill while an answer over
the cap was kept whole (agent.whole_answer) left its only copy in such a temp. Nothing told the candidate.

finish_stopped() runs at every start, resume and listing that can write: a session the graph ended is marked done
and its report written; a cut report or transcript is written again from the saved session (or the transcript from
its temp, the report from the transcript); a whole answer's temp becomes a file beside the report. Each is said in
one notice. Sessions another process holds, and temps whose writer is alive, are left alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from typing import Any

from agent.journal_temps import writer_alive
from agent.session_lock import SessionLockedError
from agent.storage import StorageError
from knowledge import data_files
from knowledge.paths import data_dir

RECENT = 20  # unfinished sessions whose checkpoint is read at each start (the listing's length)
# .NAME.PID-TOKEN.tmp (knowledge.paths.temp_name) of a report, a transcript or a whole answer
_TEMP = re.compile(
    r"^\.(?P<name>(?P<id>[^/.]+)\.(?P<kind>md|json|whole-answer-\d+\.txt))\.(?P<pid>\d+)-[0-9a-f]+\.tmp$"
)
_REPORT = re.compile(r"^(?P<id>[^/.]+)\.(?P<kind>md|json)$")


def finish_stopped(backend: Any, skip: str = "", due: list[str] | None = None) -> list[str]:
    """Finish what stops left at sessions' ends (see the module docstring); the notices to show. `skip`: the session
    the caller is resuming (its own resume finishes it and says so); `due`: due_reports() when the caller has it."""
    if backend.readonly:
        return []
    folder = data_dir() / "reports"  # as agent.report.report_paths
    saver = backend.saver
    notices = [*_kept_whole_answers(folder)]
    done: set[str] = {skip}
    for thread_id in _ended_unmarked(backend):
        if thread_id not in done and (line := _held_do(backend, thread_id, _mark_done)):
            notices.append(line)
            done.add(thread_id)
    for thread_id in due_reports(folder) if due is None else due:
        if thread_id not in done and (line := _held_do(backend, thread_id, _write_due)):
            notices.append(line)
            done.add(thread_id)
    for thread_id in sorted(_cut_reports(folder, saver)):
        if thread_id not in done and (line := _held_do(backend, thread_id, _rewrite, folder)):
            notices.append(line)
    return notices


def due_reports(folder: Path | None = None) -> list[str]:
    """Finished sessions whose report a full disk or an unwritable reports folder kept from being written
    (agent.report.mark_report_due: its marker in the reports folder, or kept in pending/)."""
    from agent.report import DUE_SUFFIX

    names: set[str] = set()
    for place in (folder or data_dir() / "reports", data_dir() / "pending"):
        with contextlib.suppress(OSError):
            names.update(p.name for p in place.iterdir())
    return sorted(name[1 : -len(DUE_SUFFIX)] for name in names if name.startswith(".") and name.endswith(DUE_SUFFIX))


def _write_due(backend: Any, thread_id: str) -> str:
    from agent.report import write_report

    values = _ended_values(backend.saver, thread_id) if _ended(backend.saver, thread_id) else None
    if values is None:  # not in this session database (another --checkpointer): left for its own listing
        return ""
    paths = write_report(thread_id, values, _context(backend, thread_id))  # removes the marker
    _settle(backend, thread_id)
    return (f"Session {thread_id}'s report could not be written when it ended (the disk was full, or its folder "
            f"could not be written); it is written now: {paths['markdown']}")  # fmt: skip


def _ended_unmarked(backend: Any) -> list[str]:
    """Recent sessions listed "active" whose graph ran to its end (the stop came before "done" was registered)."""
    try:
        rows = [r for r in backend.store.listing(RECENT) if r.get("status") == "active"]
    except StorageError:
        return []
    return [str(r["thread_id"]) for r in rows if _ended(backend.saver, str(r["thread_id"]))]


def _ended(saver: Any, thread_id: str) -> bool:
    """The session's graph reached its end: wrap_up's scorecard is in its last checkpoint (one read, no graph: the
    listing does not import LangGraph's graph for it)."""
    found = saver.get_tuple({"configurable": {"thread_id": thread_id, "checkpoint_ns": ""}})
    return found is not None and found.checkpoint.get("channel_values", {}).get("scorecard") is not None


def _ended_values(saver: Any, thread_id: str) -> dict[str, Any] | None:
    """The session's saved values when its graph reached the end, else None."""
    from agent.graph import graph_with

    snapshot = graph_with(saver).get_state({"configurable": {"thread_id": thread_id}})
    values = dict(snapshot.values or {})
    return values if values and not snapshot.next and values.get("scorecard") is not None else None


def _held_do(backend: Any, thread_id: str, action: Any, *args: Any) -> str:
    """`action(backend, thread_id, *args)` while this process holds the session ("" when another one runs it)."""
    try:
        backend.store.hold(thread_id)
    except (SessionLockedError, StorageError):
        return ""
    try:
        return str(action(backend, thread_id, *args) or "")
    except (OSError, StorageError):
        return ""  # a full or read-only disk: the next start tries again
    finally:
        with contextlib.suppress(StorageError):
            backend.store.release(thread_id)


def _context(backend: Any, thread_id: str) -> dict[str, Any]:
    row = backend.store.load(thread_id)
    return dict(row[1]) if row is not None else {}


def _mark_done(backend: Any, thread_id: str) -> str:
    from agent.report import write_report

    values = _ended_values(backend.saver, thread_id)  # read again under the hold
    if values is None:
        return ""
    context = _context(backend, thread_id)
    backend.store.register(thread_id, context, "done")
    paths = write_report(thread_id, values, context)
    _settle(backend, thread_id)
    return (f"Session {thread_id} had ended when it was stopped, before it was marked finished; its report is "
            f"written now: {paths['markdown']}")  # fmt: skip


def _settle(backend: Any, thread_id: str) -> None:
    """The session's moves leave the answer journal (pending/): the database holds them all."""
    from agent.checkpoint import SqliteStore
    from agent.recovery import settle_journal

    with contextlib.suppress(OSError, StorageError):
        store = backend.store
        settle_journal(store, isinstance(store, SqliteStore), thread_id, len(store.moves(thread_id)))


def _cut_reports(folder: Path, saver: Any) -> set[str]:
    """Sessions whose report or transcript a stop cut off: a dead writer's temp of either, or one without the other
    when the saved session can write it (a session whose temp a live writer holds is being written now)."""
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return set()
    cut: set[str] = set()
    live: set[str] = set()
    half: set[str] = set()
    present = set(names)
    for name in names:
        if (temp := _TEMP.match(name)) and temp["kind"] in ("md", "json"):
            (live if writer_alive(int(temp["pid"])) else cut).add(temp["id"])
        elif (report := _REPORT.match(name)) and _other(report) not in present:
            half.add(report["id"])
    cut |= {thread_id for thread_id in half - cut - live if _ended(saver, thread_id)}
    return cut - live


def _other(report: re.Match[str]) -> str:
    return f"{report['id']}.{'json' if report['kind'] == 'md' else 'md'}"


def _dead_temps(folder: Path, name: str) -> list[Path]:
    found = []
    for path in folder.glob(f".{name}.*.tmp"):
        match = _TEMP.match(path.name)
        if match and match["name"] == name and not writer_alive(int(match["pid"])):
            found.append(path)
    return sorted(found, key=lambda p: _mtime(p), reverse=True)  # the newest first


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _rewrite(backend: Any, thread_id: str, folder: Path) -> str:
    """A cut report of one session, written again: from the saved session, else from a whole transcript."""
    from agent.report import build_report, report_paths, write_report
    from knowledge.paths import write_private

    md, js = report_paths(thread_id)
    missing = [what for what, path in (("report", md), ("transcript", js)) if not path.is_file()]
    if not missing and not _dead_temps(folder, md.name) and not _dead_temps(folder, js.name):
        return ""  # finished by another process since the folder was read
    said = " and ".join(missing) if missing else "report files"
    were = "it was" if len(missing) == 1 else "they were"
    cut = f"A stop cut off session {thread_id}'s {said} while {were} written"
    values = _ended_values(backend.saver, thread_id) if _ended(backend.saver, thread_id) else None
    if values is not None:
        paths = write_report(thread_id, values, _context(backend, thread_id))
        _drop(folder, md.name, js.name)  # write_report drops them only when it rewrites files that were there
        _settle(backend, thread_id)
        return f"{cut}; written again from the saved session: {paths['markdown']}, {paths['json']}"
    transcript = _whole_transcript(folder, js)
    if transcript is not None:
        if not js.is_file():
            write_private(js, json.dumps(transcript, ensure_ascii=False))
        text, _ = build_report(thread_id, transcript, dict(transcript.get("context") or {}))
        write_private(md, text)
        _drop(folder, md.name, js.name)
        return f"{cut}; written again from its transcript: {md}, {js}"
    _drop(folder, md.name, js.name)
    if not md.is_file():
        return f"{cut}, and the session is not in this session database to write it from: nothing of it is left."
    return (f"{cut}, and the session is not in this session database to write it from; its report {md} holds the "
            "answers.")  # fmt: skip


def _whole_transcript(folder: Path, js: Path) -> dict[str, Any] | None:
    """The transcript as saved, or as a dead writer's temp holds it whole (a cut-off temp is no transcript)."""
    for path in [js, *_dead_temps(folder, js.name)]:
        try:
            found = data_files.load_json(path, data_files.REPORT_BYTES)  # never waits on a pipe nor reads a device
        except (OSError, ValueError):
            continue
        if isinstance(found, dict) and isinstance(found.get("turns"), list):
            return found
    return None


def _drop(folder: Path, *names: str) -> None:
    for name in names:
        for temp in _dead_temps(folder, name):
            with contextlib.suppress(OSError):
                temp.unlink()


def _kept_whole_answers(folder: Path) -> list[str]:
    """An answer over the cap being kept whole when a stop came (before the answer journal took it: it was never
    graded): its text becomes a file beside the report, or goes when a whole-answer file holds it already."""
    try:
        temps = [(p, m) for p in folder.iterdir() if (m := _TEMP.match(p.name)) and m["kind"].startswith("whole")]
    except OSError:
        return []
    notices = []
    for temp, match in temps:
        if writer_alive(int(match["pid"])):
            continue
        try:
            text = data_files.read_text(temp, data_files.REPORT_BYTES, errors="replace")
            kept = [p for p in folder.glob(f"{match['id']}.whole-answer-*.txt") if _starts(p, text)]
            if text.strip() and not kept:
                from knowledge.paths import write_private

                number = 1
                while (target := folder / f"{match['id']}.whole-answer-{number}.txt").exists():
                    number += 1
                write_private(target, text)
                notices.append(f"An answer of {len(text):,} characters was being kept when session {match['id']} "
                               f"stopped, before the session took it (it was not graded): its text is in {target}, "
                               "to paste when you answer again.")  # fmt: skip
            os.unlink(temp)
        except OSError:
            continue
    return notices


def _starts(path: Path, text: str) -> bool:
    """The kept file holds `text` (or more: the temp was cut off mid-write)."""
    try:
        return data_files.read_text(path, data_files.REPORT_BYTES, errors="replace").startswith(text)
    except OSError:
        return False
