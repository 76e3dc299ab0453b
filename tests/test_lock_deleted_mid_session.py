"""A session whose lock file is deleted while it waits at a prompt (`rm -rf <data>/locks`) never drops an answer it
accepts: a second process may then resume and finish the session, and the first one's next answer is refused with one
line naming where it is kept, not graded into a finished session without a word (sweep 37 C10). With the second
process still running, the first one's submit is refused the same way, naming that process. Real pty and CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.test_early_answer_durable import _reported_answers
from tests.test_session_tty import REPO, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I split our monolith's billing module out over two quarters; invoice errors fell from 40 a month to 6."
SECOND = "Then I paired each team lead with an on-call buddy, and pages after midnight halved within eight weeks."
OTHER = "Answered from another window: we moved the nightly batch to streaming and cut lag from 6 hours to 5 minutes."


def _at_second_question() -> Terminal:
    term = Terminal(ARGS)
    term.wait_for_prompt(after="Question 1/2")
    term.submit(FIRST)
    term.wait_for_prompt(after="Question 2/2")
    return term


def test_an_answer_after_another_process_finished_the_session_is_refused_and_kept(isolated_data_dir: Path) -> None:
    term = _at_second_question()
    try:
        shutil.rmtree(isolated_data_dir / "locks")
        other = subprocess.run([sys.executable, "-m", "agent.session", "--resume"], input=f"{OTHER}\n/done\n/end\n",
                               capture_output=True, text=True, cwd=REPO, timeout=240)  # fmt: skip
        assert other.returncode == 0, other.stdout[-800:] + other.stderr[-800:]
        term.submit(SECOND)
        exited = term.proc.wait(timeout=240)
        said = term.said()
    finally:
        term.close()
    assert exited == 2, said[-1500:]
    assert "answered in another process" in said, said[-1500:]
    (kept,) = (isolated_data_dir / "reports").glob("*.refused-answer-1.txt")
    assert kept.read_text(encoding="utf-8") == SECOND
    assert str(kept) in said.replace(" ", "") or kept.name in said, said[-1500:]
    assert "Score" not in said.split("Question 2/2")[-1], said[-1500:]  # never graded as if it counted
    assert _reported_answers(isolated_data_dir) == [FIRST, OTHER]


def test_an_answer_while_another_process_holds_the_session_is_refused_and_kept(isolated_data_dir: Path) -> None:
    term = _at_second_question()
    other = None
    try:
        shutil.rmtree(isolated_data_dir / "locks")
        other = Terminal(["--resume"])  # takes the session under a new lock file and waits at its prompt
        other.wait_for_prompt(after="Question 2/2")
        term.submit(SECOND)
        exited = term.proc.wait(timeout=240)
        said = term.said()
        other.submit(OTHER)
        other.wait_for("Transcript:")
        assert other.exit_code() == 0
    finally:
        term.close()
        if other is not None:
            other.close()
    assert exited == 2, said[-1500:]
    assert "open in another process" in said, said[-1500:]
    (kept,) = (isolated_data_dir / "reports").glob("*.refused-answer-1.txt")
    assert kept.read_text(encoding="utf-8") == SECOND
    assert _reported_answers(isolated_data_dir) == [FIRST, OTHER]
