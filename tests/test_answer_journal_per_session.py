"""The answer journal locks each session's file on its own (issue 11): one session's write, held open inside its
fsync'd file write, does not hold up another session's write or settle; and a session settling (its file emptied,
the shared pending/ folder removed) while another session is between its mkdir and its file's creation leaves that
folder in place, so the held write lands, durable and 0600; a write whose folder another process removes makes it
again. The moments are held open (events in this process, tests.slow_hook in a child), not hit by timing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from agent import answer_journal
from tests.slow_hook import release, slow_call

WAIT = 10.0  # seconds a session may take to write its file on a loaded machine (it takes milliseconds)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path) -> Iterator[tuple[threading.Event, threading.Event]]:
    """Hold the first file write of the session "slow" open: (its write has started, let it go on)."""
    started, go_on = threading.Event(), threading.Event()
    real: Callable[[Path, str | bytes], None] = answer_journal.write_private

    def write(path: Path, data: str | bytes) -> None:
        if path.name == "slow.json" and not started.is_set():
            assert path.parent.is_dir()  # past its mkdir, its file not yet made: the folder is empty but needed
            started.set()
            assert go_on.wait(WAIT), "the held write was never let go on"
        real(path, data)

    monkeypatch.setattr(answer_journal, "write_private", write)
    yield started, go_on
    go_on.set()


def _in_thread(func: Callable[[], None]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            func()
        except BaseException as exc:  # reported by the test, in the main thread
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


def _answer(text: str) -> dict[str, str]:
    return {"kind": "answer", "text": text}


def test_a_session_writes_while_another_is_held_in_its_write(held: tuple[threading.Event, threading.Event]) -> None:
    started, go_on = held
    slow, slow_errors = _in_thread(lambda: answer_journal.record("slow", {}, 0, _answer("queue rebuilt in a week")))
    assert started.wait(WAIT)
    fast, fast_errors = _in_thread(lambda: answer_journal.record("fast", {}, 0, _answer("cache warmed at boot")))
    fast.join(WAIT)
    assert not fast.is_alive(), "the second session waited for the first one's write"
    assert not fast_errors
    go_on.set()
    slow.join(WAIT)
    assert not slow.is_alive() and not slow_errors
    for session, text in (("slow", "queue rebuilt in a week"), ("fast", "cache warmed at boot")):
        entry = answer_journal.load(session)
        assert entry is not None and entry.moves == {0: _answer(text)}
        assert entry.path is not None and entry.path.stat().st_mode & 0o777 == 0o600


def test_a_settle_keeps_the_folder_another_session_is_writing_into(
    held: tuple[threading.Event, threading.Event], isolated_data_dir: Path
) -> None:
    started, go_on = held
    answer_journal.record("done", {}, 0, _answer("alerts moved to one pager"))
    slow, slow_errors = _in_thread(lambda: answer_journal.record("slow", {}, 0, _answer("schema split in two")))
    assert started.wait(WAIT)
    settle, settle_errors = _in_thread(lambda: answer_journal.confirm("done", 0))
    settle.join(WAIT)
    assert not settle.is_alive(), "settling one session waited for another session's write"
    assert not settle_errors
    folder = isolated_data_dir / answer_journal.FOLDER
    assert not (folder / "done.json").exists()
    assert folder.is_dir(), "the settle removed the folder a held write was about to write into"
    go_on.set()
    slow.join(WAIT)
    assert not slow.is_alive() and not slow_errors
    entry = answer_journal.load("slow")
    assert entry is not None and entry.moves == {0: _answer("schema split in two")}
    answer_journal.confirm("slow", 0)
    assert not folder.exists()  # the last file gone, the folder goes with it


def test_a_write_outlasts_another_process_removing_the_folder_again_and_again(
    monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path
) -> None:
    real = answer_journal.write_private
    removals: list[Path] = []

    def write(path: Path, data: str | bytes) -> None:
        if len(removals) < 3:  # another process's settle empties and removes the folder after each mkdir
            path.parent.rmdir()
            removals.append(path)
        real(path, data)

    monkeypatch.setattr(answer_journal, "write_private", write)
    answer_journal.record("steady", {}, 0, _answer("logs shipped in batches"))
    assert len(removals) == 3
    entry = answer_journal.load("steady")
    assert entry is not None and entry.moves == {0: _answer("logs shipped in batches")}
    assert entry.path is not None and entry.path.stat().st_mode & 0o777 == 0o600


def test_another_process_removing_the_folder_mid_write_loses_nothing(isolated_data_dir: Path, tmp_path: Path) -> None:
    """A real second process held (tests.slow_hook) past its mkdir, before its file exists; this one settles its
    last session and removes the folder it cannot know is needed; the held write then makes it again and lands."""
    env, mark = slow_call(tmp_path / "hook", "knowledge.paths", "write_private", "args[0].name == 'slow.json'", 60)
    code = "from agent import answer_journal; answer_journal.record('slow', {}, 0, {'kind': 'answer', 'text': 'T'})"
    child = subprocess.Popen([sys.executable, "-c", code.replace("'T'", repr("backups tested monthly"))],
                             env={**os.environ, **env, "INTERVIEWER_DATA_DIR": str(isolated_data_dir)},
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not mark.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert mark.exists(), child.communicate()[0] if child.poll() is not None else "the hook was never reached"
        folder = isolated_data_dir / answer_journal.FOLDER
        answer_journal.record("done", {}, 0, _answer("deploys made reversible"))
        answer_journal.confirm("done", 0)
        assert not folder.exists()  # the moment is real: the child's folder is gone under it
        release(mark)
    finally:
        output = child.communicate(timeout=120)[0]
    assert child.returncode == 0, output
    entry = answer_journal.load("slow")
    assert entry is not None and entry.moves == {0: _answer("backups tested monthly")}
    assert entry.path is not None and entry.path.stat().st_mode & 0o777 == 0o600
