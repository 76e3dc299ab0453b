"""Ctrl-C twice after an answer was submitted while a `--resume` got ready: the screen says the answer is saved and
prints the command that resumes the session (sweep 37 S79: two Ctrl-C 30 ms apart said only "Interrupted.", though
the answer was kept: the second one came before the first stop reached its save). tests/slow_hook.py holds the
resume's opening (so the submit lands in it) and the stop's save (so the second Ctrl-C lands before it). Real pty,
real answer journal; the next resume grades the answer."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from tests.slow_hook import release, slow_call
from tests.test_early_answer_durable import _reported_answers
from tests.test_first_draft_kept import _run
from tests.test_session_tty import PATIENCE, Terminal
from tests.test_submit_durable_tty import _holds_answer

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0"]
EARLIER = "I set up a weekly risk review for our payments launch; two blocking issues were caught before go-live."
EARLY = "Typed while it got ready: I rebuilt the hiring loop and time to offer fell from 41 days to 19"


def _two_pauses(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """One sitecustomize holding two moments: the resume's opening (cli_run.resume_driver) and the stop's save
    (cli_signals.saving); the environment and the mark of each."""
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "resume_driver", seconds=60)
    _, stop_mark = slow_call(tmp_path / "hook-stop", "agent.cli_signals", "saving", seconds=60)
    second = (tmp_path / "hook-stop" / "sitecustomize.py").read_text(encoding="utf-8")
    with (tmp_path / "hook" / "sitecustomize.py").open("a", encoding="utf-8") as hook:
        hook.write(second.replace('"SLOW_CALL_MARK"', '"SLOW_STOP_MARK"'))
    return {**env, "SLOW_STOP_MARK": str(stop_mark)}, mark, stop_mark


def test_two_quick_ctrl_c_after_an_early_answer_on_resume_say_it_is_saved(isolated_data_dir: Path,
                                                                         tmp_path: Path) -> None:  # fmt: skip
    answers = tmp_path / "answers.txt"
    answers.write_text(f"{EARLIER}\n", encoding="utf-8")
    assert _run(*ARGS, "--answers", str(answers)).returncode == 3  # one answer, then the script ran out
    env, mark, stop_mark = _two_pauses(tmp_path)
    term = Terminal(["--resume"], extra_env=env)
    pending = isolated_data_dir / "pending"
    try:
        term.wait_for("Getting the interview ready")
        term.wait_for_mark(mark)  # the session is being opened, and stays so
        term.submit(EARLY)
        deadline = time.monotonic() + PATIENCE  # kept as a submitted answer while it gets ready
        while not any(_holds_answer(t, EARLY) for t in pending.glob("*.json")):
            assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
            time.sleep(0.01)
        term.proc.send_signal(signal.SIGINT)
        term.wait_for_mark(stop_mark)  # the stop has begun and kept nothing yet
        term.proc.send_signal(signal.SIGINT)
        term.wait_delivered(signal.SIGINT)  # its handler runs in the pause (it left at once, before the fix)
        release(stop_mark)
        exited = term.proc.wait(timeout=PATIENCE)
        said = term.said()
    finally:
        term.close()
    assert exited == 130, said[-1500:]
    assert "is saved" in said and "graded when you resume" in said, said[-1500:]
    assert "Resume with:" in said and "--resume" in said.split("Resume with:")[-1], said[-1500:]
    assert "Traceback" not in said, said[-1500:]
    resumed = _run("--resume", stdin="/end\n")
    assert resumed.returncode == 0, resumed.stdout[-800:] + resumed.stderr[-800:]
    assert _reported_answers(isolated_data_dir) == [EARLIER, EARLY]
