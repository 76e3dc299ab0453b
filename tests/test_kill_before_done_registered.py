"""sweep29 S8 (the natural-last-answer half of sweep28 S6): a kill -9 after the last answer's step was saved and
before the session was marked done left it listed "active", and `--resume ID` then said "This session is already
finished; here is its report again" of a report never written or shown. The resume now says the interview had ended
when the session stopped and that its report is written now. The gap is made certain (tests.slow_hook pauses the
"done" registration); measured without the pause: 0.4-8.3 ms after LangGraph's last checkpoint write (5 scripted
sessions, load 2.5-2.7). Real pty, real SQLite session file, real kill -9."""

from __future__ import annotations

import re
from pathlib import Path

from tests.slow_hook import slow_call
from tests.test_first_draft_kept import ARGS, _run
from tests.test_kill_after_end import ANSWER, LAST, _listed
from tests.test_session_tty import Terminal


def test_a_kill_before_the_last_answer_is_marked_done_is_resumed_as_ended_now(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.checkpoint", "SqliteStore.register",
                          "len(args) > 3 and args[3] == 'done'", seconds=5)  # fmt: skip
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.submit(ANSWER)
        term.wait_for_prompt(after="Question 2/2")
        term.submit(LAST)
        term.kill_at_mark(mark)
        found = re.search(r"Session: (\S+)", term.text())
    finally:
        term.close()
    assert found, term.text()[-1500:]
    thread_id = found.group(1)
    assert "active" in _listed(thread_id)  # the gap this test stands in
    resumed = _run("--resume", thread_id)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    said = " ".join(resumed.stdout.split())
    assert "The interview had ended when the session stopped; its report is written now." in said, said[-1500:]
    assert "already finished" not in said, said[-1500:]
    report = (isolated_data_dir / "reports" / f"{thread_id}.md").read_text(encoding="utf-8")
    assert LAST[:60] in " ".join(report.split()), report[-1500:]
    assert " done " in f" {_listed(thread_id)} "
