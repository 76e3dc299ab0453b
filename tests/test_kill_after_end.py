"""kill -9 moments after `/end` (sweep27 S11): `--list-sessions` said "active" while `--resume` said "already
finished", and a bare `--resume` picked that finished session. The list and resume now agree: the session is done
from the moment its end is recorded (or its last answer's step saved), and `--resume ID` writes its report with
every answer, saying that the interview had ended when it stopped (its report had not been written nor shown).

Each moment is made certain by slowing one function in the child (tests.slow_hook) and killing it there: while the
graph wraps the interview up after /end (the end recorded, the graph's step not saved), and while the report is
written after /end or after the last answer (the graph's last step saved). Real pty, real SQLite session file, real
kill -9."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_first_draft_kept import ARGS, _run
from tests.test_session_tty import PATIENCE, REPO, Terminal

ANSWER = "I moved three teams onto one release train and failed deploys fell from 11 a month to 2 in a quarter."
LAST = "I set one error budget per service with its owners and paging fell by half within two months."
# how the interview ends (/end, or the last question answered), and the function the kill lands in
MOMENTS = {
    "end-wrapping-up": ("/end", "agent.nodes.wrap_up", "wrap_up"),
    "end-writing-the-report": ("/end", "agent.report", "write_report"),
    "last-answer-writing-the-report": ("last", "agent.report", "write_report"),
}


def _listed(thread_id: str) -> str:
    out = subprocess.run([sys.executable, "-m", "agent.session", "--list-sessions"], cwd=REPO, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "COLUMNS": "200"})  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if thread_id in line]
    assert rows, out.stdout
    return rows[0]


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_kill_9_right_after_end_leaves_a_session_the_list_and_resume_agree_is_done(
    isolated_data_dir: Path, tmp_path: Path, moment: str
) -> None:
    how, module, function = MOMENTS[moment]
    env, mark = slow_call(tmp_path / "hook", module, function, seconds=PATIENCE)  # until the kill
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for_prompt(after="Question 2/2")
        if how == "/end":
            term.type("/end\r")
        else:
            term.submit(LAST)
        term.kill_at_mark(mark)
        found = re.search(r"Session: (\S+)", term.text())
    finally:
        term.close()
    assert found, term.text()[-1500:]
    thread_id = found.group(1)
    row = _listed(thread_id)
    assert " done " in f" {row} " and "active" not in row, row
    # a bare --resume looks for an unfinished session: there is none
    bare = _run("--resume")
    assert bare.returncode == 2 and "no unfinished session" in bare.stderr, bare.stdout + bare.stderr
    resumed = _run("--resume", thread_id)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    said = " ".join(resumed.stdout.split())
    # its report was never written nor shown: not "already finished ... here is its report again" (sweep29 S8)
    assert "The interview had ended when the session stopped; its report is written now." in said, said[-1500:]
    assert "already finished" not in said, said[-1500:]
    report = (isolated_data_dir / "reports" / f"{thread_id}.md").read_text(encoding="utf-8")
    assert ANSWER[:60] in " ".join(report.split()), report[-1500:]
    assert how == "/end" or LAST[:60] in " ".join(report.split()), report[-1500:]
    assert " done " in f" {_listed(thread_id)} "


def test_kill_9_once_end_is_in_the_answer_journal_only_resumes_as_ended_now(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """sweep30 S4: a kill 0-20 ms after `/end` lands once the prompt's /end is in the answer journal (pending/) and
    before the session database has it: the session is unfinished (a bare --resume picks it), and that resume said
    "Recovered 1 request to end the interview ...; graded now." and "This session is already finished; here is its
    report again." of a report never written."""
    condition = "len(args) > 3 and isinstance(args[3], dict) and args[3].get('kind') == 'end'"
    env, mark = slow_call(tmp_path / "hook", "agent.answer_journal", "record", condition, seconds=30, after=True)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for_prompt(after="Question 2/2")
        term.type("/end\r")
        term.kill_at_mark(mark)
        found = re.search(r"Session: (\S+)", term.text())
    finally:
        term.close()
    assert found, term.text()[-1500:]
    thread_id = found.group(1)
    bare = _run("--resume")
    said = " ".join(bare.stdout.split())
    assert bare.returncode == 0 and thread_id in said, bare.stdout + bare.stderr
    assert "Recovered your request to end the interview, made before the session stopped" in said, said[-1500:]
    assert "The interview had ended when the session stopped; its report is written now." in said, said[-1500:]
    assert "already finished" not in said and "graded now" not in said, said[-1500:]
    report = (isolated_data_dir / "reports" / f"{thread_id}.md").read_text(encoding="utf-8")
    assert ANSWER[:60] in " ".join(report.split()), report[-1500:]
    assert " done " in f" {_listed(thread_id)} "
