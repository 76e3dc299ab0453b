"""Two stop signals right after an answer was submitted, while it is still on its way to the answer journal: the
stop that waited for that save prints its own lines (the answer is saved, graded on resume, and the resume
command), and two SIGTERMs exit 143. Sweep 38 S104: a new session's first index build, an answer submitted at
question 1, Ctrl-C twice: only "Interrupted."; S99b: two SIGTERMs after a submit exited 130 with "Interrupted."
The second signal found the answer held (cli_signals.hold) and left at the release, before the first stop ran.
tests/slow_hook.py holds the moment after the prompt closed on the submit and before that release
(EarlyStart._detach once the answer is journalled) so both signals land there.
Real pty, real cold story index, real answer journal; the next resume grades the answer."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.slow_hook import release, slow_call
from tests.test_early_answer_durable import _docs, _reported_answers, _run
from tests.test_session_tty import PATIENCE, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
ANSWER = "While the index was still building I said: our on-call rota halved night pages within two sprints."


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_two_stops_while_the_first_answer_is_saved_say_it_is_saved(
    isolated_data_dir: Path, tmp_path: Path, sig: int, code: int
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.cli_early", "EarlyStart._detach",
                          condition="args[0].kept is not None", seconds=60)  # fmt: skip
    term = Terminal([*ARGS, "--docs", str(_docs(tmp_path, 1000))], extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for_mark(mark)  # journalled, still held: a stop waits for the release
        term.proc.send_signal(sig)
        term.wait_delivered(sig)  # two signals, not one: a pending signal sent again is dropped
        term.proc.send_signal(sig)
        term.wait_delivered(sig)  # both handlers run in the pause
        release(mark)
        exited = term.proc.wait(timeout=PATIENCE)
        said = term.said()
    finally:
        term.close()
    assert exited == code, said[-1500:]
    assert "getting ready" in said, said[-1500:]  # the build was still running: the case of S104
    assert "Your answer is saved; it is graded when you resume." in said, said[-1500:]
    assert "Resume with:" in said, said[-1500:]
    assert "Traceback" not in said, said[-1500:]
    resumed = _run("--resume", stdin="/end\n")
    assert resumed.returncode == 0, resumed.stdout[-800:] + resumed.stderr[-800:]
    assert ANSWER in _reported_answers(isolated_data_dir)


FIRST = "I moved our billing jobs to a queue; failed nightly runs fell from six a month to none."
FOLLOW = "On the follow-up: the rollback plan was a flag per tenant, flipped twice in the first week."


def test_two_sigterms_while_a_follow_up_answer_is_saved_exit_143(isolated_data_dir: Path, tmp_path: Path) -> None:
    # sweep 38 S99b: the second SIGTERM found the follow-up answer held and left "Interrupted." with 130
    env, mark = slow_call(tmp_path / "hook", "agent.cli_loop", "InterviewLoop._keep_submitted",
                          condition="'flag per tenant' in args[1]", seconds=60, after=True)  # fmt: skip
    args = [*ARGS[:-1], "1"]  # one follow-up
    term = Terminal(args, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(FIRST)
        term.wait_for_prompt(after="Follow")
        term.submit(FOLLOW)
        term.wait_for_mark(mark)  # journalled, still held: a stop waits for the release
        term.proc.send_signal(signal.SIGTERM)
        term.wait_delivered(signal.SIGTERM)
        term.proc.send_signal(signal.SIGTERM)
        term.wait_delivered(signal.SIGTERM)
        release(mark)
        exited = term.proc.wait(timeout=PATIENCE)
        said = term.said()
    finally:
        term.close()
    assert exited == 143, said[-1500:]
    assert "Resume with:" in said, said[-1500:]
    assert "Traceback" not in said, said[-1500:]
    resumed = _run("--resume", stdin="/end\n")
    assert resumed.returncode == 0, resumed.stdout[-800:] + resumed.stderr[-800:]
    assert FOLLOW in _reported_answers(isolated_data_dir)
