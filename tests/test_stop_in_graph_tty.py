"""Ctrl-C (SIGINT) or SIGTERM while LangGraph applies the writes of the step that took the answer, end to end through
the real CLI: the session stops once the step is applied and saved, and `--resume` has the answer exactly once, with
nothing left to grade again (stop 25's race: a stop raised inside LangGraph's bookkeeping cut the step in half and the
resume lost the answer; tests/test_stop_in_graph_bookkeeping.py covers it in-process). With the handler's frame test
disabled the answer still comes back once (the move journal and agent.recovery re-grade it) but the resume says it
was being graded: the step had been cut.

The moment is made certain: a `sitecustomize` on the child's path slows LangGraph's own channel update (inside
apply_writes) of the write that carries the answer, and leaves a file when it starts; the signal is sent then."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_first_draft_kept import ARGS, _run
from tests.test_session_tty import Terminal

FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."
ANSWER = "I split the on-call rota across two sites and pages per engineer fell from 9 a week to 4 in a quarter."


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"])
def test_a_stop_inside_langgraphs_writes_keeps_the_answer_exactly_once(
    isolated_data_dir: Path, tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    # LangGraph's channel update of the write that carries the answer: 1 s, the mark left as it starts
    env, mark = slow_call(tmp_path / "slow-write", "langgraph.channels.binop", "BinaryOperatorAggregate.update",
                          condition=f"{ANSWER[:40]!r} in repr(args[1])")  # fmt: skip
    term = Terminal([*ARGS, "--questions", "3"], extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/3")  # a turn of a running session, past its start
        term.submit(ANSWER)
        exited = term.kill_at_mark(mark, 120, sig)  # what Ctrl-C at the terminal sends
        term.drain()
        screen = term.text()
    finally:
        term.close()
    assert exited == code, screen[-1500:]
    assert "Resume with" in screen and "Traceback" not in screen, screen[-1500:]
    resumed = _run("--resume", stdin="/end\n")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    # the stop waited until the step that graded the answer was applied and saved whole: nothing to grade again
    assert "was being graded" not in resumed.stdout, resumed.stdout
    (transcript,) = (isolated_data_dir / "reports").glob("*.json")
    turns = json.loads(transcript.read_text(encoding="utf-8"))["turns"]
    assert [t["answer"] for t in turns if not t["skipped"]] == [FIRST, ANSWER]


def test_a_stop_taken_once_the_interview_has_ended_gives_no_resume_command(isolated_data_dir: Path) -> None:
    """A stop that came while LangGraph saved the last answer's step waits for it, and the interview can run on to its
    end before the stop is taken: the stop then said "Session saved. Resume with ..." for a finished session, whose
    resume said there was nothing unfinished (seen in 1 of 4 pty runs of the case above on the last question). The
    real driver and SQLite store; the stop's own line for a finished session names the report."""
    import io

    from rich.console import Console

    from agent import cli_run
    from agent.cli_render import Renderer
    from agent.context import Context
    from agent.driver import InterviewDriver

    driver = InterviewDriver(Context(role="director", questions=1, follow_ups=0, embedder="hashing", seed=3))
    try:
        driver.start()
        assert driver.submit(ANSWER).kind == "done"
        out = io.StringIO()
        cli_run.saved_hint(driver, Renderer(Console(file=out, width=300, no_color=True, force_terminal=False), 1))
    finally:
        driver.close()
    said = out.getvalue()
    report = isolated_data_dir / "reports" / f"{driver.thread_id}.md"
    assert "Resume with" not in said, said
    assert f"Stopped as the interview ended: every answer is graded and the report is saved. Report: {report}" in said
