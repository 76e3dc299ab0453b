"""sweep32 S1 and S11: keys typed ahead and then a Ctrl-C typed at the keyboard. The terminal driver discards every
key waiting unread when its interrupt key is pressed (unless NOFLSH is set), before the SIGINT reaches the program;
a SIGINT or SIGTERM sent with `kill` discards nothing. So what was typed at a resume's "Getting the interview ready…
(you can start typing)" (held unread), or typed ahead while the model graded an answer (echoed), was lost at Ctrl-C
and kept at SIGTERM. The tests press Ctrl-C as a user does: the pty is the session's controlling terminal and the
key goes through its line discipline. Real pty, real SQLite file, the stub OpenAI server for the grading."""

from __future__ import annotations

from pathlib import Path

import pytest
from stub_openai import StubOpenAI

from tests.slow_hook import slow_call, slow_import
from tests.test_persistence import FAST, run, scripted, session_id
from tests.test_session_tty import ARGS, PATIENCE, Terminal

TYPED = "I moved the billing jobs to a queue myself and cut failed runs by 70%"
MOMENTS = {  # where the resume is held up: loading its modules, or opening the saved session
    "loading": lambda hook: slow_import(hook, "agent.cli_run", seconds=30),
    "opening": lambda hook: slow_call(hook, "agent.cli_run", "resume_driver", seconds=30),
}


def _finish(term: Terminal) -> str:
    term.proc.wait(timeout=PATIENCE)
    return term.said()


def _prompt_shows(sid: str, after: str, text: str, extra: list[str] | None = None) -> None:
    """An interactive resume puts `text` back in the prompt of the question `after` names."""
    again = Terminal(["--resume", sid, *(extra or [])])
    try:
        again.wait_for_prompt(after=after)
        again.wait_for(text)
    finally:
        again.close()


@pytest.mark.parametrize(("moment", "submit"), [("opening", True), ("loading", False)])
def test_ctrl_c_key_at_a_resume_getting_ready_keeps_what_was_typed(
    isolated_data_dir: Path, tmp_path: Path, moment: str, submit: bool
) -> None:
    saved = run(*FAST, "--questions", "2", stdin=scripted("I moved our builds to one system and cut them to 9 min."))
    assert saved.returncode == 3, saved.stdout + saved.stderr
    sid = session_id(saved.stdout)
    env, mark = MOMENTS[moment](tmp_path / "hook")
    term = Terminal(["--resume", sid], controlling=True, extra_env=env)
    try:
        term.wait_for_mark(mark, PATIENCE)
        term.wait_for("you can start typing")
        term.type(TYPED + ("\x1b\r" if submit else ""))
        term.delivered()  # the keys wait in the terminal's input queue, or are read (no prompt reads them yet)
        term.type("\x03")  # the keyboard's Ctrl-C: the terminal driver sends the SIGINT
        said = _finish(term)
    finally:
        term.close()
    assert term.proc.returncode == 130, said[-1500:]
    if not submit:
        assert "What you typed while the session got ready is kept, not submitted" in said, said[-1500:]
        _prompt_shows(sid, "Question 2/2", TYPED)
        return
    # submitted (Esc Enter): an answer, graded on resume (sweep32 S9), as one submitted while a new session got ready
    assert "Your answer submitted while the session got ready is saved" in said, said[-1500:]
    again = Terminal(["--resume", sid])
    try:
        again.wait_for("Transcript:")
        assert again.exit_code() == 0
        shown = " ".join(again.text().split())
    finally:
        again.close()
    assert "Recovered 1 answer you submitted before the session stopped" in shown, shown[-1500:]
    report = (isolated_data_dir / "reports" / f"{sid}.md").read_text(encoding="utf-8")
    assert TYPED in " ".join(report.split()), report[-1500:]


def test_ctrl_c_key_while_the_model_grades_keeps_keys_typed_ahead(isolated_data_dir: Path) -> None:
    with StubOpenAI(delay=30.0) as server:
        term = Terminal([*ARGS, "--questions", "2", "--model", "stub-model", "--base-url", server.url],
                        controlling=True, extra_env={"OPENAI_API_KEY": "sk-test-not-a-key"})  # fmt: skip
        try:
            term.wait_for_prompt(after="Question 1/2")
            sid = session_id(term.text())
            term.submit("I set up a weekly review of the paging budget and pages fell from 9 to 4 in a quarter.")
            term.wait_for("The model is grading your answer")
            term.type(TYPED)
            term.wait_for(TYPED)  # echoed by the terminal: the candidate sees it typed
            term.type("\x03")
            said = _finish(term)
        finally:
            term.close()
    assert term.proc.returncode == 130, said[-1500:]
    assert "The draft you had typed is kept" in said, said[-1500:]
    _prompt_shows(sid, "Question 2/2", TYPED, ["--offline"])
