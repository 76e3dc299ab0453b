"""A draft typed while the data folder's disk is full reaches the disk once space is freed, with no further key,
so a kill -9 after that keeps it (issue 12: nothing lost). Before, the draft saver dropped the failed write and
wrote again only at the next key: the draft stayed off disk and the kill lost it. Real pty, a real 6 MB tmpfs data
folder filled to the last byte, a real SIGKILL; the resume runs in a pty and shows the draft in its prompt.

The saver's own retry rules are checked beside it with a journal that fails on demand: a refused write is tried
again every SAVE_EVERY s while the prompt is open, never after it closed, and another error is said once."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from agent import answer_journal
from agent.cli_busy_keys import SAVE_EVERY
from agent.cli_draft_saver import DraftSaver
from tests.slow_hook import slow_call
from tests.test_disk_faults import fill, small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_draft_survives_kill import _session
from tests.test_session_tty import Terminal
from tests.test_submit_durable_tty import _holds

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "We split the monolith's billing module out over two quarters; invoice errors dropped from 40 to 6 a month."
DRAFT = "Half-typed: the data team pushed back on the schema freeze, so I"
WAIT = 60.0  # s for the retried write once space is back: a deadline for a hang, not a speed measure


def _pending_holds(data: Path, text: str) -> bool:
    return any(_holds(path, text) for path in (data / "pending").glob("*.json"))


def test_a_draft_typed_on_a_full_disk_is_saved_once_space_is_freed_and_survives_kill_9(
    small_disk: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    data = small_disk / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    # a mark once the saver's first write of the whole draft has returned (refused: the disk is full by then); a
    # fixed sleep stood here, and under load the saver might not have tried yet
    tried = f"len(args) > 1 and args[1] == {DRAFT!r}"
    env, mark = slow_call(tmp_path / "hook", "agent.cli_draft_saver", "DraftSaver._write_noted", tried, 0.01, True)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/2")
        filler = fill(small_disk)
        term.type_seen(DRAFT)
        term.wait_for_mark(mark)  # the saver tried and the disk refused
        assert not _pending_holds(data, DRAFT), "the disk was not full: the test proves nothing"
        filler.unlink()  # space is back; no key is typed from here on
        deadline = time.monotonic() + WAIT
        while not _pending_holds(data, DRAFT) and time.monotonic() < deadline and term.proc.poll() is None:
            term._read()  # keeps the pty drained while waiting
        on_disk = _pending_holds(data, DRAFT)
        session = _session(term)
        term.proc.send_signal(signal.SIGKILL)
        assert term.proc.wait(timeout=60) == -signal.SIGKILL
    finally:
        term.close()
    assert on_disk, f"the draft never reached pending/ after space was freed; screen:\n{term.text()[-1500:]}"
    assert "Traceback" not in term.text()
    resumed = Terminal(["--resume", session])
    try:
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(DRAFT)
    finally:
        resumed.close()


class _Journal:
    """answer_journal.keep_draft that fails while `failing` is set (with `error`), recording what it kept."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.failing = threading.Event()
        self.kept: list[str] = []
        self.refused = 0  # writes refused so far

    def keep_draft(self, thread_id: str, context: dict[str, Any], draft: str, question: str = "") -> bool:
        if self.failing.is_set():
            self.refused += 1
            raise self.error
        self.kept.append(draft)
        return bool(draft.strip())


def _saver(monkeypatch: pytest.MonkeyPatch, error: Exception) -> tuple[DraftSaver, _Journal]:
    journal = _Journal(error)
    monkeypatch.setattr(answer_journal, "keep_draft", journal.keep_draft)
    monkeypatch.setattr("agent.cli_draft_saver.draft_on_disk", lambda thread_id, text: None)
    return DraftSaver("draft50-test", {}), journal


def _until(check: Any, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not check() and time.monotonic() < deadline:
        time.sleep(0.01)
    return bool(check())


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("a bug in a write")],
                         ids=["disk-refused", "other-error"])  # fmt: skip
def test_a_refused_draft_write_is_tried_again_with_no_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: Exception
) -> None:
    saver, journal = _saver(monkeypatch, error)
    journal.failing.set()
    saver.opened("")
    saver.changed("the first words")
    assert _until(lambda: journal.refused >= 3), journal.refused  # several attempts, all refused
    assert journal.kept == []
    journal.failing.clear()
    assert _until(lambda: journal.kept == ["the first words"]), journal.kept  # no key typed since
    said = capsys.readouterr().err
    if isinstance(error, OSError):
        assert said == ""  # a full disk is said by the stop that cannot keep the draft, not at every key
    else:
        assert said.count("could not be saved") == 1 and "a bug in a write" in said  # once, for many failures
    saver.closed("", stopped=False)


def test_a_closed_prompts_retry_never_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    saver, journal = _saver(monkeypatch, OSError(28, "No space left on device"))
    journal.failing.set()
    saver.opened("")
    saver.changed("typed before the stop")
    assert _until(lambda: journal.refused >= 1), journal.refused
    saver.closed("typed before the stop", stopped=True)  # the stop keeps this draft itself
    journal.failing.clear()
    time.sleep(SAVE_EVERY * 4)
    assert journal.kept == []


def test_a_timer_that_could_not_start_stops_no_later_save(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    saver, journal = _saver(monkeypatch, OSError(28, "No space left on device"))
    start = threading.Timer.start
    refused = iter([True])

    def start_once_refused(timer: threading.Timer) -> None:
        if next(refused, False):
            raise RuntimeError("can't start new thread")
        start(timer)

    monkeypatch.setattr(threading.Timer, "start", start_once_refused)
    saver.changed("a key whose timer had no thread")  # the key is never the one to fail
    saver.changed("and the next key")
    assert _until(lambda: journal.kept == ["and the next key"]), journal.kept
    assert capsys.readouterr().err.count("could not be saved") == 1
    saver.closed("", stopped=False)
