"""A session kept in memory only (`--checkpointer memory:`) stopped at a terminal: an answer submitted and still being
graded is written to its report under "Submitted, not graded"; a draft is shown to copy, never offered for a resume
that cannot happen (sweep25 S5: "back in the prompt when you resume", a --list-sessions row, and a `--resume` that
restarted the id at question 1 and overwrote the report holding the earlier answers). Real pty, a slow LLM stub."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from evals.stub_openai import Action, StubOpenAI
from tests.pty_run import REPO
from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0",
        "--checkpointer", "memory:"]  # fmt: skip
FIRST = "I moved four teams to trunk-based delivery; lead time fell from 12 days to 3."
DRAFT = "ZQ-DRAFT half an answer about the platform budget"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], capture_output=True, text=True, cwd=REPO,
                          stdin=subprocess.DEVNULL, timeout=180, env=dict(os.environ))  # fmt: skip


def test_ctrl_c_while_an_answer_is_graded_keeps_it_in_the_report_as_not_graded(isolated_data_dir: Path) -> None:
    with StubOpenAI() as stub:
        stub.push(Action(delay=60.0))  # the first grading hangs until the stop
        term = Terminal([*ARGS, "--model", "stub-model", "--base-url", stub.url],
                        extra_env={"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": ""})  # fmt: skip
        try:
            term.wait_for_prompt(after="Question 1/3")
            asked = stub.calls
            term.submit(FIRST)
            deadline = time.monotonic() + 90
            while stub.calls <= asked:  # the answer is with the model now
                assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
                term._read()
            term.proc.send_signal(signal.SIGINT)  # Ctrl-C, as the terminal sends it while no prompt reads keys
            term.wait_for("cannot be resumed")
            term.wait_for(".md")
            assert term.exit_code() == 130
            screen = term.text()
        finally:
            term.close()
    assert "Resume with" not in screen and "Traceback" not in screen, screen[-1500:]
    (md,) = (isolated_data_dir / "reports").glob("*.md")
    (js,) = (isolated_data_dir / "reports").glob("*.json")
    assert "## Submitted, not graded" in md.read_text(encoding="utf-8")
    transcript = json.loads(js.read_text(encoding="utf-8"))
    assert transcript["ungraded"] == [FIRST] and transcript["turns"] == []


def test_a_draft_is_shown_to_copy_and_never_offered_for_a_resume(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/3")
        term.type_seen(DRAFT)
        term.type("\x03")
        term.wait_for("to copy:")
        assert term.exit_code() == 130
        while term._read():  # the draft's line, printed after the one waited for
            pass
        screen = term.text()
        session = re.search(r"Session: (\S+)", screen)
    finally:
        term.close()
    assert session is not None
    assert "when you resume" not in screen and "Resume with" not in screen, screen[-1500:]
    assert DRAFT in screen.split("to copy:")[1]
    assert session.group(1) not in _run("--list-sessions").stdout
    report = next((isolated_data_dir / "reports").glob("*.md"))
    assert FIRST in report.read_text(encoding="utf-8")
    resumed = _run("--resume", session.group(1))
    assert resumed.returncode != 0, resumed.stdout
    assert FIRST in report.read_text(encoding="utf-8")  # the only record of the answer is left as it was


def test_an_answer_submitted_while_it_gets_ready_goes_to_the_report(isolated_data_dir: Path, tmp_path: Path) -> None:
    """sweep27 S6: Ctrl-C while the session still got ready (a cold --docs index), an answer submitted: the stop said
    the session "cannot be resumed" and wrote no report, while the answer journal kept the answer unseen."""
    from tests.test_early_answer_durable import _docs

    term = Terminal([*ARGS, "--docs", str(_docs(tmp_path, 3000))])
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        term.wait_for("Getting the interview ready")  # the answer is sent; the index is still being built
        term.proc.send_signal(signal.SIGINT)  # Ctrl-C, as the terminal sends it
        term.wait_for("Stopped while the interview was getting ready")
        term.wait_for(".md")
        assert term.exit_code() == 130
        screen = " ".join(term.text().split())
    finally:
        term.close()
    assert "Resume with" not in screen and "Traceback" not in screen, screen[-1500:]
    (md,) = (isolated_data_dir / "reports").glob("*.md")
    assert f"Your answers so far are in {md}" in screen, screen[-1500:]
    assert "## Submitted, not graded" in md.read_text(encoding="utf-8")
    (js,) = (isolated_data_dir / "reports").glob("*.json")
    assert json.loads(js.read_text(encoding="utf-8"))["ungraded"] == [FIRST]
    assert not list((isolated_data_dir / "pending").glob("*.json"))  # in the report now, not listed as resumable
