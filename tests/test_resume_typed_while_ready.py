"""sweep30 S1: an interactive `--resume` says "Getting the interview ready… (you can start typing)"; an answer typed
and submitted there (Esc Enter), or a draft, then a Ctrl-C or SIGTERM before the session opened was dropped without
a word (no prompt was drawn, so it was never shown accepted). A draft is now kept as the session's draft, back in the
prompt on the next resume; a submitted answer is graded on resume (sweep32 S9); either is shown to copy when the
session cannot be named (a bare --resume). The moment is made certain (tests.slow_hook: the import of
agent.cli_run, or resume_driver, pauses). Real pty, real SQLite file."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.slow_hook import slow_call, slow_import
from tests.test_persistence import FAST, answers_in_transcript, run, scripted, session_id
from tests.test_session_tty import PATIENCE, REPO, Terminal

TYPED = "I cut incidents by 40% myself with canary deploys"
# where the resume is held up: loading its modules, or opening the saved session
MOMENTS = {
    "loading": lambda hook: slow_import(hook, "agent.cli_run", seconds=30),
    "opening": lambda hook: slow_call(hook, "agent.cli_run", "resume_driver", seconds=30),
}


def _stopped_resume(tmp_path: Path, args: list[str], moment: str, sig: signal.Signals, submit: bool) -> str:
    env, mark = MOMENTS[moment](tmp_path / "hook")
    term = Terminal(args, extra_env=env)
    try:
        term.wait_for_mark(mark, PATIENCE)
        term.wait_for("you can start typing")
        term.type(TYPED + ("\x1b\r" if submit else ""))
        term.delivered()  # the keys are in the terminal's input queue, or read (no prompt reads them yet)
        term.proc.send_signal(sig)
        term.proc.wait(timeout=PATIENCE)
        return term.said()
    finally:
        term.close()


@pytest.mark.parametrize(("moment", "sig", "submit"), [("loading", signal.SIGINT, True),
                                                       ("opening", signal.SIGTERM, True),
                                                       ("opening", signal.SIGINT, False)])  # fmt: skip
def test_keys_typed_while_a_resume_got_ready_come_back_in_the_prompt(
    isolated_data_dir: Path, tmp_path: Path, moment: str, sig: signal.Signals, submit: bool
) -> None:
    saved = run(*FAST, "--questions", "2", stdin=scripted("I moved our builds to one system and cut them to 9 min."))
    assert saved.returncode == 3, saved.stdout + saved.stderr  # one answer saved, the script ran out
    sid = session_id(saved.stdout)
    said = _stopped_resume(tmp_path, ["--resume", sid], moment, sig, submit)
    if submit:  # an answer: graded on resume (sweep32 S9), as one submitted while a new session got ready
        assert "Your answer submitted while the session got ready is saved" in said, said[-1500:]
    else:
        assert "What you typed while the session got ready is kept, not submitted" in said, said[-1500:]
    again = Terminal(["--resume", sid])
    try:
        if not submit:
            again.wait_for_prompt(after="Question 2/2")
            again.wait_for("back in the prompt")
            again.wait_for(TYPED)
            again.type("\x1b\r")
        again.wait_for("Transcript:")
        assert again.exit_code() == 0
    finally:
        again.close()
    report = (isolated_data_dir / "reports" / f"{sid}.md").read_text(encoding="utf-8")
    assert TYPED in " ".join(report.split()), report[-1500:]


@pytest.mark.parametrize(("moment", "sig"), [("loading", signal.SIGTERM), ("opening", signal.SIGINT)])
def test_keys_typed_while_a_bare_resume_got_ready_are_kept_with_the_session_it_resumes(
    isolated_data_dir: Path, tmp_path: Path, moment: str, sig: signal.Signals
) -> None:
    """sweep 33 S2, S3: a bare `--resume` only showed the keys to copy (it could not name its session), and while its
    modules loaded the spinner went on drawing among the lines to copy. The session it resumes is known from the
    registry before it gets ready: the keys are kept as its draft, back in the prompt on the next bare resume, and
    the spinner is gone before anything is said."""
    saved = subprocess.run([sys.executable, "-m", "agent.session", *FAST, "--questions", "2"], cwd=REPO, text=True,
                           input=scripted("We moved the nightly reports to one warehouse and saved four hours."),
                           capture_output=True, timeout=300)  # fmt: skip
    assert saved.returncode == 3, saved.stdout + saved.stderr
    env, mark = MOMENTS[moment](tmp_path / "hook")
    term = Terminal(["--resume"], extra_env=env)
    try:
        term.wait_for_mark(mark, PATIENCE)
        term.wait_for("you can start typing")
        term.type(TYPED)
        term.delivered()  # the keys are in the terminal's input queue, or read (no prompt reads them yet)
        term.proc.send_signal(sig)
        term.proc.wait(timeout=PATIENCE)
        said = term.said()
        after = term.text()[term.text().index("What you typed"):]
    finally:
        term.close()
    assert "What you typed while the session got ready is kept, not submitted" in said, said[-1500:]
    assert "Getting the interview ready" not in after, after  # no spinner frame among the lines
    again = Terminal(["--resume"])
    try:
        again.wait_for_prompt(after="Question 2/2")
        again.wait_for("back in the prompt")
        again.wait_for(TYPED)
    finally:
        again.close()


def test_an_answer_typed_while_a_bare_resume_a_kept_draft_decides_got_ready_is_kept_with_that_session(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """When the answer journal decides what a bare --resume opens (here a newer session's kept draft), that session
    is named before it opens all the same (agent.resume_pick, as the resume asks it): an answer submitted there is
    kept as its next move and graded on resume (it was only shown to copy: a kill -9 lost it)."""
    saved = subprocess.run([sys.executable, "-m", "agent.session", *FAST, "--questions", "2"], cwd=REPO, text=True,
                           input=scripted("I moved our builds to one system and cut them to 9 min."),
                           capture_output=True, timeout=300)  # fmt: skip
    assert saved.returncode == 3, saved.stdout + saved.stderr
    first = Terminal([*FAST, "--questions", "2"])
    try:
        first.wait_for_prompt(after="Question 1/2")
        first.type_seen("A draft for another session")
        first.proc.send_signal(signal.SIGTERM)
        assert first.proc.wait(timeout=PATIENCE) == 143
        drafted = session_id(first.text())
    finally:
        first.close()
    said = _stopped_resume(tmp_path, ["--resume"], "opening", signal.SIGINT, True)
    assert "Your answer submitted while the session got ready is saved" in said, said[-1500:]
    second = "We split the monolith's build into cached stages and halved review waits."
    resumed = subprocess.run([sys.executable, "-m", "agent.session", "--resume", drafted], cwd=REPO, text=True,
                             input=scripted(second), capture_output=True, timeout=300)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert answers_in_transcript(isolated_data_dir, drafted) == [TYPED, second]
