"""A closed terminal or SIGTERM ends the session promptly in every phase and gives its lock back (sweep2 N3).

The sweep's case: a resumed session whose `--docs` index is built cold, in a terminal that is then closed, went on
running for minutes holding the session lock, so the next `--resume` was refused. A terminal can close without a
SIGHUP reaching the process (the shell holding the terminal gets it, or the terminal is not the process's
controlling one): the process must see the hang-up itself. Driven in a real pty: the early answer of a cold
`--docs` start, Ctrl-C, then `--resume`, stopped while it gets ready."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.test_early_answer_durable import ANSWER, ARGS, _docs, _reported_answers, _run, _submit_early
from tests.test_session_tty import Terminal


def _stopped_early(tmp_path: Path) -> None:
    term = _submit_early(tmp_path, controlling=True, docs=1000)
    try:
        term.type("\x03")
        term.wait_for("Resume with")
        assert term.exit_code() == 130
    finally:
        term.close()


@pytest.mark.parametrize("how", ["closed", "sigterm"])
def test_a_resumed_session_stops_when_its_terminal_closes_or_on_sigterm(
    isolated_data_dir: Path, tmp_path: Path, how: str
) -> None:
    _stopped_early(tmp_path)
    # not the controlling terminal: closing it sends no SIGHUP, only the hang-up on stdin
    resumed = Terminal(["--resume"])
    try:
        resumed.wait_for("Resuming session")  # the index is being built again (the Ctrl-C dropped it)
        if how == "closed":
            resumed.hang_up()
            assert resumed.proc.wait(timeout=60) == 128 + signal.SIGHUP
        else:
            resumed.proc.send_signal(signal.SIGTERM)
            assert resumed.proc.wait(timeout=60) == 128 + signal.SIGTERM  # handled: saved, not killed
            resumed.drain()
            assert "Resume with" in resumed.text() and "nothing was saved" not in resumed.text()
    finally:
        resumed.close()
    # the lock went with the process: the next resume is not refused, and grades the kept answer once
    again = _run("--resume", stdin="/end\n")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _reported_answers(isolated_data_dir).count(ANSWER) == 1



def test_a_resumed_session_is_never_taken_for_an_empty_one(isolated_data_dir: Path) -> None:
    # Ctrl-C or a hang-up while a resumed session read its pending question back (first_step) made the session
    # call discard_if_empty(); main 91246ec counted a resumed driver's moves only once that read was done, so it
    # deleted a session holding answers ("Nothing was answered yet, so nothing was saved.")
    from agent.context import Context
    from agent.driver import InterviewDriver

    first = InterviewDriver(Context(role="director", seed=3, questions=2, follow_ups=0, embedder="hashing"))
    first.start()
    first.submit(ANSWER)
    thread_id = first.thread_id
    first.close()
    resumed = InterviewDriver.resume(thread_id)
    try:
        assert resumed.discard_if_empty() is False  # stopped before pending(): the answer is still there
        assert [m["text"] for m in resumed.store.moves(thread_id)] == [ANSWER]
        assert resumed.pending().turn_index == 1
    finally:
        resumed.close()


def test_a_session_whose_answer_is_only_journalled_is_not_taken_for_an_empty_one(isolated_data_dir: Path) -> None:
    # SIGTERM then Ctrl-C right after the submit key (sweep24 S7): the answer was in the answer journal, submit()
    # had not recorded it yet, and the stop said "Nothing was answered yet, so nothing was saved."
    from agent.context import Context
    from agent.driver import InterviewDriver

    driver = InterviewDriver(Context(role="director", seed=3, questions=2, follow_ups=0, embedder="hashing"))
    try:
        driver.start()
        driver.keep_submitted({"kind": "answer", "text": ANSWER})  # the prompt accepted it; the stop comes now
        assert driver.discard_if_empty() is False
    finally:
        driver.close()
    again = _run("--resume", stdin="/end\n")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _reported_answers(isolated_data_dir).count(ANSWER) == 1


@pytest.mark.parametrize("when", ["at the prompt", "getting ready"])
def test_a_closed_terminal_exits_129_whatever_the_session_met_first(
    isolated_data_dir: Path, tmp_path: Path, when: str
) -> None:
    # A closed terminal fails reads and writes (EIO) a moment before its SIGHUP is sent; under load the prompt met
    # it first, the session ended with that error (rc 1, or rc 0 at an end of input) before the SIGHUP handler ran,
    # and a draft typed at the prompt was dropped (main 8424fad). Here the SIGHUP is never handled: the exit code
    # must still say the terminal closed, and nothing typed is lost.
    docs = ["--docs", str(_docs(tmp_path, 300))] if when == "getting ready" else []
    term = Terminal([*ARGS, *docs], sighup_late=True)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        if when == "at the prompt":
            term.wait_for_prompt(after="Question 2/2")
            term.type_seen("half an answer")
        else:
            term.wait_for("Getting the interview ready")
        term.hang_up()
        assert term.proc.wait(timeout=60) == 128 + signal.SIGHUP
    finally:
        term.close()
    if when == "at the prompt":
        (kept,) = (isolated_data_dir / "pending").glob("*.json")
        assert json.loads(kept.read_text(encoding="utf-8"))["draft"] == "half an answer"
    again = _run("--resume", stdin="/end\n")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _reported_answers(isolated_data_dir).count(ANSWER) == 1
