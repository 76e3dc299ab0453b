"""The interactive terminal under stress, in a real pty: slash-words in answers, a double Ctrl-C while the
embedder still loads, and the interviewer's fixed lines printed at once in LLM mode."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from evals.stub_openai import free_port
from tests.test_session_tty import ARGS, PATIENCE, Terminal


def test_enter_after_a_first_line_starting_with_a_slash_word_adds_a_line(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/1")
        term.type("/end-to-end tests were missing on the payments team.\r")
        term.type("So I wrote a contract suite and escapes fell by 60%.\x1b\r")
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
        closing = [line for line in term.text().splitlines() if "questions for me" in line or "That's all" in line]
    finally:
        term.close()
    # the closing paragraph is wrapped between words to the 100 columns, not cut mid-word by the terminal
    assert closing and all(len(line.rstrip()) <= 100 for line in closing), closing
    (path,) = (isolated_data_dir / "reports").glob("*.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [t["answer"] for t in data["turns"]] == [
        "/end-to-end tests were missing on the payments team.\nSo I wrote a contract suite and escapes fell by 60%."
    ]
    assert data["scorecard"]["ended_early"] is False


def test_double_ctrl_c_while_the_session_starts_exits_130_without_a_traceback() -> None:
    # Ctrl-C twice, quickly, while the question is on screen and the graph and the MiniLM embedder still load
    # on worker threads. Before the prompt reads keys the terminal turns Ctrl-C into SIGINT, as sent here.
    term = Terminal(["--role", "director", "--questions", "1", "--offline"])
    try:
        term.wait_for("Question 1/1")
        time.sleep(0.1)  # the prompt takes seconds more to start: this lands while it gets ready
        term.proc.send_signal(signal.SIGINT)
        time.sleep(0.05)
        term.proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + PATIENCE
        while term.proc.poll() is None and time.monotonic() < deadline:
            term._read()
        for _ in range(3):  # whatever the process printed on its way out
            term._read()
        code, screen = term.proc.poll(), term.text()
    finally:
        term.close()
    assert code == 130, screen[-1500:]
    assert "Traceback" not in screen and "terminate called" not in screen


def test_fixed_interviewer_lines_are_printed_at_once_in_llm_mode() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing answers; the question is shown before any call
    term = Terminal([*ARGS, "--model", "stub-model", "--base-url", url])
    try:
        term.wait_for_prompt(after="Question 1/1")
        drawn = term.screen.count(b"Question 1/1")
    finally:
        term.close()
    assert "stub-model @" in term.text()
    assert drawn == 1  # one panel, not one redraw per word


def test_keys_typed_while_the_session_gets_ready_reach_the_answer_and_are_not_echoed_raw(
    isolated_data_dir: Path,
) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for("Question 1/1")
        term.type("I typed this early")  # as soon as the question shows, maybe before the prompt reads keys
        term.wait_for_prompt()
        before_prompt = term.screen.split(b"\x1b[?2004h")[0]
        term.type(" and this after.\x1b\r")  # submitted at once: the session may still be starting
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
    finally:
        term.close()
    assert b"I typed this early" not in before_prompt  # the terminal did not echo it raw over the panels
    (path,) = (isolated_data_dir / "reports").glob("*.json")
    answers = [t["answer"] for t in json.loads(path.read_text(encoding="utf-8"))["turns"]]
    assert answers == ["I typed this early and this after."]
